package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the report: candidates ranked from 1, then rejected methods. Candidates of the application's own code
 * come first by score, then candidates whose port is library work (a dependency's method, or one with more of its CPU
 * in dependency code than in its own: a port means forking or reimplementing the library) by score, unless the user ranks them together ({@code ranking.dependenciesWithOwnCode}). Rejected
 * methods follow by score. Ties break by key.
 */
final class Ranking {
    private Ranking() {}

    static List<MethodReport> rank(List<MethodReport> reports, boolean dependenciesWithOwnCode) {
        Comparator<MethodReport> byScore = Comparator.comparingDouble(MethodReport::score).reversed().thenComparing(MethodReport::key);
        Comparator<MethodReport> candidates = dependenciesWithOwnCode ? byScore
                : Comparator.comparing((MethodReport m) -> isDependency(m)).thenComparing(byScore);
        List<MethodReport> out = new ArrayList<>();
        int rank = 1;
        for (MethodReport m : reports.stream().filter(m -> m.verdict() == Verdict.CANDIDATE).sorted(candidates).toList()) {
            out.add(m.withVerdict(m.findings(), m.verdict(), null, rank++, m.suggestion()));
        }
        reports.stream().filter(m -> m.verdict() == Verdict.REJECTED).sorted(byScore)
                .forEach(m -> out.add(m.withVerdict(m.findings(), m.verdict(), m.rejectedBy(), null, m.suggestion())));
        return out;
    }

    /** Whether a port of the method is library work ({@link MethodReport.Code#libraryWork()}). */
    static boolean isDependency(MethodReport m) {
        return m.code() != null && m.code().libraryWork();
    }
}

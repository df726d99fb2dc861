package dev.oxidizer.analyzer;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The score's one scale (sampled CPU), the ranking's tiers, and the headline that counts each CPU second once. */
class ScoringAndRankingTest {
    /** 1,000 calls of 1 ms median (3 ms mean: preempted) over a 100 s window; {@code cpuNs} sampled. */
    static MethodFacts facts(String key, double cpuNs, Double callsPerDay) {
        return new MethodFacts(key, "a.K", key.substring(key.indexOf('#') + 1, key.indexOf('(')), "([D)D", true, 1000L, 0,
                callsPerDay, "agent", 2, 3_000_000.0, 3e9, 9_000_000L, 0, Math.round(cpuNs / 1e7), cpuNs, 0.3, 0, 0, 0, 0, 0, 0,
                null, true, "a.K.handle", 1.0, List.of(), null, null, 100, 10_000_000, 1.0, 0, false, 0);
    }

    @Test
    void theScoreComesFromSampledCpuNeverFromWallTime() {
        // 2 s of CPU in a 100 s window: 1,728 CPU-s/day; at 2x a port saves half, less 50 ns x 864,000 calls/day.
        MethodFacts f = facts("a.K#m([D)D", 2e9, 864_000.0);
        assertEquals(1728.0, Scoring.cpuSecondsPerDay(f), 1e-9);
        assertEquals(864.0 - 0.0432, Scoring.savedPerDay(f, 50, 2.0), 1e-3);
        // Its wall time (3 s: mean x calls, mostly waiting) plays no part: the same CPU with ten times the wall scores the same.
        MethodFacts slow = new MethodFacts("a.K#m([D)D", "a.K", "m", "([D)D", true, 1000L, 0, 864_000.0, "agent", 2, 30_000_000.0,
                3e10, 90_000_000L, 0, 200, 2e9, 0.03, 0, 0, 0, 0, 0, 0, null, true, "a.K.handle", 1.0, List.of(), null, null, 100,
                10_000_000, 1.0, 0, false, 0);
        assertEquals(Scoring.savedPerDay(f, 50, 2.0), Scoring.savedPerDay(slow, 50, 2.0));
        // Never negative; calls unknown: no crossing cost is charged.
        assertEquals(0.0, Scoring.savedPerDay(facts("a.K#z([D)D", 0, 1e12), 50, 2.0));
        assertEquals(864.0, Scoring.savedPerDay(facts("a.K#u([D)D", 2e9, null), 50, 2.0), 1e-9);
    }

    static MethodReport report(String key, double score, Verdict verdict, String origin, MethodReport.CallTree tree) {
        return new MethodReport(key, "a.K", key.substring(key.indexOf('#') + 1, key.indexOf('(')), "()V", "void m()", true, null,
                null, null, null, null, null, List.of(new Finding("r", "r", verdict == Verdict.CANDIDATE ? Outcome.PASS : Outcome.FAIL,
                50, "s", "e", null, Map.of())), verdict, verdict == Verdict.CANDIDATE ? null : "r", null, score,
                MethodReport.Confidence.HIGH, null, tree, null, new MethodReport.Code(origin, "public", 0.0, 0.0, 0.0, null));
    }

    @Test
    void ownCodeCandidatesRankAboveDependencyCandidatesUnlessTheUserRanksThemTogether() {
        List<MethodReport> in = List.of(report("a.K#lib()V", 500, Verdict.CANDIDATE, "dependency", null),
                report("a.K#small()V", 10, Verdict.CANDIDATE, "application", null),
                report("a.K#big()V", 100, Verdict.CANDIDATE, "application", null),
                report("a.K#no()V", 1000, Verdict.REJECTED, "application", null));
        List<MethodReport> ranked = Ranking.rank(in, false);
        assertEquals(List.of("a.K#big()V", "a.K#small()V", "a.K#lib()V", "a.K#no()V"), ranked.stream().map(MethodReport::key).toList());
        assertEquals(3, ranked.get(2).rank());
        assertNull(ranked.get(3).rank());
        List<MethodReport> mixed = Ranking.rank(in, true);
        assertEquals("a.K#lib()V", mixed.getFirst().key());
    }

    @Test
    void theHeadlineCountsACandidateAndItsCandidateCalleesOnce() {
        // outer: 100 samples, 60 of them inside inner (itself a candidate): only 40 % of outer's saving is its own.
        MethodReport.CallTree tree = new MethodReport.CallTree("a.K.outer", 100,
                List.of(new MethodReport.CallTree("a.K.inner", 60, List.of()), new MethodReport.CallTree("a.K.helper", 30, List.of())));
        List<MethodReport> ranked = Ranking.rank(List.of(report("a.K#outer()V", 100, Verdict.CANDIDATE, "application", tree),
                report("a.K#inner()V", 60, Verdict.CANDIDATE, "application", null)), false);
        Report.Savings s = Headline.of(ranked, Map.of("a.K#outer()V", 200.0, "a.K#inner()V", 120.0), 1000.0, 2.0);
        assertEquals(100 * 0.4 + 60, s.cpuSecondsPerDay(), 1e-9);
        assertEquals(200 * 0.4 + 120, s.candidatesCpuSecondsPerDay(), 1e-9);
        assertTrue(s.fits(), s.note());
        Report.Savings over = Headline.of(ranked, Map.of("a.K#outer()V", 200.0, "a.K#inner()V", 120.0), 150.0, 2.0);
        assertFalse(over.fits(), over.note());
        assertTrue(over.note().contains("more than the JVMs used"), over.note());
    }
}

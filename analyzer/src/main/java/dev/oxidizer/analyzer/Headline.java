package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The report's headline saving: the candidates' scores added up with each CPU second counted once, checked against
 * the CPU the recorded JVMs used. A candidate that calls other candidates holds their samples too, so the share of
 * its sampled call tree inside other candidates (the first candidate frame on each path) is left to them; the rest
 * of its score counts. The candidates' sampled CPU is checked the same way against jdk.CPULoad's JVM CPU: the saving
 * of methods cannot exceed the CPU they were seen using, and that cannot exceed what their JVMs used.
 */
final class Headline {
    private Headline() {}

    static Report.Savings of(java.util.List<MethodReport> ranked, Map<String, Double> cpuPerDay, Double jvmCpuPerDay, double speedup) {
        Map<String, MethodReport> byFrame = new HashMap<>();
        for (MethodReport m : ranked) {
            if (m.verdict() == Verdict.CANDIDATE) {
                byFrame.put(m.className() + "." + m.methodName(), m);
            }
        }
        double saved = 0;
        double cpu = 0;
        for (MethodReport m : ranked) {
            if (m.verdict() != Verdict.CANDIDATE) {
                continue;
            }
            double own = 1 - coveredShare(m, byFrame);
            saved += m.score() * own;
            cpu += cpuPerDay.getOrDefault(m.key(), 0.0) * own;
        }
        saved = Math.round(saved * 1000) / 1000.0;
        cpu = Math.round(cpu * 1000) / 1000.0;
        String basis = String.format(Locale.ROOT, "sampled CPU time on a core (never wall time), x (1 - 1/%.2f) at the assumed "
                + "speedup, less the FFM crossing cost per call", speedup);
        if (jvmCpuPerDay == null) {
            return new Report.Savings(basis, saved, cpu, null, null, String.format(Locale.ROOT,
                    "the candidates used %.0f CPU-s/day (sampled); the JVMs' own CPU use is not in the recording (jdk.CPULoad, "
                            + "jdk.CPUInformation), so it cannot be checked against it", cpu));
        }
        boolean fits = cpu <= jvmCpuPerDay;
        return new Report.Savings(basis, saved, cpu, Math.round(jvmCpuPerDay * 1000) / 1000.0, fits, String.format(Locale.ROOT,
                "the candidates used %.0f CPU-s/day (sampled, each counted once) of the %.0f CPU-s/day (%.2f cores) the recorded "
                        + "JVMs used by jdk.CPULoad (%.0f%%)%s", cpu, jvmCpuPerDay, jvmCpuPerDay / Analyzer.DAY_SECONDS,
                jvmCpuPerDay > 0 ? 100 * cpu / jvmCpuPerDay : 0,
                fits ? "" : ": more than the JVMs used, so the sampled CPU is over-estimated (a saturated sampler or a "
                        + "misread period); treat every score as an upper bound"));
    }

    /** Share of {@code m}'s sampled call tree inside other candidates (first candidate frame on each path). */
    static double coveredShare(MethodReport m, Map<String, MethodReport> candidates) {
        MethodReport.CallTree tree = m.callTree();
        if (tree == null || tree.samples() == 0) {
            return 0;
        }
        long inOthers = 0;
        for (MethodReport.CallTree child : tree.children()) {
            inOthers += inCandidates(child, m, candidates);
        }
        return Math.min(1, inOthers / (double) tree.samples());
    }

    private static long inCandidates(MethodReport.CallTree node, MethodReport self, Map<String, MethodReport> candidates) {
        MethodReport c = candidates.get(node.frame());
        if (c != null && c != self) {
            return node.samples();
        }
        long n = 0;
        for (MethodReport.CallTree child : node.children()) {
            n += inCandidates(child, self, candidates);
        }
        return n;
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.Scores;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Report} as the plain-text table {@code oxidizer analyze} prints: a header with the mode,
 * window and assumptions, the ranked candidates, then the rejected methods with the rule that rejected them
 * and its numbers, then warnings. Plain ASCII, no colours, stable column order, so it can be diffed and grepped.
 */
public final class ReportToTable {
    private ReportToTable() {}

    /** @param top most candidates and rejected methods shown each (0 = all) */
    public static String render(Report r, int top) {
        StringBuilder sb = new StringBuilder();
        Report.Window w = r.window();
        sb.append(String.format(Locale.ROOT, "Oxidizer analysis (%s mode): %s window over %d JVM(s), %d recording(s)%s%n",
                r.mode(), Scores.ns(w.durationSeconds() * 1e9), w.jvms(), r.recordings().size(),
                r.application() == null ? "" : ", application " + r.application()));
        if (r.fleet() != null) {
            Report.Fleet f = r.fleet();
            sb.append(String.format(Locale.ROOT, "Calls per day measured by Prometheus %s %s over %s (%s of data, %d JVM run(s), "
                            + "%d target(s)); CPU and waits from the recording(s)%n", f.url(), f.selector(), f.range(),
                    Scores.ns(f.coveredSeconds() * 1e9), f.jvms(), f.instances()));
        }
        Report.Assumptions a = r.assumptions();
        String ffm = a.ffmPlainCallNs() == null ? Scores.ns(a.ffmCallNs()) + " per call"
                : Scores.ns(a.ffmCallNs()) + " per call copying arguments, " + Scores.ns(a.ffmPlainCallNs()) + " with primitive ones";
        sb.append(String.format(Locale.ROOT, "Score = CPU seconds saved per day, from the CPU each method was sampled using, at an "
                        + "assumed %.1fx speedup, minus FFM call cost (%s, %s)%n",
                a.speedup(), ffm, a.ffmCallMeasured() ? "measured on this JVM" : "configured"));
        if (r.savings() != null) {
            sb.append(String.format(Locale.ROOT, "Headline: %s CPU-s/day saved by the candidates, each counted once; %s%n",
                    Scores.num(r.savings().cpuSecondsPerDay()), r.savings().note()));
        }
        sb.append('\n');
        List<MethodReport> candidates = r.candidates();
        List<MethodReport> rejected = r.rejected();
        sb.append("Candidates (").append(candidates.size()).append(")\n");
        if (candidates.isEmpty()) {
            sb.append("  none: every analysed method was rejected by a rule (see below)\n");
        } else {
            sb.append(String.format(Locale.ROOT, "  %4s %10s %-6s %12s %10s %6s %-9s %s%n", "rank", "score", "conf", "calls/day",
                    "median", "cpu", "pattern", "method"));
            for (MethodReport m : limit(candidates, top)) {
                sb.append(String.format(Locale.ROOT, "  %4d %10s %-6s %12s %10s %6s %-9s %s%n", m.rank(), Scores.num(m.score()),
                        m.confidence(), m.calls() == null ? "?" : Scores.num(m.calls().perDay()),
                        m.latency() == null || m.latency().p50Ns() < 0 ? "?" : Scores.ns(m.latency().p50Ns()),
                        m.cpu() == null || m.cpu().cpuBoundRatio() == null ? "?" : String.format(Locale.ROOT, "%.2f", m.cpu().cpuBoundRatio()),
                        m.suggestion() == null ? "" : m.suggestion().pattern(), m.key()));
                if (m.code() != null && m.code().portNote() != null) {
                    sb.append("         ").append(m.code().origin()).append(": ").append(m.code().portNote()).append('\n');
                }
                for (Finding f : m.findings()) {
                    if (f.outcome() == Outcome.UNKNOWN || (f.outcome() == Outcome.INFO && f.score() >= 50)) {
                        sb.append("         ").append(f.outcome()).append(' ').append(f.ruleId()).append(": ").append(f.summary()).append('\n');
                    }
                }
            }
            if (top > 0 && candidates.size() > top) {
                sb.append("  ... ").append(candidates.size() - top).append(" more in the JSON report\n");
            }
        }
        sb.append("\nRejected (").append(rejected.size()).append(")\n");
        for (MethodReport m : limit(rejected, top)) {
            Finding why = m.findings().stream().filter(f -> f.ruleId().equals(m.rejectedBy())).findFirst().orElse(null);
            sb.append("  ").append(m.key()).append('\n');
            sb.append("      rejected by ").append(m.rejectedBy()).append(": ").append(why == null ? "" : why.summary()).append('\n');
            if (m.suggestion() != null && m.suggestion().coarserCaller() != null) {
                sb.append("      ").append(m.suggestion().reason()).append('\n');
            } else if (why != null && why.action() != null) {
                sb.append("      ").append(why.action()).append('\n');
            }
        }
        if (top > 0 && rejected.size() > top) {
            sb.append("  ... ").append(rejected.size() - top).append(" more in the JSON report\n");
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\nWarnings\n");
            for (String warning : r.warnings()) {
                sb.append("  - ").append(warning).append('\n');
            }
        }
        return sb.toString();
    }

    private static List<MethodReport> limit(List<MethodReport> list, int top) {
        return top > 0 && list.size() > top ? list.subList(0, top) : list;
    }
}

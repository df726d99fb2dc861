package dev.oxidizer.analyzer.fleet;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.analyzer.rules.Scores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet's measured calls per method over a range (from {@link FleetReader}), the input that replaces the
 * analyzer's projection of calls per day from the recordings' window. The recordings keep everything else: CPU,
 * waits, the latency the rules use, and {@code calls.observed} in their own window (the CPU-bound ratio relates the
 * recordings' samples to the recordings' calls).
 *
 * @param source   where the counts came from, copied into the report's {@code fleet}
 * @param methods  per method key, the calls and latency over the range, all JVMs
 * @param warnings what the reader noticed (reset counters)
 */
public record FleetCalls(Report.Fleet source, Map<String, MethodReport.Measured> methods, List<String> warnings) {
    private static final double DAY_SECONDS = 86_400;

    public FleetCalls {
        methods = Map.copyOf(methods);
        warnings = List.copyOf(warnings);
    }

    /** Calls per day of a method measured over the range, or null when the fleet has no counter for it. */
    public Double perDay(String key) {
        MethodReport.Measured m = methods.get(key);
        return m == null || !(source.coveredSeconds() > 0) ? null : m.calls() * DAY_SECONDS / source.coveredSeconds();
    }

    /** The facts with calls per day measured over the range instead of projected, when the fleet counted the method. */
    public MethodFacts applyTo(MethodFacts f) {
        Double perDay = perDay(f.key());
        return perDay == null || f.callsObserved() == null ? f : f.withCalls(f.callsObserved(), perDay);
    }

    /**
     * The method's report with its measured calls attached, and the calls-per-day finding's explanation saying that
     * the figure was measured, not projected.
     */
    public MethodReport annotate(MethodReport r) {
        MethodReport.Measured m = methods.get(r.key());
        Double perDay = perDay(r.key());
        if (m == null || perDay == null || r.calls() == null) {
            return r;
        }
        MethodReport.Calls c = r.calls();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.ruleId().equals("calls-per-day") && f.numbers().containsKey("callsPerDay")) {
                Map<String, Double> numbers = new LinkedHashMap<>(f.numbers());
                numbers.put("measuredCalls", (double) m.calls());
                numbers.put("measuredSeconds", source.coveredSeconds());
                numbers.put("jvms", (double) m.jvms());
                f = new Finding(f.ruleId(), f.ruleName(), f.outcome(), f.score(), f.summary(), "Measured "
                        + Scores.num(m.calls()) + " calls over " + Scores.num(source.coveredSeconds()) + " s across "
                        + m.jvms() + " JVM run(s) (Prometheus at " + source.url() + ", " + source.selector() + ", range "
                        + source.range() + "); that is " + Scores.num(perDay) + " calls/day, not projected. The recordings saw "
                        + Scores.num(c.observed()) + " calls in their " + Scores.num(f.numbers().getOrDefault("windowSeconds", 0.0))
                        + " s window.", f.action(), numbers);
            }
            findings.add(f);
        }
        MethodReport.Calls calls = new MethodReport.Calls(c.observed(), c.exceptional(), perDay, c.source(), c.threads(), m);
        return r.withCalls(calls).withVerdict(findings, r.verdict(), r.rejectedBy(), r.rank(), r.suggestion());
    }
}

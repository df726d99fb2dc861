package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.oxidizer.analyzer.rules.Scores.ns;
import static dev.oxidizer.analyzer.rules.Scores.num;
import static dev.oxidizer.analyzer.rules.Scores.pct;

/**
 * {@code cpu-bound}: the method's wall time must be spent on the CPU, not waiting. PASS when the CPU-bound ratio
 * (sampled on-CPU time / (measured wall time - time its threads waited for a core), see
 * {@link MethodFacts#cpuBoundRatio}) is at least {@code cpu-bound.minRatio} and recorded waits (park,
 * sleep, monitor, socket, file events through it) are at most {@code cpu-bound.maxWaitShare} of its wall time.
 * UNKNOWN when the wall time is unknown or so short that fewer than {@code cpu-bound.minExpectedSamples}
 * samples could have landed in it; without wall time (sampling-only) a FAIL is still given when recorded waits
 * exceed the sampled CPU time, because that is evidence enough.
 */
public final class CpuBoundRule implements Rule {
    public static final String MIN_RATIO = "cpu-bound.minRatio";
    public static final String MAX_WAIT_SHARE = "cpu-bound.maxWaitShare";
    public static final String MIN_EXPECTED_SAMPLES = "cpu-bound.minExpectedSamples";
    public static final String MAX_AGENT_SHARE = "cpu-bound.maxAgentShare";

    @Override
    public String id() {
        return "cpu-bound";
    }

    @Override
    public String name() {
        return "CPU-bound, not waiting";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.ExecutionSample", "jdk.CPUTimeSample");
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(
                new ThresholdSpec(MIN_RATIO, 0.7, "ratio",
                        "Smallest sampled on-CPU time / (measured wall time - time waiting for a core)", 0, 10),
                new ThresholdSpec(MAX_WAIT_SHARE, 0.2, "ratio", "Largest share of wall time in recorded park/monitor/IO waits", 0, 100),
                new ThresholdSpec(MIN_EXPECTED_SAMPLES, 5, "samples",
                        "Fewest samples the wall time must allow (wall / sampling period) before the ratio is judged", 0, 1e9),
                new ThresholdSpec(MAX_AGENT_SHARE, 0.25, "ratio",
                        "Largest share of its samples in the agent's probes of its callees before its timing is called unreliable", 0, 1));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double minRatio = ctx.threshold(MIN_RATIO);
        double maxWait = ctx.threshold(MAX_WAIT_SHARE);
        double minExpected = ctx.threshold(MIN_EXPECTED_SAMPLES);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("inclusiveSamples", (double) m.inclusiveSamples());
        numbers.put("samplePeriodNs", m.samplePeriodNs());
        numbers.put("cpuTimeNs", m.cpuTimeNs());
        numbers.put("waitNs", m.waitNs());
        numbers.put("parkEvents", (double) m.parkCount());
        numbers.put("monitorEvents", (double) m.monitorCount());
        numbers.put("ioEvents", (double) m.ioCount());
        numbers.put(MIN_RATIO, minRatio);
        numbers.put(MAX_WAIT_SHARE, maxWait);
        String waits = "recorded waits through it: park/sleep " + m.parkCount() + " (" + ns(m.parkNs()) + "), monitor "
                + m.monitorCount() + " (" + ns(m.monitorNs()) + "), socket/file " + m.ioCount() + " (" + ns(m.ioNs()) + ")";
        String cpu = "sampled on-CPU time ~ " + ns(m.cpuTimeNs()) + " (" + m.inclusiveSamples() + " samples x "
                + ns(m.samplePeriodNs()) + " effective period)";
        Double wall = m.totalWallNs();
        if (wall == null || wall <= 0) {
            if (m.waitNs() > 0 && m.waitNs() > m.cpuTimeNs()) {
                return new Finding(id(), name(), Outcome.FAIL, 10, dominantWait(m) + "-bound: waits exceed sampled CPU time",
                        "Wall time is unknown (no exact timing), but " + waits + " exceed the " + cpu + ".",
                        action(m), numbers);
            }
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "wall time unknown: CPU-bound ratio cannot be computed",
                    "No latency measurements (agent or jdk.MethodTiming) for this method; " + cpu + "; " + waits + ".",
                    "Run with the Oxidizer agent to time it.", numbers);
        }
        numbers.put("wallNs", wall);
        numbers.put("agentSampleShare", m.agentSampleShare());
        double expected = m.samplePeriodNs() > 0 ? wall / m.samplePeriodNs() : 0;
        numbers.put("expectedSamplesIfOnCpu", expected);
        double ratio = m.cpuBoundRatio() == null ? MethodFacts.cpuBoundRatio(m.cpuTimeNs(), wall, m.runQueueNs()) : m.cpuBoundRatio();
        double waitShare = m.waitNs() / wall;
        numbers.put("cpuBoundRatio", ratio);
        numbers.put("waitShare", waitShare);
        numbers.put("cpuAvailability", m.cpuAvailability());
        numbers.put("runQueueNs", m.runQueueNs());
        String explanation = cpu + " against a measured wall time of " + ns(wall) + " (mean x calls)"
                + (m.runQueueNs() > 0 ? " less " + ns(m.runQueueNs()) + " waiting for a core (its threads were on a CPU "
                + pct(m.cpuAvailability()) + " of the time they had work: more runnable threads than cores)" : "")
                + " gives a CPU-bound ratio of " + num(ratio) + " (threshold " + num(minRatio) + "); " + waits + ", "
                + pct(waitShare) + " of wall time (threshold " + pct(maxWait) + ").";
        if (waitShare > maxWait) {
            return new Finding(id(), name(), Outcome.FAIL, Scores.clamp(Math.min(ratio, 1) * 100 * (1 - Math.min(1, waitShare))),
                    dominantWait(m) + "-bound: " + pct(waitShare) + " of wall time waiting", explanation, action(m), numbers);
        }
        long allSamples = Math.round(m.inclusiveSamples() / Math.max(1e-9, 1 - m.agentSampleShare()));
        if (m.agentSampleShare() >= ctx.threshold(MAX_AGENT_SHARE) && allSamples >= 4 * minExpected) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0,
                    "instrumentation dominates its timing (" + pct(m.agentSampleShare()) + " of its samples in agent probes)",
                    pct(m.agentSampleShare()) + " of the execution samples through this method were in the agent's probes of its "
                            + "instrumented callees (threshold " + pct(ctx.threshold(MAX_AGENT_SHARE)) + "), and probes also hide "
                            + "samples, so its measured wall time (" + ns(wall) + ") says little about its own CPU use; " + cpu + ".",
                    "Exclude its small, hot callees from instrumentation (agent option exclude=...) and record again.", numbers);
        }
        if (expected < minExpected && m.inclusiveSamples() < minExpected) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0,
                    "too little wall time to judge (" + num(expected) + " samples possible)",
                    explanation + " With only " + num(expected) + " samples possible even if always on CPU (threshold "
                            + num(minExpected) + "), the ratio is noise.",
                    "Observe a longer window, or sample more often (settings=profile: 10 ms).", numbers);
        }
        boolean pass = ratio >= minRatio;
        return new Finding(id(), name(), pass ? Outcome.PASS : Outcome.FAIL, Scores.clamp(Math.min(ratio, 1) * 100),
                (pass ? "CPU-bound: " : "not CPU-bound: ") + "ratio " + num(ratio), explanation,
                pass ? null : action(m), numbers);
    }

    private static String dominantWait(MethodFacts m) {
        if (m.ioNs() >= m.monitorNs() && m.ioNs() >= m.parkNs() && m.ioNs() > 0) {
            return "I/O";
        }
        if (m.monitorNs() >= m.parkNs() && m.monitorNs() > 0) {
            return "lock";
        }
        return m.parkNs() > 0 ? "wait" : "off-CPU";
    }

    private static String action(MethodFacts m) {
        return switch (dominantWait(m)) {
            case "I/O" -> "Its time goes to socket/file I/O, which Rust does not make faster: batch or cache the I/O instead.";
            case "lock" -> "Its time goes to lock contention: shrink the critical section or use a concurrent structure; a port would not help.";
            case "wait" -> "Its time goes to parking or sleeping (waiting on other threads, queues or timers): a port would not help.";
            default -> "Its wall time is mostly off CPU (waiting in ways JFR did not record above its thresholds, or descheduled): "
                    + "profile the waits before considering a port.";
        };
    }
}

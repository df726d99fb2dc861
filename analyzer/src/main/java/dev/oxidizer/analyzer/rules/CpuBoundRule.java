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
 * samples could have landed in it, and when a low ratio rests on the estimate of the time its threads waited for a
 * core rather than on recorded waits (the waits explain under a tenth of the time unaccounted for, and that time is
 * within twice the estimated wait for a core, or the threads waited for a core more than they ran); without wall time (sampling-only) a FAIL is still given when recorded waits
 * exceed the sampled CPU time, because that is evidence enough.
 *
 * <p>Evidence: the ratio comes from a count of samples, so it carries the count's uncertainty. The finding computes a
 * 95 % interval for the count (Poisson, Wilson-Hilferty bounds) and the ratio at both ends; it PASSes only when the
 * whole interval is at or above the threshold, FAILs only when the whole interval is below, and is UNKNOWN in between
 * ("too few samples to decide"), so a verdict does not flip between two recordings of the same program on noise.
 * The share of recorded waits is taken against the measured wall time (neither side corrected) and is at most 1.
 */
public final class CpuBoundRule implements Rule {
    public static final String MIN_RATIO = "cpu-bound.minRatio";
    public static final String MAX_WAIT_SHARE = "cpu-bound.maxWaitShare";
    public static final String MIN_EXPECTED_SAMPLES = "cpu-bound.minExpectedSamples";
    public static final String MAX_AGENT_SHARE = "cpu-bound.maxAgentShare";
    /** Below this on-CPU share of its threads, a low ratio without recorded waits to explain it is not evidence of waiting. */
    static final double UNEXPLAINED_AVAILABILITY = 0.5;
    /** Recorded waits under this share of the time unaccounted for (not on a CPU, not waiting for a core) explain none of it. */
    static final double UNEXPLAINED_WAIT_SHARE = 0.1;
    /**
     * Time unaccounted for up to this multiple of the estimated wait for a core may be more of that wait (the
     * estimate is bounded per thread and can be off by its own size): not evidence of waiting either.
     */
    static final double UNEXPLAINED_RUN_QUEUE_FACTOR = 2;

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
        double measuredWall = m.measuredWallNs() != null && m.measuredWallNs() > 0 ? m.measuredWallNs() : wall;
        numbers.put("agentSampleShare", m.agentSampleShare());
        double expected = m.samplePeriodNs() > 0 ? wall / m.samplePeriodNs() : 0;
        numbers.put("expectedSamplesIfOnCpu", expected);
        double ratio = m.cpuBoundRatio() == null ? MethodFacts.cpuBoundRatio(m.cpuTimeNs(), wall, m.runQueueNs()) : m.cpuBoundRatio();
        // Waits against the wall time as measured: neither side is corrected, and the share cannot pass 100 % (wait
        // events can overlap, e.g. nested or on several stacks of one call).
        double waitShare = Math.min(1.0, m.waitNs() / measuredWall);
        double[] interval = ratioInterval(m, wall);
        numbers.put("cpuBoundRatioLow", interval[0]);
        numbers.put("cpuBoundRatioHigh", interval[1]);
        numbers.put("cpuBoundRatio", ratio);
        numbers.put("waitShare", waitShare);
        numbers.put("cpuAvailability", m.cpuAvailability());
        numbers.put("runQueueNs", m.runQueueNs());
        String explanation = cpu + " against a measured wall time of " + ns(wall) + " (mean x calls)"
                + (m.runQueueNs() > 0 ? " less " + ns(m.runQueueNs()) + " waiting for a core (its threads were on a CPU "
                + pct(m.cpuAvailability()) + " of the time they had work: more runnable threads than cores)" : "")
                + " gives a CPU-bound ratio of " + num(ratio) + " (95% interval from " + m.inclusiveSamples() + " samples: "
                + num(interval[0]) + "-" + num(interval[1]) + "; threshold " + num(minRatio) + "); " + waits + ", "
                + pct(waitShare) + " of the measured wall time of " + ns(measuredWall) + " (threshold " + pct(maxWait) + ")"
                + (ctx.ioEventsNote() == null || m.ioCount() == 0 ? "" : "; " + ctx.ioEventsNote()) + ".";
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
        if (interval[0] < minRatio && interval[1] >= minRatio) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0,
                    "too few samples to decide: ratio " + num(ratio) + ", 95% interval " + num(interval[0]) + "-" + num(interval[1]),
                    explanation + " The interval straddles the threshold: more samples are needed to decide either way.",
                    "Observe a longer or busier window, or sample more often (settings=profile: 10 ms).", numbers);
        }
        double unexplainedNs = Math.max(0, wall - m.runQueueNs() - m.cpuTimeNs());
        boolean starved = m.cpuAvailability() < UNEXPLAINED_AVAILABILITY
                || (m.runQueueNs() > 0 && unexplainedNs <= UNEXPLAINED_RUN_QUEUE_FACTOR * m.runQueueNs());
        if (interval[1] < minRatio && m.waitNs() < UNEXPLAINED_WAIT_SHARE * unexplainedNs && starved) {
            // What was recorded says little of what the rest of its wall time was, and its threads mostly waited for a
            // core: the low ratio rests on the run-queue estimate (bounded per thread), not on evidence of waiting
            // (seen: a BZip2 wrapper beside a CPU hog, 33 ms of waits against 1.9 s unaccounted for, ratio 0.43). The
            // estimate is as uncertain as it is large, so the same holds when the time unaccounted for is within
            // twice the estimated wait for a core, whatever the availability: beside a hog the same BZip2 wrapper
            // was UNKNOWN in one run (threads on a CPU 45.7 %, 1.08 s unaccounted for against 1.11 s waiting for a
            // core) and FAIL in another (ratio 0.418): the cliff at 50 % alone made its verdict flip.
            return new Finding(id(), name(), Outcome.UNKNOWN, 0,
                    "off-CPU time unexplained: ratio " + num(ratio) + " with " + (m.waitNs() == 0 ? "no recorded waits" : "recorded waits "
                            + ns(m.waitNs()) + " of " + ns(unexplainedNs) + " unaccounted for") + ", threads on a CPU " + pct(m.cpuAvailability()),
                    explanation + " The park, lock and I/O waits recorded through it account for under "
                            + pct(UNEXPLAINED_WAIT_SHARE) + " of the " + ns(unexplainedNs) + " neither on a CPU nor waiting for a core, "
                            + "and the estimated wait for a core (" + ns(m.runQueueNs()) + ", bounded per thread) is "
                            + (m.cpuAvailability() < UNEXPLAINED_AVAILABILITY ? "larger than its time on a CPU (threads on a CPU "
                            + pct(m.cpuAvailability()) + " of the time they had work)" : "at least half of that time")
                            + ": the missing time is most likely waiting for a core "
                            + "beyond what the estimate takes out, or time inside JIT intrinsics and stubs that JFR's sampler cannot walk.",
                    "Record on a quieter machine (or with jdk.CPUTimeSample) to decide.", numbers);
        }
        boolean pass = interval[0] >= minRatio;
        return new Finding(id(), name(), pass ? Outcome.PASS : Outcome.FAIL, Scores.clamp(Math.min(ratio, 1) * 100),
                (pass ? "CPU-bound: " : "not CPU-bound: ") + "ratio " + num(ratio), explanation,
                pass ? null : action(m), numbers);
    }

    /**
     * The CPU-bound ratio at the ends of a 95 % interval of its sample count: the count n is Poisson, bounded by the
     * Wilson-Hilferty approximation (within 1 % of the exact bounds from n = 1 on; the lower bound of 0 is 0), and the
     * ratio is recomputed with n' samples, the run-queue share scaling with them.
     */
    static double[] ratioInterval(MethodFacts m, double wall) {
        long n = m.inclusiveSamples();
        double perSample = m.samplePeriodNs();
        double runQueuePerSample = n > 0 ? m.runQueueNs() / n : 0;
        double[] count = Evidence.poisson(n);
        return new double[] {ratioWith(count[0], perSample, runQueuePerSample, wall),
                ratioWith(count[1], perSample, runQueuePerSample, wall)};
    }

    private static double ratioWith(double samples, double perSample, double runQueuePerSample, double wall) {
        double r = MethodFacts.cpuBoundRatio(samples * perSample, wall, samples * runQueuePerSample);
        return Double.isNaN(r) ? 0 : r;
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
            default -> "Its wall time is mostly off CPU with no recorded wait: waiting below JFR's thresholds, descheduled, or "
                    + "inside JIT intrinsics and stubs (array copies, CRC32, string coding) that JFR's sampler cannot walk; check "
                    + "what it calls before profiling waits.";
        };
    }
}

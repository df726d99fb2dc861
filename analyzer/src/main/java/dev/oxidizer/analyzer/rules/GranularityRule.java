package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.oxidizer.analyzer.rules.Scores.ns;
import static dev.oxidizer.analyzer.rules.Scores.pct;

/**
 * {@code granularity}: one FFM downcall (through a wrapper, measured on the analysing JVM) must be a small share
 * of the method's typical call: PASS when {@code ffmCallNs / medianNs <= granularity.maxCallShare}, where ffmCallNs is
 * the plain downcall's cost for a method whose arguments and result are all primitives and the copying wrapper's
 * otherwise ({@link RuleContext#ffmCallNsFor}). The median of the timed calls is used, not the mean: on a busy machine
 * preemption inflates the mean of short calls 10-80x (a call descheduled for a millisecond counts a millisecond), so a
 * method of 8 ns passed as "coarse enough" on its mean; the mean is shown beside it. Without percentiles
 * (jdk.MethodTiming) the mean is used and the finding says so. On FAIL the
 * action names the nearest caller seen in sampled stacks whose own mean passes the same test, or else advises
 * batching calls at the nearest application caller.
 */
public final class GranularityRule implements Rule {
    public static final String MAX_CALL_SHARE = "granularity.maxCallShare";

    @Override
    public String id() {
        return "granularity";
    }

    @Override
    public String name() {
        return "Coarse enough for a native call";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("oxidizer.MethodProfile", "jdk.MethodTiming");
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(new ThresholdSpec(MAX_CALL_SHARE, 0.05, "ratio",
                "Largest share of the method's mean time one FFM downcall may cost", 0, 1));
    }

    /** Whether a method with this mean passes; used for callers too. */
    public static boolean passes(double meanNs, double ffmCallNs, double maxShare) {
        return meanNs > 0 && ffmCallNs / meanNs <= maxShare;
    }

    @Override
    public RuleOutput judge(MethodFacts m, RuleContext ctx) {
        Finding f = evaluate(m, ctx);
        MethodFacts.Caller c = f.outcome() == Outcome.FAIL ? coarserCaller(m, ctx) : null;
        return RuleOutput.of(f).with(Results.ALTERNATIVE, c == null ? null : new MethodReport.Suggestion("native", c.key(),
                "too fine-grained for one downcall per call; port the nearest coarser caller " + c.key() + " (median "
                        + ns(c.typicalNs()) + ") instead"));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double max = ctx.threshold(MAX_CALL_SHARE);
        double ffm = ctx.ffmCallNsFor(m.descriptor());
        String call = Report.Assumptions.plainValues(m.descriptor())
                ? "One plain FFM downcall (primitive arguments and result, passed as they are)"
                : "One FFM downcall through a wrapper that copies the arguments into native memory";
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("ffmCallNs", ffm);
        numbers.put(MAX_CALL_SHARE, max);
        if (m.meanNs() == null && m.trivial()) {
            return new Finding(id(), name(), Outcome.FAIL, 0, "trivial: straight-line code that runs in nanoseconds",
                    "The agent found its bytecode trivial (no loop, no call but bounded JDK helpers and trivial methods "
                            + "of its own class, at most 64 instructions counted as if inlined: docs/agent.md), so a call "
                            + "takes nanoseconds whatever its arguments and one FFM downcall ("
                            + ns(ffm) + " on this JVM) would cost more than the method itself. The agent counts such methods "
                            + "without timing them.",
                    coarserAction(m, ctx, numbers), numbers);
        }
        if (m.typicalNs() == null) {
            Finding sampled = fromSampledCpu(m, ctx, ffm, max, numbers);
            if (sampled != null) {
                return sampled;
            }
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "call length unknown",
                    "The method was not timed (no agent histogram or jdk.MethodTiming average), so the FFM call's share cannot be computed.",
                    "Run with the Oxidizer agent to time it.", numbers);
        }
        double mean = m.typicalNs();
        boolean median = m.medianNs() != null;
        String statistic = median ? "median" : "mean";
        double share = mean > 0 ? ffm / mean : Double.POSITIVE_INFINITY;
        if (median) {
            numbers.put("medianNs", mean);
        }
        if (m.meanNs() != null) {
            numbers.put("meanNs", m.meanNs());
        }
        numbers.put("callShare", Double.isInfinite(share) ? 1e9 : share);
        boolean pass = passes(mean, ffm, max);
        String explanation = call + " costs " + ns(ffm) + " on this JVM; the method's " + statistic + " call takes " + ns(mean)
                + (median && m.meanNs() != null ? " (mean " + ns(m.meanNs()) + ", inflated by calls that were preempted or waited: "
                + "the median is what a typical call costs)" : " (no percentiles in the input: the mean is used, which preemption inflates)")
                + ", so the call alone would be " + (Double.isInfinite(share) ? "more than all" : pct(share)) + " of it (threshold "
                + pct(max) + ").";
        int score = Double.isInfinite(share) ? 0 : Scores.logScore(max, share, 50);
        if (pass) {
            return new Finding(id(), name(), Outcome.PASS, score, "FFM call is " + pct(share) + " of its " + ns(mean) + " " + statistic,
                    explanation, null, numbers);
        }
        String action = coarserAction(m, ctx, numbers);
        String shareText = Double.isInfinite(share) || share > 10 ? "more than 10x" : pct(share);
        return new Finding(id(), name(), Outcome.FAIL, score, "too fine-grained: FFM call would be " + shareText + " of its "
                + ns(mean) + " " + statistic, explanation, action, numbers);
    }

    /** Fewest inclusive CPU samples from which the CPU per call of an untimed method is judged. */
    static final long MIN_SAMPLES_PER_CALL_ESTIMATE = 10;

    /**
     * For a method counted but not timed (the agent's budget or a JIT limit took its timing away, or it was never
     * timed): its CPU per call is its sampled CPU divided by its exact call count. The FFM call is CPU too, so this is
     * the comparison that decides the payoff. Judged only on a 95 % interval of the sample count (Poisson, normal
     * approximation) lying wholly on one side of the threshold, with at least {@link #MIN_SAMPLES_PER_CALL_ESTIMATE}
     * samples; null otherwise (the rule then stays UNKNOWN).
     */
    private Finding fromSampledCpu(MethodFacts m, RuleContext ctx, double ffm, double max, Map<String, Double> numbers) {
        long n = m.inclusiveSamples();
        if (m.callsObserved() == null || m.callsObserved() <= 0 || n < MIN_SAMPLES_PER_CALL_ESTIMATE || !(m.cpuTimeNs() > 0)) {
            return null;
        }
        double perCall = m.cpuTimeNs() / m.callsObserved();
        double spread = 1.96 * Math.sqrt(n);
        double low = perCall * Math.max(0, n - spread) / n;
        double high = perCall * (n + spread + 2) / n;
        numbers.put("cpuNsPerCall", perCall);
        numbers.put("cpuNsPerCallLow", low);
        numbers.put("cpuNsPerCallHigh", high);
        String explanation = "The method was counted but not timed; its CPU per call, " + n + " CPU samples over "
                + m.callsObserved() + " exact calls, is " + ns(perCall) + " (95 % interval " + ns(low) + " to " + ns(high)
                + "), against " + ns(ffm) + " for one FFM downcall on this JVM (threshold " + pct(max) + " of the call).";
        if (!passes(high, ffm, max)) {
            return new Finding(id(), name(), Outcome.FAIL, 0, "too fine-grained: at most " + ns(high) + " of CPU per call",
                    explanation, coarserAction(m, ctx, numbers), numbers);
        }
        if (passes(low, ffm, max)) {
            return new Finding(id(), name(), Outcome.PASS, Scores.logScore(max, ffm / low, 50),
                    "at least " + ns(low) + " of CPU per call", explanation, null, numbers);
        }
        return null;
    }

    /**
     * The nearest sampled caller whose own mean passes this rule, each judged by the crossing cost of its own
     * signature; null when none does.
     */
    public static MethodFacts.Caller coarserCaller(MethodFacts m, RuleContext ctx) {
        double max = ctx.threshold(MAX_CALL_SHARE);
        for (MethodFacts.Caller c : m.callers()) {
            if (c.typicalNs() != null && passes(c.typicalNs(), ctx.ffmCallNsFor(descriptorOf(c.key())), max)) {
                return c;
            }
        }
        return null;
    }

    /** What to port instead: the nearest sampled caller coarse enough, else batching at the nearest caller. */
    private static String coarserAction(MethodFacts m, RuleContext ctx, Map<String, Double> numbers) {
        MethodFacts.Caller c = coarserCaller(m, ctx);
        if (c != null) {
            numbers.put("coarserCallerMedianNs", c.typicalNs());
            return "Port the coarser caller " + c.key() + " instead (median " + ns(c.typicalNs()) + ", FFM share "
                    + pct(ctx.ffmCallNsFor(descriptorOf(c.key())) / c.typicalNs()) + ", " + c.distance() + " frame(s) up in "
                    + c.samples() + " sampled stacks), so one downcall covers many calls of this method.";
        }
        if (m.nearestFrameCaller() != null) {
            return "Batch the calls: let " + m.nearestFrameCaller() + " (its nearest caller in sampled stacks) pass all inputs "
                    + "as arrays in one downcall, so the call cost is paid once per batch.";
        }
        return "Batch the calls at its callers: pass many inputs as arrays in one downcall, so the call cost is paid once per batch.";
    }

    /** The descriptor part of a method key ({@code pkg.Class#name(desc)}), or null. */
    public static String descriptorOf(String key) {
        int i = key == null ? -1 : key.indexOf('(');
        return i < 0 ? null : key.substring(i);
    }
}

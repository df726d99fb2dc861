package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.oxidizer.analyzer.rules.Scores.ns;
import static dev.oxidizer.analyzer.rules.Scores.num;

/**
 * {@code parallelism} (advisory, always INFO): long CPU-bound calls ({@code mean >= parallelism.minMeanNs},
 * CPU-bound ratio at least {@code parallelism.minRatio}) running on few threads ({@code <= parallelism.maxThreads})
 * leave cores idle that Rust threads could use by splitting one call's work. Score 80 when the hint applies,
 * else 10.
 */
public final class ParallelismRule implements Rule {
    public static final String MIN_MEAN_NS = "parallelism.minMeanNs";
    public static final String MAX_THREADS = "parallelism.maxThreads";
    public static final String MIN_RATIO = "parallelism.minRatio";

    @Override
    public String id() {
        return "parallelism";
    }

    @Override
    public boolean unknownLowersConfidence() {
        return false;
    }

    @Override
    public String name() {
        return "Could use more cores (advisory)";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.ExecutionSample");
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(
                new ThresholdSpec(MIN_MEAN_NS, 1_000_000, "ns", "Shortest mean call worth splitting across threads", 0, 1e15),
                new ThresholdSpec(MAX_THREADS, 2, "threads", "Most distinct threads running it for the hint to apply", 1, 1e6),
                new ThresholdSpec(MIN_RATIO, 0.7, "ratio", "Smallest CPU-bound ratio for the hint", 0, 10));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double minMean = ctx.threshold(MIN_MEAN_NS);
        double maxThreads = ctx.threshold(MAX_THREADS);
        double minRatio = ctx.threshold(MIN_RATIO);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put(MIN_MEAN_NS, minMean);
        numbers.put(MAX_THREADS, maxThreads);
        if (m.meanNs() == null || m.threads() == null) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "mean time or thread count unknown",
                    "Needs the method's mean time (agent or jdk.MethodTiming) and the threads seen running it (samples).", null, numbers);
        }
        numbers.put("meanNs", m.meanNs());
        numbers.put("threads", (double) m.threads());
        Double ratio = m.cpuBoundRatio();
        if (ratio != null) {
            numbers.put("cpuBoundRatio", ratio);
        }
        boolean applies = m.meanNs() >= minMean && m.threads() <= maxThreads && ratio != null && ratio >= minRatio;
        String explanation = "Mean call " + ns(m.meanNs()) + " (hint from " + ns(minMean) + "), seen on " + m.threads()
                + " thread(s) (hint at <= " + num(maxThreads) + "), CPU-bound ratio " + (ratio == null ? "unknown" : num(ratio)) + ".";
        if (applies) {
            return new Finding(id(), name(), Outcome.INFO, 80, "long CPU-bound calls on " + m.threads() + " thread(s): split the work",
                    explanation, "In Rust, split one call's input across cores (std::thread::scope over chunks of the slice).", numbers);
        }
        return new Finding(id(), name(), Outcome.INFO, 10, "no parallelism hint", explanation, null, numbers);
    }
}

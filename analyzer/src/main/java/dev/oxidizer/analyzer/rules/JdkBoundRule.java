package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.oxidizer.analyzer.rules.Scores.num;
import static dev.oxidizer.analyzer.rules.Scores.pct;

/**
 * {@code jdk-bound}: a method whose CPU samples lie mostly inside JDK methods backed by JIT intrinsics or native stubs
 * (string coding, digests and checksums, array copies and comparisons, number parsing and formatting, BigInteger, AES;
 * see {@code JdkIntrinsics}) is not a port target: a port would have to reimplement the JDK's vectorised code and would
 * likely lose to it (a wrapper passing a String even calls the JDK's encoder itself). FAIL when the 95 % interval of
 * that share lies at or above {@code jdk-bound.maxShare}, PASS when it lies below, UNKNOWN in between or without
 * samples; the finding names the JDK frames and their shares.
 */
public final class JdkBoundRule implements Rule {
    public static final String MAX_SHARE = "jdk-bound.maxShare";

    @Override
    public String id() {
        return "jdk-bound";
    }

    @Override
    public String name() {
        return "Its own work, not the JDK's intrinsics";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.ExecutionSample", "jdk.CPUTimeSample");
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(new ThresholdSpec(MAX_SHARE, 0.5, "ratio",
                "Largest share of the method's CPU samples inside JDK intrinsics and native stubs", 0, 1));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double max = ctx.threshold(MAX_SHARE);
        MethodFacts.CodeMix mix = m.codeMix();
        long n = m.inclusiveSamples();
        long k = mix.intrinsicSamples();
        double[] ci = Evidence.wilson(k, n);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("inclusiveSamples", (double) n);
        numbers.put("intrinsicSamples", (double) k);
        numbers.put("jdkSamples", (double) mix.jdkSamples());
        numbers.put("intrinsicShare", n == 0 ? 0 : k / (double) n);
        numbers.put("intrinsicShareLow", ci[0]);
        numbers.put("intrinsicShareHigh", ci[1]);
        numbers.put(MAX_SHARE, max);
        if (n == 0) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "no CPU samples",
                    "No execution sample went through the method, so where its CPU goes is unknown.", null, numbers);
        }
        String frames = mix.intrinsicFrames().isEmpty() ? "none"
                : mix.intrinsicFrames().stream().map(f -> f.frame() + " " + pct(f.samples() / (double) n)).collect(Collectors.joining(", "));
        String explanation = num(k) + " of its " + num(n) + " CPU samples (" + pct(k / (double) n) + ", 95% interval "
                + pct(ci[0]) + "-" + pct(ci[1]) + ") were inside JDK methods that the JIT runs as intrinsics or native stubs: "
                + frames + " (threshold " + pct(max) + "; all JDK code: " + pct(mix.jdkSamples() / (double) n) + ").";
        if (ci[0] >= max) {
            return new Finding(id(), name(), Outcome.FAIL, Scores.clamp(100 * (1 - k / (double) n)),
                    "JDK-bound: " + pct(k / (double) n) + " of its samples in JDK intrinsics (" + mix.intrinsicFrames().getFirst().frame() + ")",
                    explanation + " A port would have to reimplement that JDK code, which HotSpot runs with CPU-specific "
                            + "instructions, and would likely lose to it.",
                    "Keep it on the JVM; if its callers do more than call the JDK, look at them instead.", numbers);
        }
        if (ci[1] < max) {
            return new Finding(id(), name(), Outcome.PASS, Scores.clamp(100 * (1 - k / (double) n)),
                    pct(k / (double) n) + " of its samples in JDK intrinsics", explanation, null, numbers);
        }
        return new Finding(id(), name(), Outcome.UNKNOWN, 0,
                "too few samples to decide: " + pct(k / (double) n) + " in JDK intrinsics (95% interval " + pct(ci[0]) + "-" + pct(ci[1]) + ")",
                explanation + " The interval straddles the threshold.", "Observe a longer or busier window.", numbers);
    }
}

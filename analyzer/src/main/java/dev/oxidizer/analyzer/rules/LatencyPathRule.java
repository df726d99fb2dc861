package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latency-path}: the method must serve user latency: at least {@code latency-path.minShare} of the
 * events whose stacks pass through it (execution, wait and allocation samples) are under a latency-critical
 * entry point or on a latency-critical thread. UNKNOWN when no event names the method, or when no entry
 * point or thread matched anything in the whole input (then nothing can be said about any method).
 */
public final class LatencyPathRule implements Rule {
    public static final String MIN_SHARE = "latency-path.minShare";

    @Override
    public String id() {
        return "latency-path";
    }

    @Override
    public RuleOutput judge(MethodFacts m, RuleContext ctx) {
        Finding f = evaluate(m, ctx);
        return RuleOutput.of(f).with(Results.ON_LATENCY_PATH, f.outcome() == Outcome.PASS);
    }

    @Override
    public boolean unknownLowersConfidence() {
        return false;
    }

    @Override
    public String name() {
        return "On a user-latency path";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.ExecutionSample", "jdk.CPUTimeSample", "jdk.ThreadPark", "jdk.ObjectAllocationSample");
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(new ThresholdSpec(MIN_SHARE, 0.2, "ratio",
                "Smallest share of the method's sampled events under a latency-critical entry point or thread", 0, 1));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double min = ctx.threshold(MIN_SHARE);
        if (!ctx.latencyPathKnown()) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "no latency-critical entry point or thread found in the input",
                    (ctx.latencyConfigured() ? "None of the configured entry points or latency threads"
                            : "None of the default entry points (common servlet/netty/gRPC dispatch methods) or request-thread names")
                            + " matched a sampled stack or thread, so no method can be placed on a user-latency path.",
                    "Name the request entry point (--entry-point 'pkg.Handler.handle') or request threads (--latency-thread 'worker-*').",
                    Map.of(MIN_SHARE, min));
        }
        if (m.onLatencyPath() == null || m.latencyShare() == null) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "no sampled event names this method",
                    "No execution, wait or allocation sample had this method on its stack, so its callers are unknown.",
                    "Record longer or with the 'profile' settings (10 ms sampling) to catch it in samples.", Map.of(MIN_SHARE, min));
        }
        double share = m.latencyShare();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("share", share);
        numbers.put(MIN_SHARE, min);
        boolean pass = share >= min && share > 0;
        String explanation = Scores.pct(share) + " of the sampled events through this method ran under a latency-critical "
                + "entry point or thread" + (m.latencyMatched() != null ? " (matched: " + m.latencyMatched() + ")" : "")
                + "; the threshold is " + Scores.pct(min) + ".";
        return new Finding(id(), name(), pass ? Outcome.PASS : Outcome.FAIL, Scores.clamp(share * 100),
                (pass ? "serves user latency: " : "off the user-latency path: ") + Scores.pct(share) + " of its samples",
                explanation,
                pass ? null : "It does not delay users; porting it saves CPU only. Consider it only if CPU cost alone justifies the work.",
                numbers);
    }
}

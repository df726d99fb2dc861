package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;

import java.util.List;

/**
 * One explainable rule. Implementations are small, stateless and thread-safe, have a public no-argument
 * constructor and are found by {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.oxidizer.analyzer.rules.Rule}, in evaluation order).
 *
 * <p>A rule reads only the {@link MethodFacts} and its thresholds from the {@link RuleContext}. It returns
 * {@link dev.oxidizer.model.Outcome#UNKNOWN} when the figures it needs are absent, never a guess.
 */
public interface Rule {
    /** Stable id, e.g. {@code cpu-bound}; threshold keys start with it. */
    String id();

    /** Human name, e.g. "CPU-bound, not waiting". */
    String name();

    /** JFR event names whose presence the rule relies on (any one of them suffices). */
    List<String> requiredEvents();

    /** Thresholds with their defaults; keys are {@code <id>.<name>}. */
    List<ThresholdSpec> thresholds();

    /** Evaluates one method; never null. */
    Finding evaluate(MethodFacts method, RuleContext context);

    /**
     * Evaluates one method and publishes typed values beside the finding ({@link Results}); by default only the
     * finding. The analysis calls this, never {@link #evaluate} directly.
     */
    default RuleOutput judge(MethodFacts method, RuleContext context) {
        return RuleOutput.of(evaluate(method, context));
    }

    /**
     * Whether an UNKNOWN from this rule keeps a method below HIGH confidence. True for rules whose evidence the
     * saving depends on; false for context the user may simply not have configured (latency entry points) and for
     * advisory rules.
     */
    default boolean unknownLowersConfidence() {
        return true;
    }
}

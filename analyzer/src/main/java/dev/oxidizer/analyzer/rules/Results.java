package dev.oxidizer.analyzer.rules;

import dev.oxidizer.model.MethodReport;

/** The result values rules publish and the verdict, suggestion and report code read (see {@link ResultKey}). */
public final class Results {
    private Results() {}

    /**
     * What to do instead, published by a rule that fails a method but knows a better target (a coarser caller, the
     * heaviest portable callees, a callee that covers it); the suggestion of a method rejected by that rule.
     */
    public static final ResultKey<MethodReport.Suggestion> ALTERNATIVE = new ResultKey<>("alternative", MethodReport.Suggestion.class);

    /** Whether the method serves user latency (its share of events under entry points or on latency threads passes). */
    public static final ResultKey<Boolean> ON_LATENCY_PATH = new ResultKey<>("onLatencyPath", Boolean.class);

    /** Whether and how the method's signature crosses the FFM boundary, published by the signature rule. */
    public static final ResultKey<MethodReport.Portability> PORTABILITY = new ResultKey<>("portability", MethodReport.Portability.class);
}

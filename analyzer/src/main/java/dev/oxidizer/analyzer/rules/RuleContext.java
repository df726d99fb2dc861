package dev.oxidizer.analyzer.rules;

/** What a rule may know besides the method: thresholds in force and analysis-wide figures. */
public interface RuleContext {
    /** The value in force for a threshold key the rule declared. */
    double threshold(String key);

    /** Cost of one FFM downcall through a wrapper, in ns (measured on this JVM or configured). */
    double ffmCallNs();

    /** {@code agent}, {@code method-timing} or {@code sampling-only}. */
    String mode();

    /** Whether any latency-critical entry point or thread matched anything in the input. */
    boolean latencyPathKnown();

    /** Whether the entry points / threads came from the user (else documented defaults). */
    boolean latencyConfigured();
}

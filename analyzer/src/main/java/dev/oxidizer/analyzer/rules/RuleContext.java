package dev.oxidizer.analyzer.rules;

/** What a rule may know besides the method: thresholds in force and analysis-wide figures. */
public interface RuleContext {
    /** The value in force for a threshold key the rule declared. */
    double threshold(String key);

    /**
     * Cost of one FFM downcall through a wrapper that copies its arguments into native memory, in ns (measured on
     * this JVM or configured).
     */
    double ffmCallNs();

    /**
     * Cost of one downcall for a method of this descriptor: a plain downcall when its arguments and result are all
     * primitives (the wrapper passes them as they are), else {@link #ffmCallNs()}.
     */
    default double ffmCallNsFor(String descriptor) {
        return ffmCallNs();
    }

    /** {@code agent}, {@code method-timing} or {@code sampling-only}. */
    String mode();

    /** Whether any latency-critical entry point or thread matched anything in the input. */
    boolean latencyPathKnown();

    /** Whether the entry points / threads came from the user (else documented defaults). */
    boolean latencyConfigured();

    /**
     * A note on the completeness of socket and file events (e.g. JFR's throttle of 100 events/s was in force, so I/O
     * waits are a lower bound), null when they are complete or absent.
     */
    default String ioEventsNote() {
        return null;
    }
}

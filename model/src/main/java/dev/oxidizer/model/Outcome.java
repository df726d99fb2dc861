package dev.oxidizer.model;

/** Result of one rule on one method. */
public enum Outcome {
    /** The method meets the rule. */
    PASS,
    /** The method fails the rule; it is rejected. */
    FAIL,
    /** Advisory only: worth knowing, neither passes nor rejects (e.g. the parallelism hint). */
    INFO,
    /** The events the rule needs are absent; it could not decide. */
    UNKNOWN
}

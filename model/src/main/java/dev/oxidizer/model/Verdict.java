package dev.oxidizer.model;

/** Outcome of the rules for one method. */
public enum Verdict {
    /** Every rule passed: worth porting. */
    CANDIDATE,
    /** At least one rule failed; {@link MethodReport#rejectedBy()} names the first one. */
    REJECTED
}

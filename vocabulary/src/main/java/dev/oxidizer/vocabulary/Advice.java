package dev.oxidizer.vocabulary;

/**
 * The words for what to do with a method, one meaning each. The report's suggestion uses {@link #NATIVE},
 * {@link #SIDECAR}, {@link #QUEUE} and {@link #KEEP}; {@code oxidizer generate --pattern} accepts {@link #NATIVE},
 * {@link #SIDECAR}, {@link #QUEUE} and {@link #EMBED_JVM}. {@code keep} and {@code embed-jvm} are different advice:
 * {@code keep} leaves the code where it is, {@code embed-jvm} moves the program's entry point into Rust. The pattern
 * was once called {@code host}, a word too close to "keep it on the JVM"; {@code --pattern host} is still accepted with
 * one deprecation line.
 */
public enum Advice {
    /** Call a Rust function in-process through one FFM downcall per Java call. */
    NATIVE("native", "call a Rust function in-process through an FFM downcall"),
    /** Send requests to a separate Rust process; a crash or memory blow-up stays out of the JVM. */
    SIDECAR("sidecar", "send the work to a separate Rust process, which keeps a crash or memory blow-up out of the JVM"),
    /** Hand work to a Rust worker pool through a shared-memory queue and collect results asynchronously. */
    QUEUE("queue", "hand the work to a Rust worker pool through a queue and collect the results asynchronously"),
    /** Keep the method on the JVM: no port pays off. */
    KEEP("keep", "keep it on the JVM"),
    /** A Rust binary that starts the JVM and calls into it (the Rust side owns the process). */
    EMBED_JVM("embed-jvm", "a Rust program that starts the JVM in its own process and calls the Java entry point");

    /** The word, as written in reports and accepted by {@code --pattern}. */
    public final String word;
    /** Its one definition, for reports, help and docs. */
    public final String definition;

    Advice(String word, String definition) {
        this.word = word;
        this.definition = definition;
    }

    /**
     * The advice a word names.
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static Advice of(String word) {
        for (Advice a : values()) {
            if (a.word.equals(word)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not an advice word; accepted: native, sidecar, queue, keep, embed-jvm");
    }
}

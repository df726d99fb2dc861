package dev.oxidizer.patterns;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The integration patterns this module generates, beyond the plain native call of {@code rust-stub-gen}.
 * See {@code docs/patterns.md} for when to choose which.
 */
public enum PatternKind {
    /** Shared-memory ring buffer: Java producers, a Rust consumer (in-process or another process). */
    QUEUE("queue"),
    /** A long-lived Rust worker owned by a Java handle; work submitted returns a {@code CompletableFuture}. */
    SIDECAR("sidecar"),
    /** A Rust binary that owns the process and starts a JVM through the JNI invocation API. */
    HOST("host");

    private final String id;

    PatternKind(String id) {
        this.id = id;
    }

    /** The name used on the command line ({@code --pattern queue}). */
    public String id() {
        return id;
    }

    /**
     * Parses a command-line name.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one of them
     */
    public static PatternKind parse(String name) {
        for (PatternKind k : values()) {
            if (k.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown pattern '" + name + "'; accepted: "
                + Arrays.stream(values()).map(PatternKind::id).collect(Collectors.joining(", ")));
    }
}

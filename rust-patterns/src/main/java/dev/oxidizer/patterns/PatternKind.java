package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Advice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The integration patterns this module generates, beyond the plain native call of {@code rust-stub-gen}.
 * See {@code docs/patterns.md} for when to choose which.
 */
public enum PatternKind {
    /** Shared-memory ring buffer: Java producers, a Rust consumer (in-process or another process). */
    QUEUE(Advice.QUEUE.word),
    /** A long-lived Rust worker owned by a Java handle; work submitted returns a {@code CompletableFuture}. */
    SIDECAR(Advice.SIDECAR.word),
    /**
     * A Rust binary that owns the process and embeds a JVM through the JNI invocation API. Formerly {@code host}, a
     * word the report uses for "keep it on the JVM"; {@code host} is still accepted, with a deprecation line.
     */
    EMBED_JVM(Advice.EMBED_JVM.word, "host");

    private final String id;
    private final String deprecatedAlias;

    PatternKind(String id) {
        this(id, null);
    }

    PatternKind(String id, String deprecatedAlias) {
        this.id = id;
        this.deprecatedAlias = deprecatedAlias;
    }

    /** The name used on the command line ({@code --pattern queue}). */
    public String id() {
        return id;
    }

    /**
     * The one line to print when {@code name} is a deprecated alias (e.g. {@code host}), naming the current word;
     * empty for current names and unknown ones.
     */
    public static Optional<String> deprecation(String name) {
        String n = name == null ? null : name.toLowerCase(Locale.ROOT);
        for (PatternKind k : values()) {
            if (k.deprecatedAlias != null && k.deprecatedAlias.equals(n)) {
                return Optional.of("warning: pattern '" + k.deprecatedAlias + "' is now called '" + k.id
                        + "' (a Rust binary that embeds a JVM); '" + k.deprecatedAlias + "' is a deprecated alias");
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a command-line name (a current name, or a deprecated alias: see {@link #deprecation}).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not one of them
     */
    public static PatternKind parse(String name) {
        String n = name == null ? null : name.toLowerCase(Locale.ROOT);
        for (PatternKind k : values()) {
            if (k.id.equals(n) || (k.deprecatedAlias != null && k.deprecatedAlias.equals(n))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown pattern '" + name + "'; accepted: "
                + Arrays.stream(values()).map(PatternKind::id).collect(Collectors.joining(", ")));
    }
}

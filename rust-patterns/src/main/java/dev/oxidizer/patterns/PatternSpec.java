package dev.oxidizer.patterns;

/**
 * What to generate: names of the emitted Java and Rust items and the unit of work. One record per pattern; each
 * validates itself on construction and throws {@link IllegalArgumentException} naming the bad value and what is
 * accepted.
 */
public sealed interface PatternSpec permits QueueSpec, SidecarSpec, EmbedJvmSpec {
    /** The pattern this spec describes. */
    PatternKind kind();

    /** The Cargo package (and library) name of the generated crate. */
    String crateName();
}

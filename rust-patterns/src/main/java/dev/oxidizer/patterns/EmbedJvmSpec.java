package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Names;

/**
 * The embed-jvm pattern (formerly {@code host}): a Rust binary that embeds a JVM and calls {@code mainClass.entryMethod(String[])}.
 *
 * @param crateName     Cargo package name; also the binary's name
 * @param mainClass     binary name of the class holding the entry point, e.g. {@code com.example.App}
 * @param entryMethod   name of a {@code public static} method taking {@code String[]}
 * @param returnsInt    true: the method returns {@code int}, used as the process exit code; false: it returns void
 */
public record EmbedJvmSpec(String crateName, String mainClass, String entryMethod, boolean returnsInt)
        implements PatternSpec {
    public EmbedJvmSpec {
        Names.requireCrateName(crateName);
        Names.requireBinaryClassName("main class", mainClass);
        Names.requireJavaIdentifier("entry method", entryMethod);
    }

    /** JNI descriptor of the entry method. */
    public String descriptor() {
        return returnsInt ? "([Ljava/lang/String;)I" : "([Ljava/lang/String;)V";
    }

    @Override
    public PatternKind kind() {
        return PatternKind.EMBED_JVM;
    }
}

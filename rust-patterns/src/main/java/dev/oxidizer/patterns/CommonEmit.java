package dev.oxidizer.patterns;

/** Fragments every pattern emits the same way. */
final class CommonEmit {
    private CommonEmit() {
    }

    /** {@code Cargo.toml} for a std-only crate; {@code panic = "unwind"} so {@code catch_unwind} can stop panics. */
    static String cargoToml(String crate, String description, String crateTypes, String bins) {
        return Template.fill(Template.resource("common/Cargo.toml"), "CRATE", crate, "DESC", description,
                "LIB", crateTypes.isEmpty() ? "" : "[lib]\npath = \"src/lib.rs\"\ncrate-type = " + crateTypes + "\n",
                "BINS", bins);
    }

    /** Rust helper writing a message into a caller-provided (pointer, capacity) buffer as UTF-8, NUL-free, truncated. */
    static String rustWriteMessage() {
        return Template.resource("common/write_message.rs.fragment");
    }

    /** Java snippet: locate the native library (system property, then the crate's target folder). */
    static String javaDefaultLibrary(String crate) {
        return Template.fill(Template.resource("common/default-library.java.fragment"), "CRATE", crate);
    }

    /** Java snippet: open a library, with a clear message when it is missing. */
    static String javaOpenLibrary() {
        return Template.resource("common/open-library.java.fragment");
    }

    /** A shell prologue that finds a JDK 22+ (JAVA_HOME first, then PATH) and cargo. */
    static String shellFindTools() {
        return Template.resource("common/find-tools.sh.fragment");
    }
}

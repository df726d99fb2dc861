package dev.oxidizer.patterns;

import dev.oxidizer.stubgen.NativeLibraryTemplate;

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

    /**
     * Import lines the nested {@code Library} class needs that {@code javaSource} (a template with its own imports)
     * does not already have, one per line.
     */
    static String javaLibraryImports(String javaSource) {
        StringBuilder sb = new StringBuilder();
        for (String imp : NativeLibraryTemplate.imports()) {
            if (!javaSource.contains(imp + "\n")) {
                sb.append(imp).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Java members, at indentation zero: opening a library file given by path (with a clear message when it is
     * missing), the downcall helper, and {@code Library}, the loader every generated wrapper nests (template
     * {@code NativeLibrary.java.template} of rust-stub-gen: system property {@code oxidizer.<crate>.library}, the
     * class path resource {@code oxidizer build} places, the crate's {@code target/release}), with the constant
     * {@code CRATE} it needs.
     */
    static String javaOpenLibrary(String crate) {
        return Template.resource("common/open-library.java.fragment")
                + "\n/** The crate's name: its library is {@code System.mapLibraryName(CRATE)}. */\n"
                + "private static final String CRATE = \"" + crate + "\";\n\n"
                // Restricted methods (SymbolLookup.libraryLookup): the caller runs with --enable-native-access.
                + NativeLibraryTemplate.body().replaceFirst("(?m)^private static final class Library \\{",
                        "@SuppressWarnings(\"restricted\")\nprivate static final class Library {");
    }

    /** A shell prologue that finds a JDK 22+ (JAVA_HOME first, then PATH) and cargo. */
    static String shellFindTools() {
        return Template.resource("common/find-tools.sh.fragment");
    }
}

package dev.oxidizer.maven;

import java.util.Locale;

/**
 * The {@code <os>-<arch>} names of native-library folders ({@code linux-x86_64}, {@code macos-aarch64}, ...). The
 * generated wrapper's loader and the generator's {@code Platform} compute the same name from {@code os.name} and
 * {@code os.arch}; a test keeps the three in step. A Rust target triple maps to the name a JVM on that platform
 * computes.
 */
final class NativePlatform {
    private NativePlatform() {}

    /** The platform of the JVM running the build. */
    static String current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The folder name for an {@code os.name} and {@code os.arch}. */
    static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macos"
                : os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z0-9]", "");
        String arch = osArch.toLowerCase(Locale.ROOT);
        String a = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch.replaceAll("[^a-z0-9_]", "");
        };
        return o + "-" + a;
    }

    /**
     * The folder name for a Rust target triple such as {@code aarch64-apple-darwin}.
     *
     * @throws IllegalArgumentException for a triple whose OS has no JVM name here
     */
    static String ofTriple(String triple) {
        String[] parts = triple.split("-");
        if (parts.length < 3) {
            throw new IllegalArgumentException("target '" + triple + "' is not a Rust target triple such as x86_64-unknown-linux-gnu");
        }
        String arch = switch (parts[0]) {
            case "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "riscv64gc", "riscv64" -> "riscv64";
            case "powerpc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> throw new IllegalArgumentException("target '" + triple + "': architecture " + parts[0]
                    + " is not supported; supported: x86_64, aarch64, riscv64gc, powerpc64le, s390x (64-bit JVMs only)");
        };
        String os = triple.contains("-linux") ? "linux" : triple.contains("-darwin") ? "macos"
                : triple.contains("-windows") ? "windows" : null;
        if (os == null) {
            throw new IllegalArgumentException("target '" + triple + "': operating system not supported; supported: linux, darwin (macOS), windows");
        }
        return os + "-" + arch;
    }

    /** The library file name a target's OS gives {@code lib}: {@code lib<lib>.so}, {@code lib<lib>.dylib}, {@code <lib>.dll}. */
    static String libraryFile(String platform, String lib) {
        if (platform.startsWith("windows-")) {
            return lib + ".dll";
        }
        return platform.startsWith("macos-") ? "lib" + lib + ".dylib" : "lib" + lib + ".so";
    }
}

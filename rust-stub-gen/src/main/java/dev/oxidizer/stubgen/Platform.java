package dev.oxidizer.stubgen;

import java.util.Locale;

/**
 * The {@code <os>-<arch>} folder name of native libraries, e.g. {@code linux-x86_64}. The generated wrapper computes
 * the same name with the same rules (see {@code JavaWrapperEmitter}); keep both in step.
 */
public final class Platform {
    private Platform() {}

    /** The folder name for the running JVM. */
    public static String current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The folder name for an {@code os.name} and {@code os.arch}. */
    public static String of(String osName, String osArch) {
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
}

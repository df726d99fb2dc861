package dev.oxidizer.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this installation's parts are: the JDK to start child JVMs with, the agent jar and the demo jar.
 *
 * <p>The launcher ({@code ./oxidizer}) sets {@code oxidizer.java.home} and {@code oxidizer.home}; the jars
 * are looked up beside the running {@code oxidizer.jar} (the build copies them there), unless the system
 * properties {@code oxidizer.agent.jar} / {@code oxidizer.demo.jar} name them. Missing parts are reported
 * as a {@link CliException} naming the path that was tried.
 */
public final class Installation {
    private Installation() {}

    /** The JDK home used for child JVMs: {@code oxidizer.java.home}, else this JVM's home. */
    public static Path javaHome() {
        return Path.of(System.getProperty("oxidizer.java.home", System.getProperty("java.home")));
    }

    /** The {@code java} launcher of {@link #javaHome()}; a {@link CliException} when it is not there. */
    public static Path javaExecutable() {
        Path java = javaHome().resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new CliException(ExitCodes.TOOL_FAILED, "no java executable at " + java + "; set -Doxidizer.java.home to a JDK 22+ home");
        }
        return java;
    }

    /** The shaded agent jar. */
    public static Path agentJar() {
        return locate("oxidizer.agent.jar", "oxidizer-agent.jar", "the agent jar");
    }

    /** The demo application jar. */
    public static Path demoJar() {
        return locate("oxidizer.demo.jar", "oxidizer-demo-app.jar", "the demo application jar");
    }

    /** Folder of the JUnit console launcher and JMH jars that {@code verify} compiles and runs ports with. */
    public static Path verifyLibDir() {
        String explicit = System.getProperty("oxidizer.verify.lib");
        Path dir = explicit != null ? Path.of(explicit) : ownJarFolder().resolve("verify-lib");
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.TOOL_FAILED, "the verify libraries are missing at " + dir
                    + "; rebuild with ./maven -DskipTests install, or set -Doxidizer.verify.lib=<folder>");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** The project root when run from a checkout ({@code oxidizer.home}), else the working directory. */
    public static Path home() {
        return Path.of(System.getProperty("oxidizer.home", ".")).toAbsolutePath().normalize();
    }

    private static Path locate(String property, String fileName, String what) {
        String explicit = System.getProperty(property);
        Path candidate = explicit != null ? Path.of(explicit) : ownJarFolder().resolve(fileName);
        if (!Files.isRegularFile(candidate)) {
            throw new CliException(ExitCodes.TOOL_FAILED, what + " is missing at " + candidate
                    + "; rebuild with ./maven -DskipTests install, or set -D" + property + "=<path>");
        }
        return candidate.toAbsolutePath().normalize();
    }

    private static Path ownJarFolder() {
        try {
            Path self = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // From the jar: its folder. From target/classes (tests, IDE): target, where the build copies the jars too.
            return self.getParent();
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(".");
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}

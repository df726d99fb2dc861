package dev.oxidizer.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the agent jar and the JDK for commands that start or attach to JVMs: the agent from the system
 * property {@code oxidizer.agent.jar}, else {@code oxidizer-agent.jar} next to the running oxidizer.jar; the
 * JDK from {@code oxidizer.java.home}, else the JDK running the CLI.
 */
final class AgentJar {
    /** Agent option that makes an attached agent stop and restore the original code. */
    static final String DETACH = "detach";
    /** System property the agent sets in the target JVM to report attach and detach outcomes. */
    static final String STATUS_PROPERTY = "oxidizer.agent.status";

    private AgentJar() {}

    static Path locate() {
        String explicit = System.getProperty("oxidizer.agent.jar");
        Path jar;
        if (explicit != null && !explicit.isBlank()) {
            jar = Path.of(explicit);
        } else {
            Path dir;
            try {
                dir = Path.of(OxidizerCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            } catch (Exception e) {
                dir = Path.of(".");
            }
            jar = dir.resolve("oxidizer-agent.jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new CliException(ExitCodes.TOOL_FAILED, "the agent jar " + jar.toAbsolutePath()
                    + " is missing; rebuild with ./maven -DskipTests install or set -Doxidizer.agent.jar=PATH");
        }
        return jar.toAbsolutePath();
    }

    static Path javaExecutable() {
        String home = System.getProperty("oxidizer.java.home");
        if (home == null || home.isBlank()) {
            home = System.getProperty("java.home");
        }
        Path java = Path.of(home, "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new CliException(ExitCodes.TOOL_FAILED, "no java executable at " + java
                    + "; set -Doxidizer.java.home to a JDK 22+ home");
        }
        return java;
    }

    /**
     * Agent options with {@code output=} set from {@code -o}: the path made absolute (an attached JVM has
     * its own working directory), its directory checked, an existing file refused unless {@code force}.
     */
    static String withOutput(String agentOptions, Path output, boolean force) {
        String opts = agentOptions == null ? "" : agentOptions.trim();
        if (opts.contains(",") && (opts.startsWith(",") || opts.endsWith(","))) {
            throw new CliException(ExitCodes.USAGE, "--agent-options '" + opts
                    + "' has an empty item; accepted: key=value[,key=value...], see docs/agent.md");
        }
        if (output == null) {
            return opts;
        }
        if (opts.matches("(^|.*,)\\s*output\\s*=.*")) {
            throw new CliException(ExitCodes.USAGE,
                    "both -o and output= in --agent-options; accepted: one of them");
        }
        Path abs = output.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new CliException(ExitCodes.USAGE, "-o " + output + ": the directory " + parent
                    + " does not exist; accepted: a .jfr path in an existing directory");
        }
        if (Files.exists(abs) && !force) {
            throw new CliException(ExitCodes.REFUSED, "-o " + output + " exists; refusing to overwrite it (add --force)");
        }
        if (abs.toString().contains(",")) {
            throw new CliException(ExitCodes.USAGE, "-o " + output
                    + ": the path contains a comma, which separates agent options; accepted: a path without commas");
        }
        return (opts.isEmpty() ? "" : opts + ",") + "output=" + abs;
    }
}

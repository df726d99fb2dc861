package dev.oxidizer.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Agent options as the commands that start or attach to JVMs pass them. Where the agent jar and the JDK are
 * comes from {@link Installation}.
 */
final class AgentOptions {
    /** Agent option that makes an attached agent stop and restore the original code. */
    static final String DETACH = "detach";
    /** System property the agent sets in the target JVM to report attach and detach outcomes. */
    static final String STATUS_PROPERTY = "oxidizer.agent.status";

    private AgentOptions() {}

    /**
     * Checks the agent options with the agent's own parser, loaded from the agent jar (the one place options are
     * parsed: {@code dev.oxidizer.agent.core.OptionsCheck}), so that {@code run} and {@code attach} refuse a bad option
     * with exit code {@link ExitCodes#USAGE} before starting or touching any JVM. A jar too old to have the check
     * is not an error (the agent then reports it, as before).
     */
    static void check(String options, Path agentJar) {
        String problem;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {agentJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> check = Class.forName("dev.oxidizer.agent.core.OptionsCheck", true, loader);
            problem = (String) check.getMethod("problem", String.class).invoke(null, options);
        } catch (ClassNotFoundException | NoSuchMethodException oldAgent) {
            return;
        } catch (java.io.IOException | ReflectiveOperationException | LinkageError e) {
            throw new CliException(ExitCodes.TOOL_FAILED, "cannot read the agent jar " + agentJar + ": " + e);
        }
        if (problem != null) {
            throw new CliException(ExitCodes.USAGE, "--agent-options: " + problem + "; see docs/agent.md");
        }
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

package dev.oxidizer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code oxidizer run [--agent-options OPTS] [-o FILE.jfr] -- <java args>}: starts {@code java} (from
 * {@code oxidizer.java.home}) with {@code -javaagent:} the agent jar and the given arguments, with the
 * terminal's stdin, stdout and stderr, and exits with the program's exit code. If the CLI itself is
 * terminated, it passes SIGTERM on to the program and waits for it to write its recording.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start a Java program under the Oxidizer agent: oxidizer run [options] -- <java args>.",
                "Exits with the program's own exit code. Agent options: docs/agent.md."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--agent-options", paramLabel = "OPTS",
            description = "agent options key=value[,key=value...], e.g. include=com.acme.**,interval=1s")
    String agentOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.jfr",
            description = "recording to write (default: oxidizer-<pid>.jfr in the program's working directory)")
    Path output;

    @Option(names = "--force", description = "overwrite an existing -o file")
    boolean force;

    @Parameters(arity = "0..*", paramLabel = "JAVA_ARGS", description = "arguments for java, after --")
    List<String> javaArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (javaArgs.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "no program to run; accepted: oxidizer run [options] -- "
                    + "<java args>, e.g. oxidizer run -- -jar app.jar");
        }
        String options = AgentOptions.withOutput(agentOptions, output, force);
        AgentOptions.check(options, Installation.agentJar());
        List<String> cmd = command(Installation.javaExecutable(), Installation.agentJar(), options, javaArgs);
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            throw new CliException(ExitCodes.TOOL_FAILED, "cannot start " + cmd.getFirst() + ": " + e.getMessage());
        }
        Thread forward = new Thread(() -> {
            if (p.isAlive()) {
                p.destroy(); // SIGTERM: the agent's shutdown hook writes the recording
                try {
                    p.waitFor(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "oxidizer-run-forward");
        Runtime.getRuntime().addShutdownHook(forward);
        int code = p.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running; nothing to undo
        }
        return code;
    }

    /** The child's command line: java -javaagent:AGENT[=OPTS] JAVA_ARGS. */
    static List<String> command(Path java, Path agentJar, String agentOptions, List<String> javaArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-javaagent:" + agentJar + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        cmd.addAll(javaArgs);
        return cmd;
    }
}

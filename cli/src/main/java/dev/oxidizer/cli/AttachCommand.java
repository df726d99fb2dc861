package dev.oxidizer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code oxidizer attach <pid> [--agent-options OPTS] [-o FILE.jfr]}: loads the agent into a running JVM
 * (classes already loaded are retransformed) and reports what the agent said through the system property
 * {@code oxidizer.agent.status}. The recording is written at {@code oxidizer detach} or when that JVM exits.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attach the agent to a running JVM by pid; already loaded classes are retransformed.",
                "The recording is written at 'oxidizer detach <pid>' or when that JVM exits.",
                "Start the JVM with -XX:+EnableDynamicAgentLoading to avoid its warning."})
final class AttachCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "process id of the JVM")
    String pid;

    @Option(names = "--agent-options", paramLabel = "OPTS",
            description = "agent options key=value[,key=value...]; include= is needed if the main class is unknown")
    String agentOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.jfr",
            description = "recording to write (default: oxidizer-<pid>.jfr in that JVM's working directory)")
    Path output;

    @Option(names = "--force", description = "overwrite an existing -o file")
    boolean force;

    @Override
    public Integer call() {
        String options = AgentOptions.withOutput(agentOptions, output, force);
        AgentOptions.check(options, Installation.agentJar());
        String status = Attacher.load(pid, Installation.agentJar(), options);
        if (!status.startsWith("running")) {
            throw new CliException(ExitCodes.TOOL_FAILED, "the agent did not start in JVM " + pid + ": "
                    + status.replaceFirst("^error: ", ""));
        }
        spec.commandLine().getOut().println("oxidizer attach: agent " + status.replaceFirst("^running ", "running in "
                + pid + ", "));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

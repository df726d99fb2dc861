package dev.oxidizer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code oxidizer detach <pid>}: makes the agent attached to that JVM restore the original code of every class
 * it changed, flush, and write its recording. The JVM keeps running.
 */
@Command(name = "detach", mixinStandardHelpOptions = true,
        description = {"Restore the original code in a JVM the agent was attached to, and write its recording."})
final class DetachCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "process id of the JVM")
    String pid;

    @Override
    public Integer call() {
        String status = Attacher.load(pid, Installation.agentJar(), AgentOptions.DETACH);
        if (!status.startsWith("detached")) {
            throw new CliException(ExitCodes.BAD_INPUT, "JVM " + pid + ": " + status.replaceFirst("^error: ", ""));
        }
        spec.commandLine().getOut().println("oxidizer detach: original code restored in " + pid + "; recording "
                + status.replaceFirst("^detached output=", "written to "));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

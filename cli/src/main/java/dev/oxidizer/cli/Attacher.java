package dev.oxidizer.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.nio.file.Path;

/** Loads the agent into a running JVM with the jdk.attach API and returns the status the agent published. */
final class Attacher {
    private Attacher() {}

    static String load(String pid, Path agentJar, String options) {
        if (!pid.matches("[0-9]{1,10}")) {
            throw new CliException(ExitCodes.USAGE, "pid '" + pid + "' is not a process id; accepted: digits, e.g. 12345");
        }
        if (Long.parseLong(pid) == ProcessHandle.current().pid()) {
            throw new CliException(ExitCodes.USAGE, "pid " + pid + " is this oxidizer process; accepted: another JVM");
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot attach to " + pid + " (" + e.getMessage()
                    + "); accepted: the pid of a running JVM of the same user (see jps)");
        }
        try {
            vm.loadAgent(agentJar.toString(), options);
            String status = vm.getSystemProperties().getProperty(AgentOptions.STATUS_PROPERTY);
            return status == null ? "error: the agent reported nothing" : status;
        } catch (AgentLoadException | AgentInitializationException | IOException e) {
            throw new CliException(ExitCodes.TOOL_FAILED, "loading the agent into " + pid + " failed: " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the attach connection is gone either way
            }
        }
    }
}

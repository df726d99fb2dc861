package dev.oxidizer.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (a forked JVM) with a hard timeout, its output captured to a log file inside the port's
 * work folder, so a failure can quote the output's last lines.
 */
final class ChildJvm {
    record Exit(int code, Path log) {
        /** The log's last {@code n} lines, for error messages. */
        String tail(int n) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
            } catch (IOException e) {
                return "(log unreadable: " + e.getMessage() + ")";
            }
        }
    }

    private ChildJvm() {}

    static Exit run(List<String> command, Path workingDir, Path log, Duration timeout, String what) throws VerifyException {
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, what + " did not finish within " + timeout.toSeconds()
                        + " s and was killed; its output is in " + log);
            }
            return new Exit(p.exitValue(), log);
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot start " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, what + " was interrupted", e);
        }
    }
}

package dev.oxidizer.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs cargo in a crate folder with a hard timeout, its output passed to the Maven log line by line (and its last
 * lines kept for the failure message).
 *
 * @param executable     cargo, a name searched on the PATH or a path
 * @param crateDir       the folder cargo runs in
 * @param env            extra environment (CARGO_TARGET_DIR)
 * @param timeoutSeconds hard limit per command
 * @param log            the Maven log
 */
record Cargo(String executable, Path crateDir, Map<String, String> env, long timeoutSeconds, Log log) {

    /** cargo could not be started at all. */
    static final class MissingException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingException(String message) {
            super(message);
        }
    }

    /** The output of {@code cargo -vV}: the toolchain's version and host. */
    String version() throws MissingException, MojoExecutionException {
        return run(List.of("-vV"), false);
    }

    /** Runs {@code cargo <args>}, logging its output; throws naming the command and its last lines when it fails. */
    String run(List<String> args) throws MissingException, MojoExecutionException {
        return run(args, true);
    }

    private String run(List<String> args, boolean echo) throws MissingException, MojoExecutionException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(crateDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new MissingException("cannot run '" + executable + "' (" + e.getMessage() + ")");
        }
        if (echo) {
            log.info("oxidizer: " + String.join(" ", cmd) + "  (in " + crateDir + ")");
        }
        StringBuilder all = new StringBuilder();
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (tail) {
                        all.append(line).append('\n');
                        tail.addLast(line);
                        if (tail.size() > 40) {
                            tail.removeFirst();
                        }
                    }
                    if (echo) {
                        log.info("  " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new MojoExecutionException("'" + String.join(" ", cmd) + "' did not finish within " + timeoutSeconds
                        + " s (<timeoutSeconds>) and was stopped");
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while running " + String.join(" ", cmd), e);
        }
        synchronized (tail) {
            if (p.exitValue() != 0) {
                throw new MojoExecutionException("'" + String.join(" ", cmd) + "' failed in " + crateDir + " (exit " + p.exitValue()
                        + "); its last lines:\n" + String.join("\n", tail));
            }
            return all.toString();
        }
    }
}

package dev.oxidizer.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test program in a separate JVM (the JDK running the tests), optionally under the built agent jar,
 * with a hard timeout. Its stdout and stderr go to files, and {@link #describe()} puts them into assertion
 * messages so a failure shows what the child printed.
 */
final class ForkedJvm {
    /**
     * A private copy of the built agent jar: other builds in the same tree may rewrite target/ while the
     * tests run, and a half-written jar would fail them for the wrong reason.
     */
    static final Path AGENT_JAR = privateCopy(
            Path.of(System.getProperty("oxidizer.agent.jar", "target/oxidizer-agent.jar")));
    static final Path TEST_CLASSES = Path.of(System.getProperty("oxidizer.test.classes", "target/test-classes"));
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static Path privateCopy(Path jar) {
        try {
            Path copy = Files.createTempFile("oxidizer-agent-it-", ".jar");
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot copy the agent jar " + jar, e);
        }
    }

    final Process process;
    final Path stdout;
    final Path stderr;
    final List<String> command;

    private ForkedJvm(Process process, Path stdout, Path stderr, List<String> command) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.command = command;
    }

    /**
     * The agent's arguments for a test of its mechanics: unless the test sets them, {@code scope=all} and
     * {@code trivial=count}, so that every method kind (instance methods, constructors, lambdas, trivial methods) is
     * counted; the defaults ({@code scope=portable}, {@code trivial=skip}) are tested by {@code ScopeIT}.
     */
    static String mechanics(String agentArgs) {
        String args = agentArgs;
        if (!args.contains("trivial=")) {
            args = "trivial=count" + (args.isEmpty() ? "" : ",") + args;
        }
        if (!args.contains("scope=")) {
            args = "scope=all," + args;
        }
        return args;
    }

    /** Starts {@code java [-javaagent:AGENT=agentArgs] -cp classpath mainClass args}; agentArgs null: no agent. */
    static ForkedJvm start(Path dir, String agentArgs, String classpath, String mainClass, String... args)
            throws IOException {
        return startOn(JAVA, dir, agentArgs, classpath, mainClass, args);
    }

    /** As {@link #start(Path, String, String, String, String...)} on another JDK's {@code java}. */
    static ForkedJvm startOn(Path java, Path dir, String agentArgs, String classpath, String mainClass, String... args)
            throws IOException {
        return startWith(java, List.of(), dir, agentArgs, classpath, mainClass, args);
    }

    /** As {@link #startOn} with extra JVM options before the agent. */
    static ForkedJvm startWith(Path java, List<String> jvmOptions, Path dir, String agentArgs, String classpath,
                               String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-Xshare:auto");
        cmd.addAll(jvmOptions);
        if (java.equals(JAVA)) {
            cmd.add("-XX:+EnableDynamicAgentLoading"); // JDK 21+ only
        }
        if (agentArgs != null) {
            String options = mechanics(agentArgs);
            cmd.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + (options.isEmpty() ? "" : "=" + options));
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        String tag = (agentArgs == null ? "plain" : "agent") + "-" + System.nanoTime();
        Path out = dir.resolve(tag + ".out");
        Path err = dir.resolve(tag + ".err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ForkedJvm(p, out, err, cmd);
    }

    /** Waits for the exit code; kills the process and fails after {@code seconds}. */
    int await(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("timed out after " + seconds + " s\n" + describe());
        }
        return process.exitValue();
    }

    /** Waits until stdout contains {@code text}; fails after {@code seconds}. */
    void awaitOutput(String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (out().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("exited before printing '" + text + "'\n" + describe());
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("did not print '" + text + "' within " + seconds + " s\n" + describe());
    }

    String out() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    String describe() {
        StringBuilder b = new StringBuilder("command: ").append(String.join(" ", command));
        try {
            b.append("\n--- stdout ---\n").append(out()).append("\n--- stderr ---\n").append(err());
        } catch (IOException e) {
            b.append("\n(output unreadable: ").append(e).append(')');
        }
        return b.toString();
    }
}

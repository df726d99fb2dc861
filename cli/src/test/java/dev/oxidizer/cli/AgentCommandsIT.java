package dev.oxidizer.cli;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code oxidizer run}, {@code attach} and {@code detach} as a user runs them: the built oxidizer.jar (with the
 * agent jar copied beside it) in its own JVM, observing a real test program; hard timeouts, output kept.
 */
class AgentCommandsIT {
    static final Path CLI_JAR = Path.of(System.getProperty("oxidizer.cli.jar", "target/oxidizer.jar"));
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    static final String CP = Path.of("target/test-classes").toAbsolutePath().toString();
    static final String APP = "dev.oxidizer.cli.testapp.TargetApp";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    Process start(Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA.toString(), "-Doxidizer.java.home=" + System.getProperty("java.home"),
                "-jar", CLI_JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
    }

    Result oxidizer(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        Process p = start(out, err, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("oxidizer " + String.join(" ", args) + " did not finish in 120 s\n"
                    + Files.readString(out) + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static long invocations(Path jfr, String method) throws IOException {
        long sum = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (e.getEventType().getName().equals("oxidizer.MethodProfile") && e.getString("methodName").equals(method)) {
                sum += e.getLong("invocations");
            }
        }
        return sum;
    }

    @Test
    void runStartsTheProgramUnderTheAgentAndPassesItsExitCodeThrough() throws Exception {
        Path jfr = dir.resolve("run.jfr");
        Result r = oxidizer("run", "-o", jfr.toString(), "--", "-cp", CP, APP, "exit", "3");
        assertEquals(3, r.code(), r.all());
        assertEquals("x=", r.out().substring(0, 2), r.all());
        assertEquals(10_000L, invocations(jfr, "step"), r.all());

        Result again = oxidizer("run", "-o", jfr.toString(), "--", "-cp", CP, APP, "exit", "0");
        assertEquals(ExitCodes.REFUSED, again.code(), again.all());
        assertTrue(again.err().startsWith("oxidizer run: -o " + jfr + " exists; refusing to overwrite it"), again.all());

        Result forced = oxidizer("run", "--force", "-o", jfr.toString(), "--agent-options", "timing=off", "--",
                "-cp", CP, APP, "exit", "0");
        assertEquals(0, forced.code(), forced.all());
        assertEquals(10_000L, invocations(jfr, "step"), forced.all());
    }

    @Test
    void runRejectsAMissingProgramAndAMissingOutputDirectory() throws Exception {
        Result none = oxidizer("run");
        assertEquals(ExitCodes.USAGE, none.code(), none.all());
        assertTrue(none.err().contains("no program to run"), none.all());
        Result badDir = oxidizer("run", "-o", dir.resolve("nope/x.jfr").toString(), "--", "-version");
        assertEquals(ExitCodes.USAGE, badDir.code(), badDir.all());
        assertTrue(badDir.err().contains("does not exist"), badDir.all());
    }

    @Test
    void attachThenDetachRecordsARunningJvmThatKeepsRunning() throws Exception {
        Path appOut = dir.resolve("app.out");
        Path appErr = dir.resolve("app.err");
        Process app = new ProcessBuilder(JAVA.toString(), "-XX:+EnableDynamicAgentLoading", "-cp", CP, APP, "serve")
                .redirectOutput(appOut.toFile()).redirectError(appErr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(appOut).contains("ready")) {
                assertTrue(System.nanoTime() < deadline && app.isAlive(), "app not ready: " + Files.readString(appErr));
                Thread.sleep(50);
            }
            String pid = Long.toString(app.pid());
            Path jfr = dir.resolve("attached.jfr");
            Result attach = oxidizer("attach", pid, "-o", jfr.toString(), "--agent-options", "interval=500ms");
            assertEquals(0, attach.code(), attach.all());
            assertTrue(attach.out().startsWith("oxidizer attach: agent running in " + pid), attach.all());
            Thread.sleep(1500);
            Result detach = oxidizer("detach", pid);
            assertEquals(0, detach.code(), detach.all());
            assertTrue(detach.out().contains("written to " + jfr), detach.all());
            assertTrue(invocations(jfr, "step") > 10_000, "step counted while attached");
            assertTrue(app.isAlive(), "the JVM keeps running after detach");

            Result twice = oxidizer("detach", pid);
            assertEquals(ExitCodes.BAD_INPUT, twice.code(), twice.all());
            assertTrue(twice.err().contains("not active"), twice.all());
        } finally {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void badAgentOptionsExitTwoWithOneLineFromRunAndAttachAlikeAndStartNothing() throws Exception {
        Path jfr = dir.resolve("bad.jfr");
        Result run = oxidizer("run", "-o", jfr.toString(), "--agent-options", "foo=bar", "--", "-cp", CP, APP, "exit", "0");
        assertEquals(ExitCodes.USAGE, run.code(), run.all());
        assertEquals(1, run.err().lines().count(), run.all());
        assertTrue(run.err().startsWith("oxidizer run: --agent-options: unknown option 'foo'; accepted keys: include,"),
                run.all());
        assertEquals("", run.out(), "the program did not start: " + run.all());
        assertFalse(Files.exists(jfr), "no recording");
        Result value = oxidizer("run", "--agent-options", "interval=often", "--", "-cp", CP, APP, "exit", "0");
        assertEquals(ExitCodes.USAGE, value.code(), value.all());
        assertTrue(value.err().contains("option 'interval=often': accepted: a duration"), value.all());

        Path appOut = dir.resolve("app.out");
        Process app = new ProcessBuilder(JAVA.toString(), "-XX:+EnableDynamicAgentLoading", "-cp", CP, APP, "serve")
                .redirectOutput(appOut.toFile()).redirectError(dir.resolve("app.err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(appOut).contains("ready")) {
                assertTrue(System.nanoTime() < deadline && app.isAlive(), "app not ready");
                Thread.sleep(50);
            }
            Result attach = oxidizer("attach", Long.toString(app.pid()), "--agent-options", "foo=bar");
            assertEquals(ExitCodes.USAGE, attach.code(), attach.all());
            assertEquals(1, attach.err().lines().count(), attach.all());
            assertTrue(attach.err().startsWith("oxidizer attach: --agent-options: unknown option 'foo'"), attach.all());
            // nothing was loaded: a good attach afterwards starts the first session
            Result good = oxidizer("attach", Long.toString(app.pid()), "-o", jfr.toString());
            assertEquals(0, good.code(), good.all());
        } finally {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void attachToSomethingThatIsNotAJvmFailsWithOneLine() throws Exception {
        Result bad = oxidizer("attach", "not-a-pid");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.all());
        Result gone = oxidizer("attach", "2147483000");
        assertEquals(ExitCodes.BAD_INPUT, gone.code(), gone.all());
        assertEquals(1, gone.err().lines().count(), gone.all());
        assertTrue(gone.err().startsWith("oxidizer attach: cannot attach to 2147483000"), gone.all());
    }
}

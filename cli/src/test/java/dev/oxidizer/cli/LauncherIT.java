package dev.oxidizer.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real {@code ./oxidizer} launcher script as a user would, in an environment like a fresh
 * machine's: no JAVA_HOME, the default {@code java} on PATH being whatever the machine has (17 here).
 */
class LauncherIT {
    static final Path ROOT = Path.of(System.getProperty("oxidizer.project.root", "..")).toAbsolutePath().normalize();

    record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launch(env, 120, args);
    }

    static Result launch(Map<String, String> env, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        var cmd = new java.util.ArrayList<String>();
        cmd.add(ROOT.resolve("oxidizer").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("OXIDIZER_NO_BUILD", "1");
        pb.environment().putAll(env);
        Path out = java.nio.file.Files.createTempFile("launcher", ".out");
        Path err = java.nio.file.Files.createTempFile("launcher", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("launcher did not finish in " + timeoutSeconds + " s: " + cmd + "\n--- stdout\n"
                    + java.nio.file.Files.readString(out) + "\n--- stderr\n" + java.nio.file.Files.readString(err));
        }
        return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void findsAJdk22PlusWithoutAnyExport() throws Exception {
        Result r = launch(Map.of(), "--version");
        assertEquals(0, r.code(), r.all());
        Matcher m = Pattern.compile("JDK (\\d+)").matcher(r.out());
        assertTrue(m.find(), r.all());
        assertTrue(Integer.parseInt(m.group(1)) >= 22, "launcher picked an old JDK: " + r.all());
    }

    @Test
    void skipsAJavaHomeThatIsTooOld() throws Exception {
        Path old = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(old.resolve("bin/javac").toFile().canExecute(), "no JDK 17 here to test with");
        Result r = launch(Map.of("JAVA_HOME", old.toString()), "--version");
        assertEquals(0, r.code(), r.all());
        assertTrue(!r.out().contains("JDK 17."), r.all());
    }

    @Test
    void saysWhatToInstallWhenNoJdkIsNewEnough() throws Exception {
        Result r = launch(Map.of("OXIDIZER_MIN_JDK", "999"), "--version");
        assertEquals(ExitCodes.NO_JDK, r.code(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.all());
        assertTrue(r.err().contains("no JDK >= 999 found") && r.err().contains("install"), r.all());
    }

    @Test
    void helpListsTheSubcommands() throws Exception {
        Result r = launch(Map.of(), "--help");
        assertEquals(0, r.code(), r.all());
        for (String sub : List.of("run", "attach", "analyze", "report", "generate", "build", "verify", "demo")) {
            assertTrue(r.out().contains("  " + sub + " "), sub + " missing: " + r.all());
        }
    }

}

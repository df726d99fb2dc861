package dev.oxidizer.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged jar in a forked JVM, as users and the agent's tests do. */
class DemoAppIT {

    private static final long TIMEOUT_SECONDS = 120;

    private record Result(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("demo.jar");
        String java = System.getProperty("demo.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "demo jar not built: " + jar);
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("demo-out", ".txt");
        Path err = Files.createTempFile("demo-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("demo did not finish within " + TIMEOUT_SECONDS + " s: " + command
                        + "\n--- stdout ---\n" + Files.readString(out) + "--- stderr ---\n" + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void jarRunsForTheGivenSecondsAndPrintsTheSameStdoutForOneAndFourThreads() throws Exception {
        Result one = java("--seconds", "2", "--threads", "1", "--seed", "42");
        Result four = java("--seconds", "3", "--threads", "4", "--seed", "42");
        assertEquals(0, one.code(), one.describe());
        assertEquals(0, four.code(), four.describe());
        assertTrue(one.out().matches("seed=42 checkedRequests=2000\nchecksum=[0-9a-f]{16}\n"), one.describe());
        assertEquals(one.out(), four.out(), one.describe() + four.describe());
        Matcher m = Pattern.compile("in (\\d+\\.\\d+) s on 4 threads").matcher(four.err());
        assertTrue(m.find(), four.describe());
        double seconds = Double.parseDouble(m.group(1));
        assertTrue(seconds >= 3.0 && seconds < 10.0, "ran " + seconds + " s for --seconds 3");
    }

    @Test
    void tenSecondRunIssuesExactlyOneReplanSoCallsPerDayStayBelowTenThousand() throws Exception {
        Result r = java("--seconds", "10", "--threads", "2", "--seed", "7");
        assertEquals(0, r.code(), r.describe());
        Matcher m = Pattern.compile("demo-app:\\s+replan\\s+(\\d+)").matcher(r.err());
        assertTrue(m.find(), r.describe());
        long replans = Long.parseLong(m.group(1));
        assertEquals(1, replans, r.describe());
        assertTrue(replans * 86_400 / 10 < 10_000);
    }

    @Test
    void badOptionExitsTwoWithOneLineNamingItAndNothingOnStdout() throws Exception {
        Result r = java("--seconds", "0");
        assertEquals(2, r.code(), r.describe());
        assertEquals("", r.out(), r.describe());
        assertEquals(1, r.err().lines().count(), r.describe());
        assertTrue(r.err().startsWith("demo-app: option --seconds must be an integer from 1 to 86400, got '0'; usage:"), r.describe());
    }
}

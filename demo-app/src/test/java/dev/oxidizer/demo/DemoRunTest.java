package dev.oxidizer.demo;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the whole service in-process (backend, batch thread, workers) for one second per run. */
class DemoRunTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DemoApp.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sameSeedGivesTheSameStdoutWithAnyThreadCount() {
        Run one = run("--seconds", "1", "--threads", "1", "--seed", "42");
        Run four = run("--seconds", "1", "--threads", "4", "--seed", "42");
        assertEquals(0, one.code(), one.err());
        assertEquals(0, four.code(), four.err());
        assertTrue(one.out().matches("seed=42 checkedRequests=2000\nchecksum=[0-9a-f]{16}\n"), one.out());
        assertEquals(one.out(), four.out(), "stdout differs between 1 and 4 threads; stderr:\n" + one.err() + four.err());
    }

    @Test
    void differentSeedGivesADifferentChecksum() {
        Run a = run("--seconds", "1", "--threads", "2", "--seed", "42");
        Run b = run("--seconds", "1", "--threads", "2", "--seed", "43");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertNotEquals(checksum(a.out()), checksum(b.out()));
    }

    @Test
    void statisticsGoToStderrWithEveryRequestType() {
        Run r = run("--seconds", "1", "--threads", "2", "--seed", "1");
        assertEquals(0, r.code(), r.err());
        for (String type : new String[] {"search", "metrics", "upload", "thumbnail", "checkout", "stock", "payment", "replan"}) {
            assertTrue(r.err().contains("demo-app:   " + type), "no statistics line for " + type + ":\n" + r.err());
        }
        assertTrue(r.err().contains("requests/s"), r.err());
    }

    @Test
    void everyThreadTheRunStartedHasStoppedWhenItReturns() {
        Run r = run("--seconds", "1", "--threads", "3", "--seed", "5");
        assertEquals(0, r.code(), r.err());
        java.util.List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("request-") || n.startsWith("inventory-backend") || n.equals("batch-nightly"))
                .toList();
        assertTrue(left.isEmpty(), "still running: " + left);
    }

    private static String checksum(String out) {
        return out.lines().filter(l -> l.startsWith("checksum=")).findFirst().orElseThrow(() -> new AssertionError("no checksum line in " + out));
    }
}

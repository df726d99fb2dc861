package dev.oxidizer.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the labels against what the demo really does, without the Oxidizer agent: runs the packaged jar
 * for 10 s under JDK 25's own method tracing ({@code jdk.MethodTrace}, {@code jdk.MethodTiming}, JEP 520)
 * on every labelled method, plus socket-read and monitor-enter events at a 1 ms threshold, and asserts
 * who calls each method, on which threads, how often and what it waits for.
 */
class DemoCallPathsIT {

    private static final String ENTRY = "dev.oxidizer.demo.server.RequestHandler#handle";
    private static final long TIMEOUT_SECONDS = 180;

    private static final Map<String, JsonNode> LABELS = new LinkedHashMap<>();
    private static final Map<String, Long> invocations = new HashMap<>();
    private static final Map<String, List<RecordedEvent>> traces = new HashMap<>();
    private static final List<RecordedEvent> socketReads = new ArrayList<>();
    private static final List<RecordedEvent> monitorEnters = new ArrayList<>();
    private static long requestsServed;
    private static String stderr;

    @BeforeAll
    static void runTheDemoUnderMethodTracing(@TempDir Path dir) throws Exception {
        try (InputStream in = DemoCallPathsIT.class.getResourceAsStream("/dev/oxidizer/demo/labels.json")) {
            for (JsonNode m : new ObjectMapper().readTree(in).path("methods")) {
                LABELS.put(m.path("key").asText(), m);
            }
        }
        List<String> all = new ArrayList<>();
        List<String> traced = new ArrayList<>();
        for (String key : LABELS.keySet()) {
            String filter = key.substring(0, key.indexOf('(')).replace("#", "::");
            all.add(filter);
            // mix64 runs millions of times: count it, but an event per call would swamp the recording.
            if (!key.contains("#mix64(")) {
                traced.add(filter);
            }
        }
        Path settings = dir.resolve("labels.jfc");
        Files.writeString(settings, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0">
                  <event name="jdk.MethodTrace"><setting name="enabled">true</setting><setting name="stackTrace">true</setting>
                    <setting name="threshold">0 ms</setting><setting name="filter">%s</setting></event>
                  <event name="jdk.MethodTiming"><setting name="enabled">true</setting><setting name="period">endChunk</setting>
                    <setting name="filter">%s</setting></event>
                  <event name="jdk.SocketRead"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">1 ms</setting></event>
                  <event name="jdk.JavaMonitorEnter"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">1 ms</setting></event>
                </configuration>
                """.formatted(String.join(";", traced), String.join(";", all)));
        Path recording = dir.resolve("demo.jfr");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = List.of(System.getProperty("demo.java"), "-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings,
                "-jar", System.getProperty("demo.jar"), "--seconds", "10", "--threads", "3", "--seed", "42");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        stderr = Files.readString(err);
        String describe = command + "\n--- stdout ---\n" + Files.readString(out) + "--- stderr ---\n" + stderr;
        assertTrue(done, "demo did not finish within " + TIMEOUT_SECONDS + " s: " + describe);
        assertEquals(0, p.exitValue(), describe);
        Matcher m = Pattern.compile("demo-app: (\\d+) requests in").matcher(stderr);
        assertTrue(m.find(), describe);
        requestsServed = Long.parseLong(m.group(1));

        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            switch (e.getEventType().getName()) {
                case "jdk.MethodTiming" -> invocations.merge(key(e.getValue("method")), e.getLong("invocations"), Long::sum);
                case "jdk.MethodTrace" -> traces.computeIfAbsent(key(e.getValue("method")), k -> new ArrayList<>()).add(e);
                case "jdk.SocketRead" -> socketReads.add(e);
                case "jdk.JavaMonitorEnter" -> monitorEnters.add(e);
                default -> { }
            }
        }
    }

    private static String key(RecordedMethod m) {
        return m.getType().getName() + "#" + m.getName() + m.getDescriptor();
    }

    private static boolean stackContains(RecordedEvent e, String methodKeyPrefix) {
        if (e.getStackTrace() == null) {
            return false;
        }
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            if (key(f.getMethod()).startsWith(methodKeyPrefix)) {
                return true;
            }
        }
        return false;
    }

    private static String label(String key) {
        JsonNode n = LABELS.get(key);
        return n.path("label").asText() + (n.has("rejectedBy") ? " " + n.path("rejectedBy").asText() : "");
    }

    @Test
    void everyLabelledMethodIsCalled() {
        for (String key : LABELS.keySet()) {
            assertTrue(invocations.getOrDefault(key, 0L) > 0, key + " was never called; counts: " + invocations + "\n" + stderr);
        }
    }

    @Test
    void everyMethodButTheBatchDecoyRunsOnlyUnderTheEntryPointOnRequestWorkers() {
        for (String key : LABELS.keySet()) {
            if (key.contains("#mix64(") || label(key).equals("decoy latency-path")) {
                continue;
            }
            List<RecordedEvent> calls = traces.getOrDefault(key, List.of());
            assertFalse(calls.isEmpty(), "no traced call of " + key);
            for (RecordedEvent e : calls) {
                String thread = e.getThread("eventThread").getJavaName();
                assertTrue(thread.startsWith("request-worker-"), key + " ran on " + thread);
                assertTrue(stackContains(e, ENTRY), key + " ran outside RequestHandler.handle: " + e);
            }
        }
    }

    @Test
    void latencyPathDecoyRunsOnlyOnTheBatchThreadNeverUnderTheEntryPoint() {
        for (String key : LABELS.keySet()) {
            if (!label(key).equals("decoy latency-path")) {
                continue;
            }
            List<RecordedEvent> calls = traces.getOrDefault(key, List.of());
            assertTrue(calls.size() >= 50, key + " should run often on the batch thread, ran " + calls.size() + " times");
            for (RecordedEvent e : calls) {
                assertEquals("batch-nightly", e.getThread("eventThread").getJavaName());
                assertFalse(stackContains(e, ENTRY), key + " ran under the entry point: " + e);
            }
        }
    }

    @Test
    void granularityDecoyIsCalledExactly256TimesPerRequest() {
        long mix64 = invocations.get("dev.oxidizer.demo.kernels.Bits#mix64(J)J");
        assertEquals(256 * requestsServed, mix64, "mix64 calls for " + requestsServed + " requests");
    }

    @Test
    void rareDecoyIsCalledOnceInTenSecondsSoUnderTenThousandCallsPerDay() {
        long calls = invocations.get("dev.oxidizer.demo.kernels.RoutePlanner#planTour([D[D)D");
        assertEquals(1, calls);
        assertTrue(calls * 86_400 / 10 < 10_000);
    }

    @Test
    void ioDecoyWaitsInSocketReadsOfAtLeastTheBackendDelay() {
        String key = "dev.oxidizer.demo.services.InventoryClient#fetchStock(Ljava/lang/String;)I";
        for (RecordedEvent call : traces.get(key)) {
            assertTrue(call.getDuration().compareTo(Duration.ofMillis(3)) >= 0, "a stock look-up took only " + call.getDuration());
        }
        long reads = socketReads.stream().filter(e -> stackContains(e, key.substring(0, key.indexOf('(')))).count();
        assertTrue(reads >= traces.get(key).size() / 2, reads + " socket reads >= 1 ms under " + traces.get(key).size() + " look-ups");
    }

    @Test
    void lockDecoyHoldsTheMonitorForTheFlushAndCallersBlockOnIt() {
        String key = "dev.oxidizer.demo.services.AuditLedger#append(Ljava/lang/String;J)J";
        for (RecordedEvent call : traces.get(key)) {
            assertTrue(call.getDuration().compareTo(Duration.ofNanos(1_500_000)) >= 0, "an append took only " + call.getDuration());
        }
        long blocked = monitorEnters.stream().filter(e -> stackContains(e, "dev.oxidizer.demo.services.AuditLedger#append")).count();
        assertTrue(blocked > 0, "no monitor-enter wait >= 1 ms under " + traces.get(key).size() + " appends");
    }
}

package dev.oxidizer.cli;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.Timestamp;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code oxidizer analyze} on a real recording written in-process with the agent's event layout v1. */
class AnalyzeCommandTest {
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    static Path dir;
    static Path recording;

    @Name("oxidizer.MethodProfile")
    static final class MethodProfile extends Event {
        int formatVersion = 1;
        String sessionId;
        String className;
        String methodName;
        String descriptor;
        int modifiers;
        long invocations;
        long timedCount;
        String timingPolicy = "all";
        int samplingInterval = 1;
        String histogram;
        @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
        long intervalStart;
        @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
        long intervalEnd;
    }

    static void profile(String cls, String name, String desc, long calls, long ns) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(ns, calls);
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        MethodProfile e = new MethodProfile();
        e.sessionId = "s";
        e.className = cls;
        e.methodName = name;
        e.descriptor = desc;
        e.modifiers = 9;
        e.invocations = calls;
        e.timedCount = calls;
        e.histogram = Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), n));
        e.intervalStart = T0;
        e.intervalEnd = T0 + 86_400; // 86.4 s: one call = 1,000 calls/day
        e.commit();
    }

    static final String HOT = "dev.oxidizer.cli.AnalyzeCommandTest#hot([D)D";
    static final String RARE = "dev.oxidizer.cli.AnalyzeCommandTest#rare([D)D";
    static volatile double sink;

    /** Real CPU work, so that the JVM's execution samples show it: a port is only recommended on CPU seen used. */
    static double hot(double[] v) {
        double x = 0;
        for (int i = 0; i < 200_000; i++) {
            x += Math.sqrt(v[i & 7] + i);
        }
        return x;
    }

    static double rare(double[] v) {
        return v[0];
    }

    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("app.jfr");
        try (Recording r = new Recording()) {
            r.enable("oxidizer.MethodProfile");
            r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            r.start();
            long start = System.nanoTime();
            long until = start + 1_500_000_000L;
            double[] v = {1, 2, 3, 4, 5, 6, 7, 8};
            long calls = 0;
            while (System.nanoTime() < until) {
                sink += hot(v);
                calls++;
            }
            // the profile states the calls the loop made and their mean time, so that the agent's figures and the
            // execution samples describe the same work (the CPU-bound rule compares the two)
            long meanNs = (System.nanoTime() - start) / calls;
            profile("dev.oxidizer.cli.AnalyzeCommandTest", "hot", "([D)D", calls, meanNs);
            profile("dev.oxidizer.cli.AnalyzeCommandTest", "rare", "([D)D", 5, 50_000);
            r.stop();
            r.dump(recording);
        }
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = OxidizerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheRankedTableAndWritesTheJsonReport() throws Exception {
        Path json = dir.resolve("out/report.json");
        Run r = run("analyze", recording.toString(), "-o", json.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("Candidates (1)") && r.out().contains(HOT), r.out());
        assertTrue(r.out().contains("rejected by calls-per-day"), r.out());
        Report report = ReportJson.read(json);
        assertEquals("agent", report.mode());
        assertEquals(HOT, report.candidates().get(0).key());
    }

    @Test
    void failOnScoreExitsOneWhenACandidateReachesIt() {
        Run hit = run("analyze", recording.toString(), "--fail-on-score", "0", "--quiet");
        assertEquals(ExitCodes.CANDIDATE_FOUND, hit.code(), hit.err());
        assertTrue(hit.err().contains("candidate " + HOT + " scores"), hit.err());
        Run miss = run("analyze", recording.toString(), "--fail-on-score", "1e12", "--quiet");
        assertEquals(ExitCodes.OK, miss.code(), miss.err());
    }

    @Test
    void nonJfrInputIsBadInputWithOneLine() throws Exception {
        Path txt = Files.writeString(dir.resolve("notes.txt"), "not a recording");
        Run r = run("analyze", txt.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("oxidizer analyze: " + txt + ": not a JFR recording"), r.err());
    }

    @Test
    void truncatedInputIsAnalysedAndExitsBadInput() throws Exception {
        byte[] whole = Files.readAllBytes(recording);
        Path twice = dir.resolve("twice.jfr");
        byte[] two = Arrays.copyOf(whole, whole.length * 2 - 50);
        System.arraycopy(whole, 0, two, whole.length, whole.length - 50);
        Files.write(twice, two);
        Run r = run("analyze", twice.toString(), "--quiet", "-o", dir.resolve("t.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("truncated chunk at byte " + whole.length + " of " + twice), r.err());
        assertTrue(Files.exists(dir.resolve("t.json")), "the readable chunk's analysis is still written");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, run("analyze", recording.toString(), "--top", "-1").code());
        assertEquals(ExitCodes.USAGE, run("analyze", recording.toString(), "--fail-on-score", "-3").code());
        assertEquals(ExitCodes.USAGE, run("analyze", recording.toString(), "--speedup", "0.5").code());
        assertEquals(ExitCodes.USAGE, run("analyze").code());
    }

    @Test
    void badConfigFileIsBadInputNamingTheKey() throws Exception {
        Path cfg = Files.writeString(dir.resolve("bad.properties"), "cpu-bound.minRatioo=0.5\n");
        Run r = run("analyze", recording.toString(), "--config", cfg.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("unknown threshold 'cpu-bound.minRatioo'"), r.err());
    }

    @Test
    void configFileThresholdsApply() throws Exception {
        Path cfg = Files.writeString(dir.resolve("ok.json"), "{\"calls-per-day.min\": 1000}\n");
        Run r = run("analyze", recording.toString(), "--config", cfg.toString(), "-o", dir.resolve("c.json").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        // 5,000 calls/day now pass; the rare method is still not recommended, for the CPU it was never seen using.
        Report report = ReportJson.read(dir.resolve("c.json"));
        assertEquals(1000.0, report.thresholds().get("calls-per-day.min").value());
        MethodReport rare = report.methods().stream().filter(m -> m.key().equals(RARE)).findFirst().orElseThrow();
        assertEquals(Outcome.PASS, rare.findings().stream().filter(f -> f.ruleId().equals("calls-per-day")).findFirst().orElseThrow().outcome());
        assertEquals("cpu-evidence", rare.rejectedBy(), r.out());
    }

    @Test
    void aBadPrometheusSourceIsOneLineWithItsOwnExitCodeAndWritesNothing() throws Exception {
        Path out = dir.resolve("fleet.json");
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Run unreachable = run("analyze", "--prometheus", "http://127.0.0.1:" + closedPort, "-o", out.toString(), recording.toString());
        assertEquals(ExitCodes.SOURCE_UNAVAILABLE, unreachable.code(), unreachable.err());
        assertTrue(unreachable.err().contains("Prometheus at http://127.0.0.1:" + closedPort + ": cannot connect"), unreachable.err());

        Run badUrl = run("analyze", "--prometheus", "localhost:9090", recording.toString());
        assertEquals(ExitCodes.USAGE, badUrl.code(), badUrl.err());
        assertTrue(badUrl.err().contains("--prometheus 'localhost:9090' is not a server URL"), badUrl.err());

        Run badRange = run("analyze", "--prometheus", "http://127.0.0.1:9", "--range", "7 days", recording.toString());
        assertEquals(ExitCodes.USAGE, badRange.code(), badRange.err());
        assertTrue(badRange.err().contains("--range '7 days' is not a range; accepted: a whole number and a unit"), badRange.err());

        Run badSelector = run("analyze", "--prometheus", "http://127.0.0.1:9", "--selector", "job=\"orders\"", recording.toString());
        assertEquals(ExitCodes.USAGE, badSelector.code(), badSelector.err());
        assertTrue(badSelector.err().contains("is not a label selector (it must be label matchers in braces)"), badSelector.err());

        Run rangeAlone = run("analyze", "--range", "7d", recording.toString());
        assertEquals(ExitCodes.USAGE, rangeAlone.code(), rangeAlone.err());
        assertTrue(rangeAlone.err().contains("--range needs --prometheus URL"), rangeAlone.err());
        for (Run r : new Run[] {unreachable, badUrl, badRange, badSelector, rangeAlone}) {
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertTrue(!Files.exists(out), "nothing written");
    }
}

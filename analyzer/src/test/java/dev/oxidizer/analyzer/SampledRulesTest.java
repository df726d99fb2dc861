package dev.oxidizer.analyzer;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.oxidizer.analyzer.Analyses.finding;
import static dev.oxidizer.analyzer.Analyses.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that need JVM samples, on one real recording: two request threads (one CPU-bound, one parking) under an
 * entry point and a background thread doing CPU work off the request path, with the agent's events written from
 * the latencies the test measured. Exact threshold edges of these rules are in {@link dev.oxidizer.analyzer.rules.RuleEdgesTest}.
 */
class SampledRulesTest {
    static final String P = "dev.oxidizer.analyzer.Workloads#";
    static final String CRUNCH = P + "crunch(J)D";
    static final String TINY = P + "tiny(DI)D";
    static final String BATCH = P + "crunchBatch(J)D";
    static final String SLEEPY = P + "sleepy()V";
    static final int STATIC = Modifier.STATIC;

    @TempDir
    static Path dir;
    static Path withAgent;
    static Path plain;

    @BeforeAll
    static void record() throws Exception {
        Histogram crunch = new Histogram(3);
        Histogram batch = new Histogram(3);
        Histogram sleepy = new Histogram(3);
        plain = dir.resolve("plain.jfr");
        withAgent = Recordings.withSamples(dir.resolve("agent.jfr"), () -> {
            long from = System.currentTimeMillis();
            TestEvents.session("s", "dev.oxidizer.analyzer.Workloads", 0);
            long until = System.nanoTime() + 2_500_000_000L;
            List<Thread> threads = new ArrayList<>();
            threads.add(new Thread(() -> Workloads.handle(crunch, until), "request-worker-1"));
            threads.add(new Thread(() -> Workloads.handleWaiting(sleepy, until), "request-worker-2"));
            threads.add(new Thread(() -> Workloads.background(batch, until), "nightly-batch"));
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            long to = System.currentTimeMillis();
            TestEvents.profile("s", CRUNCH, STATIC, crunch.getTotalCount(), crunch, from, to);
            TestEvents.profile("s", BATCH, STATIC, batch.getTotalCount(), batch, from, to);
            TestEvents.profile("s", SLEEPY, STATIC, sleepy.getTotalCount(), sleepy, from, to);
            // tiny() is called 200 x per inner round; the agent would time it at tens of ns.
            TestEvents.profile("s", TINY, STATIC, 50_000_000L, TestEvents.constant(30, 1000), from, to);
        });
        Recordings.plainSamples(plain, () -> {
            long until = System.nanoTime() + 1_500_000_000L;
            Workloads.handle(new Histogram(3), until);
        });
    }

    static Report analyze(AnalyzerConfig.Builder b) throws Exception {
        return Analyses.report(b.entryPoint("dev.oxidizer.analyzer.Workloads.handle*").latencyThread("request-worker-*").build(),
                withAgent);
    }

    @Test
    void cpuBoundMethodPassesAndParkingMethodFailsNamingTheWait() throws Exception {
        Report r = analyze(AnalyzerConfig.builder());
        Finding cpu = finding(method(r, CRUNCH), "cpu-bound");
        // PASS needs the whole 95% interval above the threshold; a short test recording on a busy machine may leave it
        // straddling (UNKNOWN), never FAIL.
        assertNotEquals(Outcome.FAIL, cpu.outcome(), cpu.explanation());
        assertTrue(cpu.numbers().get("cpuBoundRatioHigh") > 0.7, cpu.explanation());
        Finding waiting = finding(method(r, SLEEPY), "cpu-bound");
        assertEquals(Outcome.FAIL, waiting.outcome(), waiting.explanation());
        assertTrue(waiting.summary().startsWith("wait-bound"), waiting.summary());
        assertTrue(method(r, SLEEPY).cpu().parkSamples() > 10, method(r, SLEEPY).cpu().toString());
    }

    @Test
    void latencyPathFollowsEntryPointsAndThreadNames() throws Exception {
        Report r = analyze(AnalyzerConfig.builder());
        MethodReport crunch = method(r, CRUNCH);
        assertEquals(Outcome.PASS, finding(crunch, "latency-path").outcome());
        assertEquals("dev.oxidizer.analyzer.Workloads.handle*", crunch.latencyPath().matched());
        assertEquals(1.0, crunch.latencyPath().share(), 1e-9);
        MethodReport batch = method(r, BATCH);
        Finding off = finding(batch, "latency-path");
        assertEquals(Outcome.FAIL, off.outcome(), off.explanation());
        assertEquals(Verdict.REJECTED, batch.verdict());
        assertEquals("latency-path", batch.rejectedBy());
        assertEquals("keep", batch.suggestion().pattern());

        // Thread names alone are enough.
        Report byThread = Analyses.report(AnalyzerConfig.builder().latencyThread("request-worker-*").build(), withAgent);
        MethodReport c2 = method(byThread, CRUNCH);
        assertEquals(Outcome.PASS, finding(c2, "latency-path").outcome());
        assertTrue(c2.latencyPath().matched().startsWith("thread request-worker-1"), c2.latencyPath().matched());
    }

    @Test
    void tooFineMethodNamesItsCoarserCallerFromTheSampledStacks() throws Exception {
        Report r = analyze(AnalyzerConfig.builder());
        MethodReport tiny = method(r, TINY);
        Finding g = finding(tiny, "granularity");
        assertEquals(Outcome.FAIL, g.outcome(), g.explanation());
        assertTrue(g.action().startsWith("Port the coarser caller " + CRUNCH), g.action());
        assertEquals("native", tiny.suggestion().pattern());
        assertEquals(CRUNCH, tiny.suggestion().coarserCaller());
    }

    @Test
    void callTreeAndCountsComeFromTheSamples() throws Exception {
        Report r = analyze(AnalyzerConfig.builder());
        MethodReport crunch = method(r, CRUNCH);
        assertNotNull(crunch.callTree());
        assertEquals("dev.oxidizer.analyzer.Workloads.crunch", crunch.callTree().frame());
        assertEquals(crunch.cpu().inclusiveSamples(), crunch.callTree().samples());
        assertTrue(crunch.callTree().children().stream().anyMatch(c -> c.frame().equals("dev.oxidizer.analyzer.Workloads.tiny")),
                crunch.callTree().toString());
        assertTrue(crunch.cpu().inclusiveSamples() > crunch.cpu().selfSamples());
        assertEquals(1, crunch.calls().threads());
        assertEquals(Verdict.CANDIDATE, crunch.verdict());
        assertEquals(1, crunch.rank());
        // The candidate outranks every rejected method.
        assertEquals(CRUNCH, r.methods().get(0).key());
    }

    @Test
    void plainJfrIsAnalysedInSamplingOnlyModeWithAWarning() throws Exception {
        Report r = Analyses.report(AnalyzerConfig.builder().latencyThread("main").build(), plain);
        assertEquals("sampling-only", r.mode());
        assertTrue(r.warnings().get(0).startsWith("sampling-only mode"), r.warnings().toString());
        MethodReport crunch = method(r, CRUNCH);
        assertNull(crunch.calls());
        assertNull(crunch.latency());
        assertEquals(Outcome.UNKNOWN, finding(crunch, "calls-per-day").outcome());
        assertEquals(Outcome.UNKNOWN, finding(crunch, "granularity").outcome());
        assertTrue(crunch.cpu().inclusiveSamples() > 20, crunch.cpu().toString());
        assertEquals(MethodReport.Confidence.LOW, crunch.confidence());
        assertTrue(crunch.score() > 0);
        // JDK frames are never proposed.
        assertTrue(r.methods().stream().noneMatch(m -> m.key().startsWith("java.")), r.methods().stream().map(MethodReport::key).toList().toString());
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Modifier;
import java.nio.file.Path;

import static dev.oxidizer.analyzer.Analyses.finding;
import static dev.oxidizer.analyzer.Analyses.method;
import static dev.oxidizer.analyzer.Analyses.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that need only the agent's events, at their threshold edges, through real recordings written with the
 * jdk.jfr API (agent layout v1). The window is set by the events' interval timestamps, so projections are exact:
 * a window of 86.4 s makes calls/day = 1,000 x observed calls.
 */
class AgentEventRulesTest {
    static final long T0 = 1_700_000_000_000L;
    static final long WINDOW_MS = 86_400; // 86.4 s: one observed call = 1,000 calls/day
    static final int STATIC = Modifier.PUBLIC | Modifier.STATIC;

    @TempDir
    Path dir;

    @Test
    void callsPerDayPassesAtExactlyTheThresholdAndFailsOneCallBelow() throws Exception {
        Path f = Recordings.agentOnly(dir.resolve("calls.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#atEdge([D)D", STATIC, 10, TestEvents.constant(100_000, 10), T0, T0 + WINDOW_MS);
            TestEvents.profile("s", "a.K#below([D)D", STATIC, 9, TestEvents.constant(100_000, 9), T0, T0 + WINDOW_MS);
        });
        Report r = Analyses.report(f);
        assertEquals("agent", r.mode());
        assertEquals(86.4, r.window().durationSeconds(), 1e-9);
        MethodReport edge = method(r, "a.K#atEdge([D)D");
        assertEquals(10_000, edge.calls().perDay(), 1e-6);
        assertEquals(Outcome.PASS, finding(edge, "calls-per-day").outcome());
        assertEquals(50, finding(edge, "calls-per-day").score());
        MethodReport below = method(r, "a.K#below([D)D");
        assertEquals(9_000, below.calls().perDay(), 1e-6);
        assertEquals(Outcome.FAIL, finding(below, "calls-per-day").outcome());
        assertEquals(Verdict.REJECTED, below.verdict());
        assertEquals("calls-per-day", below.rejectedBy());
        assertTrue(finding(below, "calls-per-day").explanation().contains("9,000"), finding(below, "calls-per-day").explanation());
    }

    @Test
    void callsPerDayThresholdComesFromTheConfig() throws Exception {
        Path f = Recordings.agentOnly(dir.resolve("cfg.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#m([D)D", STATIC, 10, TestEvents.constant(100_000, 10), T0, T0 + WINDOW_MS);
        });
        Report r = Analyses.report(AnalyzerConfig.builder().threshold("calls-per-day.min", 10_001).build(), f);
        assertEquals(Outcome.FAIL, outcome(r, "a.K#m([D)D", "calls-per-day"));
        assertEquals(10_001, r.thresholds().get("calls-per-day.min").value());
        assertEquals(10_000, r.thresholds().get("calls-per-day.min").defaultValue());
    }

    @Test
    void granularityPassesWhenTheDowncallIsExactlyTheMaxShareOfTheMean() throws Exception {
        // FFM cost is fixed at 50 ns in tests; max share 0.05 puts the edge at a 1,000 ns mean.
        Path f = Recordings.agentOnly(dir.resolve("gran.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#edge(I)I", STATIC, 1_000_000, TestEvents.constant(1000, 1000), T0, T0 + WINDOW_MS);
            TestEvents.profile("s", "a.K#fine(I)I", STATIC, 1_000_000, TestEvents.constant(999, 1000), T0, T0 + WINDOW_MS);
        });
        Report r = Analyses.report(f);
        Finding edge = finding(method(r, "a.K#edge(I)I"), "granularity");
        assertEquals(Outcome.PASS, edge.outcome(), edge.explanation());
        assertEquals(0.05, edge.numbers().get("callShare"), 1e-12);
        Finding fine = finding(method(r, "a.K#fine(I)I"), "granularity");
        assertEquals(Outcome.FAIL, fine.outcome(), fine.explanation());
        assertTrue(fine.action().startsWith("Batch the calls"), fine.action());
    }

    @Test
    void timerOverheadIsSubtractedFromLatencyFigures() throws Exception {
        Path f = Recordings.agentOnly(dir.resolve("ovh.jfr"), () -> {
            TestEvents.session("s", "a.Main", 25);
            TestEvents.profile("s", "a.K#m(I)I", STATIC, 100, TestEvents.constant(1025, 100), T0, T0 + WINDOW_MS);
        });
        MethodReport m = method(Analyses.report(f), "a.K#m(I)I");
        assertEquals(1000, m.latency().meanNs(), 1e-9);
        assertEquals(1000, m.latency().p50Ns());
        assertEquals(1000 * 100, m.latency().totalNs(), 1e-6);
    }

    @Test
    void portableSignatureAcceptsPrimitivesArraysAndStringAndExplainsTheRest() throws Exception {
        Path f = Recordings.agentOnly(dir.resolve("sig.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#ok(Ljava/lang/String;[I[DJ)I", STATIC, 100, null, T0, T0 + WINDOW_MS);
            TestEvents.profile("s", "a.K#objects(Ljava/util/List;)Ljava/util/Map;", STATIC, 100, null, T0, T0 + WINDOW_MS);
            TestEvents.profile("s", "a.K#instance([D)D", Modifier.PUBLIC, 100, null, T0, T0 + WINDOW_MS);
        });
        Report r = Analyses.report(f);
        MethodReport ok = method(r, "a.K#ok(Ljava/lang/String;[I[DJ)I");
        assertEquals(Outcome.PASS, finding(ok, "portable-signature").outcome());
        // a.K's class file is not on the recorded class path: the generator's assumptions without it (arg0..., arrays written)
        assertEquals("pub fn ok(arg0: &str, arg1: &mut [i32], arg2: &mut [f64], arg3: i64) -> Result<i32, PortError>",
                ok.portability().rustSignature());
        assertEquals("static int ok(String, int[], double[], long)", ok.javaSignature());
        MethodReport objects = method(r, "a.K#objects(Ljava/util/List;)Ljava/util/Map;");
        Finding fo = finding(objects, "portable-signature");
        assertEquals(Outcome.FAIL, fo.outcome());
        assertEquals(2, objects.portability().problems().size());
        assertTrue(fo.explanation().contains("parameter 1 (List)") && fo.explanation().contains("primitive array"), fo.explanation());
        assertTrue(fo.explanation().contains("return (Map)"), fo.explanation());
        Finding fi = finding(method(r, "a.K#instance([D)D"), "portable-signature");
        assertEquals(Outcome.FAIL, fi.outcome());
        assertTrue(fi.explanation().contains("static"), fi.explanation());
        Report allowed = Analyses.report(AnalyzerConfig.builder().threshold("portable-signature.allowReceiver", 1).build(), f);
        assertEquals(Outcome.PASS, outcome(allowed, "a.K#instance([D)D", "portable-signature"));
    }

    @Test
    void withoutCpuSamplesTheRulesThatNeedThemAreUnknownAndNoPortIsRecommended() throws Exception {
        Path f = Recordings.agentOnly(dir.resolve("nosamples.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#m([D)D", STATIC, 100, TestEvents.constant(100_000, 100), T0, T0 + WINDOW_MS);
        });
        Report r = Analyses.report(f);
        MethodReport m = method(r, "a.K#m([D)D");
        assertEquals(Outcome.UNKNOWN, finding(m, "cpu-bound").outcome());
        assertEquals(Outcome.UNKNOWN, finding(m, "latency-path").outcome());
        assertEquals(Outcome.UNKNOWN, finding(m, "jdk-bound").outcome());
        // UNKNOWN is never a pass: with no CPU seen, the method is not worth porting.
        assertEquals(Verdict.REJECTED, m.verdict());
        assertEquals("cpu-evidence", m.rejectedBy());
        assertNull(m.rank());
        assertEquals(0.0, m.score());
        assertEquals(MethodReport.Confidence.LOW, m.confidence());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no jdk.ExecutionSample")), r.warnings().toString());
    }

    @Test
    void aMethodTheAgentLeftUninstrumentedIsReportedWithUnknownCalls() throws Exception {
        Path f = Recordings.agentOnly(dir.resolve("form.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#m([D)D", STATIC, 100, TestEvents.constant(100_000, 100), T0, T0 + WINDOW_MS);
            TestEvents.form("s", "a.K#huge([D)D", STATIC, "none", "huge-method-limit");
        });
        MethodReport m = method(Analyses.report(f), "a.K#huge([D)D");
        assertNull(m.calls(), "calls are unknown, not 0");
        Finding calls = finding(m, "calls-per-day");
        assertEquals(Outcome.UNKNOWN, calls.outcome(), calls.explanation());
        assertTrue(calls.explanation().contains("huge-method limit"), calls.explanation());
        assertTrue(m.code().portNote().contains("not instrumented (huge-method-limit)"), m.code().portNote());
    }

    @Test
    void trivialCodeStaysTooFineGrainedWhenTheBudgetLaterRemovesItsProbe() throws Exception {
        Path f = Recordings.agentOnly(dir.resolve("demoted.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", "a.K#m([D)D", STATIC, 100, TestEvents.constant(100_000, 100), T0, T0 + WINDOW_MS);
            TestEvents.form("s", "a.K#mix(J)J", STATIC, "entry", "trivial");
            TestEvents.form("s", "a.K#mix(J)J", STATIC, "none", "budget");
        });
        MethodReport m = method(Analyses.report(f), "a.K#mix(J)J");
        assertNull(m.calls(), "the budget took the probe away: calls unknown");
        Finding g = finding(m, "granularity");
        assertEquals(Outcome.FAIL, g.outcome(), g.explanation());
        assertTrue(g.summary().startsWith("trivial"), g.summary());
        assertEquals(Verdict.REJECTED, m.verdict());
        assertEquals("granularity", m.rejectedBy());
    }
}

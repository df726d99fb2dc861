package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.fleet.FleetCalls;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.oxidizer.analyzer.Analyses.finding;
import static dev.oxidizer.analyzer.Analyses.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls per day measured by a fleet source replace the projection from the recording's window: a method called in a
 * burst while the recording ran is no longer taken for a busy one.
 */
class FleetInputTest {
    static final String BURST = "a.Startup#warm([D)D";
    static final String STEADY = "a.Codec#encode([B)[B";
    static final String UNCOUNTED = "a.Rare#run(I)I";
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    static Histogram flat(long ns, long n) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(ns, n);
        return h;
    }

    @Test
    void measuredCallsPerDayReplaceTheProjectionForTheMethodsTheFleetCounted() throws Exception {
        Path rec = Recordings.agentOnly(dir.resolve("r.jfr"), () -> {
            TestEvents.session("s", "a.Main", 0);
            TestEvents.profile("s", BURST, 9, 50_000, flat(20_000, 50_000), T0, T0 + 10_000);
            TestEvents.profile("s", STEADY, 9, 2_000, flat(40_000, 2_000), T0, T0 + 10_000);
            TestEvents.profile("s", UNCOUNTED, 9, 1_000, flat(30_000, 1_000), T0, T0 + 10_000);
        });
        double week = 7 * 86_400;
        FleetCalls fleet = new FleetCalls(new Report.Fleet("prometheus", "http://prom:9090", "{job=\"svc\"}", "7d",
                "2026-11-15T00:00:00Z", "2026-11-22T00:00:00Z", week, 4, 2, 2, 0),
                Map.of(BURST, new MethodReport.Measured(5_000, 0, 4, 21_000.0, 19_000.0, 48_000.0),
                        STEADY, new MethodReport.Measured(90_000_000, 12, 4, 41_000.0, 39_000.0, 90_000.0)),
                List.of());
        Report r = new Analyzer(AnalyzerConfig.builder().build()).ffmCallNs(Analyses.FFM_NS).fleet(fleet)
                .analyze(List.of(rec)).report();

        assertEquals(fleet.source(), r.fleet());
        assertTrue(r.warnings().get(0).startsWith("two sources: calls per day measured by Prometheus at http://prom:9090 "
                + "({job=\"svc\"}, range 7d"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).startsWith("1 analysed method(s) have no Prometheus counter"), r.warnings().toString());

        MethodReport burst = method(r, BURST);
        assertEquals(50_000, burst.calls().observed(), "the recording's own count stays");
        assertEquals(5_000 * 86_400.0 / week, burst.calls().perDay(), 1e-9);
        assertEquals(5_000, burst.calls().measured().calls());
        Finding calls = finding(burst, "calls-per-day");
        assertEquals(Outcome.FAIL, calls.outcome(), "projected, the burst would be 432 million calls a day");
        assertTrue(calls.explanation().startsWith("Measured 5,000 calls over 604,800 s across 4 JVM run(s)"), calls.explanation());
        assertEquals(5_000.0, calls.numbers().get("measuredCalls"));

        MethodReport steady = method(r, STEADY);
        assertEquals(90_000_000 * 86_400.0 / week, steady.calls().perDay(), 1e-6);
        assertEquals(Outcome.PASS, finding(steady, "calls-per-day").outcome());

        MethodReport uncounted = method(r, UNCOUNTED);
        assertNull(uncounted.calls().measured());
        assertEquals(1_000 * 86_400.0 / 10, uncounted.calls().perDay(), 1e-6, "projected from the 10 s window");
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.oxidizer.analyzer.Analyses.finding;
import static dev.oxidizer.analyzer.Analyses.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain JFR with JDK 25 jdk.MethodTiming (JEP 520): exact counts without the agent. */
class MethodTimingModeTest {
    static final String KEY = "dev.oxidizer.analyzer.MethodTimingModeTest#work(I)D";
    static volatile double sink;

    static double work(int n) {
        double x = 0;
        for (int i = 0; i < n; i++) {
            x += Math.sqrt(i + x);
        }
        return x;
    }

    @Test
    void methodTimingCountsAreUsedAndItsCumulativeSnapshotsAreNotAddedUp(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("timing.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.MethodTiming").with("filter", "dev.oxidizer.analyzer.MethodTimingModeTest::work");
            r.enable("jdk.JVMInformation");
            r.start();
            for (int i = 0; i < 12_345; i++) {
                sink += work(200);
            }
            r.stop();
            r.dump(f);
        }
        Report report = Analyses.report(f);
        assertEquals("method-timing", report.mode());
        assertTrue(report.warnings().get(0).startsWith("method-timing mode"), report.warnings().toString());
        MethodReport m = method(report, KEY);
        assertEquals(12_345, m.calls().observed());
        assertEquals("method-timing", m.calls().source());
        assertTrue(m.latency().meanNs() > 0, m.latency().toString());
        assertEquals(-1, m.latency().p99Ns());
        assertEquals(Outcome.PASS, finding(m, "calls-per-day").outcome());
        assertEquals(Outcome.PASS, finding(m, "portable-signature").outcome());
        assertEquals("pub fn work(arg0: i32) -> Result<f64, PortError>", m.portability().rustSignature());
    }
}

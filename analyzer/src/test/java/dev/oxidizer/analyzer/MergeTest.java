package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.SplittableRandom;

import static dev.oxidizer.analyzer.Analyses.method;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Several runs or JVMs of one application: counts add up, histograms merge exactly, windows combine. */
class MergeTest {
    static final String KEY = "a.K#m([D)D";
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private static Histogram random(long seed, int n) {
        Histogram h = new Histogram(3);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            h.recordValue(1_000 + (long) (r.nextDouble() * r.nextDouble() * 5_000_000));
        }
        return h;
    }

    private Path run(String name, String session, Histogram h1, Histogram h2, long fromMs, long toMs) throws Exception {
        return Recordings.agentOnly(dir.resolve(name), () -> {
            TestEvents.session(session, "a.Main", 0);
            long mid = (fromMs + toMs) / 2;
            // Two flush intervals per run, as the agent writes them.
            TestEvents.profile(session, KEY, 9, h1.getTotalCount() + 3, h1, fromMs, mid);
            TestEvents.profile(session, KEY, 9, h2.getTotalCount(), h2, mid, toMs);
        });
    }

    @Test
    void mergingTwoRunsGivesTheSumOfTheirCountsAndHistograms() throws Exception {
        Histogram a1 = random(1, 5000), a2 = random(2, 3000), b1 = random(3, 7000), b2 = random(4, 10);
        Path a = run("a.jfr", "run-a", a1, a2, T0, T0 + 10_000);
        Path b = run("b.jfr", "run-b", b1, b2, T0 + 20_000, T0 + 30_000);

        Report merged = Analyses.report(a, b);
        MethodReport m = method(merged, KEY);
        Histogram sum = new Histogram(3);
        for (Histogram h : new Histogram[] {a1, a2, b1, b2}) {
            sum.add(h);
        }
        assertEquals(5000 + 3 + 3000 + 7000 + 3 + 10, m.calls().observed());
        assertEquals(sum.getTotalCount(), m.latency().timedCount());
        Histogram back = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(m.latency().histogram())), 0);
        assertEquals(sum, back);
        assertEquals(sum.getValueAtPercentile(99.9), m.latency().p999Ns());
        assertEquals(sum.getValueAtPercentile(50), m.latency().p50Ns());
        assertEquals(sum.getMaxValue(), m.latency().maxNs());
        assertEquals(sum.getMean(), m.latency().meanNs(), 1e-6);
        // Disjoint runs: their windows add up.
        assertEquals(20.0, merged.window().durationSeconds(), 1e-9);
        assertEquals(2, merged.window().jvms());

        // The same figures as each run on its own, added.
        MethodReport alone = method(Analyses.report(a), KEY);
        MethodReport other = method(Analyses.report(b), KEY);
        assertEquals(alone.calls().observed() + other.calls().observed(), m.calls().observed());
        assertEquals(m.calls().observed() * 86_400.0 / 20.0, m.calls().perDay(), 1e-6);
    }

    @Test
    void overlappingJvmsShareOneWindow() throws Exception {
        Path a = run("a.jfr", "jvm-a", random(5, 100), random(6, 100), T0, T0 + 10_000);
        Path b = run("b.jfr", "jvm-b", random(7, 100), random(8, 100), T0 + 5_000, T0 + 15_000);
        Report merged = Analyses.report(a, b);
        assertEquals(15.0, merged.window().durationSeconds(), 1e-9);
        assertEquals(2, merged.window().jvms());
    }
}

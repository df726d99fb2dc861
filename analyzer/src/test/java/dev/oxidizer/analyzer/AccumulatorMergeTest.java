package dev.oxidizer.analyzer;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each event family's accumulator merges itself: the events of one real recording, accepted by per-unit aggregators
 * split at several points and merged in order, give the same frozen profile, family by family, as one unit that
 * accepted every event.
 */
class AccumulatorMergeTest {
    static final String KEY = "a.K#m([D)D";
    static final String OTHER = "a.K#n()V";
    static List<RecordedEvent> events;

    @BeforeAll
    static void record(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("families.jfr");
        try (Recording r = new Recording()) {
            for (String agent : List.of("oxidizer.MethodProfile", "oxidizer.AgentSession", "oxidizer.AgentOverhead",
                    "oxidizer.MethodForm")) {
                r.enable(agent);
            }
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.ThreadSleep").withThreshold(Duration.ofMillis(1)).withStackTrace();
            r.enable("jdk.ObjectAllocationSample").withStackTrace();
            r.enable("jdk.MethodTiming").with("filter", "dev.oxidizer.analyzer.Workloads::crunch");
            r.enable("jdk.ActiveSetting");
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            r.enable("jdk.CPUInformation");
            r.enable("jdk.JVMInformation");
            r.enable("jdk.InitialSystemProperty");
            r.start();
            long t0 = System.currentTimeMillis();
            TestEvents.session("s1", "a.Main", 25.0);
            TestEvents.session("s2", "a.Other", 30.0);
            List<byte[]> kept = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                TestEvents.profile(i % 2 == 0 ? "s1" : "s2", KEY, 9, 100 + i * 37, TestEvents.constant(1_000 + i * 500, 10 + i),
                        t0 + i * 100, t0 + i * 100 + 99);
                TestEvents.profile("s1", OTHER, 1, i == 3 ? 5_000 : 1, null, t0 + i * 100, t0 + i * 100 + 99);
                if (i == 5) {
                    TestEvents.form("s1", OTHER, 1, "counted", "budget");
                }
                TestEvents.AgentOverhead o = new TestEvents.AgentOverhead();
                o.sessionId = "s1";
                o.nsPerCountedCall = 2 + i;
                o.nsPerTimedCall = 20 + i;
                o.estimatedOverheadNs = 1_000 * i;
                o.commit();
                Workloads.crunch(15_000_000);
                kept.add(new byte[64 * 1024]);
                Thread.sleep(5);
            }
            Workloads.sink += kept.size();
            r.stop();
            r.dump(file);
        }
        events = RecordingFile.readAllEvents(file);
    }

    /** Aggregates the events through units that end at {@code cuts}, merged in order. */
    private static Profile read(int... cuts) {
        ProfileAggregator merged = ProfileAggregator.merged(2);
        int from = 0;
        int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
        ends[cuts.length] = events.size();
        for (int end : ends) {
            ProfileAggregator unit = ProfileAggregator.forChunks(List.of("main*"), 0);
            events.subList(from, end).forEach(unit::accept);
            merged.mergeFrom(unit);
            from = end;
        }
        return merged.freeze();
    }

    private static void assertMergesLikeOneUnit(Function<Profile, String> family) {
        String whole = family.apply(read());
        int n = events.size();
        for (int[] cuts : List.of(new int[] {n / 2}, new int[] {n / 3, 2 * n / 3}, new int[] {1, n - 1})) {
            assertEquals(whole, family.apply(read(cuts)), "split at " + Arrays.toString(cuts));
        }
    }

    @Test
    void agentFamilyMergesLikeOneUnit() {
        Profile p = read();
        assertEquals(2, p.agentMethods().size());
        assertEquals(2, p.sessions().size());
        assertTrue(p.sawOverhead());
        assertEquals("counted", p.agentMethods().get(OTHER).instrumentation());
        assertMergesLikeOneUnit(AccumulatorMergeTest::agent);
    }

    @Test
    void stackSampleFamilyMergesLikeOneUnit() {
        Profile p = read();
        assertTrue(p.stackCount() > 0);
        assertFalse(p.allocations().isEmpty());
        assertFalse(p.samplerTicks().isEmpty());
        assertTrue(p.eventCounts().getOrDefault(EventKind.THREAD_SLEEP, 0L) > 0);
        assertMergesLikeOneUnit(AccumulatorMergeTest::samples);
    }

    @Test
    void methodTimingFamilyMergesLikeOneUnit() {
        assertFalse(read().timing().isEmpty());
        assertMergesLikeOneUnit(p -> new TreeMap<>(p.timing()).toString());
    }

    @Test
    void cpuLoadFamilyMergesLikeOneUnit() {
        assertNotNull(read().machineBusy());
        assertNotNull(read().jvmCpuSeconds(Map.of(0, 10.0)));
        assertMergesLikeOneUnit(p -> p.machineBusy() + " " + p.jvmCpuSeconds(Map.of(0, 10.0)));
    }

    @Test
    void settingsAndJvmFamiliesMergeLikeOneUnit() {
        Profile p = read();
        assertFalse(p.settings().isEmpty());
        assertNotNull(p.fileJvm().get(0));
        assertNotNull(p.fileClassPath().get(0)[0]);
        // Sorted at every level: the order of a type's setting names follows which unit saw them first.
        assertMergesLikeOneUnit(q -> sortedSettings(q) + " " + new TreeMap<>(q.eventTypeIds()) + " "
                + q.fileJvm() + " " + Arrays.toString(q.fileClassPath().get(0)) + " " + q.eventCounts()
                + " " + q.firstEventMs() + ".." + q.lastEventMs());
    }

    private static Map<Long, Map<String, java.util.SortedSet<String>>> sortedSettings(Profile p) {
        Map<Long, Map<String, java.util.SortedSet<String>>> out = new TreeMap<>();
        p.settings().forEach((type, values) -> {
            Map<String, java.util.SortedSet<String>> m = new TreeMap<>();
            values.forEach((name, v) -> m.put(name, new java.util.TreeSet<>(v)));
            out.put(type, m);
        });
        return out;
    }

    private static String agent(Profile p) {
        StringBuilder b = new StringBuilder();
        p.agentMethods().forEach((k, m) -> {
            Histogram h = m.latencyHistogram();
            b.append(k).append(' ').append(m.invocations()).append(' ').append(m.exceptional()).append(' ').append(m.timedCount())
                    .append(' ').append(m.overheadNs()).append(' ').append(h.getTotalCount()).append(' ').append(h.getMean())
                    .append(' ').append(h.getValueAtPercentile(50)).append(' ').append(h.getMaxValue()).append(' ')
                    .append(m.policies()).append(m.sessions()).append(' ').append(m.firstCallMs()).append(' ').append(m.lastCallMs())
                    .append(' ').append(m.intervalsWithCalls()).append(Arrays.toString(m.busiestIntervals())).append(' ')
                    .append(m.instrumentation()).append(' ').append(m.instrumentationReason()).append('\n');
        });
        p.sessions().forEach((id, s) -> b.append(id).append(' ').append(s.described()).append(' ').append(s.pid()).append(' ')
                .append(s.mainClass()).append(' ').append(s.jvmStartMs()).append(' ').append(s.timerOverheadNs()).append(' ')
                .append(s.startMs()).append(' ').append(s.endMs()).append(' ').append(s.seenFromMs()).append(' ').append(s.seenToMs())
                .append(' ').append(s.intervals()).append('\n'));
        return b.append(p.problems()).append(' ').append(p.overheadNs()).append(' ').append(p.nsPerCountedCall()).append(' ')
                .append(p.nsPerTimedCall()).toString();
    }

    private static String samples(Profile p) {
        StringBuilder b = new StringBuilder();
        for (int f = 0; f < p.frameCount(); f++) {
            b.append(p.frame(f)).append('\n');
        }
        for (int s = 0; s < p.stackCount(); s++) {
            StackCounts x = p.stackCounts(s);
            b.append(Arrays.toString(p.stack(s))).append(p.stackTruncated(s)).append(' ').append(x.execSamples()).append(' ')
                    .append(x.cpuTimeSamples()).append(' ').append(x.evidence()).append(' ').append(x.evidenceOnLatencyThread())
                    .append(' ').append(x.parkCount()).append(' ').append(x.parkNs()).append(' ').append(x.monitorNs()).append(' ')
                    .append(x.ioNs()).append(' ').append(x.allocBytes()).append(' ');
            for (int i = 0; i < x.threadCount(); i++) {
                b.append(x.thread(i)).append(':').append(x.threadSamples(i)).append(',');
            }
            b.append(x.topLineSamples()).append('\n');
        }
        new TreeMap<>(p.threads()).forEach((id, t) -> b.append(id).append(' ').append(t.name).append(' ').append(t.latencyThread)
                .append(' ').append(t.execSamples()).append(' ').append(t.cpuTimeSamples()).append(' ').append(t.waitNs()).append(' ')
                .append(t.firstMs()).append(' ').append(t.lastMs()).append('\n'));
        p.allocations().forEach((k, w) -> b.append(k).append('=').append(w[0]).append(' '));
        b.append(p.allocClasses()).append('\n');
        p.samplerTicks().forEach((file, t) -> {
            b.append(file).append(' ').append(t.samples()).append(' ').append(t.ticks()).append(' ')
                    .append(t.saturatedTicks()).append(' ').append(t.firstTickWeight()).append('\n');
        });
        return b.toString();
    }
}

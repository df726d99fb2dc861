package dev.oxidizer.analyzer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sampler's periods reduced as they go by give the sums of all periods taken at once, in a window of bounded size.
 */
class SamplerTicksTest {
    private static final int CAP = 5;

    /** Samples of a sampler with period {@code periodMs} over {@code threads} running threads, round-robin, capped. */
    private static List<long[]> sampler(long fromMs, long periods, int periodMs, int threads, Random jitter) {
        List<long[]> out = new ArrayList<>();
        int next = 0;
        long ms = fromMs;
        for (long p = 0; p < periods; p++) {
            ms += periodMs + (jitter == null ? 0 : jitter.nextInt(3) * (jitter.nextInt(20) == 0 ? 9 : 1));
            int taken = Math.min(CAP, threads);
            for (int i = 0; i < taken; i++) {
                out.add(new long[] {ms + (i == taken - 1 && jitter != null && jitter.nextBoolean() ? 1 : 0), next});
                next = (next + 1) % threads;
            }
        }
        return out;
    }

    /** The reference: all samples' ticks at once (what the estimator computed before it reduced as it went). */
    private record Sums(long samples, long ticks, long saturated, long firstWeight, Map<Long, List<Long>> byGap) {}

    private static Sums atOnce(List<long[]> samples) {
        TreeMap<Long, Set<Long>> threadsByMs = new TreeMap<>();
        TreeMap<Long, Long> countByMs = new TreeMap<>();
        for (long[] s : samples) {
            threadsByMs.computeIfAbsent(s[0], k -> new HashSet<>()).add(s[1]);
            countByMs.merge(s[0], 1L, Long::sum);
        }
        List<long[]> ticks = new ArrayList<>();
        List<Set<Long>> threads = new ArrayList<>();
        for (var e : countByMs.entrySet()) {
            long[] last = ticks.isEmpty() ? null : ticks.get(ticks.size() - 1);
            if (last == null || e.getKey() - last[1] > 2) {
                ticks.add(new long[] {e.getKey(), e.getKey(), 0});
                threads.add(new HashSet<>());
                last = ticks.get(ticks.size() - 1);
            }
            last[1] = e.getKey();
            last[2] += e.getValue();
            threads.get(threads.size() - 1).addAll(threadsByMs.get(e.getKey()));
        }
        long total = 0;
        long saturated = 0;
        long first = 0;
        Map<Long, List<Long>> byGap = new TreeMap<>();
        for (int i = 0; i < ticks.size(); i++) {
            long k = ticks.get(i)[2];
            long w = k;
            if (k >= CAP) {
                saturated++;
                Set<Long> n = new HashSet<>();
                for (int j = Math.max(0, i - 5); j <= Math.min(ticks.size() - 1, i + 5); j++) {
                    n.addAll(threads.get(j));
                }
                w = Math.max(k, n.size());
            }
            if (i == 0) {
                first += w;
            } else {
                List<Long> g = byGap.computeIfAbsent(ticks.get(i)[0] - ticks.get(i - 1)[0], x -> new ArrayList<>(List.of(0L, 0L)));
                g.set(0, g.get(0) + w);
                g.set(1, g.get(1) + 1);
            }
            total += k;
        }
        return new Sums(total, ticks.size(), saturated, first, byGap);
    }

    private static Sums reduced(SamplerTicks t) {
        t.finish();
        Map<Long, List<Long>> byGap = new TreeMap<>();
        t.byGapMs().forEach((g, w) -> byGap.put(g, List.of(w[0], w[1])));
        return new Sums(t.samples(), t.ticks(), t.saturatedTicks(), t.firstTickWeight(), byGap);
    }

    @Test
    void reducingAsSamplesComeGivesTheSumsOfAllTicksAtOnceEvenWithSamplesOutOfOrder() {
        Random r = new Random(42);
        // Seven running threads (the sampler saturates), jittered periods, late periods, and two idle stretches.
        List<long[]> samples = new ArrayList<>(sampler(1_000, 3_000, 10, 7, r));
        samples.addAll(sampler(samples.get(samples.size() - 1)[0] + 40_000, 2_000, 10, 3, r));
        samples.addAll(sampler(samples.get(samples.size() - 1)[0] + 500, 4_000, 10, 9, r));
        // Threads that come and go: each period samples five threads, one of them new, so how many ran around a
        // period depends on its neighbours on both sides.
        long ms = samples.get(samples.size() - 1)[0];
        for (int p = 0; p < 3_000; p++) {
            ms += 10 + r.nextInt(2);
            for (int i = 0; i < CAP; i++) {
                samples.add(new long[] {ms, 100 + p + i});
            }
        }
        // The order a recording holds them in: per flush segment (1 s), threads' buffers one after the other.
        List<long[]> inFileOrder = new ArrayList<>();
        for (int from = 0; from < samples.size(); ) {
            long segmentEnd = samples.get(from)[0] + 1_000;
            int to = from;
            while (to < samples.size() && samples.get(to)[0] < segmentEnd) {
                to++;
            }
            List<long[]> segment = new ArrayList<>(samples.subList(from, to));
            segment.sort((a, b) -> Long.compare(a[1], b[1])); // by thread, each thread's in time order
            inFileOrder.addAll(segment);
            from = to;
        }
        SamplerTicks t = new SamplerTicks(CAP);
        int most = 0;
        for (long[] s : inFileOrder) {
            t.add(s[0], s[1]);
            most = Math.max(most, t.heldBuckets());
        }
        Sums expected = atOnce(samples);
        assertTrue(expected.saturated() > 5_000 && expected.byGap().size() > 5, expected.toString());
        assertEquals(expected, reduced(t));
        assertTrue(most < 5_000, "held " + most + " buckets of " + expected.ticks() + " ticks");
    }

    @Test
    void memoryDoesNotGrowWithTheRecordingsLength() {
        SamplerTicks t = new SamplerTicks(CAP);
        int most = 0;
        long ticks = 10L * 3600 * 100; // ten hours of a 10 ms sampler over two threads
        for (long p = 1; p <= ticks; p++) {
            t.add(p * 10, 0);
            t.add(p * 10, 1);
            most = Math.max(most, t.heldBuckets());
        }
        t.finish();
        assertEquals(ticks, t.ticks());
        assertEquals(2 * ticks, t.samples());
        assertTrue(most <= 10_000 / 10 + 4096 + SamplerTicks.NEIGHBOUR_TICKS + 1, "held " + most);
        assertEquals(0, t.heldBuckets());
    }

    @Test
    void recordingsThatOverlapInTimeAreSeparateTimelines() {
        List<long[]> run = sampler(5_000, 2_000, 10, 7, new Random(7));
        SamplerTicks t = new SamplerTicks(CAP);
        for (int copy = 0; copy < 3; copy++) {
            for (long[] s : run) {
                t.add(s[0], s[1]);
            }
        }
        Sums one = atOnce(run);
        Sums three = reduced(t);
        assertEquals(3 * one.ticks(), three.ticks());
        assertEquals(3 * one.samples(), three.samples());
        assertEquals(3 * one.saturated(), three.saturated());
        assertEquals(3 * one.firstWeight(), three.firstWeight(), "each copy starts a timeline");
    }
}

package dev.oxidizer.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The execution sampler's periods ("ticks") of one recording, reduced as they go by to the few sums the CPU time
 * estimator needs ({@link CpuModel}): memory stays bounded by a window of recent samples, however long the recording.
 *
 * <p>Samples are fed in the order the recording holds them. Samples at most 2 ms apart form one tick (one sampler
 * period). A tick is reduced once it is {@link #HORIZON_MS} older than the newest sample seen and the
 * {@link #NEIGHBOUR_TICKS} ticks after it are too: its sample count k, its weight {@code max(k, n)} where n is the
 * number of distinct threads sampled in it and its neighbour ticks either side when it took {@code cap} samples (the
 * sampler was saturated, see {@link CpuModel}), and the gap to the previous tick's start. So, as long as no sample
 * arrives more than {@link #HORIZON_MS} after newer ones, the sums are exactly those of the whole recording's ticks
 * taken at once, however the samples were split into parts (the analyzer's read units), since parts are fed in order.
 * A sample older than a reduced tick starts a new timeline: the file was concatenated from recordings that overlap in
 * time (or a sample came very late); the timeline so far is reduced to its end first.
 *
 * <p>Not thread-safe: one per recording file, fed by the thread that merges the read units.
 */
final class SamplerTicks {
    /** How far behind the newest sample a tick must be before it is reduced: covers a flush segment's disorder. */
    static final long HORIZON_MS = 10_000;
    /** Ticks either side whose threads count towards a saturated tick's running threads (round-robin sampler). */
    static final int NEIGHBOUR_TICKS = 5;
    /** Samples more than this many ms apart belong to different ticks. */
    static final long TICK_SPAN_MS = 2;
    private static final int REDUCE_EVERY = 4096;

    private final int cap;
    /** Samples not yet reduced, plus the last reduced ticks' (the left neighbours of the next ones), by ms. */
    private final TreeMap<Long, Bucket> window = new TreeMap<>();
    /** Leading ticks of {@link #window} already reduced (at most {@link #NEIGHBOUR_TICKS}). */
    private int reducedInWindow;
    /** A sample at or before this ms would change a reduced tick: it starts a new timeline. */
    private long frontierMs = Long.MIN_VALUE;
    private long newestMs = Long.MIN_VALUE;
    private int sinceReduce;

    /** Samples of reduced ticks. */
    private long samples;
    private long ticks;
    private long saturatedTicks;
    /** Sum of the weights of reduced ticks that start a timeline (no previous tick: they cover one period). */
    private long firstTickWeight;
    /** Per gap to the previous tick's start, in ms: {sum of the ticks' weights, number of ticks}. */
    private final TreeMap<Long, long[]> byGapMs = new TreeMap<>();

    /** Samples taken in one millisecond, and the distinct threads they sampled. */
    private static final class Bucket {
        int samples;
        long[] threads = new long[6];
        int threadCount;

        void add(long thread) {
            samples++;
            for (int i = 0; i < threadCount; i++) {
                if (threads[i] == thread) {
                    return;
                }
            }
            if (threadCount == threads.length) {
                threads = java.util.Arrays.copyOf(threads, threadCount * 2);
            }
            threads[threadCount++] = thread;
        }
    }

    /** @param cap the most Java threads the sampler takes per period (HotSpot: 5) */
    SamplerTicks(int cap) {
        this.cap = cap;
    }

    /** One execution sample at {@code ms} (recording time) of thread key {@code thread} (-1 when unknown). */
    void add(long ms, long thread) {
        if (ms <= frontierMs) {
            reduce(true);
        }
        window.computeIfAbsent(ms, k -> new Bucket()).add(thread);
        newestMs = Math.max(newestMs, ms);
        if (++sinceReduce >= REDUCE_EVERY) {
            reduce(false);
        }
    }

    /** Reduces every tick still held; later samples start a new timeline. Idempotent. */
    void finish() {
        reduce(true);
    }

    long samples() {
        return samples;
    }

    long ticks() {
        return ticks;
    }

    long saturatedTicks() {
        return saturatedTicks;
    }

    long firstTickWeight() {
        return firstTickWeight;
    }

    /** Per gap in ms to the previous tick: {sum of weights, ticks}; ascending. Call {@link #finish()} first. */
    Map<Long, long[]> byGapMs() {
        return byGapMs;
    }

    /** Buckets held in memory (tests: bounded by the window, not the recording). */
    int heldBuckets() {
        return window.size();
    }

    private void reduce(boolean all) {
        sinceReduce = 0;
        if (window.isEmpty()) {
            return;
        }
        List<long[]> spans = new ArrayList<>(); // {startMs, endMs, samples}
        List<Set<Long>> threads = new ArrayList<>();
        long[] cur = null;
        Set<Long> curThreads = null;
        for (var e : window.entrySet()) {
            Bucket b = e.getValue();
            if (cur == null || e.getKey() - cur[1] > TICK_SPAN_MS) {
                cur = new long[] {e.getKey(), e.getKey(), 0};
                curThreads = new HashSet<>();
                spans.add(cur);
                threads.add(curThreads);
            }
            cur[1] = e.getKey();
            cur[2] += b.samples;
            for (int i = 0; i < b.threadCount; i++) {
                curThreads.add(b.threads[i]);
            }
        }
        int n = spans.size();
        int limit;
        if (all) {
            limit = n;
        } else {
            int settled = 0; // leading ticks no later sample can join (barring samples later than the horizon)
            while (settled < n && spans.get(settled)[1] + TICK_SPAN_MS < newestMs - HORIZON_MS) {
                settled++;
            }
            limit = Math.max(reducedInWindow, settled - NEIGHBOUR_TICKS);
        }
        for (int j = reducedInWindow; j < limit; j++) {
            long k = spans.get(j)[2];
            long weight = k;
            if (k >= cap) {
                saturatedTicks++;
                Set<Long> running = new HashSet<>();
                for (int i = Math.max(0, j - NEIGHBOUR_TICKS); i <= Math.min(n - 1, j + NEIGHBOUR_TICKS); i++) {
                    running.addAll(threads.get(i));
                }
                weight = Math.max(k, running.size());
            }
            if (j == 0) {
                firstTickWeight += weight;
            } else {
                long[] g = byGapMs.computeIfAbsent(spans.get(j)[0] - spans.get(j - 1)[0], x -> new long[2]);
                g[0] += weight;
                g[1]++;
            }
            samples += k;
            ticks++;
        }
        if (all) {
            window.clear();
            reducedInWindow = 0;
            frontierMs = Long.MIN_VALUE;
            newestMs = Long.MIN_VALUE;
            return;
        }
        if (limit > reducedInWindow) {
            frontierMs = spans.get(limit - 1)[1] + TICK_SPAN_MS;
            int keepFrom = Math.max(0, limit - NEIGHBOUR_TICKS);
            window.headMap(spans.get(keepFrom)[0], false).clear();
            reducedInWindow = limit - keepFrom;
        }
    }
}

package dev.oxidizer.agent.core;

import org.HdrHistogram.Histogram;

/**
 * Measures, once at start, what a clock read, a counted call and a timed call cost on this JVM, for the
 * overhead estimates written with every flush. Runs on the flusher thread; until it finishes, conservative
 * defaults from JMH measurements on a small cloud VM are used.
 */
final class Calibration {
    volatile double timerNs = 25;
    volatile double countedNs = 2.5;
    volatile double timedNs = 55;

    private static final ThreadLocal<long[]> TL = ThreadLocal.withInitial(() -> new long[16]);
    private static volatile int[] masks = new int[16];
    static volatile long sink;

    void run() {
        double timer = Double.MAX_VALUE;
        double counted = Double.MAX_VALUE;
        double record = Double.MAX_VALUE;
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        for (int round = 0; round < 5; round++) {
            int n = 200_000;
            long t0 = System.nanoTime();
            long acc = 0;
            for (int i = 0; i < n; i++) {
                acc += System.nanoTime();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long[] c = TL.get();
                long v = ++c[i & 7];
                acc += v & masks[i & 7];
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                h.recordValue(50 + (i & 1023));
            }
            long t3 = System.nanoTime();
            sink = acc;
            timer = Math.min(timer, (t1 - t0) / (double) n);
            counted = Math.min(counted, (t2 - t1) / (double) n);
            record = Math.min(record, (t3 - t2) / (double) n);
        }
        timerNs = timer;
        countedNs = counted;
        timedNs = counted + 2 * timer + record;
    }
}

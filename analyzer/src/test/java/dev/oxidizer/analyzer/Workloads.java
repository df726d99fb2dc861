package dev.oxidizer.analyzer;

import org.HdrHistogram.Histogram;

import java.util.concurrent.locks.LockSupport;

/** Real workloads whose stacks the sampled tests look for. Each call's latency is recorded like the agent does. */
final class Workloads {
    static volatile double sink;

    private Workloads() {}

    /** Entry point for the request threads. */
    static void handle(Histogram crunchLatency, long untilNanos) {
        while (System.nanoTime() < untilNanos) {
            long t0 = System.nanoTime();
            sink += crunch(2_000_000);
            crunchLatency.recordValue(System.nanoTime() - t0);
        }
    }

    /** CPU-bound: spends its time in {@link #tiny}. */
    static double crunch(long nanos) {
        long end = System.nanoTime() + nanos;
        double x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 200; i++) {
                x = tiny(x, i);
            }
        }
        return x;
    }

    static double tiny(double x, int i) {
        double y = x;
        for (int k = 0; k < 20; k++) {
            y = Math.sqrt(y + i + k) * 1.0000001;
        }
        return y;
    }

    /** Background entry point: the same kind of work, off the request path. */
    static void background(Histogram latency, long untilNanos) {
        while (System.nanoTime() < untilNanos) {
            long t0 = System.nanoTime();
            sink += crunchBatch(2_000_000);
            latency.recordValue(System.nanoTime() - t0);
        }
    }

    static double crunchBatch(long nanos) {
        long end = System.nanoTime() + nanos;
        double x = 1;
        while (System.nanoTime() < end) {
            x = Math.sqrt(x + 7) * 1.0000001;
        }
        return x;
    }

    /** Request entry point that waits. */
    static void handleWaiting(Histogram latency, long untilNanos) {
        while (System.nanoTime() < untilNanos) {
            long t0 = System.nanoTime();
            sleepy();
            latency.recordValue(System.nanoTime() - t0);
        }
    }

    /** Off-CPU: parks 10 ms per call. */
    static void sleepy() {
        LockSupport.parkNanos(10_000_000);
    }
}

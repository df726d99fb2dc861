package dev.oxidizer.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a {@link Workload}: start-up, then {@code threads} request workers (named {@code worker-N}, the latency-critical
 * threads of the labels) and one {@code background} thread, for a fixed time.
 */
final class ServiceRunner {
    private ServiceRunner() {}

    static long run(Workload w, int seconds, int threads, long seed) throws Exception {
        try (w) {
            w.startUp();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            LongAdder served = new LongAdder();
            long[] sink = new long[threads];
            List<Thread> all = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                SplittableRandom random = new SplittableRandom(seed * 31 + n);
                all.add(new Thread(() -> {
                    long acc = 0;
                    while (System.nanoTime() < deadline) {
                        acc += w.serve(random);
                        served.increment();
                    }
                    sink[n] = acc;
                }, "worker-" + n));
            }
            all.add(new Thread(() -> {
                try {
                    w.background(deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "background"));
            all.forEach(Thread::start);
            for (Thread t : all) {
                t.join();
            }
            long total = 0;
            for (long s : sink) {
                total += s;
            }
            if (total == 42) {
                System.out.println("(checksum 42)");
            }
            return served.sum();
        }
    }
}

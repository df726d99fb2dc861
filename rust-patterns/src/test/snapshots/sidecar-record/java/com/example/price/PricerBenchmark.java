package com.example.price;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Round-trip cost of a sidecar task against a {@link java.util.concurrent.ThreadPoolExecutor} with as many
 * threads, same submitting threads, same run. The Rust body is whatever {@code src/work.rs} holds (the
 * generated stub fails every task, which is still a full round trip); the Java task only reads its
 * input, so both sides measure hand-off, not work.
 *
 * <p>Usage: {@code PricerBenchmark [--tasks N] [--submitters P] [--workers W] [--rounds R]}; prints a
 * line per round and {@code ratio sidecar/executor: X.XXx} (best round each).
 */
public final class PricerBenchmark {
    private PricerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = 200_000;
        int submitters = 2;
        int workers = 2;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
                case "--submitters" -> submitters = Integer.parseInt(args[i + 1]);
                case "--workers" -> workers = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; accepted: --tasks N --submitters P --workers W --rounds R");
            }
        }
        if (args.length % 2 != 0 || tasks < submitters || submitters < 1 || workers < 1 || rounds < 1) {
            throw new IllegalArgumentException("options come in pairs; need tasks >= submitters >= 1, workers >= 1, rounds >= 1");
        }
        System.out.printf("tasks=%d submitters=%d workers=%d rounds=%d (+1 warm-up)%n", tasks, submitters, workers, rounds);
        double bestSidecar = 0;
        double bestExecutor = 0;
        for (int r = 0; r <= rounds; r++) {
            double s = runSidecar(tasks, submitters, workers);
            double e = runExecutor(tasks, submitters, workers);
            if (r > 0) {
                System.out.printf("round %d: sidecar %,.0f tasks/s; executor %,.0f tasks/s%n", r, s, e);
                bestSidecar = Math.max(bestSidecar, s);
                bestExecutor = Math.max(bestExecutor, e);
            }
        }
        System.out.printf("sidecar (Pricer, Rust workers): %,.0f tasks/s%n", bestSidecar);
        System.out.printf("executor (ThreadPoolExecutor, Java workers): %,.0f tasks/s%n", bestExecutor);
        System.out.printf("ratio sidecar/executor: %.2fx%n", bestSidecar / bestExecutor);
    }

    private static double runSidecar(int tasks, int submitters, int workers) throws Exception {
        try (Pricer sidecar = Pricer.start(1024, workers)) {
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            List<List<CompletableFuture<Double>>> all = new ArrayList<>();
            for (int p = 0; p < submitters; p++) {
                int n = tasks / submitters + (p < tasks % submitters ? 1 : 0);
                List<CompletableFuture<Double>> mine = new ArrayList<>(n);
                all.add(mine);
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < n; i++) {
                        try {
                            mine.add(sidecar.submit(0L, 0d, 0f, false, 1, TimeUnit.MINUTES));
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            for (List<CompletableFuture<Double>> list : all) {
                for (CompletableFuture<Double> f : list) {
                    f.handle((v, e) -> null).join();
                }
            }
            return tasks * 1e9 / (System.nanoTime() - start);
        }
    }

    private static double runExecutor(int tasks, int submitters, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            List<List<CompletableFuture<Integer>>> all = new ArrayList<>();
            for (int p = 0; p < submitters; p++) {
                int n = tasks / submitters + (p < tasks % submitters ? 1 : 0);
                List<CompletableFuture<Integer>> mine = new ArrayList<>(n);
                all.add(mine);
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < n; i++) {
                        int k = i;
            mine.add(CompletableFuture.supplyAsync(() -> k, pool));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            for (List<CompletableFuture<Integer>> list : all) {
                for (CompletableFuture<Integer> f : list) {
                    f.join();
                }
            }
            return tasks * 1e9 / (System.nanoTime() - start);
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}

package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Prim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generates the sidecar pattern twice (untouched stub, and with a real task body), builds both crates, compiles the
 * Java with -Werror and runs it: many submitting threads, Rust errors and panics, back-pressure, and shutdown under
 * load where every submitted task is accounted for.
 */
class SidecarPatternIT {
    static final String STUB_CRATE = "scorer_stub_it";
    static final String CRATE = "scorer_it";
    static final String RECORD_CRATE = "pricer_it";
    static URLClassLoader loader;
    static Path dir;

    static final String WORK_RS = """
            pub fn work(input: &[f64]) -> Result<i64, String> {
                if input.is_empty() {
                    return Err("empty input".to_string());
                }
                if input[0] == -1.0 {
                    panic!("poisoned input");
                }
                if input[0] == -2.0 || input[0] == -3.0 {
                    let ms = if input[0] == -2.0 { 2 } else { 50 };
                    std::thread::sleep(std::time::Duration::from_millis(ms));
                    return Ok(input[1..].iter().map(|v| *v as i64).sum());
                }
                Ok(input.iter().map(|v| *v as i64).sum())
            }
            """;

    static final String RECORD_WORK_RS = """
            use crate::record::Record;

            pub fn work(input: &Record) -> Result<f64, String> {
                if input.id < 0 {
                    return Err(format!("negative id {}", input.id));
                }
                let sign = if input.call == 1 { 1.0 } else { -1.0 };
                Ok(input.spot * input.vol as f64 * sign + input.type_ as f64 + input.kind as f64)
            }
            """;

    @BeforeAll
    static void generateAndBuild() throws Exception {
        dir = ItSupport.workDir("sidecar");
        PatternGenerator gen = new PatternGenerator();
        gen.generate(PatternKind.SIDECAR, new SidecarSpec("com.example.stub", "StubScorer", STUB_CRATE, Prim.DOUBLE, Prim.LONG),
                dir.resolve("stub"), false);
        gen.generate(PatternKind.SIDECAR, new SidecarSpec("com.example.s", "Scorer", CRATE, Prim.DOUBLE, Prim.LONG),
                dir.resolve("real"), false);
        Files.writeString(dir.resolve("real/src/work.rs"), WORK_RS);
        gen.generate(PatternKind.SIDECAR, SidecarSpec.ofRecord("com.example.s", "Pricer", RECORD_CRATE,
                RecordLayout.parse("long id, double spot, float vol, boolean call, char kind, short type"), Prim.DOUBLE),
                dir.resolve("record"), false);
        Files.writeString(dir.resolve("record/src/work.rs"), RECORD_WORK_RS);
        ItSupport.cargoBuild(dir.resolve("record"));
        ItSupport.cargoBuild(dir.resolve("stub"));
        ItSupport.cargoBuild(dir.resolve("real"));
        Path drivers = dir.resolve("drivers");
        writeDrivers(drivers);
        Path classes = dir.resolve("classes");
        ItSupport.compileJava(classes, dir.resolve("stub/java"), dir.resolve("real/java"), dir.resolve("record/java"), drivers);
        loader = ItSupport.loader(classes);
    }

    @AfterAll
    static void closeLoader() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    static Map<String, Object> drive(String driver, Path library) throws Exception {
        return ItSupport.driver(loader, "com.example.s." + driver).apply(library);
    }

    @Test
    void benchmarkScriptPrintsBothRatesAndTheRatio() throws Exception {
        Map<String, String> env = new HashMap<>(ItSupport.cargoEnv());
        env.put("JAVA_HOME", ItSupport.javaHome().toString());
        ItSupport.Run r = ItSupport.run(List.of("./bench.sh", "--tasks", "20000", "--rounds", "1"), dir.resolve("real"), env,
                Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().matches("(?s).*sidecar \\(Scorer, Rust workers\\): [0-9,]+ tasks/s.*"), r::describe);
        assertTrue(r.stdout().matches("(?s).*executor \\(ThreadPoolExecutor, Java workers\\): [0-9,]+ tasks/s.*"), r::describe);
        assertTrue(r.stdout().matches("(?s).*ratio sidecar/executor: [0-9.]+x.*"), r::describe);
    }

    @Test
    void generatedStubFailsTasksWithNotYetPorted() throws Exception {
        Map<String, Object> r = drive("Stub", ItSupport.library(STUB_CRATE));
        assertTrue(String.valueOf(r.get("error")).contains("WorkException: not yet ported"), r::toString);
    }

    @Test
    void fourThreadsGetEveryResultRight() throws Exception {
        Map<String, Object> r = drive("ManyThreads", ItSupport.library(CRATE));
        assertEquals(20_000L, r.get("ok"), r::toString);
        assertEquals(0L, r.get("wrong"), r::toString);
    }

    @Test
    void recordTasksFromThreeThreadsArriveFieldByField() throws Exception {
        Map<String, Object> r = drive("RecordTasks", ItSupport.library(RECORD_CRATE));
        assertEquals(6_000L, r.get("ok"), r::toString);
        assertEquals(0L, r.get("wrong"), r::toString);
        assertEquals("negative id -5", r.get("error"), r::toString);
    }

    @Test
    void rustErrorsAndPanicsBecomeWorkExceptionsAndWorkersLiveOn() throws Exception {
        Map<String, Object> r = drive("Failures", ItSupport.library(CRATE));
        assertEquals("false:empty input", r.get("empty"), r::toString);
        assertEquals("true:panic: poisoned input", r.get("panic"), r::toString);
        assertEquals(3L, r.get("after"), r::toString);
    }

    @Test
    void fullQueueRejectsOrWaitsThenRejects() throws Exception {
        Map<String, Object> r = drive("BackPressure", ItSupport.library(CRATE));
        assertTrue((long) r.get("rejectedFull") > 0, r::toString);
        assertTrue((long) r.get("accepted") >= 4, r::toString);
        assertTrue(String.valueOf(r.get("timed")).contains("still full after"), r::toString);
        assertEquals(r.get("accepted"), r.get("completedOk"), r::toString);
    }

    @Test
    void closeUnderLoadCompletesEveryAcceptedTask() throws Exception {
        Map<String, Object> r = drive("CloseUnderLoad", ItSupport.library(CRATE));
        assertEquals(0L, r.get("notDone"), r::toString);
        assertEquals(0L, r.get("other"), r::toString);
        assertEquals(8_000L, (long) r.get("ok") + (long) r.get("rejected"), r::toString);
        assertTrue((long) r.get("ok") > 0 && (long) r.get("rejected") > 0, r::toString);
        assertEquals(0L, r.get("rejectedAtClose"), r::toString);
    }

    @Test
    void closeNowUnderLoadRejectsQueuedTasksExplicitly() throws Exception {
        Map<String, Object> r = drive("CloseNowUnderLoad", ItSupport.library(CRATE));
        assertEquals(0L, r.get("notDone"), r::toString);
        assertEquals(0L, r.get("other"), r::toString);
        assertEquals(8_000L, (long) r.get("ok") + (long) r.get("rejected"), r::toString);
        assertEquals(r.get("closeNowReturned"), r.get("rejectedAtClose"), r::toString);
    }

    @Test
    void refusesBadArgumentsAndCloseFromCallback() throws Exception {
        Map<String, Object> r = drive("BadInput", ItSupport.library(CRATE));
        assertTrue(String.valueOf(r.get("capacity")).contains("capacity must be at least 1"), r::toString);
        assertTrue(String.valueOf(r.get("workers")).contains("workers must be between 1 and 1024"), r::toString);
        assertTrue(String.valueOf(r.get("library")).contains("not found"), r::toString);
        assertTrue(String.valueOf(r.get("null")).contains("NullPointerException"), r::toString);
        assertTrue(String.valueOf(r.get("afterClose")).contains("sidecar is closed"), r::toString);
        assertTrue(String.valueOf(r.get("fromCallback")).contains("would wait for itself"), r::toString);
    }

    static void writeDrivers(Path root) throws Exception {
        String head = """
                package com.example.s;

                import java.nio.file.Path;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import java.util.TreeMap;
                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.ExecutionException;
                import java.util.concurrent.RejectedExecutionException;
                import java.util.concurrent.TimeUnit;
                import java.util.concurrent.atomic.AtomicLong;
                import java.util.function.Function;

                """;
        String util = """
                    static String failure(CompletableFuture<?> f) {
                        try {
                            f.get(60, TimeUnit.SECONDS);
                            return "no failure";
                        } catch (ExecutionException e) {
                            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                        } catch (Exception e) {
                            return "driver: " + e;
                        }
                    }

                    static String thrown(Runnable r) {
                        try {
                            r.run();
                            return "no exception";
                        } catch (RuntimeException e) {
                            return e.getClass().getSimpleName() + ": " + e.getMessage();
                        }
                    }

                    /** Submits 2000 tasks per thread on 4 threads, closes after 40 ms, classifies every future. */
                    static Map<String, Object> underLoad(Path library, boolean now) throws Exception {
                        Scorer s = Scorer.start(library, 32, 2);
                        List<List<CompletableFuture<Long>>> all = new ArrayList<>();
                        List<Thread> threads = new ArrayList<>();
                        AtomicLong submitted = new AtomicLong();
                        for (int t = 0; t < 4; t++) {
                            List<CompletableFuture<Long>> mine = new ArrayList<>();
                            all.add(mine);
                            threads.add(Thread.ofPlatform().start(() -> {
                                for (int i = 0; i < 2000; i++) {
                                    try {
                                        mine.add(s.submit(new double[] {i % 4 == 0 ? -2 : 1, i}, 5, TimeUnit.MILLISECONDS));
                                        submitted.incrementAndGet();
                                    } catch (InterruptedException e) {
                                        throw new IllegalStateException(e);
                                    }
                                }
                            }));
                        }
                        // Close under load: once the submitters are really running, whatever the machine's load.
                        long deadline = System.nanoTime() + 60_000_000_000L;
                        while (submitted.get() < 200 && System.nanoTime() < deadline) {
                            Thread.sleep(1);
                        }
                        long closeNowReturned = now ? s.closeNow() : 0;
                        if (!now) {
                            s.close();
                        }
                        for (Thread t : threads) {
                            t.join();
                        }
                        long ok = 0, rejected = 0, rejectedAtClose = 0, other = 0, notDone = 0;
                        for (List<CompletableFuture<Long>> list : all) {
                            for (CompletableFuture<Long> f : list) {
                                if (!f.isDone()) {
                                    notDone++;
                                } else if (!f.isCompletedExceptionally()) {
                                    ok++;
                                } else {
                                    String why = failure(f);
                                    if (why.startsWith("RejectedExecutionException")) {
                                        rejected++;
                                        if (why.contains("before this task started")) {
                                            rejectedAtClose++;
                                        }
                                    } else {
                                        other++;
                                    }
                                }
                            }
                        }
                        Map<String, Object> r = new TreeMap<>();
                        r.put("ok", ok);
                        r.put("rejected", rejected);
                        r.put("rejectedAtClose", rejectedAtClose);
                        r.put("other", other);
                        r.put("notDone", notDone);
                        r.put("closeNowReturned", closeNowReturned);
                        r.put("inFlightAfterClose", (long) s.inFlight());
                        return r;
                    }
                }
                """;
        String open = " implements Function<Path, Map<String, Object>> {\n    @Override\n    public Map<String, Object> apply(Path library) {\n        Map<String, Object> r = new TreeMap<>();\n        try {\n";
        String close = "        } catch (Exception e) {\n            throw new IllegalStateException(e);\n        }\n        return r;\n    }\n\n";
        ItSupport.writeSource(root, "com.example.s", "Stub", head + "public final class Stub" + open + """
                try (com.example.stub.StubScorer s = com.example.stub.StubScorer.start(library, 8, 1)) {
                    r.put("error", failure(s.submit(new double[] {1.0})));
                }
                """ + close + util);
        ItSupport.writeSource(root, "com.example.s", "ManyThreads", head + "public final class ManyThreads" + open + """
                AtomicLong ok = new AtomicLong();
                AtomicLong wrong = new AtomicLong();
                try (Scorer s = Scorer.start(library, 64, 2)) {
                    List<Thread> threads = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        int seed = t;
                        threads.add(Thread.ofPlatform().start(() -> {
                            List<CompletableFuture<Long>> futures = new ArrayList<>();
                            List<Long> expected = new ArrayList<>();
                            for (int i = 0; i < 5000; i++) {
                                double[] in = new double[1 + (i % 50)];
                                long sum = 0;
                                for (int k = 0; k < in.length; k++) {
                                    in[k] = seed * 1_000_000 + i + k;
                                    sum += (long) in[k];
                                }
                                try {
                                    futures.add(s.submit(in, 1, TimeUnit.MINUTES));
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                                java.util.Arrays.fill(in, 0);
                                expected.add(sum);
                            }
                            for (int i = 0; i < futures.size(); i++) {
                                if (futures.get(i).join().longValue() == expected.get(i)) {
                                    ok.incrementAndGet();
                                } else {
                                    wrong.incrementAndGet();
                                }
                            }
                        }));
                    }
                    for (Thread t : threads) {
                        t.join();
                    }
                }
                r.put("ok", ok.get());
                r.put("wrong", wrong.get());
                """ + close + util);
        ItSupport.writeSource(root, "com.example.s", "RecordTasks", head + "public final class RecordTasks" + open + """
                AtomicLong ok = new AtomicLong();
                AtomicLong wrong = new AtomicLong();
                try (Pricer p = Pricer.start(library, 16, 2)) {
                    List<Thread> threads = new ArrayList<>();
                    for (int t = 0; t < 3; t++) {
                        int seed = t;
                        threads.add(Thread.ofPlatform().start(() -> {
                            List<CompletableFuture<Double>> futures = new ArrayList<>();
                            List<Double> expected = new ArrayList<>();
                            for (int i = 0; i < 2000; i++) {
                                double spot = seed * 1000.0 + i / 7.0;
                                float vol = 0.1f + i % 13;
                                boolean call = i % 3 == 0;
                                char kind = (char) ('A' + i % 26);
                                short type = (short) (i % 300 - 150);
                                try {
                                    futures.add(p.submit(i, spot, vol, call, kind, type, 1, TimeUnit.MINUTES));
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                                expected.add(spot * (double) vol * (call ? 1.0 : -1.0) + type + kind);
                            }
                            for (int i = 0; i < futures.size(); i++) {
                                if (futures.get(i).join().doubleValue() == expected.get(i)) {
                                    ok.incrementAndGet();
                                } else {
                                    wrong.incrementAndGet();
                                }
                            }
                        }));
                    }
                    for (Thread t : threads) {
                        t.join();
                    }
                    try {
                        p.submit(-5, 1, 1, true, 'x', (short) 0).get(60, TimeUnit.SECONDS);
                        r.put("error", "no failure");
                    } catch (ExecutionException e) {
                        r.put("error", e.getCause().getMessage());
                    }
                }
                r.put("ok", ok.get());
                r.put("wrong", wrong.get());
                """ + close + util);
        ItSupport.writeSource(root, "com.example.s", "Failures", head + "public final class Failures" + open + """
                try (Scorer s = Scorer.start(library, 8, 1)) {
                    r.put("empty", describe(s.submit(new double[0])));
                    r.put("panic", describe(s.submit(new double[] {-1.0, 5})));
                    r.put("after", s.submit(new double[] {1.0, 2.0}).get(60, TimeUnit.SECONDS));
                }
                """ + close + """
                    static String describe(CompletableFuture<Long> f) {
                        try {
                            f.get(60, TimeUnit.SECONDS);
                            return "no failure";
                        } catch (ExecutionException e) {
                            Scorer.WorkException w = (Scorer.WorkException) e.getCause();
                            return w.panicked() + ":" + w.getMessage();
                        } catch (Exception e) {
                            return "driver: " + e;
                        }
                    }
                """ + util);
        ItSupport.writeSource(root, "com.example.s", "BackPressure", head + "public final class BackPressure" + open + """
                long rejectedFull = 0;
                List<CompletableFuture<Long>> accepted = new ArrayList<>();
                try (Scorer s = Scorer.start(library, 4, 1)) {
                    for (int i = 0; i < 40; i++) {
                        CompletableFuture<Long> f = s.submit(new double[] {-3, 1, 1});
                        if (f.isCompletedExceptionally() && failure(f).contains("queue full")) {
                            rejectedFull++;
                        } else {
                            accepted.add(f);
                        }
                    }
                    for (int i = 0; i < 4; i++) {
                        CompletableFuture<Long> f = s.submit(new double[] {-3, 1, 1});
                        if (f.isCompletedExceptionally()) {
                            rejectedFull++;
                        } else {
                            accepted.add(f);
                        }
                    }
                    CompletableFuture<Long> timed = null;
                    for (int i = 0; i < 20 && timed == null; i++) {
                        CompletableFuture<Long> f = s.submit(new double[] {-3, 1, 1}, 100, TimeUnit.MICROSECONDS);
                        if (f.isCompletedExceptionally()) {
                            timed = f;
                        } else {
                            accepted.add(f);
                        }
                    }
                    r.put("timed", timed == null ? "never full" : failure(timed));
                }
                long completedOk = accepted.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally() && f.join() == 2L).count();
                r.put("rejectedFull", rejectedFull);
                r.put("accepted", (long) accepted.size());
                r.put("completedOk", completedOk);
                """ + close + util);
        ItSupport.writeSource(root, "com.example.s", "CloseUnderLoad", head + "public final class CloseUnderLoad" + open + """
                r.putAll(underLoad(library, false));
                """ + close + util);
        ItSupport.writeSource(root, "com.example.s", "CloseNowUnderLoad", head + "public final class CloseNowUnderLoad" + open + """
                r.putAll(underLoad(library, true));
                """ + close + util);
        ItSupport.writeSource(root, "com.example.s", "BadInput", head + "public final class BadInput" + open + """
                r.put("capacity", thrown(() -> Scorer.start(library, 0, 1)));
                r.put("workers", thrown(() -> Scorer.start(library, 1, 0)));
                r.put("library", thrown(() -> Scorer.start(Path.of("/nonexistent/libscorer.so"), 1, 1)));
                Scorer s = Scorer.start(library, 4, 1);
                r.put("null", thrown(() -> s.submit(null)));
                // The stage runs on the completion thread only if attached before the (2 ms) task ends: retry until it did.
                String fromCallback = "callback never ran on the completion thread";
                for (int attempt = 0; attempt < 50; attempt++) {
                    String got = s.submit(new double[] {-2, 1})
                            .thenApply(v -> Thread.currentThread().getName().endsWith("-completions") ? thrown(s::close) : null)
                            .get(60, TimeUnit.SECONDS);
                    if (got != null) {
                        fromCallback = got;
                        break;
                    }
                }
                r.put("fromCallback", fromCallback);
                s.close();
                r.put("afterClose", failure(s.submit(new double[] {1})));
                """ + close + util);
    }
}

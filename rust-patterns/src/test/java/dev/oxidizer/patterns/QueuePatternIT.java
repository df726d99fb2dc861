package dev.oxidizer.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generates the queue pattern, builds the Rust consumer with cargo, compiles the Java side with -Werror and runs it
 * for real: producers on several threads, close under load, a consumer in another process, refused inputs.
 */
class QueuePatternIT {
    static final String CRATE = "trade_queue_it";
    static final String ITEM = "long id, double price, int qty, boolean buy, char side, short type";
    static Path dir;
    static Path classes;
    static URLClassLoader loader;

    /** A real consumer body: errors for every id ending in 999, one panic, result = sum of qty. */
    static final String PROCESS_RS = """
            use crate::item::Item;

            pub struct Processor {
                qty: u64,
            }

            impl Processor {
                pub fn new() -> Self {
                    Processor { qty: 0 }
                }

                pub fn process(&mut self, item: &Item) -> Result<(), String> {
                    if item.id == 77_777 {
                        panic!("boom at {}", item.id);
                    }
                    self.qty += item.qty as u64;
                    if item.id % 1000 == 999 {
                        return Err(format!("rejected id {}", item.id));
                    }
                    if item.type_ != (item.id % 7) as i16 || item.buy != (item.id % 2) as u8 || item.side != 0x263A {
                        return Err(format!("torn item {:?}", item));
                    }
                    Ok(())
                }

                pub fn finish(&mut self) -> u64 {
                    self.qty
                }
            }
            """;

    /** Shared by the drivers: produce item i and its checksum. */
    static final String PRODUCE = """
            static long produce(com.example.q.TradeQueue q, long i) throws Exception {
                q.put(i, i * 0.5, (int) (i % 100), i % 2 == 1, '\\u263A', (short) (i % 7), 1, java.util.concurrent.TimeUnit.MINUTES);
                return com.example.q.TradeQueue.checksumOf(i, i * 0.5, (int) (i % 100), i % 2 == 1, '\\u263A', (short) (i % 7));
            }
            """;

    @BeforeAll
    static void generateAndBuild() throws Exception {
        dir = ItSupport.workDir("queue");
        Path crate = dir.resolve("mp");
        PatternGenerator gen = new PatternGenerator();
        gen.generate(PatternKind.QUEUE, new QueueSpec("com.example.q", "TradeQueue", CRATE, RecordLayout.parse(ITEM), true), crate, false);
        // Same crate name and item layout: the Rust side of a single-producer queue is identical, so the
        // single-producer Java classes run against the library built once for both.
        gen.generate(PatternKind.QUEUE, new QueueSpec("com.example.q1", "TradeQueue1", CRATE, RecordLayout.parse(ITEM), false),
                dir.resolve("sp"), false);
        Files.writeString(crate.resolve("src/process.rs"), PROCESS_RS);
        ItSupport.cargoBuild(crate);
        Path drivers = dir.resolve("drivers");
        writeDrivers(drivers);
        classes = dir.resolve("classes");
        ItSupport.compileJava(classes, crate.resolve("java"), dir.resolve("sp/java"), drivers);
        loader = ItSupport.loader(classes);
    }

    @AfterAll
    static void closeLoader() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    static Map<String, Object> drive(String driver, Path arg) throws Exception {
        return ItSupport.driver(loader, "com.example.q." + driver).apply(arg);
    }

    @Test
    void fourProducersDeliverEveryItemIntactToTheRustConsumer() throws Exception {
        Map<String, Object> r = drive("MultiProducer", ItSupport.library(CRATE));
        assertEquals(400_000L, r.get("consumed"), r::toString);
        assertEquals(r.get("expectedChecksum"), r.get("checksum"), r::toString);
        assertEquals(r.get("expectedQty"), r.get("result"), r::toString);
        assertEquals(400L, r.get("failed"), r::toString);
        assertEquals(1L, r.get("panicked"), r::toString);
        assertTrue(String.valueOf(r.get("firstError")).matches("rejected id [0-9]*999|panic: boom at 77777"), r::toString);
    }

    @Test
    void closeUnderLoadLosesNothingAccepted() throws Exception {
        Map<String, Object> r = drive("CloseUnderLoad", ItSupport.library(CRATE));
        assertTrue((long) r.get("accepted") > 0, r::toString);
        assertTrue((long) r.get("rejectedAfterClose") >= 4, r::toString);
        assertEquals(r.get("accepted"), r.get("consumed"), r::toString);
        assertEquals(r.get("expectedChecksum"), r.get("checksum"), r::toString);
        assertEquals(r.get("accepted"), r.get("queueAccepted"), r::toString);
    }

    @Test
    void singleProducerQueueDeliversAndRefusesSecondThreadAndEarlyClose() throws Exception {
        Map<String, Object> r = drive("SingleProducer", ItSupport.library(CRATE));
        assertEquals(300_000L, r.get("consumed"), r::toString);
        assertEquals(r.get("expectedChecksum"), r.get("checksum"), r::toString);
        assertTrue(String.valueOf(r.get("secondThread")).contains("second thread"), r::toString);
        assertTrue(String.valueOf(r.get("earlyClose")).contains("is alive"), r::toString);
    }

    @Test
    void consumerInAnotherProcessDrainsAMappedFile() throws Exception {
        Map<String, Object> r = drive("FileQueue", ItSupport.binary(CRATE + "-consumer"));
        assertEquals(0, r.get("exit"), r::toString);
        assertEquals(true, r.get("finished"), r::toString);
        String out = (String) r.get("stdout");
        assertTrue(out.contains("consumed=50000 "), r::toString);
        assertTrue(out.contains(String.format("checksum=%#018x", (long) r.get("expectedChecksum"))), r::toString);
    }

    @Test
    void refusesWrongLayoutSecondConsumerBadCapacityAndMissingLibrary() throws Exception {
        Map<String, Object> r = drive("BadInput", ItSupport.library(CRATE));
        assertTrue(String.valueOf(r.get("fingerprint")).contains("item layout differs"), r::toString);
        assertTrue(String.valueOf(r.get("second")).contains("another consumer is already attached"), r::toString);
        assertTrue(String.valueOf(r.get("capacity")).contains("power of two"), r::toString);
        assertTrue(String.valueOf(r.get("library")).contains("not found"), r::toString);
        assertTrue(String.valueOf(r.get("closed")).contains("closed"), r::toString);
        assertEquals(0L, r.get("drainedAfterRefusal"), r::toString);
    }

    @Test
    void consumerBinaryRejectsBadArgumentsWithDistinctExitCodes() throws Exception {
        Path bin = ItSupport.binary(CRATE + "-consumer");
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[4096]);
        ItSupport.Run usage = ItSupport.run(List.of(bin.toString()), dir, Map.of(), Duration.ofSeconds(30));
        assertEquals(2, usage.exitCode(), usage::describe);
        assertTrue(usage.stderr().contains("missing the queue FILE"), usage::describe);
        ItSupport.Run missing = ItSupport.run(List.of(bin.toString(), dir.resolve("nope.bin").toString()), dir, Map.of(), Duration.ofSeconds(30));
        assertEquals(3, missing.exitCode(), missing::describe);
        assertTrue(missing.stderr().contains("cannot open queue file"), missing::describe);
        ItSupport.Run notQueue = ItSupport.run(List.of(bin.toString(), junk.toString()), dir, Map.of(), Duration.ofSeconds(30));
        assertEquals(4, notQueue.exitCode(), notQueue::describe);
        assertTrue(notQueue.stderr().contains("no initialized queue"), notQueue::describe);
    }

    @Test
    void benchmarkScriptPrintsBothThroughputsAndTheRatio() throws Exception {
        ItSupport.Run r = ItSupport.run(List.of("./bench.sh", "--items", "200000", "--rounds", "1"), dir.resolve("mp"),
                withJavaHome(ItSupport.cargoEnv()),
                Duration.ofMinutes(3));
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().matches("(?s).*queue \\(TradeQueue, Rust consumer\\): [0-9,]+ items/s.*"), r::describe);
        assertTrue(r.stdout().matches("(?s).*ArrayBlockingQueue \\(Java consumer\\): [0-9,]+ items/s.*"), r::describe);
        assertTrue(r.stdout().matches("(?s).*ratio queue/ArrayBlockingQueue: [0-9.]+x.*"), r::describe);
        assertTrue(r.stdout().matches("(?s).*JVM CPU per item: queue [0-9.]+ ns, ArrayBlockingQueue [0-9.]+ ns.*"), r::describe);
    }

    static Map<String, String> withJavaHome(Map<String, String> env) {
        Map<String, String> m = new java.util.HashMap<>(env);
        m.put("JAVA_HOME", ItSupport.javaHome().toString());
        return m;
    }

    static void writeDrivers(Path root) throws Exception {
        String imports = """
                package com.example.q;

                import java.lang.foreign.Arena;
                import java.nio.file.Path;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import java.util.TreeMap;
                import java.util.concurrent.atomic.AtomicLong;
                import java.util.function.Function;

                """;
        ItSupport.writeSource(root, "com.example.q", "MultiProducer", imports + """
                public final class MultiProducer implements Function<Path, Map<String, Object>> {
                    @Override
                    public Map<String, Object> apply(Path library) {
                        try (Arena arena = Arena.ofShared()) {
                            TradeQueue q = TradeQueue.allocate(arena, 256);
                            TradeQueueConsumer c = TradeQueueConsumer.start(library, q);
                            AtomicLong sum = new AtomicLong();
                            AtomicLong qty = new AtomicLong();
                            List<Thread> threads = new ArrayList<>();
                            for (int p = 0; p < 4; p++) {
                                long from = p * 100_000L;
                                threads.add(Thread.ofPlatform().start(() -> {
                                    try {
                                        long s = 0;
                                        long n = 0;
                                        for (long i = from; i < from + 100_000; i++) {
                                            s += produce(q, i);
                                            n += i % 100;
                                        }
                                        sum.addAndGet(s);
                                        qty.addAndGet(n);
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                }));
                            }
                            for (Thread t : threads) {
                                t.join();
                            }
                            TradeQueueConsumer.Stats s = c.finish();
                            Map<String, Object> r = new TreeMap<>();
                            r.put("consumed", s.consumed());
                            r.put("checksum", s.checksum());
                            r.put("expectedChecksum", sum.get());
                            r.put("failed", s.failed());
                            r.put("panicked", s.panicked());
                            r.put("result", s.result());
                            r.put("expectedQty", qty.get() - 77_777 % 100);
                            r.put("firstError", s.firstError());
                            return r;
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                """ + PRODUCE + "}\n");
        ItSupport.writeSource(root, "com.example.q", "CloseUnderLoad", imports + """
                public final class CloseUnderLoad implements Function<Path, Map<String, Object>> {
                    @Override
                    public Map<String, Object> apply(Path library) {
                        try (Arena arena = Arena.ofShared()) {
                            TradeQueue q = TradeQueue.allocate(arena, 64);
                            TradeQueueConsumer c = TradeQueueConsumer.start(library, q);
                            AtomicLong sum = new AtomicLong();
                            AtomicLong accepted = new AtomicLong();
                            AtomicLong rejected = new AtomicLong();
                            List<Thread> threads = new ArrayList<>();
                            for (int p = 0; p < 4; p++) {
                                long from = p * 1_000_000_000L;
                                threads.add(Thread.ofPlatform().start(() -> {
                                    long s = 0;
                                    long n = 0;
                                    try {
                                        for (long i = from; ; i++) {
                                            s += produce(q, i);
                                            n++;
                                        }
                                    } catch (IllegalStateException closed) {
                                        rejected.incrementAndGet();
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                    sum.addAndGet(s);
                                    accepted.addAndGet(n);
                                }));
                            }
                            // Close only once the producers are really running, whatever the machine's load.
                            long deadline = System.nanoTime() + 60_000_000_000L;
                            while (q.accepted() < 20_000 && System.nanoTime() < deadline) {
                                Thread.sleep(1);
                            }
                            TradeQueueConsumer.Stats s = c.finish();
                            for (Thread t : threads) {
                                t.join();
                            }
                            Map<String, Object> r = new TreeMap<>();
                            r.put("consumed", s.consumed());
                            r.put("checksum", s.checksum());
                            r.put("expectedChecksum", sum.get());
                            r.put("accepted", accepted.get());
                            r.put("queueAccepted", q.accepted());
                            r.put("rejectedAfterClose", rejected.get());
                            return r;
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                """ + PRODUCE + "}\n");
        ItSupport.writeSource(root, "com.example.q", "SingleProducer", imports + """
                import com.example.q1.TradeQueue1;
                import com.example.q1.TradeQueue1Consumer;

                public final class SingleProducer implements Function<Path, Map<String, Object>> {
                    @Override
                    public Map<String, Object> apply(Path library) {
                        Map<String, Object> r = new TreeMap<>();
                        try (Arena arena = Arena.ofShared()) {
                            TradeQueue1 q = TradeQueue1.allocate(arena, 128);
                            TradeQueue1Consumer c = TradeQueue1Consumer.start(library, q);
                            AtomicLong sum = new AtomicLong();
                            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
                            java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
                            Thread producer = Thread.ofPlatform().name("the-producer").start(() -> {
                                long s = 0;
                                try {
                                    for (long i = 0; i < 300_000; i++) {
                                        q.put(i, i * 0.5, (int) (i % 100), i % 2 == 1, '\\u263A', (short) (i % 7), 1, java.util.concurrent.TimeUnit.MINUTES);
                                        s += TradeQueue1.checksumOf(i, i * 0.5, (int) (i % 100), i % 2 == 1, '\\u263A', (short) (i % 7));
                                        if (i == 1000) {
                                            // Stay alive until the main thread tried a second producer and an early close.
                                            started.countDown();
                                            checked.await();
                                        }
                                    }
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                sum.set(s);
                            });
                            started.await();
                            try {
                                q.offer(-1, 0, 0, false, 'x', (short) 0);
                                r.put("secondThread", "accepted");
                            } catch (IllegalStateException e) {
                                r.put("secondThread", e.getMessage());
                            }
                            try {
                                q.close();
                                r.put("earlyClose", producer.isAlive() ? "accepted while alive" : "producer already ended");
                            } catch (IllegalStateException e) {
                                r.put("earlyClose", e.getMessage());
                            }
                            checked.countDown();
                            producer.join();
                            TradeQueue1Consumer.Stats s = c.finish();
                            r.put("consumed", s.consumed());
                            r.put("checksum", s.checksum());
                            r.put("expectedChecksum", sum.get());
                            return r;
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """);
        ItSupport.writeSource(root, "com.example.q", "FileQueue", imports + """
                public final class FileQueue implements Function<Path, Map<String, Object>> {
                    @Override
                    public Map<String, Object> apply(Path consumerBinary) {
                        Map<String, Object> r = new TreeMap<>();
                        try {
                            Path dir = java.nio.file.Files.createTempDirectory("filequeue");
                            Path file = dir.resolve("q.bin");
                            TradeQueue q = TradeQueue.createFile(file, 128);
                            Path out = dir.resolve("out.txt");
                            Process p = new ProcessBuilder(consumerBinary.toString(), file.toString(), "--wait-ms", "5000")
                                    .redirectOutput(out.toFile()).redirectErrorStream(true).start();
                            long sum = 0;
                            for (long i = 0; i < 50_000; i++) {
                                sum += produce(q, i);
                            }
                            q.close();
                            r.put("finished", q.awaitConsumerFinished(60, java.util.concurrent.TimeUnit.SECONDS));
                            boolean exited = p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                            if (!exited) {
                                p.destroyForcibly();
                            }
                            r.put("exit", exited ? p.exitValue() : -1);
                            r.put("stdout", java.nio.file.Files.readString(out));
                            r.put("expectedChecksum", sum);
                            q.unmap();
                            try {
                                TradeQueue.createFile(file, 128);
                                r.put("overwrite", "allowed");
                            } catch (java.nio.file.FileAlreadyExistsException e) {
                                r.put("overwrite", "refused");
                            }
                            return r;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }

                """ + PRODUCE + "}\n");
        ItSupport.writeSource(root, "com.example.q", "BadInput", imports + """
                public final class BadInput implements Function<Path, Map<String, Object>> {
                    @Override
                    public Map<String, Object> apply(Path library) {
                        Map<String, Object> r = new TreeMap<>();
                        try (Arena arena = Arena.ofShared()) {
                            TradeQueue q = TradeQueue.allocate(arena, 16);
                            q.segment().set(java.lang.foreign.ValueLayout.JAVA_LONG, 24, 42L);
                            r.put("fingerprint", message(() -> TradeQueueConsumer.start(library, q)));
                            TradeQueue good = TradeQueue.allocate(arena, 16);
                            TradeQueueConsumer first = TradeQueueConsumer.start(library, good);
                            r.put("second", message(() -> TradeQueueConsumer.start(library, good)));
                            r.put("capacity", message(() -> TradeQueue.allocate(arena, 3)));
                            r.put("library", message(() -> TradeQueueConsumer.start(Path.of("/nonexistent/libx.so"), good)));
                            r.put("drainedAfterRefusal", first.finish().consumed());
                            r.put("closed", message(() -> good.offer(1, 1, 1, true, 'a', (short) 1)));
                            return r;
                        }
                    }

                    static String message(Runnable r) {
                        try {
                            r.run();
                            return "no exception";
                        } catch (RuntimeException e) {
                            return e.getClass().getSimpleName() + ": " + e.getMessage();
                        }
                    }
                }
                """);
    }
}

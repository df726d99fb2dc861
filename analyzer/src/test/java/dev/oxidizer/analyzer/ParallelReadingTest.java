package dev.oxidizer.analyzer;

import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chunks read on several threads and merged give exactly the report of one thread reading them in order: on a real
 * multi-chunk recording (samples, waits, allocations, CPU load, agent histograms), split one chunk per unit, in pairs or
 * unevenly, intact and with a damaged chunk; and, when one tick is one ns, exactly the report of one stream over the
 * whole file whatever the split.
 */
class ParallelReadingTest {
    static final String P = "dev.oxidizer.analyzer.Workloads#";

    @TempDir
    static Path dir;
    static Path file;
    static final List<Long> offsets = new ArrayList<>();

    /** Four recordings of the sampled workload, each its own chunk, concatenated into one file. */
    @BeforeAll
    static void record() throws Exception {
        file = dir.resolve("four-chunks.jfr");
        try (var out = Files.newOutputStream(file)) {
            long pos = 0;
            for (int i = 0; i < 4; i++) {
                Histogram crunch = new Histogram(3);
                Histogram batch = new Histogram(3);
                Histogram sleepy = new Histogram(3);
                Path part = Recordings.withSamples(dir.resolve("part" + i + ".jfr"), () -> {
                    long from = System.currentTimeMillis();
                    TestEvents.session("s", "dev.oxidizer.analyzer.Workloads", 0);
                    long until = System.nanoTime() + 600_000_000L;
                    List<Thread> threads = new ArrayList<>();
                    threads.add(new Thread(() -> Workloads.handle(crunch, until), "request-worker-1"));
                    threads.add(new Thread(() -> Workloads.handleWaiting(sleepy, until), "request-worker-2"));
                    threads.add(new Thread(() -> Workloads.background(batch, until), "nightly-batch"));
                    threads.forEach(Thread::start);
                    for (Thread t : threads) {
                        t.join();
                    }
                    long to = System.currentTimeMillis();
                    TestEvents.profile("s", P + "crunch(J)D", Modifier.STATIC, crunch.getTotalCount(), crunch, from, to);
                    TestEvents.profile("s", P + "crunchBatch(J)D", Modifier.STATIC, batch.getTotalCount(), batch, from, to);
                    TestEvents.profile("s", P + "sleepy()V", Modifier.STATIC, sleepy.getTotalCount(), sleepy, from, to);
                });
                byte[] b = Files.readAllBytes(part);
                offsets.add(pos);
                out.write(b);
                pos += b.length;
            }
        }
    }

    private static Analyzer.Result analyze(Path f, int threads, long unitBytes) throws Exception {
        AnalyzerConfig cfg = AnalyzerConfig.builder().entryPoint("dev.oxidizer.analyzer.Workloads.handle*")
                .latencyThread("request-worker-*").build();
        return new Analyzer(cfg).ffmCallNs(Analyses.FFM_NS).threads(threads).unitBytes(unitBytes).analyze(List.of(f));
    }

    /** The report as JSON without its generation time. */
    private static String json(Report r) {
        return ReportJson.toJson(r).replaceAll("\"generatedAt\" ?: ?\"[^\"]*\"", "");
    }

    @Test
    void reportDoesNotDependOnTheNumberOfThreads() throws Exception {
        for (long unit : new long[] {0, 1, offsets.get(2), offsets.get(1) + 1}) {
            Analyzer.Result one = analyze(file, 1, unit);
            assertEquals(4, one.report().recordings().get(0).chunks());
            assertTrue(one.damage().isEmpty(), one.damage().toString());
            // Not a trivial report: sampled CPU, callers and latency are all there to be compared.
            var crunch = Analyses.method(one.report(), P + "crunch(J)D");
            assertTrue(crunch.cpu().inclusiveSamples() > 0, crunch.toString());
            assertTrue(crunch.latency().timedCount() > 0, crunch.toString());
            String expected = json(one.report());
            for (int threads : new int[] {2, 4}) {
                assertEquals(expected, json(analyze(file, threads, unit).report()), threads + " threads, unit " + unit);
            }
        }
    }

    /**
     * When one tick is one nanosecond, times of every part are moved exactly into the file's first chunk's time base,
     * so any split gives the report of one stream over the whole file. (JFR on this machine counts TSC ticks, 2 per
     * ns, so the recording's chunk headers are rewritten to 10^9 ticks per second: a valid file, read the same way
     * by every split.)
     */
    @Test
    void howChunksAreSplitDoesNotChangeTheReportWhenATickIsANanosecond() throws Exception {
        Path ns = Files.copy(file, dir.resolve("ns-ticks.jfr"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (RandomAccessFile raf = new RandomAccessFile(ns.toFile(), "rw")) {
            for (long at : offsets) {
                raf.seek(at + 56);
                raf.writeLong(1_000_000_000L);
            }
        }
        Analyzer.Result whole = analyze(ns, 1, 0);
        assertTrue(whole.damage().isEmpty(), whole.damage().toString());
        String expected = json(whole.report());
        assertEquals(expected, json(analyze(ns, 4, 1).report()), "one chunk per unit");
        assertEquals(expected, json(analyze(ns, 2, offsets.get(2)).report()), "two chunks per unit");
        assertEquals(expected, json(analyze(ns, 3, offsets.get(1) + 1).report()), "uneven units");
    }

    @Test
    void aDamagedChunkGivesTheSameReportAndDamageOnAnyNumberOfThreads() throws Exception {
        Path damaged = Files.copy(file, dir.resolve("damaged.jfr"));
        Recordings.overwriteInsideChunk(damaged, offsets.get(1), offsets.get(2));
        // How jdk.jfr reads a damaged chunk depends on the chunks streamed before it, so the split could change what
        // it finds (the scanner's walk of the chunk's records now reports this damage before any split, see
        // docs/analyzer.md); the number of threads never changes the result.
        for (long unit : new long[] {0, 1, offsets.get(2)}) {
            Analyzer.Result one = analyze(damaged, 1, unit);
            if (unit != offsets.get(2)) {
                assertFalse(one.damage().isEmpty(), "unit " + unit);
                assertTrue(one.damage().get(0).startsWith("corrupt chunk at byte "), one.damage().get(0));
                assertTrue(one.report().recordings().get(0).damaged());
            }
            for (int threads : new int[] {2, 4}) {
                Analyzer.Result many = analyze(damaged, threads, unit);
                assertEquals(one.damage(), many.damage(), threads + " threads, unit " + unit);
                assertEquals(json(one.report()), json(many.report()), threads + " threads, unit " + unit);
            }
        }
        // One chunk per unit: the damage is named with a chunk's byte offset, and the other chunks are still read.
        Analyzer.Result perChunk = analyze(damaged, 3, 1);
        assertEquals(1, perChunk.damage().size(), perChunk.damage().toString());
        String msg = perChunk.damage().get(0);
        assertTrue(offsets.stream().anyMatch(o -> msg.startsWith("corrupt chunk at byte " + o + " of " + damaged)),
                msg + "; chunks at " + offsets);
        assertTrue(perChunk.report().recordings().get(0).chunks() >= 3, perChunk.report().recordings().toString());
    }

    @Test
    void progressComesOneCallAtATimeAndReachesTheTotal() throws Exception {
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        List<Long> done = new ArrayList<>();
        long size = Files.size(file);
        AnalyzerConfig cfg = AnalyzerConfig.builder().build();
        new Analyzer(cfg).ffmCallNs(Analyses.FFM_NS).threads(4).unitBytes(1).progress((f, bytesDone, total) -> {
            if (!inside.compareAndSet(false, true)) {
                overlapped.set(true);
            }
            done.add(bytesDone);
            assertEquals(size, total);
            inside.set(false);
        }).analyze(List.of(file));
        assertFalse(overlapped.get());
        assertEquals(4, done.size(), done.toString());
        for (int i = 1; i < done.size(); i++) {
            assertTrue(done.get(i) > done.get(i - 1), done.toString());
        }
        assertEquals(size, done.get(done.size() - 1));
    }
}

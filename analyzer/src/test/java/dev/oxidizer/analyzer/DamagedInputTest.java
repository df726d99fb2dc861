package dev.oxidizer.analyzer;

import dev.oxidizer.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.oxidizer.analyzer.Analyses.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged, wrong and empty inputs: one clear message naming the file and the byte, readable chunks still analysed. */
class DamagedInputTest {
    static final String KEY = "a.K#m([D)D";
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    /** Three single-chunk recordings, each counting 10 calls, concatenated into one three-chunk file. */
    private Path threeChunks(List<Long> offsets) throws Exception {
        Path out = dir.resolve("three.jfr");
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            Path p = Recordings.agentOnly(dir.resolve("part" + i + ".jfr"), () -> {
                TestEvents.session("s" + n, "a.Main", 0);
                TestEvents.profile("s" + n, KEY, 9, 10, TestEvents.constant(100_000, 10), T0 + n * 10_000L, T0 + n * 10_000L + 10_000);
            });
            parts.add(Files.readAllBytes(p));
        }
        return concatenate(out, parts, offsets);
    }

    /** Writes {@code parts} one after the other into {@code out}, adding each part's start to {@code offsets}. */
    private static Path concatenate(Path out, List<byte[]> parts, List<Long> offsets) throws java.io.IOException {
        long pos = 0;
        try (var os = Files.newOutputStream(out)) {
            for (byte[] b : parts) {
                offsets.add(pos);
                os.write(b);
                pos += b.length;
            }
        }
        return out;
    }

    @Test
    void intactMultiChunkFileIsReadWhole() throws Exception {
        Path f = threeChunks(new ArrayList<>());
        Analyzer.Result r = Analyses.analyze(AnalyzerConfig.builder().build(), f);
        assertTrue(r.damage().isEmpty(), r.damage().toString());
        assertEquals(30, method(r.report(), KEY).calls().observed());
        assertEquals(3, r.report().recordings().get(0).chunks());
        assertEquals(30.0, r.report().window().durationSeconds(), 1e-9);
    }

    @Test
    void truncatedFileNamesTheChunkAndByteAndAnalysesTheIntactChunks() throws Exception {
        List<Long> offsets = new ArrayList<>();
        Path f = threeChunks(offsets);
        long size = Files.size(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size - 100);
        }
        Analyzer.Result r = Analyses.analyze(AnalyzerConfig.builder().build(), f);
        assertEquals(1, r.damage().size(), r.damage().toString());
        String msg = r.damage().get(0);
        assertTrue(msg.startsWith("truncated chunk at byte " + offsets.get(2) + " of " + f), msg);
        assertTrue(msg.contains("only " + (size - 100 - offsets.get(2)) + " remain"), msg);
        Report report = r.report();
        assertEquals(20, method(report, KEY).calls().observed());
        assertTrue(report.recordings().get(0).damaged());
        assertEquals(2, report.recordings().get(0).chunks());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("truncated chunk")), report.warnings().toString());
    }

    @Test
    void corruptChunkHeaderIsSkippedAndLaterChunksAreStillRead() throws Exception {
        List<Long> offsets = new ArrayList<>();
        Path f = threeChunks(offsets);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(offsets.get(1));
            raf.write(new byte[] {'X', 'X', 'X', 'X'});
        }
        Analyzer.Result r = Analyses.analyze(AnalyzerConfig.builder().build(), f);
        assertEquals(1, r.damage().size(), r.damage().toString());
        assertTrue(r.damage().get(0).startsWith("corrupt data at byte " + offsets.get(1) + " of " + f), r.damage().get(0));
        assertTrue(r.damage().get(0).contains("skipped to the next chunk header at byte " + offsets.get(2)), r.damage().get(0));
        assertEquals(20, method(r.report(), KEY).calls().observed());
    }

    @Test
    void corruptEventDataInsideAChunkIsReportedAndTheOtherChunksAreRead() throws Exception {
        List<Long> offsets = new ArrayList<>();
        Path f = threeChunks(offsets);
        // Overwrite the middle of chunk 2 (events, constant pools) with 0xFF, leaving its header intact.
        Recordings.overwriteInsideChunk(f, offsets.get(1), offsets.get(2));
        Analyzer.Result r = Analyses.analyze(AnalyzerConfig.builder().build(), f);
        assertEquals(1, r.damage().size(), r.damage().toString());
        assertTrue(r.damage().get(0).startsWith("corrupt chunk at byte " + offsets.get(1) + " of " + f), r.damage().get(0));
        assertEquals(20, method(r.report(), KEY).calls().observed());
    }

    /**
     * Chunks of a recording that was flushed while it ran hold several flush segments each, and jdk.jfr passes over
     * overwritten event data in such a chunk without an error: the scanner's walk of the records finds it, names the
     * chunk, and the third chunk is still read.
     */
    @Test
    void corruptDataInAChunkOfSeveralFlushSegmentsNamesThatChunkAndTheLaterChunksAreRead() throws Exception {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path part = dir.resolve("seg" + i + ".jfr");
            try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
                r.enable("oxidizer.MethodProfile");
                r.enable("oxidizer.AgentSession");
                r.setToDisk(true); // a disk recording is flushed every second
                r.start();
                TestEvents.session("s" + i, "a.Main", 0);
                for (int k = 0; k < 5; k++) { // 5 events of 2 calls, with flushes between them
                    TestEvents.profile("s" + i, KEY, 9, 2, TestEvents.constant(100_000, 2),
                            T0 + i * 10_000L + k * 1000, T0 + i * 10_000L + k * 1000 + 1000);
                    Thread.sleep(500);
                }
                r.stop();
                r.dump(part);
            }
            int[] flushes = {0};
            try (jdk.jfr.consumer.EventStream es = jdk.jfr.consumer.EventStream.openFile(part)) {
                es.onFlush(() -> flushes[0]++);
                es.start();
            }
            assertTrue(flushes[0] > 1, "a chunk of several flush segments: " + flushes[0]);
            parts.add(Files.readAllBytes(part));
        }
        List<Long> offsets = new ArrayList<>();
        Path f = concatenate(dir.resolve("segments.jfr"), parts, offsets);
        Recordings.overwriteInsideChunk(f, offsets.get(1), offsets.get(2));
        Analyzer.Result r = Analyses.analyze(AnalyzerConfig.builder().build(), f);
        assertEquals(1, r.damage().size(), r.damage().toString());
        assertTrue(r.damage().get(0).startsWith("corrupt chunk at byte " + offsets.get(1) + " of " + f), r.damage().get(0));
        assertEquals(20, method(r.report(), KEY).calls().observed()); // chunks 1 and 3, 10 calls each
    }

    @Test
    void nonJfrFileIsRefusedWithWhatWasExpected() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello, this is not a recording\n");
        AnalysisException e = assertThrows(AnalysisException.class, () -> Analyses.analyze(AnalyzerConfig.builder().build(), f));
        assertEquals(AnalysisException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith(f + ": not a JFR recording (it starts with 0x68656c6c \"hell\""), e.getMessage());
        assertTrue(e.getMessage().contains("expected a .jfr file"), e.getMessage());
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        Path f = Files.createFile(dir.resolve("empty.jfr"));
        AnalysisException e = assertThrows(AnalysisException.class, () -> Analyses.analyze(AnalyzerConfig.builder().build(), f));
        assertTrue(e.getMessage().startsWith(f + ": empty file (0 bytes)"), e.getMessage());
    }

    @Test
    void missingFileIsRefused() {
        Path f = dir.resolve("nope.jfr");
        AnalysisException e = assertThrows(AnalysisException.class, () -> Analyses.analyze(AnalyzerConfig.builder().build(), f));
        assertTrue(e.getMessage().startsWith(f + ": no such file"), e.getMessage());
    }

    @Test
    void fileWithOnlyAPartialHeaderHasNoReadableChunkAndIsRefused() throws Exception {
        Path whole = threeChunks(new ArrayList<>());
        Path f = dir.resolve("stub.jfr");
        Files.write(f, ByteBuffer.wrap(Files.readAllBytes(whole), 0, 30).array().length == 0 ? new byte[0]
                : java.util.Arrays.copyOf(Files.readAllBytes(whole), 30));
        AnalysisException e = assertThrows(AnalysisException.class, () -> Analyses.analyze(AnalyzerConfig.builder().build(), f));
        assertTrue(e.getMessage().contains("no readable JFR chunk") && e.getMessage().contains("truncated chunk header at byte 0 of " + f),
                e.getMessage());
    }

    @Test
    void theSameRecordingGivenTwiceIsCountedOnce() throws Exception {
        Path f = threeChunks(new ArrayList<>());
        Path copy = Files.copy(f, dir.resolve("copy.jfr"));
        Report r = Analyses.report(f, copy);
        assertEquals(30, method(r, KEY).calls().observed());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("same recording as an earlier input")), r.warnings().toString());
    }
}

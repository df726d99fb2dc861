package dev.oxidizer.analyzer;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a file is split into units read by separate streams: by the file only, a few large units by default. */
class RecordingReaderPlanTest {
    private static final long MB = 1L << 20;

    private static JfrChunkScanner.Scan chunks(int n, long chunkBytes) {
        List<JfrChunkScanner.Chunk> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new JfrChunkScanner.Chunk(i * chunkBytes, chunkBytes, 1_000_000_000L * i, 1_000_000_000L, 0, 1_000_000_000L));
        }
        return new JfrChunkScanner.Scan(list, List.of(), n * chunkBytes);
    }

    @Test
    void defaultUnitIsAQuarterOfTheFileBetweenTheMinimumAnd128Mb() {
        assertEquals(32 * MB, RecordingReader.defaultUnitBytes(2 * MB, 32 * MB));
        assertEquals(32 * MB, RecordingReader.defaultUnitBytes(128 * MB, 32 * MB));
        assertEquals(86 * MB, RecordingReader.defaultUnitBytes(344 * MB, 32 * MB));
        assertEquals(128 * MB, RecordingReader.defaultUnitBytes(1024 * MB, 32 * MB));
        assertEquals(128 * MB, RecordingReader.defaultUnitBytes(50_000 * MB, 32 * MB));
    }

    @Test
    void aFileOfManyChunksIsReadAsFourStreamsNotOnePer32Mb() {
        // 150 chunks of 2.3 MB, as the benchmark file: 4 units (the last one shorter), every chunk in exactly one.
        JfrChunkScanner.Scan scan = chunks(150, 2_400_000);
        List<RecordingReader.Unit> units = RecordingReader.plan(0, Path.of("big.jfr"), scan,
                RecordingReader.defaultUnitBytes(scan.fileSize(), Analyzer.DEFAULT_UNIT_BYTES));
        assertEquals(4, units.size());
        assertEquals(150, units.stream().mapToInt(u -> u.chunks().size()).sum());
        assertTrue(units.stream().noneMatch(RecordingReader.Unit::wholeFile));
        // A small file stays one unit, streamed in place.
        JfrChunkScanner.Scan small = chunks(3, 2_400_000);
        List<RecordingReader.Unit> one = RecordingReader.plan(0, Path.of("small.jfr"), small,
                RecordingReader.defaultUnitBytes(small.fileSize(), Analyzer.DEFAULT_UNIT_BYTES));
        assertEquals(1, one.size());
        assertTrue(one.get(0).wholeFile());
        assertFalse(one.get(0).chunks().isEmpty());
    }
}

package dev.oxidizer.analyzer;

import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Streams the events of runs of chunks ({@link Unit}s) into per-unit {@link ProfileAggregator}s, on several threads,
 * and hands the results over in unit order, reading whatever is readable.
 *
 * <p>A JFR file is a sequence of self-contained chunks, so any run of them is a valid recording. A unit that is a
 * whole intact file is streamed as is ({@link EventStream#openFile}, unordered, with only the event types the
 * analyzer uses parsed); any other unit (part of a file, or the intact chunks of a damaged one) is first copied to a
 * temporary file, since {@code jdk.jfr} reads only whole files. When the parser fails inside a chunk that looked
 * intact, the unit is read again chunk by chunk: the events of the failing chunk read before the failure are kept,
 * the failure is reported with the chunk's byte offset, and the other chunks are read. Temporary files are deleted before a unit's result is handed over.
 *
 * <p>Memory and disk stay bounded: at most {@code threads + 1} units are read or waiting to be merged at a time,
 * each holding one aggregator and at most one temporary copy of its chunks, and fewer when their estimated heap
 * ({@link #heapEstimateBytes}) would not fit in {@link #HEAP_SHARE_FOR_UNITS} of the maximum heap.
 */
final class RecordingReader {
    /**
     * A run of consecutive intact chunks of the file with index {@code fileIndex}; times are converted into the time
     * base of {@code firstChunkOfFile}, the file's first intact chunk.
     */
    record Unit(int fileIndex, Path file, List<JfrChunkScanner.Chunk> chunks, boolean wholeFile,
                JfrChunkScanner.Chunk firstChunkOfFile) {}

    /** What was read from one unit: its events, and problems each naming the file and byte offset. */
    record UnitResult(Unit unit, ProfileAggregator aggregator, int chunksRead, List<String> problems) {}

    private final ProgressListener progress;
    private final long bytesTotal;
    private final List<String> latencyThreadGlobs;
    private long bytesDone;

    RecordingReader(ProgressListener progress, long bytesTotal, List<String> latencyThreadGlobs) {
        this.progress = progress;
        this.bytesTotal = bytesTotal;
        this.latencyThreadGlobs = List.copyOf(latencyThreadGlobs);
    }

    /** The largest default unit: at most threads + 1 units are in flight, each with a temporary copy on disk. */
    static final long MAX_DEFAULT_UNIT_BYTES = 128L << 20;

    /**
     * The default unit size for a file of {@code fileBytes}: a quarter of the file, at least {@code minUnitBytes} and
     * at most {@link #MAX_DEFAULT_UNIT_BYTES}. It depends on the file only, so the report does not depend on the number
     * of threads. Every unit is a separate {@code jdk.jfr} stream, which parses its first chunk's metadata and resolves
     * its constant pools afresh (a stream carries both over from chunk to chunk), and its code paths (copying, merging)
     * are compiled too: on the 344 MB benchmark file, 11 units of 32 MB cost 25 % more CPU than one stream on one thread,
     * 4 units of 86 MB 5-15 % less than the 11 on two threads. Four units keep two threads busy to the end.
     */
    static long defaultUnitBytes(long fileBytes, long minUnitBytes) {
        return Math.max(minUnitBytes, Math.min(MAX_DEFAULT_UNIT_BYTES, fileBytes / 4));
    }

    /**
     * Splits the intact chunks of one file into units of consecutive chunks of at least {@code unitBytes} each (the
     * last may be smaller); one unit when {@code unitBytes} covers the file. The split depends on the file only.
     */
    static List<Unit> plan(int fileIndex, Path file, JfrChunkScanner.Scan scan, long unitBytes) {
        List<Unit> out = new ArrayList<>();
        List<JfrChunkScanner.Chunk> chunks = scan.chunks();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < chunks.size(); i++) {
            bytes += chunks.get(i).size();
            if (bytes >= unitBytes || i == chunks.size() - 1) {
                boolean whole = !scan.damaged() && from == 0 && i == chunks.size() - 1;
                out.add(new Unit(fileIndex, file, List.copyOf(chunks.subList(from, i + 1)), whole, chunks.get(0)));
                from = i + 1;
                bytes = 0;
            }
        }
        return out;
    }

    /**
     * Reads {@code units} on up to {@code threads} threads and passes each result to {@code inOrder}, on the calling
     * thread, in the order of {@code units}.
     */
    void readAll(List<Unit> units, int threads, Consumer<UnitResult> inOrder) {
        if (threads <= 1 || units.size() <= 1) {
            for (Unit u : units) {
                inOrder.accept(read(u));
            }
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, units.size()), r -> {
            Thread t = new Thread(r, "oxidizer-analyzer-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<UnitResult>> inFlight = new ArrayDeque<>();
            long[] estimates = units.stream().mapToLong(RecordingReader::heapEstimateBytes).toArray();
            long reservedBytes = 0;
            long budget = heapBudgetBytes(Runtime.getRuntime().maxMemory());
            int next = 0;
            int done = 0;
            while (next < units.size() || !inFlight.isEmpty()) {
                while (next < units.size() && inFlight.size() <= threads
                        && admits(budget, reservedBytes, estimates[next], inFlight.isEmpty())) {
                    Unit u = units.get(next);
                    reservedBytes += estimates[next++];
                    inFlight.add(pool.submit(() -> read(u)));
                }
                inOrder.accept(await(inFlight.removeFirst()));
                reservedBytes -= estimates[done++]; // results come back in unit order
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Share of the maximum heap the units in flight may take together (the rest: the merged result, the report). */
    static final double HEAP_SHARE_FOR_UNITS = 0.7;
    /** Heap one stream takes beyond its chunks' parsed constant pools: its aggregator, jdk.jfr's buffers and metadata. */
    static final long STREAM_BASE_BYTES = 8L << 20;
    /**
     * Heap per byte of a unit's largest chunk while it is parsed: {@code jdk.jfr} holds a chunk's constant pools (stack
     * traces, frames, methods, classes, strings: 40 % of an agent recording's bytes) parsed into objects until the
     * chunk ends, and the previous chunk's while the next one starts. Measured on the demo's recordings: 25-30 MB live for
     * a 12.8 MB chunk (JFR's default chunk size), 5 MB for a 2.4 MB one.
     */
    static final double HEAP_PER_CHUNK_BYTE = 3.0;

    /** The heap one unit's stream is expected to take at most: depends on its largest chunk, not on its length. */
    static long heapEstimateBytes(Unit u) {
        long largest = 0;
        for (JfrChunkScanner.Chunk c : u.chunks()) {
            largest = Math.max(largest, c.size());
        }
        return STREAM_BASE_BYTES + (long) (HEAP_PER_CHUNK_BYTE * largest);
    }

    static long heapBudgetBytes(long maxHeapBytes) {
        return (long) (HEAP_SHARE_FOR_UNITS * maxHeapBytes);
    }

    /**
     * Whether a unit expected to take {@code estimate} may start beside units that reserved {@code reserved} of
     * {@code budget}: always when none is in flight (one stream is the least any analysis needs), else when it fits.
     * So a small heap reads large chunks one at a time instead of failing, and a large heap reads on every thread.
     */
    static boolean admits(long budget, long reserved, long estimate, boolean noneInFlight) {
        return noneInFlight || reserved + estimate <= budget;
    }

    private static UnitResult await(Future<UnitResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading recordings", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads one unit into a new aggregator: in one stream, and again chunk by chunk (one stream each, into a fresh
     * aggregator) when that stream failed or ended before the unit's last chunk (fewer flush callbacks than chunks:
     * every chunk ends with one). {@code jdk.jfr} tells a stream's reader no chunk boundary (a flush callback comes
     * once per flush segment, several per chunk of a recording that was streamed), so only a stream of one chunk
     * can name the chunk that failed and go on with the next one.
     */
    UnitResult read(Unit unit) {
        Path file = unit.file();
        List<JfrChunkScanner.Chunk> chunks = unit.chunks();
        ProfileAggregator sink = newSink(unit, chunks.get(0));
        try {
            if (stream(file, chunks, unit.wholeFile(), sink) >= chunks.size()) {
                advance(file, chunks.stream().mapToLong(JfrChunkScanner.Chunk::size).sum());
                return new UnitResult(unit, sink, chunks.size(), List.of());
            }
            // fewer flushes than chunks: the parser stopped quietly before the last chunk; find where, chunk by chunk
        } catch (RuntimeException | IOException e) {
            // which chunk failed is not known here: read chunk by chunk
        }
        sink = null; // the partial aggregate is never merged (its counts would repeat); freed while chunks are re-read
        ProfileAggregator perChunk = ProfileAggregator.forChunks(latencyThreadGlobs, unit.fileIndex());
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (JfrChunkScanner.Chunk c : chunks) {
            shiftTimes(perChunk, unit, c);
            try {
                if (stream(file, List.of(c), false, perChunk) < 1) {
                    throw new IOException("the JFR parser stopped inside this chunk");
                }
                read++;
            } catch (RuntimeException | IOException e) {
                problems.add("corrupt chunk at byte " + c.offset() + " of " + file + " (" + describe(e)
                        + "); events of that chunk read before the damage are kept");
            }
            advance(file, c.size());
        }
        return new UnitResult(unit, perChunk, read, List.copyOf(problems));
    }

    private ProfileAggregator newSink(Unit unit, JfrChunkScanner.Chunk first) {
        ProfileAggregator sink = ProfileAggregator.forChunks(latencyThreadGlobs, unit.fileIndex());
        shiftTimes(sink, unit, first);
        return sink;
    }

    /**
     * jdk.jfr converts every chunk of a stream with the time base of the stream's first chunk. When a tick is a
     * nanosecond, times are moved exactly into the file's first chunk's base, as a whole-file read gives them;
     * otherwise (e.g. TSC ticks) each stream keeps its own first chunk's base.
     */
    private static void shiftTimes(ProfileAggregator sink, Unit unit, JfrChunkScanner.Chunk streamStart) {
        Long base = unit.firstChunkOfFile().tickOffsetNs();
        Long here = streamStart.tickOffsetNs();
        sink.timeShiftNs(base != null && here != null ? base - here : 0);
    }

    /** Progress after a chunk: serialized, so listeners need no locking and see bytes done only grow. */
    private synchronized void advance(Path file, long bytes) {
        bytesDone += bytes;
        progress.progress(file.toString(), bytesDone, bytesTotal);
    }

    /**
     * Streams consecutive chunks into {@code sink}; returns the number of flush callbacks, at least one per chunk
     * the parser finished (one per flush segment).
     */
    private int stream(Path file, List<JfrChunkScanner.Chunk> chunks, boolean whole, ProfileAggregator sink)
            throws IOException {
        Path source = file;
        Path tmp = null;
        try {
            if (!whole) {
                tmp = Files.createTempFile("oxidizer-chunks-", ".jfr");
                copyChunks(file, chunks, tmp);
                source = tmp;
            }
            int[] flushes = {0};
            try (EventStream es = EventStream.openFile(source)) {
                es.setOrdered(false);
                es.setReuse(true);
                for (String name : EventKind.EVENTS) {
                    es.onEvent(name, sink.handlerFor(name));
                }
                es.onFlush(() -> flushes[0]++);
                es.start();
            }
            return flushes[0];
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void copyChunks(Path file, List<JfrChunkScanner.Chunk> chunks, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (JfrChunkScanner.Chunk c : chunks) {
                long pos = c.offset();
                long end = c.offset() + c.size();
                while (pos < end) {
                    pos += in.transferTo(pos, end - pos, out);
                }
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}

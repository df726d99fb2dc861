package dev.oxidizer.analyzer;

import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the events of one file into a {@link ProfileAggregator}, chunk by chunk, reading whatever is
 * readable.
 *
 * <p>An intact file is streamed as is ({@link EventStream#openFile}, unordered, with only the event types the
 * analyzer uses parsed). When the {@link JfrChunkScanner} finds damage, the intact chunks are copied to a
 * temporary file (chunks are self-contained, so any sequence of them is a valid recording) and that is
 * streamed instead. When the parser fails inside a chunk that looked intact, the events of that chunk read
 * before the failure are kept, the failure is reported with the chunk's byte offset, and reading resumes at
 * the next chunk. Temporary files are deleted before returning.
 */
final class RecordingReader {
    /** What was read from one file. */
    record FileResult(Path path, int chunksRead, int chunksTotal, List<String> problems, long firstChunkStartNanos) {}

    private final JfrChunkScanner scanner = new JfrChunkScanner();
    private final ProgressListener progress;
    private final long bytesTotal;
    private long bytesDone;

    RecordingReader(ProgressListener progress, long bytesTotal) {
        this.progress = progress;
        this.bytesTotal = bytesTotal;
    }

    JfrChunkScanner.Scan scan(Path file) throws AnalysisException {
        return scanner.scan(file);
    }

    FileResult read(Path file, JfrChunkScanner.Scan scan, ProfileAggregator sink) throws AnalysisException {
        List<String> problems = new ArrayList<>(scan.problems());
        List<JfrChunkScanner.Chunk> todo = scan.chunks();
        int read = 0;
        boolean whole = !scan.damaged();
        while (!todo.isEmpty()) {
            int[] flushed = {0};
            try {
                stream(file, todo, whole, sink, flushed);
                read += todo.size();
                todo = List.of();
            } catch (RuntimeException | IOException e) {
                int failedAt = Math.min(flushed[0], todo.size() - 1);
                JfrChunkScanner.Chunk bad = todo.get(failedAt);
                read += failedAt;
                problems.add("corrupt chunk at byte " + bad.offset() + " of " + file + " (" + describe(e)
                        + "); events of that chunk read before the damage are kept");
                todo = todo.subList(failedAt + 1, todo.size());
                whole = false;
                bytesDone += bad.size();
            }
        }
        long firstStart = scan.chunks().isEmpty() ? 0 : scan.chunks().get(0).startNanos();
        return new FileResult(file, read, scan.chunks().size(), List.copyOf(problems), firstStart);
    }

    private void stream(Path file, List<JfrChunkScanner.Chunk> chunks, boolean whole, ProfileAggregator sink, int[] flushed)
            throws IOException {
        Path source = file;
        Path tmp = null;
        try {
            if (!whole) {
                tmp = Files.createTempFile("oxidizer-chunks-", ".jfr");
                copyChunks(file, chunks, tmp);
                source = tmp;
            }
            try (EventStream es = EventStream.openFile(source)) {
                es.setOrdered(false);
                es.setReuse(true);
                for (String name : ProfileAggregator.EVENTS) {
                    es.onEvent(name, sink::accept);
                }
                es.onFlush(() -> {
                    int i = flushed[0]++;
                    if (i < chunks.size()) {
                        bytesDone += chunks.get(i).size();
                        progress.progress(file.toString(), bytesDone, bytesTotal);
                    }
                });
                es.start();
            }
            if (flushed[0] < chunks.size()) {
                // The JDK's stream ends quietly on some parse errors: a chunk that never completed is damage.
                throw new IOException("the JFR parser stopped inside this chunk (" + flushed[0] + " of " + chunks.size()
                        + " chunks completed)");
            }
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

package dev.oxidizer.analyzer;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the chunk structure of a JFR file before any event is parsed, so that damage is reported with
 * its exact byte position and the intact chunks can still be read.
 *
 * <p>A JFR file is a sequence of self-contained chunks. Each starts with a 68-byte big-endian header:
 * magic {@code FLR\0} (4), major (2), minor (2), chunk size (8), constant pool offset (8), metadata offset (8),
 * start ns since epoch (8), duration ns (8), start ticks (8), ticks per second (8), file state (1, 0 when the
 * chunk is finished), 2 reserved bytes, flags (1). The scanner walks the headers by their size fields and
 * reports, in order: a header cut short, a chunk whose size runs past the end of the file ("truncated"),
 * a chunk the JVM was still writing ("unfinished"), offsets outside the chunk ("corrupt header"),
 * bytes where a chunk header should start but none does ("corrupt data"), after which it searches forward
 * for the next {@code FLR\0} header and resumes there, and event records that do not fill the chunk exactly by
 * their size fields ("corrupt chunk", skipped: the next chunk starts where the header says).
 *
 * <p>Thread-safe: stateless.
 */
public final class JfrChunkScanner {
    private static final ValueLayout.OfInt BIG_ENDIAN_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final int HEADER_SIZE = 68;
    private static final int MAGIC = 0x464C5200; // "FLR\0"

    /**
     * One intact chunk, with its time base: an event's time in epoch ns is {@code startNanos + (ticks - startTicks)
     * / (ticksPerSecond / 10^9)}, the division as {@code jdk.jfr} does it (integer ticks per ns).
     */
    public record Chunk(long offset, long size, long startNanos, long durationNanos, long startTicks, long ticksPerSecond) {
        /**
         * {@code startNanos - startTicks} when one tick is one ns for {@code jdk.jfr} ({@code ticksPerSecond / 10^9 == 1}),
         * so that times converted with another chunk's base differ by an exact constant; null otherwise.
         */
        public Long tickOffsetNs() {
            return ticksPerSecond / 1_000_000_000L == 1 ? startNanos - startTicks : null;
        }
    }

    /**
     * Result of a scan.
     *
     * @param chunks   intact chunks, in file order
     * @param problems damage found, each naming the byte offset; empty when the file is intact
     * @param fileSize bytes in the file
     */
    public record Scan(List<Chunk> chunks, List<String> problems, long fileSize) {
        public boolean damaged() {
            return !problems.isEmpty();
        }
    }

    /**
     * Scans {@code file}.
     *
     * @throws AnalysisException when the file is empty, missing, unreadable or does not start with a JFR header
     */
    public Scan scan(Path file) throws AnalysisException {
        if (!Files.isRegularFile(file)) {
            throw new AnalysisException(AnalysisException.Kind.BAD_INPUT, file + ": no such file; expected a JFR recording (.jfr)");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new AnalysisException(AnalysisException.Kind.BAD_INPUT,
                        file + ": empty file (0 bytes); expected a JFR recording (.jfr) written by JDK Flight Recorder or the Oxidizer agent");
            }
            ByteBuffer head = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
            readFully(ch, head, 0);
            head.flip();
            if (head.remaining() < 4 || head.getInt(0) != MAGIC) {
                throw new AnalysisException(AnalysisException.Kind.BAD_INPUT, file + ": not a JFR recording (it starts with "
                        + describeStart(head) + ", not the JFR magic \"FLR\\0\"); expected a .jfr file written by JDK Flight Recorder or the Oxidizer agent");
            }
            return walk(file, ch, size);
        } catch (IOException e) {
            throw new AnalysisException(AnalysisException.Kind.BAD_INPUT, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private Scan walk(Path file, FileChannel ch, long size) throws IOException {
        List<Chunk> chunks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        long pos = 0;
        while (pos < size) {
            long remaining = size - pos;
            if (remaining < HEADER_SIZE) {
                problems.add("truncated chunk header at byte " + pos + " of " + file + " (" + remaining
                        + " bytes left, a chunk header needs " + HEADER_SIZE + ")");
                break;
            }
            h.clear();
            readFully(ch, h, pos);
            if (h.getInt(0) != MAGIC) {
                long next = resync(ch, pos, size);
                problems.add("corrupt data at byte " + pos + " of " + file + ": expected a chunk header (FLR\\0) after chunk "
                        + chunks.size() + (next < 0 ? "; no later chunk header found" : "; skipped to the next chunk header at byte " + next));
                if (next < 0) {
                    break;
                }
                pos = next;
                continue;
            }
            int major = h.getShort(4);
            int minor = h.getShort(6);
            long chunkSize = h.getLong(8);
            long cpOffset = h.getLong(16);
            long metaOffset = h.getLong(24);
            long startNanos = h.getLong(32);
            long durationNanos = h.getLong(40);
            long startTicks = h.getLong(48);
            long ticksPerSecond = h.getLong(56);
            int fileState = h.get(64) & 0xFF;
            if (major != 1 && major != 2) {
                problems.add("unsupported JFR version " + major + "." + minor + " in the chunk at byte " + pos + " of " + file
                        + " (versions 1.x and 2.x are read)");
                break;
            }
            if (fileState != 0 || chunkSize <= HEADER_SIZE || metaOffset == 0) {
                problems.add("unfinished chunk at byte " + pos + " of " + file
                        + " (the JVM was still writing it when the file was copied or the JVM stopped)");
                break;
            }
            if (chunkSize > remaining) {
                problems.add("truncated chunk at byte " + pos + " of " + file + " (its header says " + chunkSize
                        + " bytes, only " + remaining + " remain)");
                break;
            }
            if (metaOffset < HEADER_SIZE || metaOffset >= chunkSize || cpOffset < HEADER_SIZE || cpOffset >= chunkSize) {
                long next = resync(ch, pos, size);
                problems.add("corrupt chunk header at byte " + pos + " of " + file + " (metadata offset " + metaOffset
                        + " or constant pool offset " + cpOffset + " outside the chunk of " + chunkSize + " bytes)");
                if (next < 0) {
                    break;
                }
                pos = next;
                continue;
            }
            String badRecord = major == 2 ? checkRecords(ch, pos, chunkSize, h.getInt(4)) : null; // 1.x: fixed-size ints
            if (badRecord != null) {
                problems.add("corrupt chunk at byte " + pos + " of " + file + " (" + badRecord
                        + "); the chunk is skipped");
                pos += chunkSize;
                continue;
            }
            chunks.add(new Chunk(pos, chunkSize, startNanos, durationNanos, startTicks, ticksPerSecond));
            pos += chunkSize;
        }
        return new Scan(List.copyOf(chunks), List.copyOf(problems), size);
    }

    /**
     * Walks a chunk's records by their size fields, as {@code jfr summary} does: each record starts with its size in
     * bytes (a variable-length integer, 7 bits a byte, the ninth byte whole) and the records fill the chunk exactly.
     * {@code jdk.jfr}'s parser can pass over overwritten bytes without an error (it takes them for the end of a
     * flush segment), so this is what finds damage inside a chunk whose header is intact. A copy of the chunk's
     * header (magic and version) between records is stepped over.
     *
     * @return what is wrong, with the byte offset in the file; null when the records fill the chunk
     */
    private static String checkRecords(FileChannel ch, long chunkStart, long chunkSize, int version)
            throws IOException {
        // Mapped for the walk only and unmapped when the arena closes: a MappedByteBuffer would stay mapped until the
        // GC frees it, and the file's pages would add up in the process's resident memory (467 MB for a 344 MB
        // file under -Xmx64m, where the heap itself stayed under 100 MB).
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = ch.map(FileChannel.MapMode.READ_ONLY, chunkStart, chunkSize, arena);
            long end = chunkSize;
            long p = HEADER_SIZE;
            while (p < end) {
                if (end - p >= HEADER_SIZE && m.get(BIG_ENDIAN_INT, p) == MAGIC && m.get(BIG_ENDIAN_INT, p + 4) == version) {
                    p += HEADER_SIZE;
                    continue;
                }
                long size = 0;
                int i = 0;
                int b;
                do {
                    if (p + i >= end) {
                        return "event record at byte " + (chunkStart + p) + " has its size cut off by the chunk's end";
                    }
                    b = m.get(ValueLayout.JAVA_BYTE, p + i);
                    if (i == 8) {
                        size |= (long) (b & 0xFF) << 56;
                        i++;
                        break;
                    }
                    size |= (long) (b & 0x7F) << (7 * i);
                    i++;
                } while (b < 0);
                if (size < i + 1 || size > end - p) {
                    return "event record at byte " + (chunkStart + p) + " has size " + size + ", which "
                            + (size < i + 1 ? "is too small for a record" : "runs past the chunk's end at byte "
                            + (chunkStart + end));
                }
                p += size;
            }
            return null;
        }
    }

    /**
     * Finds the next genuine chunk header after corrupt data starting at {@code corruptAt}. JFR also writes copies
     * of a chunk's header inside the chunk (at flushes and at its end) whose size field is the chunk's length up to
     * and including the copy; such a copy "points back" to the chunk it belongs to ({@code position + 68 - size}),
     * which is the corrupt position itself or another header. Those are skipped.
     */
    private static long resync(FileChannel ch, long corruptAt, long size) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        long from = corruptAt + 1;
        while (true) {
            long q = findMagic(ch, from, size);
            if (q < 0 || size - q < HEADER_SIZE) {
                return -1;
            }
            h.clear();
            readFully(ch, h, q);
            long chunkSize = h.getLong(8);
            long meta = h.getLong(24);
            int major = h.getShort(4);
            long back = q + HEADER_SIZE - chunkSize;
            boolean copy = back >= 0 && back <= q && (back == corruptAt || hasMagic(ch, back, size));
            if ((major == 1 || major == 2) && chunkSize > HEADER_SIZE && meta > 0 && meta < chunkSize && !copy
                    && q + chunkSize <= size) {
                return q;
            }
            from = q + 1;
        }
    }

    private static boolean hasMagic(FileChannel ch, long pos, long size) throws IOException {
        if (pos < 0 || pos + 4 > size) {
            return false;
        }
        ByteBuffer b = ByteBuffer.allocate(4);
        readFully(ch, b, pos);
        return b.getInt(0) == MAGIC;
    }

    private static long findMagic(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long base = from;
        while (base < size) {
            buf.clear();
            int n = ch.read(buf, base);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i + 3 < n; i++) {
                if (buf.get(i) == 'F' && buf.get(i + 1) == 'L' && buf.get(i + 2) == 'R' && buf.get(i + 3) == 0) {
                    return base + i;
                }
            }
            if (base + n >= size) {
                return -1;
            }
            base += n - 3;
        }
        return -1;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                break;
            }
        }
    }

    private static String describeStart(ByteBuffer head) {
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(4, head.limit()); i++) {
            int b = head.get(i) & 0xFF;
            hex.append(String.format("%02x", b));
            text.append(b >= 32 && b < 127 ? (char) b : '.');
        }
        return "0x" + hex + " \"" + text + "\"";
    }
}

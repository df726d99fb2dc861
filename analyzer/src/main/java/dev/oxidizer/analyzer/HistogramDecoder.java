package dev.oxidizer.analyzer;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Adds a compressed, encoded HdrHistogram (the agent's {@code histogram} field) into a {@link LatencyCounts} without
 * materializing it: decoding with {@link Histogram#decodeFromCompressedByteBuffer} allocates and walks a full
 * counts array per event, and even recording each bucket into a histogram dominated analysis time on large
 * recordings.
 *
 * <p>Format (HdrHistogram V2, as written by {@code encodeIntoCompressedByteBuffer}): int cookie, int length of
 * the deflated payload, then the deflated encoding: int cookie, int payload length, int normalizing index offset,
 * int significant digits, long lowest discernible value, long highest trackable value, double conversion ratio
 * (40 bytes), then counts by index as ZigZag LEB128 longs where a negative value -n skips n empty indexes. Counts of
 * the target's primary layout (same significant digits, unit 1, no normalizing offset) are added at their index:
 * the merge is exact. A histogram that does not decode completely adds nothing. Inputs in another layout are decoded by the library and summed per layout. Not thread-safe
 * (reuses buffers).
 */
final class HistogramDecoder {
    private static final int V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
    private static final int V2_COOKIE_BASE = 0x1c849303;
    private final Inflater inflater = new Inflater();
    private byte[] out = new byte[1 << 16];

    /** Adds {@code compressed} into {@code target}. */
    void addInto(LatencyCounts target, byte[] compressed) throws DataFormatException {
        ByteBuffer in = ByteBuffer.wrap(compressed).order(ByteOrder.BIG_ENDIAN);
        int cookie = in.getInt();
        if ((cookie & ~0xf0) != V2_COMPRESSED_COOKIE_BASE) {
            throw new DataFormatException("not a compressed V2 HdrHistogram (cookie 0x" + Integer.toHexString(cookie) + ")");
        }
        int length = in.getInt();
        inflater.reset();
        inflater.setInput(compressed, 8, Math.min(length, compressed.length - 8));
        int n = 0;
        while (!inflater.finished()) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            int got = inflater.inflate(out, n, out.length - n);
            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("truncated histogram payload");
            }
            n += got;
        }
        ByteBuffer b = ByteBuffer.wrap(out, 0, n).order(ByteOrder.BIG_ENDIAN);
        int innerCookie = b.getInt();
        if ((innerCookie & ~0xf0) != V2_COOKIE_BASE) {
            throw new DataFormatException("unsupported HdrHistogram encoding (cookie 0x" + Integer.toHexString(innerCookie) + ")");
        }
        int payload = b.getInt();
        int normalizingOffset = b.getInt();
        int digits = b.getInt();
        long lowest = b.getLong();
        long highest = b.getLong();
        b.getDouble();
        int primary = target.primary(digits);
        if (normalizingOffset != 0 || digits != primary || lowest != 1) {
            target.addOther(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0));
            return;
        }
        if (payload < 0 || 40 + payload > n) {
            throw new DataFormatException("histogram payload of " + payload + " bytes, only " + (n - 40) + " present");
        }
        if (highest < 0) {
            throw new DataFormatException("bad highest trackable value " + highest);
        }
        int end = 40 + payload;
        int maxIndex = 64 << LatencyCounts.halfMagnitude(digits);
        // Counts go straight into the target's pages as they are decoded (no intermediate arrays); if the payload
        // turns out to be malformed, what was added is subtracted again, so a bad histogram still adds nothing.
        int[] stop = {0};
        try {
            int last = walk(out, 40, end, maxIndex, target, 1, stop);
            target.added(last);
        } catch (DataFormatException bad) {
            walk(out, 40, stop[0], maxIndex, target, -1, null);
            throw bad;
        }
    }

    /**
     * Decodes the entries in {@code buf[from, end)} and adds {@code sign} times each count into {@code target} at its
     * index; returns the largest index that received a count, or -1. When {@code progress} is not null, {@code
     * progress[0]} is kept at the start of the entry being decoded, so that on a {@link DataFormatException} the
     * entries before it (those added) can be subtracted by walking {@code [from, progress[0])} again.
     */
    private static int walk(byte[] buf, int from, int end, int maxIndex, LatencyCounts target, int sign, int[] progress)
            throws DataFormatException {
        int pos = from;
        int index = 0;
        int last = -1;
        int pageNo = -1;
        long[] page = null;
        while (pos < end) {
            if (progress != null) {
                progress[0] = pos;
            }
            int x = buf[pos];
            long v;
            if (x >= 0) {
                // One-byte ZigZag value, by far the most common (counts below 64, runs of up to 64 empty indexes).
                pos++;
                v = (x >>> 1) ^ -(x & 1);
            } else {
                // ZigZag LEB128 as HdrHistogram writes it: up to 8 bytes of 7 bits, then a 9th byte of 8 bits.
                long raw = 0;
                int shift = 0;
                while (true) {
                    if (pos >= end) {
                        throw new DataFormatException("histogram payload ends inside a count");
                    }
                    byte b8 = buf[pos++];
                    if (shift == 56) {
                        raw |= (long) (b8 & 0xFF) << 56;
                        break;
                    }
                    raw |= (long) (b8 & 0x7F) << shift;
                    if ((b8 & 0x80) == 0) {
                        break;
                    }
                    shift += 7;
                }
                v = (raw >>> 1) ^ -(raw & 1);
            }
            if (v < 0) {
                if (-v > maxIndex - index) {
                    throw new DataFormatException("histogram index beyond " + maxIndex);
                }
                index += (int) -v;
                continue;
            }
            if (index >= maxIndex) {
                throw new DataFormatException("histogram index beyond " + maxIndex);
            }
            if (v > 0) {
                int p = index >>> LatencyCounts.PAGE_BITS;
                if (p != pageNo) {
                    page = target.page(p);
                    pageNo = p;
                }
                page[index & (LatencyCounts.PAGE - 1)] += sign * v;
                last = index;
            }
            index++;
        }
        return last;
    }
}

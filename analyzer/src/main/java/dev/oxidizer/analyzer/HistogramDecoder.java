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
    /** Decoded (index, count) pairs of the histogram being read, added only once it decoded completely. */
    private int[] indexes = new int[256];
    private long[] values = new long[256];

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
        byte[] buf = out;
        int end = 40 + payload;
        int pos = 40;
        int index = 0;
        int pairs = 0;
        int maxIndex = 64 << LatencyCounts.halfMagnitude(digits);
        if (indexes.length < payload) {
            // Every entry takes at least one byte, so the payload length bounds the pairs.
            indexes = new int[payload];
            values = new long[payload];
        }
        while (pos < end) {
            int x = buf[pos];
            if (x >= 0) {
                // One-byte ZigZag value, by far the most common (counts below 64, runs of up to 64 empty indexes).
                // Decoded without branches: whether it is a count or a skip is data, not a predictable pattern.
                pos++;
                int skip = x & 1;
                int magnitude = x >>> 1;
                indexes[pairs] = index;
                values[pairs] = magnitude;
                pairs += (skip ^ 1) & (-magnitude >>> 31);
                index += 1 + (magnitude & -skip);
                if (index > maxIndex) {
                    throw new DataFormatException("histogram index beyond " + maxIndex);
                }
                continue;
            }
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
            long v = (raw >>> 1) ^ -(raw & 1);
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
                indexes[pairs] = index;
                values[pairs++] = v;
            }
            index++;
        }
        target.addAscending(indexes, values, pairs);
    }
}

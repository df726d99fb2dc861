package dev.oxidizer.analyzer;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Adds a compressed, encoded HdrHistogram (the agent's {@code histogram} field) into an accumulating histogram
 * without materializing it: decoding with {@link Histogram#decodeFromCompressedByteBuffer} allocates and walks a
 * full counts array per event, which dominated analysis time on large recordings.
 *
 * <p>Format (HdrHistogram V2, as written by {@code encodeIntoCompressedByteBuffer}): int cookie, int length of
 * the deflated payload, then the deflated encoding: int cookie, int payload length, int normalizing index offset,
 * int significant digits, long lowest discernible value, long highest trackable value, double conversion ratio
 * (40 bytes), then counts by index as ZigZag LEB128 longs where a negative value -n skips n empty indexes. Each
 * count is added at its index's lowest equivalent value, which lands on the same index of a target with the same
 * precision and unit: the merge is exact (equal to {@link Histogram#add}). Inputs in another layout (different
 * digits, unit or a normalizing offset) fall back to the library's decode and add. Not thread-safe (reuses buffers).
 */
final class HistogramDecoder {
    private static final int V2_COMPRESSED_COOKIE_BASE = 0x1c849304;
    private static final int V2_COOKIE_BASE = 0x1c849303;
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000};
    private final Inflater inflater = new Inflater();
    private byte[] out = new byte[1 << 16];

    /**
     * Adds {@code compressed} into {@code target} (created with 3 significant digits and unit 1 when null) and
     * returns the target.
     */
    Histogram addInto(Histogram target, byte[] compressed) throws DataFormatException {
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
        if (target == null) {
            target = new Histogram(digits);
            target.setAutoResize(true);
        }
        if (normalizingOffset != 0 || digits != target.getNumberOfSignificantValueDigits()
                || lowest != target.getLowestDiscernibleValue()) {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
            target.add(h);
            return target;
        }
        int unitMagnitude = 63 - Long.numberOfLeadingZeros(lowest);
        long largestSingleUnit = 2 * POW10[Math.min(digits, 5)];
        int subBucketCountMagnitude = 64 - Long.numberOfLeadingZeros(largestSingleUnit - 1);
        int halfMagnitude = (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
        int halfCount = 1 << halfMagnitude;
        int end = 40 + payload;
        int index = 0;
        while (b.position() < end) {
            long v = zigZag(b);
            if (v < 0) {
                index += (int) -v;
                continue;
            }
            if (v > 0) {
                int bucket = (index >> halfMagnitude) - 1;
                int sub = (index & (halfCount - 1)) + halfCount;
                if (bucket < 0) {
                    sub -= halfCount;
                    bucket = 0;
                }
                target.recordValueWithCount((long) sub << (bucket + unitMagnitude), v);
            }
            index++;
        }
        if (highest < 0) {
            throw new DataFormatException("bad highest trackable value " + highest);
        }
        return target;
    }

    /** ZigZag LEB128 as HdrHistogram writes it: up to 8 bytes of 7 bits, then a 9th byte of 8 bits. */
    private static long zigZag(ByteBuffer b) {
        long value = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte x = b.get();
            value |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return (value >>> 1) ^ -(value & 1);
            }
        }
        value |= (long) (b.get() & 0xFF) << 56;
        return (value >>> 1) ^ -(value & 1);
    }
}

package dev.oxidizer.analyzer;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The agent's compressed histograms summed as raw counts equal HdrHistogram's own decode and add, in any grouping. */
class LatencyCountsTest {

    private static Histogram random(long seed, int n, int digits, long scale) {
        Histogram h = new Histogram(digits);
        h.setAutoResize(true);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            h.recordValue(1 + (long) (r.nextDouble() * r.nextDouble() * scale));
        }
        return h;
    }

    private static byte[] encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(buf);
        return Arrays.copyOf(buf.array(), len);
    }

    private static byte[] encoded(Histogram h) {
        return encode(h);
    }

    /**
     * The reference: every interval's histogram added in order into one histogram in the first one's layout, each
     * bucket recorded at its lowest value (same layout) or with {@link Histogram#add} (another layout).
     */
    private static Histogram librarySum(List<Histogram> hs) {
        Histogram sum = new Histogram(hs.get(0).getNumberOfSignificantValueDigits());
        sum.setAutoResize(true);
        for (Histogram h : hs) {
            if (h.getNumberOfSignificantValueDigits() == sum.getNumberOfSignificantValueDigits()) {
                for (var v : h.recordedValues()) {
                    sum.recordValueWithCount(h.lowestEquivalentValue(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
                }
            } else {
                sum.add(h);
            }
        }
        return sum;
    }

    @Test
    void sumOfDecodedHistogramsEqualsTheLibrarysAddIncludingItsEncoding() throws Exception {
        List<Histogram> hs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            hs.add(random(i, 1 + i * 37, 3, i % 3 == 0 ? 5_000_000_000L : 200_000));
        }
        LatencyCounts counts = new LatencyCounts();
        HistogramDecoder decoder = new HistogramDecoder();
        for (Histogram h : hs) {
            decoder.addInto(counts, encode(h));
        }
        Histogram expected = librarySum(hs);
        Histogram actual = counts.toHistogram();
        assertEquals(expected, actual);
        assertEquals(expected.getMaxValue(), actual.getMaxValue());
        assertEquals(expected.getMinNonZeroValue(), actual.getMinNonZeroValue());
        assertEquals(expected.getHighestTrackableValue(), actual.getHighestTrackableValue());
        assertArrayEquals(encoded(expected), encoded(actual));
    }

    @Test
    void otherLayoutsAreAddedExactlyAndGroupingDoesNotMatter() throws Exception {
        List<Histogram> hs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            hs.add(random(100 + i, 500, i % 5 == 4 ? 2 : 3, 50_000_000));
        }
        HistogramDecoder decoder = new HistogramDecoder();
        LatencyCounts all = new LatencyCounts();
        for (Histogram h : hs) {
            decoder.addInto(all, encode(h));
        }
        // Three parts summed on their own and then added in order, as per-chunk aggregates are merged.
        LatencyCounts merged = new LatencyCounts();
        for (int part = 0; part < 3; part++) {
            LatencyCounts c = new LatencyCounts();
            for (int i = part * 10; i < part * 10 + 10; i++) {
                decoder.addInto(c, encode(hs.get(i)));
            }
            merged.addAll(c);
        }
        Histogram expected = librarySum(hs);
        assertEquals(expected, all.toHistogram());
        assertArrayEquals(encoded(expected), encoded(all.toHistogram()));
        assertArrayEquals(encoded(expected), encoded(merged.toHistogram()));
    }

    @Test
    void aTwoDigitFirstHistogramSetsTheLayoutAsTheLibraryWould() throws Exception {
        List<Histogram> hs = List.of(random(1, 300, 2, 1_000_000), random(2, 300, 3, 1_000_000), random(3, 300, 2, 9_000_000));
        LatencyCounts c = new LatencyCounts();
        HistogramDecoder decoder = new HistogramDecoder();
        for (Histogram h : hs) {
            decoder.addInto(c, encode(h));
        }
        assertEquals(2, c.toHistogram().getNumberOfSignificantValueDigits());
        assertArrayEquals(encoded(librarySum(hs)), encoded(c.toHistogram()));
    }

    @Test
    void aCorruptHistogramAddsNothing() throws Exception {
        Histogram good = random(7, 1000, 3, 1_000_000);
        LatencyCounts c = new LatencyCounts();
        HistogramDecoder decoder = new HistogramDecoder();
        decoder.addInto(c, encode(good));
        byte[] bad = encode(random(8, 1000, 3, 1_000_000));
        byte[] cut = Arrays.copyOf(bad, bad.length / 2);
        assertThrows(DataFormatException.class, () -> decoder.addInto(c, cut));
        assertEquals(good, c.toHistogram());
    }

    @Test
    void aHistogramReachingPastTheLastIndexOfItsLayoutIsRejectedAndAddsNothing() throws Exception {
        Histogram good = random(9, 500, 3, 1_000_000);
        LatencyCounts c = new LatencyCounts();
        HistogramDecoder decoder = new HistogramDecoder();
        decoder.addInto(c, encode(good));
        // A count of 1, then one-byte skips of 64 empty indexes (ZigZag 127) past the 65,536 indexes of 3 digits.
        byte[] payload = new byte[1 + 1100];
        payload[0] = 2;
        Arrays.fill(payload, 1, payload.length, (byte) 127);
        ByteBuffer inner = ByteBuffer.allocate(40 + payload.length);
        inner.putInt(0x1c849303 | 0x10).putInt(payload.length).putInt(0).putInt(3).putLong(1).putLong(2).putDouble(1.0);
        inner.put(payload);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(inner.array());
        deflater.finish();
        byte[] deflated = new byte[inner.capacity() + 64];
        int len = deflater.deflate(deflated);
        ByteBuffer outer = ByteBuffer.allocate(8 + len).putInt(0x1c849304 | 0x10).putInt(len).put(deflated, 0, len);
        DataFormatException e = assertThrows(DataFormatException.class, () -> decoder.addInto(c, outer.array()));
        assertEquals("histogram index beyond 65536", e.getMessage());
        assertEquals(good, c.toHistogram());
        assertArrayEquals(encoded(good), encoded(c.toHistogram()));
    }

    @Test
    void countsAddedBeforeADamagedEntryAreTakenBackExactly() throws Exception {
        Histogram good = random(11, 2000, 3, 1_000_000);
        LatencyCounts c = new LatencyCounts();
        HistogramDecoder decoder = new HistogramDecoder();
        decoder.addInto(c, encode(good));
        // A real interval (about a thousand counts, added into c as they are decoded) followed by an entry that
        // skips past the layout's last index: the interval is rejected and every count it added is taken back.
        byte[] inflated = inflate(encode(random(12, 2000, 3, 5_000_000)));
        ByteBuffer in = ByteBuffer.wrap(inflated);
        int payload = in.getInt(4);
        byte[] skipBeyond = {(byte) 0xFF, (byte) 0xFF, (byte) 0x07}; // ZigZag LEB128 of -65,536
        ByteBuffer inner = ByteBuffer.allocate(40 + payload + skipBeyond.length);
        inner.put(inflated, 0, 40 + payload).put(skipBeyond);
        inner.putInt(4, payload + skipBeyond.length);
        byte[] bad = deflateAsHistogram(inner.array());
        assertThrows(DataFormatException.class, () -> decoder.addInto(c, bad));
        assertEquals(good, c.toHistogram());
        assertArrayEquals(encoded(good), encoded(c.toHistogram()));
        // The same interval without the damaged entry adds as the library would.
        byte[] fine = deflateAsHistogram(Arrays.copyOf(inflated, 40 + payload));
        decoder.addInto(c, fine);
        assertArrayEquals(encoded(librarySum(List.of(good, random(12, 2000, 3, 5_000_000)))), encoded(c.toHistogram()));
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(compressed, 8, compressed.length - 8);
        byte[] out = new byte[1 << 20];
        int n = inflater.inflate(out);
        return Arrays.copyOf(out, n);
    }

    private static byte[] deflateAsHistogram(byte[] inner) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(inner);
        deflater.finish();
        byte[] deflated = new byte[inner.length + 64];
        int len = deflater.deflate(deflated);
        return ByteBuffer.allocate(8 + len).putInt(0x1c849304 | 0x10).putInt(len).put(deflated, 0, len).array();
    }
}

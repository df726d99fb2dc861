package dev.oxidizer.agent.core;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reusing encoder writes exactly the library's compressed encoding, and the library reads it back. */
class HistogramEncoderTest {
    @Test
    void writesTheLibrarysBytesForHistogramsOfEveryShapeOneEncoderAfterAnother() throws Exception {
        HistogramEncoder encoder = new HistogramEncoder();
        SplittableRandom r = new SplittableRandom(7);
        for (int shape = 0; shape < 40; shape++) {
            Histogram h = new Histogram(3);
            h.setAutoResize(true);
            int n = shape == 0 ? 0 : 1 << (shape % 16);
            for (int i = 0; i < n; i++) {
                h.recordValue(shape % 3 == 0 ? 20 + r.nextInt(50) : r.nextLong(1L << (10 + shape % 30)));
            }
            if (shape % 5 == 4) {
                h.recordValue(30_000_000_000L); // a 30 s outlier: a large counts array
            }
            String ours = encoder.encode(h);
            assertEquals(library(h), ours, "shape " + shape);
            Histogram back = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(ours)), 0);
            assertEquals(h, back, "shape " + shape);
        }
    }

    private static String library(Histogram h) {
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(b, Deflater.BEST_SPEED);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(b.array(), len));
    }
}

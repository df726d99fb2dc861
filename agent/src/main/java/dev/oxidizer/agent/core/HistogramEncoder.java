package dev.oxidizer.agent.core;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * Writes a histogram as HdrHistogram's compressed encoding in base64, byte for byte what
 * {@link Histogram#encodeIntoCompressedByteBuffer(ByteBuffer, int)} writes at {@link Deflater#BEST_SPEED}, at a
 * fraction of its cost: that method allocates a worst-case buffer (about 150 KB for a histogram that saw a
 * 30 ms outlier) and a new {@link Deflater} per call, about 300 µs each, which for a hundred methods a second
 * made the flusher the agent's largest fixed cost. Here the buffers and the deflater are reused.
 *
 * <p>The layout (compressed-encoding cookie, compressed length, deflated plain encoding) is the library's; the
 * cookie is taken from the library's own output rather than written here. Not thread-safe: the flusher's.
 */
final class HistogramEncoder {
    private static final int LEVEL = Deflater.BEST_SPEED;
    private static final int COMPRESSED_COOKIE = compressedCookie();

    private final Deflater deflater = new Deflater(LEVEL);
    private ByteBuffer plain = ByteBuffer.allocate(1024);
    private byte[] out = new byte[1024];

    /** The histogram's compressed encoding, base64. */
    String encode(Histogram h) {
        int needed = h.getNeededByteBufferCapacity();
        if (plain.capacity() < needed) {
            plain = ByteBuffer.allocate(needed);
        }
        plain.clear();
        int length = h.encodeIntoByteBuffer(plain);
        if (out.length < 8 + length + 64) {
            out = new byte[8 + length + 64 + length / 8];
        }
        deflater.reset();
        deflater.setInput(plain.array(), 0, length);
        deflater.finish();
        int compressed = 0;
        while (!deflater.finished()) {
            int n = deflater.deflate(out, 8 + compressed, out.length - 8 - compressed);
            compressed += n;
            if (!deflater.finished() && 8 + compressed == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        ByteBuffer header = ByteBuffer.wrap(out, 0, 8);
        header.putInt(COMPRESSED_COOKIE);
        header.putInt(compressed);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(out, 8 + compressed));
    }

    /** The first int of the library's compressed encoding of a histogram like ours. */
    private static int compressedCookie() {
        Histogram h = new Histogram(3);
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        h.encodeIntoCompressedByteBuffer(b, LEVEL);
        return b.getInt(0);
    }
}

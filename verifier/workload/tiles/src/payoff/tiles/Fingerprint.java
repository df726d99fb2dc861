package payoff.tiles;

/** A content fingerprint of uploaded blobs: a 64-bit multiply-rotate hash over 8-byte words (inputs of 16-96 KB). */
public final class Fingerprint {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    private Fingerprint() {}

    public static long of(byte[] data, long seed) {
        long h1 = seed ^ P1;
        long h2 = seed ^ P2;
        int i = 0;
        int n = data.length;
        for (; i + 16 <= n; i += 16) {
            long a = word(data, i);
            long b = word(data, i + 8);
            h1 = Long.rotateLeft(h1 ^ (a * P2), 31) * P1;
            h2 = Long.rotateLeft(h2 ^ (b * P1), 27) * P2;
        }
        for (; i < n; i++) {
            h1 = Long.rotateLeft(h1 ^ ((data[i] & 0xFFL) * P1), 11) * P2;
        }
        long h = h1 ^ Long.rotateLeft(h2, 17) ^ n;
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        return h;
    }

    private static long word(byte[] d, int i) {
        return (d[i] & 0xFFL) | (d[i + 1] & 0xFFL) << 8 | (d[i + 2] & 0xFFL) << 16 | (d[i + 3] & 0xFFL) << 24
                | (d[i + 4] & 0xFFL) << 32 | (d[i + 5] & 0xFFL) << 40 | (d[i + 6] & 0xFFL) << 48 | (d[i + 7] & 0xFFL) << 56;
    }
}

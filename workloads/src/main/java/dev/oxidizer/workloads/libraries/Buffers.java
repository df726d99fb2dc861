package dev.oxidizer.workloads.libraries;

/** Buffer shuffling. */
public final class Buffers {
    private Buffers() {}

    /**
     * Interleaves two 32 KB pages in 64-byte blocks into a new buffer, 16 times over, with {@code System.arraycopy}
     * (the JIT's arraycopy stubs). Label: decoy for {@code jdk-bound}.
     */
    public static long interleave(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        long check = 0;
        for (int pass = 0; pass < 16; pass++) {
            for (int off = 0; off + 64 <= a.length; off += 64) {
                System.arraycopy(a, off, out, 2 * off, 64);
                System.arraycopy(b, off, out, 2 * off + 64, 64);
            }
            check += out[pass * 97];
        }
        return check;
    }
}

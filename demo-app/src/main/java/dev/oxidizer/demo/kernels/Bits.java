package dev.oxidizer.demo.kernels;

/**
 * Bit mixing for hash-based routing. A decoy for the {@code granularity} rule: {@link #mix64(long)} is a
 * few nanoseconds of work called millions of times per second, so an FFM downcall (several ns plus
 * argument passing) would cost more than the work it replaces.
 */
public final class Bits {

    private Bits() {
    }

    /**
     * MurmurHash3's 64-bit finalizer ({@code fmix64}): a bijection on 64-bit values with full avalanche;
     * {@code mix64(0) == 0}.
     *
     * @param z any value
     * @return the mixed value
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}

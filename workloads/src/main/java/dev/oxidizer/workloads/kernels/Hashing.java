package dev.oxidizer.workloads.kernels;

/** Routing hash. */
public final class Hashing {
    private Hashing() {}

    /**
     * MurmurHash3's 64-bit finalizer: a few nanoseconds, called 64 times per request. Label: decoy for
     * {@code granularity} (one FFM downcall costs more than the work).
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}

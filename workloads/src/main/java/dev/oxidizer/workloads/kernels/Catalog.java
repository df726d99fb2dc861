package dev.oxidizer.workloads.kernels;

import java.util.SplittableRandom;

/** The product catalog's search index. */
public final class Catalog {
    private final long[] index = new long[4096];

    /** Builds the index at start-up: 4 096 calls of {@link #indexEntry} in a fraction of a second, then none. */
    void build(SplittableRandom random) {
        for (int i = 0; i < index.length; i++) {
            index[i] = indexEntry(random.nextLong(), 4096);
        }
        java.util.Arrays.sort(index);
    }

    /**
     * Hashes one catalog entry through 4 096 rounds (a few tens of microseconds of pure CPU). Called 4 096 times in a
     * burst at start-up and never again: projected naively from the window it looks like millions of calls a day, but
     * its steady rate is zero. Label: decoy for {@code calls-per-day} (start-up burst).
     */
    public static long indexEntry(long seed, int rounds) {
        long h = seed;
        for (int r = 0; r < rounds; r++) {
            h ^= h << 13;
            h ^= h >>> 7;
            h ^= h << 17;
            h += r;
        }
        return h;
    }

    /** Binary search in the index; not labelled (cheap). */
    long find(long key) {
        int i = java.util.Arrays.binarySearch(index, key);
        return i < 0 ? -i : i;
    }
}

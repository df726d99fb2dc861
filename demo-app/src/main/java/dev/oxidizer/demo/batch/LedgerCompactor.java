package dev.oxidizer.demo.batch;

import java.util.Arrays;

/**
 * Sorts and de-duplicates ledger entry ids. A decoy for the {@code latency-path} rule: CPU-bound,
 * milliseconds per call, portable signature, called many times a day, but only by the
 * {@code batch-nightly} thread, never under a request.
 *
 * <p>Thread-safe (no state).
 */
public final class LedgerCompactor {

    private LedgerCompactor() {
    }

    /**
     * Compacts {@code entries} in place: afterwards {@code entries[0..n)} holds the distinct values in
     * ascending signed order, where {@code n} is returned; the rest of the array is unspecified.
     *
     * @param entries the ids (may be empty)
     * @return the number of distinct values
     * @throws NullPointerException if {@code entries} is null
     */
    public static int compact(long[] entries) {
        Arrays.sort(entries);
        int n = 0;
        for (int i = 0; i < entries.length; i++) {
            if (n == 0 || entries[i] != entries[n - 1]) {
                entries[n++] = entries[i];
            }
        }
        return n;
    }
}

package dev.oxidizer.workloads.kernels;

import java.util.Arrays;

/** Periodic reports. */
public final class Reports {
    private Reports() {}

    /**
     * A quarter-end summary over 300 000 values (sort plus scans, tens of milliseconds of CPU) run by the background
     * thread at 4 s and then every 30 s: a run of 15-30 s sees one call, at most 5,760 a day. Label: decoy for
     * {@code calls-per-day}.
     */
    public static double quarterEnd(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        double sq = 0;
        for (double v : sorted) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / sorted.length;
        return sorted[sorted.length / 2] + Math.sqrt(sq / sorted.length - mean * mean);
    }
}

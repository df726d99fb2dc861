package dev.oxidizer.demo.kernels;

import java.util.Arrays;

/**
 * Summary statistics of a latency sample window: a true Rust candidate (CPU-bound sort plus two passes
 * over a {@code double[]}, called for every metrics request).
 *
 * <p>Thread-safe (no state); never modifies its input.
 */
public final class Stats {

    /** Index of the minimum in the output array. */
    public static final int MIN = 0;
    /** Index of the 50th percentile (nearest rank). */
    public static final int P50 = 1;
    /** Index of the 90th percentile (nearest rank). */
    public static final int P90 = 2;
    /** Index of the 99th percentile (nearest rank). */
    public static final int P99 = 3;
    /** Index of the maximum. */
    public static final int MAX = 4;
    /** Index of the arithmetic mean. */
    public static final int MEAN = 5;
    /** Index of the population standard deviation. */
    public static final int STDDEV = 6;
    /** Minimum length of the output array. */
    public static final int OUT_LENGTH = 7;

    private Stats() {
    }

    /**
     * Summarizes the finite values of {@code samples}.
     *
     * <p>NaN and ±Infinity are ignored (not counted). Percentiles use the nearest-rank method on the
     * ascending sorted finite values {@code v[0..n)}: percentile {@code p} is {@code v[max(1, ceil(p/100*n)) - 1]}.
     * The standard deviation is the population one (divides by {@code n}), computed in two passes from
     * the mean. {@code -0.0} and {@code 0.0} are both kept; sorting orders {@code -0.0} first.
     *
     * @param samples the values; not modified
     * @param out     receives min, p50, p90, p99, max, mean, stddev at indices {@link #MIN}..{@link #STDDEV};
     *                all seven are NaN when there is no finite value; must have length at least
     *                {@link #OUT_LENGTH}
     * @return the number of finite values summarized (0 for an empty array)
     * @throws IllegalArgumentException if {@code out.length < 7}
     * @throws NullPointerException     if an argument is null
     */
    public static int summarize(double[] samples, double[] out) {
        if (out.length < OUT_LENGTH) {
            throw new IllegalArgumentException("out must have length >= " + OUT_LENGTH + ", got " + out.length);
        }
        double[] v = new double[samples.length];
        int n = 0;
        for (double x : samples) {
            if (Double.isFinite(x)) {
                v[n++] = x;
            }
        }
        if (n == 0) {
            Arrays.fill(out, 0, OUT_LENGTH, Double.NaN);
            return 0;
        }
        Arrays.sort(v, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] - mean;
            squares += d * d;
        }
        out[MIN] = v[0];
        out[P50] = v[rank(50, n)];
        out[P90] = v[rank(90, n)];
        out[P99] = v[rank(99, n)];
        out[MAX] = v[n - 1];
        out[MEAN] = mean;
        out[STDDEV] = Math.sqrt(squares / n);
        return n;
    }

    /** Zero-based index of the nearest-rank percentile: ceil(p * n / 100) - 1, at least 0. */
    private static int rank(int percent, int n) {
        long r = ((long) percent * n + 99) / 100;
        return (int) Math.max(1, r) - 1;
    }
}

package dev.oxidizer.analyzer.rules;

/** Confidence intervals for the figures rules decide on (counts of samples). */
public final class Evidence {
    private Evidence() {}

    /** z of a two-sided 95 % interval. */
    public static final double Z = 1.96;

    /**
     * 95 % interval {low, high} of a Poisson count observed as {@code n}, by the Wilson-Hilferty approximation (within
     * about 1 % of the exact bounds from n = 1 on); the low end of 0 is 0.
     */
    public static double[] poisson(long n) {
        double low = n == 0 ? 0 : n * Math.pow(1 - 1.0 / (9 * n) - Z / (3 * Math.sqrt(n)), 3);
        double high = (n + 1) * Math.pow(1 - 1.0 / (9 * (n + 1)) + Z / (3 * Math.sqrt(n + 1)), 3);
        return new double[] {Math.max(0, low), high};
    }

    /**
     * Wilson score interval of a share {@code k / n} at 95 %: {low, high}; {0, 1} when {@code n} is 0. Used for shares
     * of a method's samples (in JDK intrinsics, in callees): a decision is taken only when the whole interval is on one
     * side of its threshold.
     */
    public static double[] wilson(long k, long n) {
        if (n <= 0) {
            return new double[] {0, 1};
        }
        double p = k / (double) n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}

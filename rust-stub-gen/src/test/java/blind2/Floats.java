package blind2;

import java.util.Arrays;

/**
 * Floating-point utilities over double/float scalars and arrays.
 */
public final class Floats {

    private Floats() {
    }

    /** Maximum using Math.max (NaN propagates, -0.0 &lt; 0.0); empty array gives -Infinity. */
    public static double mathMax(double[] xs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Maximum using a plain &gt; comparison, so NaN elements are skipped unless first. */
    public static double naiveMax(double[] xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("empty array");
        }
        double m = xs[0];
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] > m) {
                m = xs[i];
            }
        }
        return m;
    }

    /** Difference between summing in float and summing the same values in double. */
    public static double floatVsDoubleSum(float[] xs) {
        float fs = 0f;
        double ds = 0.0;
        for (float x : xs) {
            fs += x;
            ds += x;
        }
        return ds - fs;
    }

    /** Kahan compensated summation. */
    public static double kahanSum(double[] xs) {
        double sum = 0.0;
        double c = 0.0;
        for (double x : xs) {
            double y = x - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    /**
     * Classifies a double: 0 NaN, 1 +inf, 2 -inf, 3 +0.0, 4 -0.0, 5 subnormal, 6 integral, 7 other.
     */
    public static int classify(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        return d != d ? 0
                : d == Double.POSITIVE_INFINITY ? 1
                : d == Double.NEGATIVE_INFINITY ? 2
                : d == 0.0 ? (bits == 0L ? 3 : 4)
                : exp == 0 ? 5
                : Math.floor(d) == d ? 6
                : 7;
    }

    /** Applies the narrowing casts (int), (long), (short), (char), (byte) and float to d and mixes them. */
    public static long castMix(double d) {
        int i = (int) d;
        long l = (long) d;
        short s = (short) d;
        char c = (char) d;
        byte b = (byte) d;
        float f = (float) d;
        int fi = (int) f;
        return l ^ ((long) i << 7) ^ ((long) s << 17) ^ ((long) c << 29) ^ ((long) b << 41) ^ ((long) fi * 3);
    }

    /** Rounding summary string: round, floor, ceil, rint, and float round. */
    public static String roundingSummary(double d) {
        StringBuilder sb = new StringBuilder();
        sb.append(Math.round(d)).append('|');
        sb.append(Math.floor(d)).append('|');
        sb.append(Math.ceil(d)).append('|');
        sb.append(Math.rint(d)).append('|');
        sb.append(Math.round((float) d)).append('|');
        sb.append((long) Math.floor(d + 0.5));
        return sb.toString();
    }

    /** Sorts a copy with Arrays.sort (NaN last, -0.0 before 0.0) and returns it. */
    public static double[] sortedCopy(double[] xs) {
        double[] c = Arrays.copyOf(xs, xs.length);
        Arrays.sort(c);
        return c;
    }

    /** Counts distinct values in the Double.compare sense (all NaNs equal, -0.0 != 0.0). */
    public static int countDistinct(double[] xs) {
        double[] c = sortedCopy(xs);
        int n = 0;
        for (int i = 0; i < c.length; i++) {
            if (i == 0 || Double.compare(c[i], c[i - 1]) != 0) {
                n++;
            }
        }
        return n;
    }

    /** Sample standard deviation using Welford's algorithm; requires at least two elements. */
    public static double sampleStdDev(double[] xs) {
        if (xs.length < 2) {
            throw new IllegalArgumentException("need at least 2 values, got " + xs.length);
        }
        double mean = 0.0;
        double m2 = 0.0;
        int n = 0;
        for (double x : xs) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }
        return Math.sqrt(m2 / (n - 1));
    }

    /** Flips the sign bit and the lowest mantissa bit of a float via its int bits. */
    public static float floatBitTweak(float f) {
        int bits = Float.floatToIntBits(f);
        bits ^= 0x80000001;
        return Float.intBitsToFloat(bits);
    }

    /** Distance in ulps between two doubles (ordered bit patterns); NaN gives -1. */
    public static long ulpDistance(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return -1L;
        }
        long x = Double.doubleToLongBits(a);
        long y = Double.doubleToLongBits(b);
        if (x < 0) {
            x = Long.MIN_VALUE - x;
        }
        if (y < 0) {
            y = Long.MIN_VALUE - y;
        }
        long d = x - y;
        return d < 0 ? -d : d;
    }

    /** Clamps each element into [lo, hi] in place; NaN elements become lo. Returns how many changed. */
    public static int clampInPlace(double[] xs, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("invalid bounds " + lo + " > " + hi);
        }
        int changed = 0;
        for (int i = 0; i < xs.length; i++) {
            double v = xs[i];
            double nv = Double.isNaN(v) ? lo : Math.min(hi, Math.max(lo, v));
            if (Double.compare(nv, v) != 0) {
                changed++;
            }
            xs[i] = nv;
        }
        return changed;
    }

    /** Evaluates a polynomial (coefficients highest degree first) at x by Horner's rule, in float and double. */
    public static double hornerBoth(double[] coeffs, double x) {
        double d = 0.0;
        float f = 0f;
        float fx = (float) x;
        for (double c : coeffs) {
            d = d * x + c;
            f = f * fx + (float) c;
        }
        return d + f;
    }

    /** Describes Math.min/Math.max and comparisons of two doubles (shows -0.0 and NaN behaviour). */
    public static String minMaxDescribe(double a, double b) {
        StringBuilder sb = new StringBuilder();
        sb.append(Math.min(a, b)).append(',').append(Math.max(a, b));
        sb.append(',').append(a == b).append(',').append(a < b).append(',').append(Double.compare(a, b));
        sb.append(',').append(Double.valueOf(a).equals(b));
        sb.append(',').append(Math.min((float) a, (float) b));
        sb.append(',').append(a > b ? a : b);
        return sb.toString();
    }

    /** Real roots of a*x^2+b*x+c, ascending; empty array if none; linear case handled. */
    public static double[] quadraticRoots(double a, double b, double c) {
        if (a == 0.0) {
            if (b == 0.0) {
                return new double[0];
            }
            return new double[] {-c / b};
        }
        double disc = b * b - 4 * a * c;
        if (disc < 0) {
            return new double[0];
        }
        if (disc == 0) {
            return new double[] {-b / (2 * a)};
        }
        double sq = Math.sqrt(disc);
        double q = -0.5 * (b + Math.copySign(sq, b));
        double r1 = q / a;
        double r2 = c / q;
        return r1 < r2 ? new double[] {r1, r2} : new double[] {r2, r1};
    }

    /** Formats d with the given number of decimals (0..9) using Math.round on a scaled long; |d*10^decimals| &gt;= 9e18 throws. */
    public static String toFixed(double d, int decimals) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals out of range: " + decimals);
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        if (Math.abs(d * scale) >= 9.0e18) {
            throw new IllegalArgumentException("value too large: " + d + " with " + decimals + " decimals");
        }
        long scaled = Math.round(d * scale);
        boolean neg = scaled < 0;
        long abs = Math.abs(scaled);
        long whole = abs / scale;
        long frac = abs % scale;
        StringBuilder sb = new StringBuilder();
        if (neg) {
            sb.append('-');
        }
        sb.append(whole);
        if (decimals > 0) {
            sb.append('.');
            String fs = Long.toString(frac);
            for (int i = fs.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(fs);
        }
        return sb.toString();
    }

}

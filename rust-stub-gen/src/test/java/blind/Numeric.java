package blind;

import java.util.Arrays;

/** Numeric kernels over primitive arrays. */
public final class Numeric {

    private Numeric() {
    }

    public static double mean(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    public static double stddev(double[] values) {
        if (values == null || values.length < 2) {
            return 0.0;
        }
        double m = mean(values);
        double acc = 0.0;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - m;
            acc += d * d;
        }
        return Math.sqrt(acc / (values.length - 1));
    }

    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("length mismatch: " + a.length + " vs " + b.length);
        }
        double result = 0;
        int i = 0;
        while (i < a.length) {
            result += a[i] * b[i];
            i++;
        }
        return result;
    }

    public static float[] matVecMul(float[] matrix, int rows, int cols, float[] vector) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimension");
        }
        if ((long) rows * cols != matrix.length) {
            throw new IllegalArgumentException("matrix size does not match rows*cols");
        }
        if (vector.length != cols) {
            throw new IllegalArgumentException("vector length must equal cols");
        }
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            float acc = 0f;
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                acc += matrix[base + c] * vector[c];
            }
            out[r] = acc;
        }
        return out;
    }

    public static double[] movingAverage(double[] data, int window) {
        if (window <= 0) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (data.length < window) {
            return new double[0];
        }
        double[] out = new double[data.length - window + 1];
        double sum = 0;
        for (int i = 0; i < window; i++) {
            sum += data[i];
        }
        out[0] = sum / window;
        for (int i = window; i < data.length; i++) {
            sum += data[i] - data[i - window];
            out[i - window + 1] = sum / window;
        }
        return out;
    }

    public static long[] cumulativeSum(int[] values) {
        long[] out = new long[values.length];
        long running = 0L;
        for (int i = 0; i < values.length; i++) {
            running += values[i];
            out[i] = running;
        }
        return out;
    }

    public static double[] normalizeMinMax(double[] values) {
        double[] out = Arrays.copyOf(values, values.length);
        if (out.length == 0) {
            return out;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : out) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        if (range == 0.0) {
            Arrays.fill(out, 0.0);
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] - min) / range;
        }
        return out;
    }

    /** Horner evaluation; coefficients[0] is the constant term. */
    public static double polyEval(double[] coefficients, double x) {
        double result = 0.0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            result = result * x + coefficients[i];
        }
        return result;
    }

    public static double kahanSum(double[] values) {
        double sum = 0.0;
        double c = 0.0;
        for (double v : values) {
            double y = v - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    /** Piecewise-linear lookup in a table with sorted xs; clamps outside the range. */
    public static double interpolate(double[] xs, double[] ys, double x) {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("tables must be non-empty and of equal length");
        }
        if (x <= xs[0]) {
            return ys[0];
        }
        int last = xs.length - 1;
        if (x >= xs[last]) {
            return ys[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = xs[hi] - xs[lo];
        double t = span == 0 ? 0.0 : (x - xs[lo]) / span;
        return ys[lo] + t * (ys[hi] - ys[lo]);
    }

    public static int gcd(int a, int b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    public static long lcm(int a, int b) {
        if (a == 0 || b == 0) {
            return 0L;
        }
        long g = gcdLong(a, b);
        return Math.abs((long) a / g * (long) b);
    }

    private static long gcdLong(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    public static long modPow(long base, long exponent, long modulus) {
        if (modulus <= 0) {
            throw new IllegalArgumentException("modulus must be positive");
        }
        if (exponent < 0) {
            throw new IllegalArgumentException("exponent must be non-negative");
        }
        if (modulus == 1) {
            return 0;
        }
        long result = 1;
        long b = base % modulus;
        if (b < 0) {
            b += modulus;
        }
        long e = exponent;
        while (e > 0) {
            if ((e & 1L) == 1L) {
                result = mulMod(result, b, modulus);
            }
            b = mulMod(b, b, modulus);
            e >>= 1;
        }
        return result;
    }

    private static long addMod(long a, long b, long m) {
        // a and b are already in [0, m); avoid overflow of a + b
        return a >= m - b ? a - (m - b) : a + b;
    }

    private static long mulMod(long a, long b, long m) {
        long result = 0;
        a %= m;
        while (b > 0) {
            if ((b & 1) != 0) {
                result = addMod(result, a, m);
            }
            a = addMod(a, a, m);
            b >>= 1;
        }
        return result;
    }

    public static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n < 4) {
            return true;
        }
        if (n % 2 == 0 || n % 3 == 0) {
            return false;
        }
        for (int i = 5; i <= n / i; i += 6) {
            if (n % i == 0 || n % (i + 2) == 0) {
                return false;
            }
        }
        return true;
    }

    public static int countPrimes(int limit) {
        if (limit < 0 || limit > 10_000_000) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        if (limit < 2) {
            return 0;
        }
        boolean[] composite = new boolean[limit + 1];
        int count = 0;
        for (int i = 2; i <= limit; i++) {
            if (composite[i]) {
                continue;
            }
            count++;
            for (long j = (long) i * i; j <= limit; j += i) {
                composite[(int) j] = true;
            }
        }
        return count;
    }

    public static double newtonSqrt(double x) {
        if (Double.isNaN(x) || x < 0) {
            return Double.NaN;
        }
        if (x == 0 || Double.isInfinite(x)) {
            return x;
        }
        double guess = Math.scalb(1.0, Math.getExponent(x) / 2);
        for (int iter = 0; iter < 100; iter++) {
            double next = 0.5 * (guess + x / guess);
            if (Math.abs(next - guess) <= 1e-15 * next) {
                return next;
            }
            guess = next;
        }
        return guess;
    }

    public static int clamp(int value, int lo, int hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("lo > hi");
        }
        return value < lo ? lo : (value > hi ? hi : value);
    }

    public static int argmin(long[] values) {
        if (values.length == 0) {
            return -1;
        }
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    public static int[] histogram(double[] data, double lo, double hi, int bins) {
        if (bins <= 0 || bins > 1_000_000) {
            throw new IllegalArgumentException("bad bin count");
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("hi must be greater than lo");
        }
        int[] counts = new int[bins];
        double width = (hi - lo) / bins;
        for (double d : data) {
            if (Double.isNaN(d) || d < lo || d > hi) {
                continue;
            }
            int idx = (int) ((d - lo) / width);
            if (idx >= bins) {
                idx = bins - 1;
            }
            counts[idx]++;
        }
        return counts;
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("empty");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[mid];
        }
        return (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}

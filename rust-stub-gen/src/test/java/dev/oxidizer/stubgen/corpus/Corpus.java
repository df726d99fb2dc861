package dev.oxidizer.stubgen.corpus;

import java.util.Arrays;

/**
 * Methods the auto-port was not written against: numeric kernels, string algorithms, dynamic programming, codecs,
 * hashing, image kernels and small helpers of every primitive type, in the shapes javac emits. {@code AutoPortCorpusIT}
 * auto-ports each public one and runs its strict differential test. Never change a method to make it pass.
 */
@SuppressWarnings("unused")
public final class Corpus {
    private Corpus() {}

    // ---- numeric kernels ---------------------------------------------------------------------------------------------

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static float sumFloats(float[] v) {
        float s = 0f;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    public static long sumLongs(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    public static double variance(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / v.length;
    }

    public static int argMax(int[] v) {
        if (v.length == 0) {
            return -1;
        }
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    public static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    public static void prefixSums(long[] v) {
        for (int i = 1; i < v.length; i++) {
            v[i] += v[i - 1];
        }
    }

    public static void saxpy(float a, float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = a * x[i] + y[i];
        }
    }

    public static double horner(double[] coefficients, double x) {
        double r = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            r = r * x + coefficients[i];
        }
        return r;
    }

    public static int countInRange(double[] v, double lo, double hi) {
        int n = 0;
        for (double x : v) {
            if (x >= lo && x < hi) {
                n++;
            }
        }
        return n;
    }

    public static double median(double[] v) {
        double[] c = Arrays.copyOf(v, v.length);
        Arrays.sort(c);
        int n = c.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }

    public static int[] histogram(int[] v, int buckets) {
        int[] h = new int[buckets];
        for (int x : v) {
            h[Math.floorMod(x, buckets)]++;
        }
        return h;
    }

    public static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }

    public static int isqrt(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        int r = (int) Math.sqrt(n);
        while ((long) r * r > n) {
            r--;
        }
        while ((long) (r + 1) * (r + 1) <= n) {
            r++;
        }
        return r;
    }

    public static int average(int a, int b) {
        return (a + b) / 2;
    }

    public static int divide(int a, int b) {
        return a / b;
    }

    public static long remainder(long a, long b) {
        return a % b;
    }

    public static double rms(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return v.length == 0 ? 0 : Math.sqrt(s / v.length);
    }

    public static long roundAll(double[] v) {
        long s = 0;
        for (double x : v) {
            s += Math.round(x);
        }
        return s;
    }

    public static int toInt(double d) {
        return (int) d;
    }

    public static long floatToLong(float f) {
        return (long) f;
    }

    public static int compareDoubles(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        return Double.compare(a, b);
    }

    public static double clampDouble(double x, double lo, double hi) {
        return x < lo ? lo : x > hi ? hi : x;
    }

    // ---- bits and hashing ---------------------------------------------------------------------------------------------

    public static int fnv1a(byte[] data) {
        int h = 0x811C9DC5;
        for (byte b : data) {
            h ^= b & 0xFF;
            h *= 0x01000193;
        }
        return h;
    }

    public static int murmurMix(int k) {
        k ^= k >>> 16;
        k *= 0x85EBCA6B;
        k ^= k >>> 13;
        k *= 0xC2B2AE35;
        k ^= k >>> 16;
        return k;
    }

    public static long splitMix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static int popcount(long[] words) {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public static int shiftMix(int x, int s) {
        return (x << s) ^ (x >> s) ^ (x >>> (s + 3));
    }

    public static int crc32(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte b : data) {
            crc ^= b & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
            }
        }
        return ~crc;
    }

    public static int adler32(byte[] data) {
        int a = 1;
        int b = 0;
        for (byte x : data) {
            a = (a + (x & 0xFF)) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    public static boolean isPowerOfTwo(long x) {
        return x > 0 && (x & (x - 1)) == 0;
    }

    public static short swapShort(short s) {
        return (short) (((s & 0xFF) << 8) | ((s >> 8) & 0xFF));
    }

    public static byte checksumByte(byte[] data) {
        byte s = 0;
        for (byte b : data) {
            s += b;
        }
        return s;
    }

    public static int floatBits(float f) {
        return Float.floatToIntBits(f) ^ Integer.rotateLeft(Float.floatToRawIntBits(f), 7);
    }

    // ---- codecs ------------------------------------------------------------------------------------------------------

    public static int hexValue(char c) {
        switch (c) {
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                return c - '0';
            case 'a': case 'b': case 'c': case 'd': case 'e': case 'f':
                return c - 'a' + 10;
            case 'A': case 'B': case 'C': case 'D': case 'E': case 'F':
                return c - 'A' + 10;
            default:
                return -1;
        }
    }

    public static byte[] hexDecode(String s) {
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd length " + s.length());
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexValue(s.charAt(2 * i));
            int lo = hexValue(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not hex at " + 2 * i);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    public static int varintLength(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    public static int zigzag(int n) {
        return (n << 1) ^ (n >> 31);
    }

    public static int base64Length(int n, boolean pad) {
        return pad ? 4 * ((n + 2) / 3) : (n * 4 + 2) / 3;
    }

    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public static void deltaEncode(int[] v) {
        for (int i = v.length - 1; i > 0; i--) {
            v[i] -= v[i - 1];
        }
    }

    public static int runLengthCount(byte[] data) {
        if (data.length == 0) {
            return 0;
        }
        int runs = 1;
        for (int i = 1; i < data.length; i++) {
            if (data[i] != data[i - 1]) {
                runs++;
            }
        }
        return runs;
    }

    // ---- strings -----------------------------------------------------------------------------------------------------

    public static int countChar(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    public static boolean isPalindrome(String s) {
        int i = 0;
        int j = s.length() - 1;
        while (i < j) {
            if (s.charAt(i++) != s.charAt(j--)) {
                return false;
            }
        }
        return true;
    }

    public static int indexOfChar(String s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    public static int stringHash(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    public static int codePoints(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            n++;
        }
        return n;
    }

    public static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    public static int parseDigits(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a digit at " + i);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static char charAtOrDash(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : '-';
    }

    public static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        outer:
        while (i < n) {
            for (int k = 0; k < 1; k++) {
                if (a.charAt(i) != b.charAt(i)) {
                    break outer;
                }
            }
            i++;
        }
        return i;
    }

    // ---- dynamic programming -----------------------------------------------------------------------------------------

    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            System.arraycopy(cur, 0, prev, 0, cur.length);
        }
        return prev[b.length()];
    }

    public static long maxSubarray(int[] v) {
        long best = Long.MIN_VALUE;
        long cur = 0;
        for (int x : v) {
            cur = Math.max(x, cur + x);
            best = Math.max(best, cur);
        }
        return v.length == 0 ? 0 : best;
    }

    public static int longestIncreasingRun(int[] v) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < v.length; i++) {
            run = i > 0 && v[i] > v[i - 1] ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }

    public static long knapsack(int[] weights, int[] values, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0");
        }
        long[] best = new long[capacity + 1];
        for (int i = 0; i < weights.length && i < values.length; i++) {
            int w = weights[i];
            if (w <= 0) {
                continue;
            }
            for (int c = capacity; c >= w; c--) {
                best[c] = Math.max(best[c], best[c - w] + values[i]);
            }
        }
        return best[capacity];
    }

    public static long fibonacci(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < Math.min(n, 92); i++) {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    // ---- image kernels -----------------------------------------------------------------------------------------------

    public static void grayscale(int[] argb, byte[] gray) {
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            gray[i] = (byte) ((r * 77 + g * 150 + b * 29) >> 8);
        }
    }

    public static void threshold(byte[] pixels, int level) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (pixels[i] & 0xFF) >= level ? (byte) 255 : 0;
        }
    }

    public static void invert(int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            argb[i] = argb[i] ^ 0x00FFFFFF;
        }
    }

    public static long sumOfAbsoluteDifferences(byte[] a, byte[] b) {
        long s = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            s += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return s;
    }

    public static void transpose(int[] src, int[] dst, int width, int height) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                dst[x * height + y] = src[y * width + x];
            }
        }
    }

    public static void convolve3(float[] in, float[] out, float k0, float k1, float k2) {
        for (int i = 1; i + 1 < in.length; i++) {
            out[i] = k0 * in[i - 1] + k1 * in[i] + k2 * in[i + 1];
        }
    }

    // ---- small helpers of every primitive type ----------------------------------------------------------------------

    public static boolean xor(boolean a, boolean b) {
        return a ^ b;
    }

    public static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    public static byte clampToByte(int v) {
        return (byte) Math.max(-128, Math.min(127, v));
    }

    public static short saturatingAdd(short a, short b) {
        int s = a + b;
        return (short) (s > Short.MAX_VALUE ? Short.MAX_VALUE : s < Short.MIN_VALUE ? Short.MIN_VALUE : s);
    }

    public static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    public static double hypotenuse(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }

    public static int signumSum(int a, long b, float c, double d) {
        return Integer.signum(a) + Long.signum(b) + (int) Math.signum(c) + (int) Math.signum(d);
    }

    public static boolean anyNaN(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }

    public static int dayOfWeekIndex(int day) {
        switch (day) {
            case 1:
                return 10;
            case 2:
                return 20;
            case 5:
                return 50;
            case 100:
                return 1000;
            case -7:
                return -70;
            default:
                return 0;
        }
    }

    public static int countMatches(int[] a, int[] b) {
        int n = 0;
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    public static int[] reversed(int[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[v.length - 1 - i] = v[i];
        }
        return r;
    }

    public static double[] window(double[] v, int from, int to) {
        return Arrays.copyOfRange(v, from, to);
    }

    public static void fillRange(long[] v, int from, int to, long x) {
        Arrays.fill(v, from, to, x);
    }

    public static boolean sameInts(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }

    public static int[] newArrayOf(int n) {
        return new int[n];
    }

    public static void shiftLeft(int[] v, int k) {
        System.arraycopy(v, k, v, 0, v.length - k);
    }

    public static void sortFloats(float[] v) {
        Arrays.sort(v);
    }

    // ---- expected refusals when written (outside the subset then; lcsLength translates since rows may move) ----------

    public static String repeatChar(char c, int n) {
        StringBuilder sb = new StringBuilder();
        // bounded: with n = Integer.MAX_VALUE the Java original appends for a minute before running out of memory
        for (int i = 0; i < Math.min(n, 100_000); i++) {
            sb.append(c);
        }
        return sb.toString();
    }

    public static long factorialRecursive(int n) {
        return n <= 1 ? 1 : n * factorialRecursive(n - 1);
    }

    public static int safeDivide(int a, int b) {
        try {
            return a / b;
        } catch (ArithmeticException e) {
            return 0;
        }
    }

    public static int lcsLength(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    public static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    // ---- added with lookup tables, null checks and recursion (written for those features, counted apart) ------------

    private static final char[] HEX_DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final byte[] DECODE = {
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 62, -1, -1, -1, 63, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, -1, -1,
        -1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1,
        -1, -1, -1, -1, -1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51};
    private static final double[] WEIGHTS = {0.25, 0.5, 0.25};

    public static char[] hexEncode(byte[] data) {
        char[] out = new char[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = HEX_DIGITS[(data[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX_DIGITS[data[i] & 0xF];
        }
        return out;
    }

    public static boolean isBase64(byte octet) {
        return octet == '=' || (octet >= 0 && octet < DECODE.length && DECODE[octet] != -1);
    }

    public static double[] smooth3(double[] v) {
        double[] out = new double[v.length];
        for (int i = 1; i + 1 < v.length; i++) {
            double s = 0;
            for (int k = 0; k < WEIGHTS.length; k++) {
                s += WEIGHTS[k] * v[i - 1 + k];
            }
            out[i] = s;
        }
        return out;
    }

    public static byte[] reversedOrNull(byte[] in) {
        if (in == null) {
            return null;
        }
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    public static int checkedMax(int[] values) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("values must not be empty");
        }
        int m = values[0];
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    public static long requiredSum(long[] values) {
        java.util.Objects.requireNonNull(values, "values");
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    public static int gcdRecursive(int a, int b) {
        return b == 0 ? a : gcdRecursive(b, a % b);
    }

    public static int binarySearchRecursive(int[] a, int key) {
        return search(a, key, 0, a.length - 1);
    }

    private static int search(int[] a, int key, int lo, int hi) {
        if (lo > hi) {
            return -(lo + 1);
        }
        int mid = (lo + hi) >>> 1;
        if (a[mid] < key) {
            return search(a, key, mid + 1, hi);
        } else if (a[mid] > key) {
            return search(a, key, lo, mid - 1);
        }
        return mid;
    }

    public static void mergeSort(int[] a) {
        int[] tmp = new int[a.length];
        mergeSortRange(a, tmp, 0, a.length);
    }

    private static void mergeSortRange(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSortRange(a, tmp, lo, mid);
        mergeSortRange(a, tmp, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }

    public static long sumDigitsRecursive(long n) {
        return n == 0 ? 0 : Math.abs(n % 10) + sumDigitsRecursive(n / 10);
    }

    public static int ackermannSmall(int m, int n) {
        if (m <= 0) {
            return n + 1;
        }
        if (n <= 0) {
            return ackermannSmall(m - 1, 1);
        }
        return m > 3 ? -1 : ackermannSmall(m - 1, ackermannSmall(m, n - 1));
    }

    public static boolean isEvenMutual(int n) {
        return n == 0 || (n > 0 ? isOddMutual(n - 1) : isOddMutual(n + 1));
    }

    private static boolean isOddMutual(int n) {
        return n != 0 && (n > 0 ? isEvenMutual(n - 1) : isEvenMutual(n + 1));
    }

    // ---- added with try/catch (written for it, counted apart) -------------------------------------------------------

    public static int safeGet(int[] a, int i) {
        try {
            return a[i];
        } catch (ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    public static int divideAll(int[] a, int d) {
        int failures = 0;
        int steps = 0;
        for (int i = 0; i < a.length; i++) {
            try {
                a[i] = a[i] / d;
            } catch (ArithmeticException e) {
                failures++;
            } finally {
                steps++;
            }
        }
        return failures * 1000 + steps;
    }

    public static long checkedProduct(long[] v) {
        long p = 1;
        try {
            for (long x : v) {
                p = Math.multiplyExact(p, x);
            }
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE;
        }
        return p;
    }

    public static int firstNegativeIndex(int[] a, int from) {
        try {
            for (int i = from; ; i++) {
                if (a[i] < 0) {
                    return i;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    public static int rethrowsOthers(int[] a, int i, int d) {
        try {
            return a[i] / d;
        } catch (ArithmeticException e) {
            throw e;
        }
    }

    // ---- added with loop versioning: clamped neighbour access (written for it, counted apart) -------------------------

    public static double[] smoothClamped(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[Math.max(i - 1, 0)] + a[i] + a[Math.min(i + 1, a.length - 1)]) / 3.0;
        }
        return out;
    }

    public static void smooth5Floats(float[] a, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            int l2 = Math.max(0, i - 2);
            int r2 = Math.min(n - 1, i + 2);
            out[i] = (a[l2] + a[Math.max(i - 1, 0)] + a[i] + a[Math.min(i + 1, n - 1)] + a[r2]) * 0.2f;
        }
    }

    public static int[] laplace3x3(int[] img, int w, int h) {
        int[] out = new int[img.length];
        for (int y = 0; y < h; y++) {
            int up = Math.max(y - 1, 0) * w;
            int mid = y * w;
            int down = Math.min(y + 1, h - 1) * w;
            for (int x = 0; x < w; x++) {
                int l = Math.max(x - 1, 0);
                int r = Math.min(x + 1, w - 1);
                out[mid + x] = 4 * img[mid + x] - img[up + x] - img[down + x] - img[mid + l] - img[mid + r];
            }
        }
        return out;
    }

    public static double[] rowMax3(double[] img, int w, int h, int offset) {
        double[] out = new double[img.length];
        for (int y = 0; y < h; y++) {
            int up = Math.max(y - 1, 0) * w + offset;
            int mid = y * w + offset;
            int down = Math.min(y + 1, h - 1) * w + offset;
            for (int x = 0; x < w; x++) {
                int l = Math.max(x - 1, 0);
                int r = Math.min(x + 1, w - 1);
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 3; k++) {
                    int base = k == 0 ? up : k == 1 ? mid : down;
                    m = Math.max(m, Math.max(img[base + l], Math.max(img[base + x], img[base + r])));
                }
                out[y * w + x] = m;
            }
        }
        return out;
    }

    public static long[] windowSums(long[] prefix, int k) {
        long[] out = new long[Math.max(prefix.length - 1, 0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = prefix[i + 1] - prefix[Math.max(i + 1 - k, 0)];
        }
        return out;
    }

    public static int firstDip(int[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            int prev = a[Math.max(i - 1, from)];
            int next = a[Math.min(i + 1, to - 1)];
            if (a[i] < prev && a[i] < next) {
                return i;
            }
        }
        return -1;
    }

    public static void blurBytes(byte[] src, byte[] dst, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = (byte) ((src[Math.max(i - 1, 0)] + 2 * src[i] + src[Math.min(i + 1, n - 1)] + 2) >> 2);
        }
    }

    // ---- added with Character's Unicode tables (written for them, counted apart) --------------------------------------

    /**
     * Every Character table over a range of ints (clamped to a little beyond the code points, so the edge inputs
     * MIN_VALUE..MAX_VALUE cover all of Unicode and the ints on both sides of it), folded into one hash.
     */
    public static long characterClasses(int from, int to) {
        long h = 1469598103934665603L;
        int lo = Math.max(from, -3);
        int hi = Math.min(to, Character.MAX_CODE_POINT + 3);
        for (int c = lo; c < hi; c++) {
            int bits = (Character.isDigit(c) ? 1 : 0) | (Character.isLetter(c) ? 2 : 0) | (Character.isLetterOrDigit(c) ? 4 : 0)
                    | (Character.isAlphabetic(c) ? 8 : 0) | (Character.isUpperCase(c) ? 16 : 0) | (Character.isLowerCase(c) ? 32 : 0)
                    | (Character.isTitleCase(c) ? 64 : 0) | (Character.isSpaceChar(c) ? 128 : 0) | (Character.isDefined(c) ? 256 : 0)
                    | (Character.isJavaIdentifierStart(c) ? 512 : 0) | (Character.isJavaIdentifierPart(c) ? 1024 : 0)
                    | (Character.isISOControl(c) ? 2048 : 0);
            h = (h ^ bits) * 1099511628211L;
            h = (h ^ Character.getType(c)) * 1099511628211L;
            h = (h ^ Character.getNumericValue(c)) * 1099511628211L;
            h = (h ^ Character.toUpperCase(c)) * 1099511628211L;
            h = (h ^ Character.toLowerCase(c)) * 1099511628211L;
            h = (h ^ Character.toTitleCase(c)) * 1099511628211L;
            for (int radix = 1; radix <= 37; radix += 9) {
                h = (h ^ Character.digit(c, radix)) * 1099511628211L;
            }
        }
        return h;
    }

    /** The char forms over every UTF-16 code unit in a range (clamped to 0..0xFFFF). */
    public static long charClasses(int from, int to) {
        long h = 7;
        for (int i = Math.max(from, 0); i < Math.min(to, 0x10000); i++) {
            char c = (char) i;
            h = h * 31 + Character.toUpperCase(c) + 3L * Character.toLowerCase(c) + 5L * Character.toTitleCase(c)
                    + (Character.isLetter(c) ? 11 : 0) + (Character.isDigit(c) ? 13 : 0) + 17L * Character.digit(c, 16)
                    + 19L * Character.getNumericValue(c) + (Character.isWhitespace(c) ? 23 : 0);
        }
        return h;
    }

    /** A word count of the kind tokenizers do: letters and digits of every script make words. */
    public static int unicodeWordCount(String s) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean part = Character.isLetterOrDigit(cp) || cp == '_';
            if (part && !in) {
                words++;
            }
            in = part;
            i += Character.charCount(cp);
        }
        return words;
    }

    /** Parses an unsigned number in a radix, Unicode digits included, -1 on a bad digit or overflow. */
    public static long parseDigits(String s, int radix) {
        if (s.isEmpty()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            v = v * radix + d;
            if (v < 0) {
                return -1;
            }
        }
        return v;
    }

    /** Title-cases the words of a char array in place and returns how many chars changed. */
    public static int titleCaseWords(char[] text) {
        int changed = 0;
        boolean start = true;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            char t = start ? Character.toTitleCase(c) : Character.toLowerCase(c);
            if (t != c) {
                text[i] = t;
                changed++;
            }
            start = !Character.isLetter(c);
        }
        return changed;
    }

    // ---- added with String.getBytes of a standard charset (written for it, counted apart) -----------------------------

    public static int encodedUtf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** FNV-1a over the UTF-8 bytes, through an application method that takes the array (fnv1a above). */
    public static int fnvUtf8(String s) {
        return fnv1a(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The encoded bytes of the three one-byte-or-more standard charsets, folded together. */
    public static long charsetBytes(String s) {
        byte[] ascii = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] latin1 = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long h = ascii.length * 31L + latin1.length * 961L + utf8.length;
        for (byte b : ascii) {
            h = h * 131 + b;
        }
        for (byte b : latin1) {
            h = h * 137 + b;
        }
        for (byte b : utf8) {
            h = h * 139 + b;
        }
        return h;
    }

    /** The UTF-8 bytes themselves, a new array returned. */
    public static byte[] utf8Bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- added with String results and the String methods that make them (written for them, counted apart) -----------

    private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    public static String hexString(byte[] data) {
        char[] out = new char[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = HEX[(data[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[data[i] & 0xF];
        }
        return new String(out);
    }

    public static String reversedUnits(String s) {
        char[] c = s.toCharArray();
        for (int i = 0, j = c.length - 1; i < j; i++, j--) {
            char t = c[i];
            c[i] = c[j];
            c[j] = t;
        }
        return String.valueOf(c);
    }

    public static String caesar(String s, int shift) {
        char[] out = new char[s.length()];
        int k = Math.floorMod(shift, 26);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + k) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + k) % 26);
            }
            out[i] = c;
        }
        return new String(out);
    }

    public static String middle(String s, int from, int to) {
        return s.substring(from, to);
    }

    public static String tailFrom(String s, int from) {
        return s.substring(from);
    }

    public static String trimmedBoth(String s) {
        return s.trim().concat(s.strip());
    }

    /** Every searching method of String on one pair of strings, folded into a long. */
    public static long searches(String s, String t, int from) {
        long h = s.indexOf(t, from);
        h = h * 31 + s.indexOf(t);
        h = h * 31 + (s.contains(t) ? 1 : 0);
        h = h * 31 + (s.startsWith(t, from) ? 1 : 0);
        h = h * 31 + (s.startsWith(t) ? 1 : 0);
        h = h * 31 + (s.endsWith(t) ? 1 : 0);
        h = h * 31 + s.compareTo(t);
        h = h * 31 + s.hashCode();
        h = h * 31 + (s.isBlank() ? 1 : 0);
        h = h * 31 + s.indexOf('a');
        h = h * 31 + s.indexOf(0x1F600, from);
        h = h * 31 + s.indexOf(from);
        h = h * 31 + s.lastIndexOf('a');
        h = h * 31 + s.lastIndexOf(0x1F600, from);
        h = h * 31 + s.lastIndexOf(0xD83D);
        h = h * 31 + s.lastIndexOf('x', from);
        return h;
    }

    public static String numberText(int a, long b, boolean z, char c) {
        return String.valueOf(a).concat(Long.toString(b)).concat(String.valueOf(z)).concat(String.valueOf(c))
                .concat(Integer.toString(a)).concat(Character.toString(c)).concat(String.valueOf(b));
    }

    public static String rangeText(char[] cs, int off, int n) {
        return new String(cs, off, n).concat(String.copyValueOf(cs)).concat(String.valueOf(cs, 0, cs.length));
    }

    public static String swapChars(String s, char a, char b) {
        return s.replace(a, b);
    }

    public static String copied(String s) {
        return new String(s);
    }

    public static String firstNonEmpty(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return a;
    }

    /** A String made by a called method, used and returned. */
    public static String bracketTwice(String s) {
        String once = bracket(s);
        return bracket(once).concat(String.valueOf(once.length()));
    }

    private static String bracket(String s) {
        char[] out = new char[s.length() + 2];
        out[0] = '[';
        for (int i = 0; i < s.length(); i++) {
            out[i + 1] = s.charAt(i);
        }
        out[out.length - 1] = ']';
        return new String(out);
    }

    // ---- added with StringBuilder and exact string concatenation (written for them, counted apart) ------------------

    public static String joinInts(int[] a) {
        StringBuilder sb = new StringBuilder(a.length * 4);
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(a[i]);
        }
        return sb.toString();
    }

    public static String reversedText(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    public static String labelled(int n, long m, boolean z, char c, String s) {
        return "n=" + n + ", m=" + m + ", z=" + z + ", c=" + c + ", s=" + s + ".";
    }

    public static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String editBuilder(String s, int i) {
        StringBuilder sb = new StringBuilder(s);
        sb.setCharAt(i, 'x');
        sb.deleteCharAt(0);
        sb.insert(1, 'y');
        sb.insert(0, "ab");
        sb.setLength(sb.length() + 2);
        sb.appendCodePoint(0x1F600);
        sb.appendCodePoint(i);
        sb.append(true).append(-7L).append(new char[] {'q', 'r'}).append(new char[] {'s', 't', 'u'}, 1, 2);
        return sb.toString().concat(String.valueOf(sb.indexOf("y"))).concat(String.valueOf(sb.charAt(2)))
                .concat(String.valueOf(sb.isEmpty()));
    }

    public static String runLength(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int n = 1;
            while (i + n < s.length() && s.charAt(i + n) == c) {
                n++;
            }
            sb.append(n).append(c);
            i += n;
        }
        return sb.toString();
    }

    public static String withCapacity(int n, String s) {
        StringBuilder sb = new StringBuilder(n);
        sb.append(s).append(n);
        StringBuilder other = new StringBuilder("<");
        other.append(sb).append('>');
        return other.toString();
    }

    public static int checkedMessage(int a, int b) {
        if (b == 0) {
            throw new IllegalArgumentException("cannot divide " + a + " by zero (b=" + b + ")");
        }
        return a / b;
    }

    // ---- added with Integer.parseInt and Long.parseLong (written for them, counted apart) -----------------------------

    /** Sums the comma-separated integers of a line; NumberFormatException on a bad field, as Java. */
    public static long sumFields(String line) {
        long sum = 0;
        int start = 0;
        while (start <= line.length()) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            sum += Integer.parseInt(line.substring(start, end).trim());
            start = end + 1;
        }
        return sum;
    }

    public static long parseBoth(String s, int radix) {
        // radix 10 for 0, and every radix from 2 to 36 for some int (the edge values alone would be 0, 1, -1, MIN, MAX)
        int r = 2 + Math.floorMod(radix + 8, 35);
        return Long.parseLong(s, r) * 31 + Integer.parseInt(s, r) + (radix == 1 ? Integer.parseInt(s, radix) : 0);
    }

    public static long parseOrMinusOne(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- added with Guava's Preconditions (written for them, counted apart) -----------------------------------------

    public static int guardedSum(int[] a, int from, int to) {
        com.google.common.base.Preconditions.checkNotNull(a, "a");
        com.google.common.base.Preconditions.checkPositionIndexes(from, to, a.length);
        int s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    public static int elementAt(int[] a, int i) {
        com.google.common.base.Preconditions.checkElementIndex(i, a.length, "slot");
        return a[i];
    }

    public static int positionOf(int[] a, int i, int size) {
        return com.google.common.base.Preconditions.checkPositionIndex(i, size) + com.google.common.base.Preconditions.checkElementIndex(0, a.length + 1);
    }

    public static long scaled(long x, int k, char unit) {
        com.google.common.base.Preconditions.checkArgument(k > 0, "k (%s) must be positive, x = %s", k, x);
        com.google.common.base.Preconditions.checkState(x != Long.MIN_VALUE, "x is MIN");
        com.google.common.base.Preconditions.checkArgument(unit != '?');
        com.google.common.base.Preconditions.checkArgument(unit != '!', "unit %s", unit);
        return x * k;
    }

    public static int checkedName(String name, int n) {
        com.google.common.base.Preconditions.checkArgument(!name.isEmpty(), "empty name, n = %s", n);
        com.google.common.base.Preconditions.checkState(n < 100, "too many for %s: %s", name, n);
        return name.length() + n;
    }

    // ---- added with integer formatting in a radix and the small compare helpers (written for them, counted apart) ----

    public static String radixTexts(int i, long l, int radix) {
        return Integer.toHexString(i).concat(Integer.toOctalString(i)).concat(Integer.toBinaryString(i))
                .concat(Long.toHexString(l)).concat(Long.toOctalString(l)).concat(Long.toBinaryString(l))
                .concat(Integer.toString(i, radix)).concat(Long.toString(l, radix)).concat(Long.toString(l, 2 + Math.floorMod(radix, 35)));
    }

    public static String digitsOf(long v, int radix) {
        int r = 2 + Math.floorMod(radix, 35);
        char[] out = new char[64];
        int n = 0;
        long u = v;
        do {
            out[63 - n++] = Character.forDigit((int) Long.remainderUnsigned(u, r), r);
            u = Long.divideUnsigned(u, r);
        } while (u != 0);
        return new String(out, 64 - n, n).concat(String.valueOf(Character.forDigit(radix, r))).concat(String.valueOf(Character.forDigit(r - 1, radix)));
    }

    public static int smallCompares(char a, char b, short c, short d, byte e, byte f, boolean g, boolean h) {
        return Character.compare(a, b) * 7 + Short.compare(c, d) * 5 + Byte.compare(e, f) * 3 + Boolean.compare(g, h)
                + Byte.toUnsignedInt(e) + Short.toUnsignedInt(c) + (int) Byte.toUnsignedLong(f) + (int) Short.toUnsignedLong(d);
    }

    // ---- added with returning a conditional choice of arrays or strings (written for it, counted apart) --------------

    public static int[] grownCopy(int[] a, int min) {
        return a.length < min ? java.util.Arrays.copyOf(a, Math.min(min, 4096)) : a; // bounded: copyOf(a, MAX_VALUE) takes Java seconds to fail
    }

    public static String longerOf(String a, String b) {
        return a.length() >= b.length() ? a : b;
    }

    public static char[] pick(char[] a, char[] b, boolean first) {
        return first ? a : b;
    }

    public static String labelOrDigits(int n) {
        return n < 0 ? "negative" : n == 0 ? "zero" : Integer.toString(n);
    }

    // ---- added with variables that take turns holding arrays (written for them, counted apart) ----------------------

    public static int editDistanceSwapped(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    public static long[] pascalRow(int n) {
        long[] row = {1};
        for (int i = 0; i < Math.min(n, 70); i++) {
            long[] next = new long[row.length + 1];
            next[0] = 1;
            for (int k = 1; k < row.length; k++) {
                next[k] = row[k - 1] + row[k];
            }
            next[row.length] = 1;
            row = next;
        }
        return row;
    }

    public static int[] primesBelow(int limit) {
        int[] out = new int[4];
        int n = 0;
        for (int c = 2; c < Math.min(limit, 20_000); c++) {
            boolean prime = true;
            for (int d = 2; d * d <= c; d++) {
                if (c % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    public static double[] smoothPasses(double[] x, int passes) {
        double[] a = x.clone();
        double[] b = new double[x.length];
        for (int p = 0; p < Math.min(passes, 16); p++) {
            for (int i = 0; i < a.length; i++) {
                double l = a[Math.max(i - 1, 0)];
                double r = a[Math.min(i + 1, a.length - 1)];
                b[i] = (l + 2 * a[i] + r) * 0.25;
            }
            double[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    public static int longestCommonSubstring(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int best = 0;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return best;
    }

    public static byte[] runLengthEncode(byte[] in) {
        byte[] out = new byte[16];
        int n = 0;
        for (int i = 0; i < in.length; ) {
            int j = i;
            while (j < in.length && in[j] == in[i] && j - i < 255) {
                j++;
            }
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = (byte) (j - i);
            out[n++] = in[i];
            i = j;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    public static long gridPaths(int rows, int cols, long blockedMask) {
        int w = Math.max(0, Math.min(cols, 62));
        long[] above = new long[w];
        long[] row = new long[w];
        for (int r = 0; r < Math.max(0, Math.min(rows, 200)); r++) {
            for (int c = 0; c < w; c++) {
                if ((blockedMask >>> ((r * 7 + c) & 63) & 1) != 0 && r + c > 0) {
                    row[c] = 0;
                } else if (r == 0 && c == 0) {
                    row[c] = 1;
                } else {
                    row[c] = (r > 0 ? above[c] : 0) + (c > 0 ? row[c - 1] : 0);
                }
            }
            long[] t = above;
            above = row;
            row = t;
        }
        return w == 0 || rows <= 0 ? 0 : above[w - 1];
    }

    // ---- added with two-dimensional tables the method makes (written for them, counted apart) ----------------------

    public static int lcsTable(String a, String b) {
        int n = Math.min(a.length(), 300);
        int m = Math.min(b.length(), 300);
        int[][] dp = new int[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                dp[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
            }
        }
        return dp[n][m];
    }

    public static int knapsackTable(int[] weights, int[] values, int capacity) {
        int n = Math.min(Math.min(weights.length, values.length), 200);
        int cap = Math.max(0, Math.min(capacity, 1000));
        int[][] best = new int[n + 1][cap + 1];
        for (int i = 1; i <= n; i++) {
            int[] row = best[i];
            int[] prev = best[i - 1];
            int w = weights[i - 1];
            for (int c = 0; c <= cap; c++) {
                row[c] = prev[c];
                if (w >= 0 && w <= c) {
                    row[c] = Math.max(row[c], prev[c - w] + values[i - 1]);
                }
            }
        }
        return best[n][cap];
    }

    public static long gridWays(boolean[] blocked, int rows, int cols) {
        int r = Math.max(0, Math.min(rows, 64));
        int c = Math.max(0, Math.min(cols, 64));
        long[][] ways = new long[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                int k = i * c + j;
                if (k < blocked.length && blocked[k]) {
                    ways[i][j] = 0;
                } else if (i == 0 && j == 0) {
                    ways[i][j] = 1;
                } else {
                    ways[i][j] = (i > 0 ? ways[i - 1][j] : 0) + (j > 0 ? ways[i][j - 1] : 0);
                }
            }
        }
        return r == 0 || c == 0 ? 0 : ways[r - 1][c - 1];
    }

    public static double[] columnMeans(double[] values, int cols) {
        int c = Math.max(1, Math.min(cols, 16));
        int rows = values.length / c;
        double[][] t = new double[rows][c];
        for (int i = 0; i < rows * c; i++) {
            t[i / c][i % c] = values[i];
        }
        double[] means = new double[c];
        for (double[] row : t) {
            for (int j = 0; j < row.length; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < c; j++) {
            means[j] = rows == 0 ? 0 : means[j] / rows;
        }
        return means;
    }

    public static long matrixChainCost(int[] dims) {
        int n = Math.min(dims.length, 40) - 1;
        if (n < 1) {
            return 0;
        }
        long[][] m = new long[n][n];
        for (int len = 2; len <= n; len++) {
            for (int i = 0; i + len - 1 < n; i++) {
                int j = i + len - 1;
                m[i][j] = Long.MAX_VALUE;
                for (int k = i; k < j; k++) {
                    long cost = m[i][k] + m[k + 1][j] + (long) dims[i] * dims[k + 1] * dims[j + 1];
                    if (cost < m[i][j]) {
                        m[i][j] = cost;
                    }
                }
            }
        }
        return m[0][n - 1];
    }

    public static int tableCell(int rows, int cols, int i, int j) {
        int[][] t = new int[Math.min(rows, 500)][Math.min(cols, 500)];
        for (int y = 0; y < t.length; y++) {
            for (int x = 0; x < t[y].length; x++) {
                t[y][x] = y * 31 + x;
            }
        }
        t[i][j]++;
        return t[i][j] + t.length;
    }

    // ---- added with String variables that take turns holding Strings (written for them, counted apart) -------------

    public static String stripLeadingZeros(String s) {
        while (s.length() > 1 && s.charAt(0) == '0') {
            s = s.substring(1);
        }
        return s;
    }

    public static String caesarShift(String s, int shift) {
        String out = "";
        for (int i = 0; i < Math.min(s.length(), 200); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + Math.floorMod(c - 'a' + shift, 26));
            }
            out = out + c;
        }
        return out;
    }

    public static int longestWordLength(String text) {
        String best = "";
        String cur = "";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                cur = cur + c;
            } else {
                if (cur.length() > best.length()) {
                    best = cur;
                }
                cur = "";
            }
        }
        if (cur.length() > best.length()) {
            best = cur;
        }
        return best.length();
    }

    public static String commonPrefix3(String a, String b, String c) {
        String p = a;
        while (!b.startsWith(p) || !c.startsWith(p)) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    // ---- added with constant tables made from a string constant (written for them, counted apart) ------------------

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final byte[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public static String toHexUpper(byte[] data) {
        char[] out = new char[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = HEX_UPPER[(data[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX_UPPER[data[i] & 0xF];
        }
        return new String(out);
    }

    public static byte[] base64Encode(byte[] in) {
        byte[] out = new byte[(in.length + 2) / 3 * 4];
        int o = 0;
        for (int i = 0; i < in.length; i += 3) {
            int b0 = in[i] & 0xFF;
            int b1 = i + 1 < in.length ? in[i + 1] & 0xFF : 0;
            int b2 = i + 2 < in.length ? in[i + 2] & 0xFF : 0;
            out[o++] = B64[b0 >> 2];
            out[o++] = B64[((b0 & 3) << 4) | (b1 >> 4)];
            out[o++] = i + 1 < in.length ? B64[((b1 & 0xF) << 2) | (b2 >> 6)] : (byte) '=';
            out[o++] = i + 2 < in.length ? B64[b2 & 0x3F] : (byte) '=';
        }
        return out;
    }

    // ---- added with Short.parseShort and Byte.parseByte (written for them, counted apart) ---------------------------

    public static int shortPlusByte(String s, String b) {
        return Short.parseShort(s) + Byte.parseByte(b);
    }

    public static int narrowInRadix(String s, int radix, boolean asByte) {
        return asByte ? Byte.parseByte(s, radix) : Short.parseShort(s, radix);
    }

    // ---- added with Double.parseDouble and Float.parseFloat (written for them, counted apart) -----------------------

    public static long parseDoubleBits(String s) {
        return Double.doubleToRawLongBits(Double.parseDouble(s));
    }

    public static int parseFloatBits(String s) {
        return Float.floatToRawIntBits(Float.parseFloat(s));
    }

    public static double sumOfFields(String csv) {
        double sum = 0;
        int start = 0;
        for (int i = 0; i <= csv.length(); i++) {
            if (i == csv.length() || csv.charAt(i) == ',') {
                sum += Double.parseDouble(csv.substring(start, i));
                start = i + 1;
            }
        }
        return sum;
    }

    // ---- added with the JDK's text of float and double (written for it, counted apart) ------------------------------

    public static String doubleText(double d) {
        return String.valueOf(d);
    }

    public static String floatText(float f) {
        return Float.toString(f);
    }

    public static String describePoint(double x, float y, int n) {
        StringBuilder sb = new StringBuilder("p").append(n).append('=');
        sb.append(x).append(',').append(y);
        return sb + " |" + (x * y) + "|" + (float) x;
    }

    // ---- added with unchecked exceptions of the application (written for them, counted apart) -----------------------

    public static int parseDigitsStrict(String s) {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new CorpusInputException("not a digit '" + c + "'", i);
            }
            v = v * 10 + (c - '0');
        }
        if (s.isEmpty()) {
            throw new CorpusInputException("empty");
        }
        return v;
    }

    public static long checkedBudget(long used, double limit, boolean strict) {
        if (strict ? used > limit : used >= limit) {
            throw new CorpusInputException(used, limit, 'u', strict);
        }
        return (long) (limit - used);
    }

    public static int digitsOrMinusOne(String s) {
        try {
            return parseDigitsStrict(s);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    // ---- added with static final primitives <clinit> computes from constants (written for them, counted apart) ----

    private static final long SIGN_MASK = 0x8000000000000000L;
    private static final long POSITIVE_ZERO_BITS = Double.doubleToRawLongBits(+0.0);
    private static final long NEGATIVE_ZERO_BITS = Double.doubleToRawLongBits(-0.0);
    private static final double EPSILON = Double.longBitsToDouble((1023L - 53L) << 52);
    private static final int HALF_RANGE = Integer.highestOneBit(1000) * 3 - 1;
    private static final double ROOT_TWO = StrictMath.sqrt(2.0);

    public static boolean equalsWithinUlps(double x, double y, int maxUlps) {
        long xi = Double.doubleToRawLongBits(x);
        long yi = Double.doubleToRawLongBits(y);
        boolean equal;
        if (((xi ^ yi) & SIGN_MASK) == 0L) {
            equal = Math.abs(xi - yi) <= maxUlps;
        } else {
            long plus = xi < yi ? yi - POSITIVE_ZERO_BITS : xi - POSITIVE_ZERO_BITS;
            long minus = xi < yi ? xi - NEGATIVE_ZERO_BITS : yi - NEGATIVE_ZERO_BITS;
            equal = plus <= maxUlps && minus <= maxUlps - plus;
        }
        return equal && !Double.isNaN(x) && !Double.isNaN(y);
    }

    public static double scaledByConstants(double x, int k) {
        return x * EPSILON * ROOT_TWO + (k % HALF_RANGE);
    }

    // ---- added with library exceptions made from an enum pattern and Object... arguments (commons-math3's shape) ----

    public static int addChecked(int a, int b) {
        long s = (long) a + (long) b;
        if (s < Integer.MIN_VALUE || s > Integer.MAX_VALUE) {
            throw new CorpusMathException(CorpusFormats.OVERFLOW_IN_ADDITION, a, b);
        }
        return (int) s;
    }

    public static double weightedMean(double[] values, double[] weights) {
        if (values.length == 0) {
            throw new CorpusMathException(CorpusFormats.NO_DATA);
        }
        double sum = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            double w = weights[i];
            boolean positive = w > 0;
            if (!positive || Double.isInfinite(w)) {
                throw new CorpusMathException(CorpusFormats.BAD_WEIGHT, "w", i, w, positive, 'u', (long) i * 3, (float) w);
            }
            sum += values[i] * w;
            total += w;
        }
        return sum / total;
    }

    public static int addOrSaturate(int a, int b) {
        try {
            return addChecked(a, b);
        } catch (ArithmeticException e) {
            return a > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
    }

    // ---- added with Arrays.hashCode of primitive arrays ----

    public static int hashMix(int[] a, long[] b, double[] c, float[] d) {
        return java.util.Arrays.hashCode(a) * 31 + java.util.Arrays.hashCode(b) ^ java.util.Arrays.hashCode(c) * 7
                + java.util.Arrays.hashCode(d);
    }

    public static int hashSmall(char[] c, byte[] b, short[] s, boolean[] z) {
        return java.util.Arrays.hashCode(c) + 17 * java.util.Arrays.hashCode(b) - java.util.Arrays.hashCode(s)
                ^ java.util.Arrays.hashCode(z);
    }

    // ---- added with computed tables, null arguments of helpers, calls handed to Java, compared lengths ----

    public static double scalbBoth(double d, int n) {
        return Math.scalb(d, n);
    }

    public static float scalbFloat(float f, int n) {
        return Math.scalb(f, n);
    }

    public static int exponents(double d, float f) {
        return Math.getExponent(d) * 1000 + Math.getExponent(f);
    }

    private static final int[] CRC_TABLE = new int[256];
    private static final long[] POWERS_OF_3 = powersOf3();

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    private static long[] powersOf3() {
        long[] p = new long[40];
        p[0] = 1;
        for (int i = 1; i < p.length; i++) {
            p[i] = p[i - 1] * 3;
        }
        return p;
    }

    public static int crc32Table(byte[] data) {
        int c = ~0;
        for (byte b : data) {
            c = CRC_TABLE[(c ^ b) & 0xFF] ^ (c >>> 8);
        }
        return ~c;
    }

    public static long powerOf3(int i) {
        return POWERS_OF_3[i];
    }

    public static double halfPlusOne(double x) {
        return halfInto(x, null) + halfInto(-x, null);
    }

    /** FastMath.log's shape: the caller may pass an array for the result's parts. */
    private static double halfInto(double x, double[] parts) {
        double h = x * 0.5;
        if (parts != null) {
            parts[0] = h;
            parts[1] = x - h;
        }
        return h + 1;
    }

    /** commons-math3's MathArrays.equals: a null check after other work, with a computed result. */
    public static boolean sameOrBothNull(double[] x, double[] y) {
        if (x == null || y == null) {
            return !(x == null ^ y == null);
        }
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!(Double.doubleToLongBits(x[i]) == Double.doubleToLongBits(y[i]))) {
                return false;
            }
        }
        return true;
    }

    public static int peakBin(int[] histogram) {
        if (histogram.length != 256) {
            throw new IllegalArgumentException("histogram must have 256 bins, got " + histogram.length);
        }
        int best = 0;
        for (int i = 1; i < 256; i++) {
            if (histogram[i] > histogram[best]) {
                best = i;
            }
        }
        return best;
    }

    // ---- added with String.toUpperCase/toLowerCase (the wrapper hands Turkish, Azeri, Lithuanian and a sigma to Java) ----

    public static String shout(String s) {
        return s.toUpperCase() + "!";
    }

    public static boolean sameLettersIgnoringCase(String a, String b) {
        char[] x = a.toLowerCase().toCharArray();
        char[] y = b.toLowerCase().toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    public static String lowerRoot(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    public static int upperLengthEnglish(String s) {
        return s.toUpperCase(java.util.Locale.ENGLISH).length();
    }

    // ---- added with builders and Strings across conditional expressions, and a few JDK methods ----

    public static String comparisons(double a, double b, int d) {
        StringBuilder sb = new StringBuilder();
        sb.append(a).append(',').append(a == b).append(',').append(a < b ? "lt" : a > b ? "gt" : "eq-or-nan");
        sb.append(',').append((char) (d >= 0 && d < 10 ? '0' + d : '?'));
        sb.insert(0, d % 7).insert(1, a != a);
        return sb.toString();
    }

    public static String chosenPrefix(String s, boolean loud) {
        String p = s.isEmpty() ? "E:" : s.isBlank() ? "B:" : "";
        String t = loud ? s : p;
        return p + t.trim() + (loud ? "!" : s) + ":" + (s.length() - t.length());
    }

    public static int lastIndexes(String a, String b, int from) {
        return a.lastIndexOf(b) * 31 + a.lastIndexOf(b, from) + a.indexOf(b, from);
    }

    public static String unsignedTexts(int i, long l, int m) {
        return Integer.toUnsignedString(i) + "/" + Long.toUnsignedString(l) + "/" + Math.floorDiv(l, m) + "/" + Math.floorMod(l, m);
    }

    // ---- added with String tables of constants ----

    public static String roman(int num) {
        if (num <= 0 || num >= 4000) {
            throw new IllegalArgumentException("out of range: " + num);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (num >= values[i]) {
                sb.append(symbols[i]);
                num -= values[i];
            }
        }
        return sb.toString();
    }

    public static int monthLetters(int month, String s) {
        String[] names = {"January", "February", "M\u00e4rz", "\ud83d\ude00pril"};
        int n = 0;
        for (String name : names) {
            n += name.length() + (s.contains(name) ? 100 : 0);
        }
        return n * 31 + names[month].charAt(0) + names.length;
    }
}

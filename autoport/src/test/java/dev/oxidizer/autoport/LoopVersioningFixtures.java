package dev.oxidizer.autoport;

/** Loops with clamped neighbour indices; {@link LoopVersioningTest} runs them before and after {@link LoopVersioning}. */
final class LoopVersioningFixtures {
    private LoopVersioningFixtures() {
    }

    /** ImageFilter.boxBlur3x3's loops without its argument checks, so that bad sizes throw inside the loop. */
    static void blur(int[] src, int[] dst, int width, int height) {
        for (int y = 0; y < height; y++) {
            int up = Math.max(y - 1, 0) * width;
            int mid = y * width;
            int down = Math.min(y + 1, height - 1) * width;
            for (int x = 0; x < width; x++) {
                int left = Math.max(x - 1, 0);
                int right = Math.min(x + 1, width - 1);
                int a = 0;
                int r = 0;
                for (int row = 0; row < 3; row++) {
                    int base = row == 0 ? up : row == 1 ? mid : down;
                    int p0 = src[base + left];
                    int p1 = src[base + x];
                    int p2 = src[base + right];
                    a += (p0 >>> 24) + (p1 >>> 24) + (p2 >>> 24);
                    r += (p0 & 0xFF) + (p1 & 0xFF) + (p2 & 0xFF);
                }
                dst[mid + x] = ((a + 4) / 9) << 24 | ((r + 4) / 9);
            }
        }
    }

    /** lo and hi may lie outside [0, a.length): the split's bounds must still be exact. */
    static void smooth(double[] a, double[] out, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            out[i] = (a[Math.max(i - 1, 0)] + a[i] + a[Math.min(i + 1, a.length - 1)]) / 3.0;
        }
    }

    /** A clamped prefix window; k may be negative or huge (x - k wraps). */
    static void window(long[] prefix, long[] out, int k, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = prefix[i + 1] - prefix[Math.max(i + 1 - k, 0)];
        }
    }

    /** The clamp's arguments reversed, and an offset that may make the hoisted check fail or overflow. */
    static void reversed(float[] a, float[] out, int n, int off) {
        for (int i = 0; i < n; i++) {
            out[i] = a[Math.max(0, i - 2) + off] + a[i + off] + a[Math.min(n - 1, i + 2) + off];
        }
    }

    /** A return inside the split loop, and clamp bounds that are parameters. */
    static int firstDip(int[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            int prev = a[Math.max(i - 1, from)];
            int next = a[Math.min(i + 1, to - 1)];
            if (a[i] < prev && a[i] < next) {
                return i;
            }
        }
        return -1;
    }

    /** Values carried from one iteration to the next (long and double locals, an index of the previous x). */
    static double carried(double[] a, double[] out, int n) {
        double prev = 0;
        long count = 0;
        int last = 0;
        for (int i = 0; i < n; i++) {
            double cur = a[Math.max(i - 1, 0)] + a[Math.min(i + 1, n - 1)] + a[last];
            out[i] = cur - prev;
            prev = cur;
            count += i;
            last = i + 1;
        }
        return prev + count;
    }

    /** The clamps as javac's compare-and-select (conditional expressions). */
    static void ternary(int[] a, int[] out, int w) {
        for (int x = 0; x < w; x++) {
            int l = x > 0 ? x - 1 : 0;
            int r = x + 1 < w ? x + 1 : w - 1;
            out[x] = a[l] + 2 * a[x] + a[r];
        }
    }

    /** Borders handled by if statements, one of them the wrong way round for the split (its interior is the border). */
    static int borders(int[] a, int n, int k) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            int v = a[i];
            if (i >= 1) {
                v += a[i - 1];
            }
            if (i < n - 1) {
                v += a[i + 1];
            }
            if (i < k) {
                v ^= a[i + k];
            }
            s += v;
        }
        return s;
    }

    /** x written in the body: not a counted loop, left alone. */
    static int skips(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[Math.max(i - 1, 0)];
            if (a[i] < 0) {
                i++;
            }
        }
        return s;
    }
}

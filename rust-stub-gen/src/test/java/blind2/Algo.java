package blind2;

import java.util.Arrays;

/**
 * Array algorithms and dynamic programming.
 */
public final class Algo {

    private Algo() {
    }

    /** Sorts the array (at most 20000 elements) in place with insertion sort; returns the number of element shifts. */
    public static long insertionSort(int[] a) {
        if (a.length > 20_000) {
            throw new IllegalArgumentException("array too long for insertion sort: " + a.length);
        }
        long shifts = 0;
        for (int i = 1; i < a.length; i++) {
            int key = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > key) {
                a[j + 1] = a[j];
                j--;
                shifts++;
            }
            a[j + 1] = key;
        }
        return shifts;
    }

    /** Rotates right by k in place (negative k rotates left) using three reversals. */
    public static void rotate(int[] a, int k) {
        int n = a.length;
        if (n == 0) {
            return;
        }
        int r = Math.floorMod(k, n);
        reverse(a, 0, n - 1);
        reverse(a, 0, r - 1);
        reverse(a, r, n - 1);
    }

    private static void reverse(int[] a, int from, int to) {
        while (from < to) {
            int t = a[from];
            a[from++] = a[to];
            a[to--] = t;
        }
    }

    /** Lomuto partition of the whole array around the given pivot value; returns count of elements &lt; pivot. */
    public static int partition(int[] a, int pivot) {
        int store = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < pivot) {
                int t = a[i];
                a[i] = a[store];
                a[store] = t;
                store++;
            }
        }
        return store;
    }

    /** Dutch national flag: rearranges into &lt; pivot, == pivot, &gt; pivot; returns lt*65536 + (gt start). */
    public static long dutchFlag(int[] a, int pivot) {
        int lo = 0;
        int mid = 0;
        int hi = a.length - 1;
        while (mid <= hi) {
            if (a[mid] < pivot) {
                int t = a[lo];
                a[lo++] = a[mid];
                a[mid++] = t;
            } else if (a[mid] > pivot) {
                int t = a[hi];
                a[hi--] = a[mid];
                a[mid] = t;
            } else {
                mid++;
            }
        }
        return (long) lo * 65536 + (hi + 1);
    }

    /** Copies len elements within the array from src to dst (ranges may overlap) via System.arraycopy. */
    public static int[] shiftWithin(int[] a, int src, int dst, int len) {
        int[] copy = a.clone();
        System.arraycopy(copy, src, copy, dst, len);
        return copy;
    }

    /** Lower bound by hand: first index with a[i] &gt;= key in a sorted array (uses unsigned midpoint). */
    public static int lowerBound(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Prefix sums into a long[] of length n+1 (no int overflow). */
    public static long[] prefixSums(int[] a) {
        long[] p = new long[a.length + 1];
        for (int i = 0; i < a.length; i++) {
            p[i + 1] = p[i] + a[i];
        }
        return p;
    }

    /** Sum computed in int that throws IllegalStateException on overflow, reporting the index and partial sum. */
    public static int checkedSum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            int r = s + a[i];
            if (((s ^ r) & (a[i] ^ r)) < 0) {
                throw new IllegalStateException("overflow at index " + i + ": " + s + " + " + a[i]);
            }
            s = r;
        }
        return s;
    }

    /** Length of the longest common substring via a 2-D DP table (each string at most 2000 chars). */
    public static int longestCommonSubstring(String a, String b) {
        if (a.length() > 2000 || b.length() > 2000) {
            throw new IllegalArgumentException("strings too long: " + a.length() + ", " + b.length());
        }
        int[][] dp = new int[a.length() + 1][b.length() + 1];
        int best = 0;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    dp[i][j] = dp[i - 1][j - 1] + 1;
                    if (dp[i][j] > best) {
                        best = dp[i][j];
                    }
                }
            }
        }
        return best;
    }

    /** Minimum path sum moving right/down over a width x height grid given row-major; uses a 2-D long table. */
    public static long minPathSum(int[] grid, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height != grid.length) {
            throw new IllegalArgumentException("grid " + width + "x" + height + " does not match length " + grid.length);
        }
        long[][] dp = new long[height][width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                long v = grid[r * width + c];
                if (r == 0 && c == 0) {
                    dp[r][c] = v;
                } else if (r == 0) {
                    dp[r][c] = dp[r][c - 1] + v;
                } else if (c == 0) {
                    dp[r][c] = dp[r - 1][c] + v;
                } else {
                    dp[r][c] = Math.min(dp[r - 1][c], dp[r][c - 1]) + v;
                }
            }
        }
        return dp[height - 1][width - 1];
    }

    /** Number of ways to make amount (0..100000) from coins (each 1..100000), order-insensitive, wrapping long. */
    public static long coinChangeWays(int[] coins, int amount) {
        if (amount < 0 || amount > 100_000) {
            throw new IllegalArgumentException("amount out of range: " + amount);
        }
        long[] ways = new long[amount + 1];
        ways[0] = 1;
        for (int coin : coins) {
            if (coin <= 0 || coin > 100_000) {
                throw new IllegalArgumentException("invalid coin " + coin);
            }
            for (int v = coin; v <= amount; v++) {
                ways[v] += ways[v - coin];
            }
        }
        return ways[amount];
    }

    /** Sieve of Eratosthenes: number of primes &lt;= n (0 &lt;= n &lt;= 1,000,000). */
    public static int countPrimes(int n) {
        if (n < 0 || n > 1_000_000) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        if (n < 2) {
            return 0;
        }
        boolean[] composite = new boolean[n + 1];
        int count = 0;
        for (int i = 2; i <= n; i++) {
            if (composite[i]) {
                continue;
            }
            count++;
            for (long j = (long) i * i; j <= n; j += i) {
                composite[(int) j] = true;
            }
        }
        return count;
    }

    /**
     * Finds the first pair i &lt; j (among the first 3000 elements) with a[i] + a[j] == target in int
     * arithmetic (wrapping); skips zero entries, and jumps to the next i (labelled continue) when a[j] == a[i] &lt; 0;
     * stops with a labelled break. Returns i*65536+j or -1.
     */
    public static int findPairWrapping(int[] a, int target) {
        int n = Math.min(a.length, 3000);
        int found = -1;
        outer:
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (a[j] == 0) {
                    continue;
                }
                if (a[i] == a[j] && a[i] < 0) {
                    continue outer;
                }
                if (a[i] + a[j] == target) {
                    found = i * 65536 + j;
                    break outer;
                }
            }
        }
        return found;
    }

    /** Scores values with a fall-through int switch on (v &amp; 7), mixing +=, *=, -= and ^= in int arithmetic. */
    @SuppressWarnings("fallthrough")
    public static int fallThroughScore(int[] a) {
        int score = 0;
        for (int v : a) {
            switch (v & 7) {
                case 0:
                    score += 1;
                case 1:
                    score += 10;
                    break;
                case 2:
                case 3:
                    score *= 3;
                case 4:
                    score -= v;
                    break;
                case 5:
                    score ^= v;
                default:
                    score += 100;
            }
        }
        return score;
    }

    /**
     * Element-wise a[i] / b[i] and a[i] % b[i] into a result of a's length; division by zero gives
     * Integer.MIN_VALUE and missing b elements give -1 (exceptions caught inside the loop).
     */
    public static int[] safeDivide(int[] a, int[] b) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            try {
                out[i] = a[i] / b[i] + a[i] % b[i];
            } catch (ArithmeticException e) {
                out[i] = Integer.MIN_VALUE;
            } catch (ArrayIndexOutOfBoundsException e) {
                out[i] = -1;
            }
        }
        return out;
    }

    /** Stable merge sort of a long[] in place (recursive, log depth); returns the number of inversions. */
    public static long mergeSortCountInversions(long[] a) {
        long[] tmp = new long[a.length];
        return sortRange(a, tmp, 0, a.length);
    }

    private static long sortRange(long[] a, long[] tmp, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long inv = sortRange(a, tmp, from, mid) + sortRange(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (a[i] <= a[j]) {
                tmp[k++] = a[i++];
            } else {
                inv += mid - i;
                tmp[k++] = a[j++];
            }
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
        return inv;
    }

    /**
     * Fills a new array of length n (0..1,000,000) with fill, then overwrites [from, to) with -fill
     * (Arrays.fill range; bad ranges throw); returns the sum of arr[i] * (i % 3 - 1) as a long (do/while loop).
     */
    public static long fillAndSum(int n, int fill, int from, int to) {
        if (n < 0 || n > 1_000_000) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        int[] arr = new int[n];
        Arrays.fill(arr, fill);
        Arrays.fill(arr, from, to, -fill);
        long s = 0;
        int i = 0;
        do {
            if (i < n) {
                s += arr[i] * (long) (i % 3 - 1);
            }
            i++;
        } while (i < n);
        return s;
    }

}

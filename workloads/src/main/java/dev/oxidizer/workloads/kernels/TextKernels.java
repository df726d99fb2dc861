package dev.oxidizer.workloads.kernels;

/** Text kernels. */
public final class TextKernels {
    private TextKernels() {}

    /**
     * Levenshtein distance by dynamic programming over two 140-200 character strings (about 30 000 cells, tens of
     * microseconds of pure CPU per call), on 30 % of requests. Label: true candidate.
     */
    public static int editDistance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(prev[j] + 1, cur[j - 1] + 1);
                cur[j] = Math.min(best, prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}

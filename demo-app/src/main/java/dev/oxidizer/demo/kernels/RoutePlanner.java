package dev.oxidizer.demo.kernels;

/**
 * Delivery route planning: a nearest-neighbour tour improved by 2-opt. A decoy for the
 * {@code calls-per-day} rule: each call costs tens of milliseconds of pure CPU and the signature is
 * portable, but the demo only issues a re-plan request at t = 9 s and then every 15 s, which projects to
 * at most 9,600 calls per day (see docs/demo.md).
 *
 * <p>Thread-safe (no state).
 */
public final class RoutePlanner {

    /** Upper bound on 2-opt improvement passes, so the cost of one call is bounded. */
    static final int MAX_PASSES = 50;

    private RoutePlanner() {
    }

    /**
     * Plans a closed tour through all points, starting and ending at point 0: first the nearest-neighbour
     * tour (ties go to the lower index), then 2-opt passes (segment reversals that shorten the tour by more
     * than 1e-9) until a pass finds no improvement or {@value #MAX_PASSES} passes have run.
     *
     * @param xs x coordinates
     * @param ys y coordinates, same length as {@code xs}
     * @return the Euclidean length of the closed tour; 0 for fewer than two points
     * @throws IllegalArgumentException if the lengths differ or a coordinate is not finite
     * @throws NullPointerException     if an array is null
     */
    public static double planTour(double[] xs, double[] ys) {
        int n = xs.length;
        if (ys.length != n) {
            throw new IllegalArgumentException("xs and ys must have the same length, got " + n + " and " + ys.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("coordinates must be finite; point " + i + " is (" + xs[i] + ", " + ys[i] + ")");
            }
        }
        if (n < 2) {
            return 0.0;
        }
        int[] tour = nearestNeighbourTour(xs, ys);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean improved = false;
            for (int i = 0; i < n - 1; i++) {
                int a = tour[i];
                int b = tour[i + 1];
                for (int j = i + 2; j < n; j++) {
                    int c = tour[j];
                    int d = tour[(j + 1) % n];
                    if (d == a) {
                        continue;
                    }
                    double delta = dist(xs, ys, a, c) + dist(xs, ys, b, d) - dist(xs, ys, a, b) - dist(xs, ys, c, d);
                    if (delta < -1e-9) {
                        reverse(tour, i + 1, j);
                        b = tour[i + 1];
                        improved = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        double length = 0;
        for (int i = 0; i < n; i++) {
            length += dist(xs, ys, tour[i], tour[(i + 1) % n]);
        }
        return length;
    }

    private static int[] nearestNeighbourTour(double[] xs, double[] ys) {
        int n = xs.length;
        int[] tour = new int[n];
        boolean[] used = new boolean[n];
        used[0] = true;
        for (int k = 1; k < n; k++) {
            int from = tour[k - 1];
            int best = -1;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int p = 0; p < n; p++) {
                if (!used[p]) {
                    double d = dist(xs, ys, from, p);
                    if (d < bestDist) {
                        bestDist = d;
                        best = p;
                    }
                }
            }
            tour[k] = best;
            used[best] = true;
        }
        return tour;
    }

    private static void reverse(int[] tour, int from, int to) {
        while (from < to) {
            int t = tour[from];
            tour[from++] = tour[to];
            tour[to--] = t;
        }
    }

    private static double dist(double[] xs, double[] ys, int p, int q) {
        double dx = xs[p] - xs[q];
        double dy = ys[p] - ys[q];
        return Math.sqrt(dx * dx + dy * dy);
    }
}

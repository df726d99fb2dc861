package dev.oxidizer.workloads.libraries;

/** Own geometry. */
public final class Routes {
    private Routes() {}

    /**
     * For each of 220 points the index of its nearest other point, by brute force (48 180 squared distances, tens of
     * microseconds of pure CPU per call), on 15 % of requests. Label: true candidate.
     */
    public static int nearestNeighbours(double[] x, double[] y, int[] nearest) {
        int sum = 0;
        for (int i = 0; i < x.length; i++) {
            double best = Double.MAX_VALUE;
            int arg = -1;
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    double dx = x[i] - x[j];
                    double dy = y[i] - y[j];
                    double d = dx * dx + dy * dy;
                    if (d < best) {
                        best = d;
                        arg = j;
                    }
                }
            }
            nearest[i] = arg;
            sum += arg;
        }
        return sum;
    }
}

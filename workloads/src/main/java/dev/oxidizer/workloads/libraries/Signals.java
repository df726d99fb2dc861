package dev.oxidizer.workloads.libraries;

/** Own signal processing. */
public final class Signals {
    private Signals() {}

    /**
     * A weighted moving average over a 2 048-sample signal with a 49-tap triangular window (about 100 000 multiply-adds,
     * tens of microseconds of pure CPU per call), on 15 % of requests. Label: true candidate.
     */
    public static double smooth(double[] in, double[] out, int half) {
        double total = 0;
        for (int i = 0; i < in.length; i++) {
            double acc = 0;
            double weights = 0;
            for (int k = -half; k <= half; k++) {
                int j = i + k;
                if (j >= 0 && j < in.length) {
                    double w = half + 1 - Math.abs(k);
                    acc += w * in[j];
                    weights += w;
                }
            }
            out[i] = acc / weights;
            total += out[i];
        }
        return total;
    }
}

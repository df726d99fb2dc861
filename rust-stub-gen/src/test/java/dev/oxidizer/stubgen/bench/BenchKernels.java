package dev.oxidizer.stubgen.bench;

/** The methods the FFM overhead benchmark ports: a trivial scalar call and an array reduction. */
public final class BenchKernels {
    private BenchKernels() {}

    /** Trivial: the call itself dominates. */
    public static int add(int a, int b) {
        return a + b;
    }

    /** Reads an array: shows the cost of passing it (zero copy or copied). */
    public static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}

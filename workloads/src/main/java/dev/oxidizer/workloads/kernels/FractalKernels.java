package dev.oxidizer.workloads.kernels;

/** Numeric kernels. */
public final class FractalKernels {
    private FractalKernels() {}

    /**
     * Escape-time iteration counts of one 192-pixel row of the Mandelbrot set, up to 160 iterations per pixel (tens of
     * microseconds of pure double arithmetic per call), on 22 % of requests. Label: true candidate.
     */
    public static int escapeRow(double y, int width, int maxIter, int[] out) {
        int total = 0;
        for (int px = 0; px < width; px++) {
            double x0 = -2.2 + 3.2 * px / width;
            double x = 0;
            double yy = 0;
            int it = 0;
            while (it < maxIter && x * x + yy * yy <= 4) {
                double xt = x * x - yy * yy + x0;
                yy = 2 * x * yy + y;
                x = xt;
                it++;
            }
            out[px] = it;
            total += it;
        }
        return total;
    }
}

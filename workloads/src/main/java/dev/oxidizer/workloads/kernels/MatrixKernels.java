package dev.oxidizer.workloads.kernels;

/** Dense linear algebra. */
public final class MatrixKernels {
    private MatrixKernels() {}

    /**
     * c = a x b for 36 x 36 row-major matrices (46 656 multiply-adds, tens of microseconds per call), on 22 % of
     * requests. Label: true candidate.
     */
    public static void multiply(double[] a, double[] b, double[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }
}

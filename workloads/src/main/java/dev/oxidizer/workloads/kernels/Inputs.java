package dev.oxidizer.workloads.kernels;

import java.util.SplittableRandom;

/** Request inputs. Not labelled. */
final class Inputs {
    private Inputs() {}

    static String text(SplittableRandom random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('a' + random.nextInt(8));
        }
        return new String(c);
    }

    static double[] doubles(SplittableRandom random, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = random.nextDouble();
        }
        return d;
    }
}

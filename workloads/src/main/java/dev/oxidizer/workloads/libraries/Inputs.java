package dev.oxidizer.workloads.libraries;

import java.util.SplittableRandom;

/** Request inputs, made once. Not labelled. */
final class Inputs {
    private Inputs() {}

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** Text-like bytes that compress (a small alphabet with repeats). */
    static byte[] compressible(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = i > 16 && r.nextInt(4) == 0 ? b[i - 1 - r.nextInt(16)] : (byte) ('a' + r.nextInt(20));
        }
        return b;
    }

    static String words(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            sb.append(r.nextInt(4) == 0 ? ' ' : (char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** {@code n} decimal prices, comma-separated. */
    static String prices(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(r.nextDouble() * 10_000);
        }
        return sb.toString();
    }

    static double[] doubles(SplittableRandom r, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sin(i / 17.0) + r.nextDouble() * 0.3;
        }
        return d;
    }
}

package dev.oxidizer.workloads.libraries;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/** Signal analytics through Apache Commons Math. */
public final class Analytics {
    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);

    private Analytics() {}

    /** The strongest frequency of a 2 048-sample signal by commons-math3's FFT. Label: library. */
    public static long spectrumPeak(double[] signal) {
        Complex[] spectrum = FFT.transform(signal, TransformType.FORWARD);
        int best = 1;
        for (int i = 2; i < spectrum.length / 2; i++) {
            if (spectrum[i].abs() > spectrum[best].abs()) {
                best = i;
            }
        }
        return best;
    }
}

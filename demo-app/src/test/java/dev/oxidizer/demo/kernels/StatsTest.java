package dev.oxidizer.demo.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsTest {

    @Test
    void summarizesOneToTenWithNearestRankPercentiles() {
        double[] samples = {7, 3, 10, 1, 9, 2, 8, 4, 6, 5};
        double[] out = new double[7];
        assertEquals(10, Stats.summarize(samples, out));
        // p50 = v[ceil(5)-1] = 5, p90 = v[9-1] = 9, p99 = v[ceil(9.9)-1] = 10; stddev = sqrt(8.25)
        assertArrayEquals(new double[] {1, 5, 9, 10, 10, 5.5, Math.sqrt(8.25)}, out, 1e-12);
    }

    @Test
    void doesNotModifyTheInput() {
        double[] samples = {3, 1, 2};
        Stats.summarize(samples, new double[7]);
        assertArrayEquals(new double[] {3, 1, 2}, samples);
    }

    @Test
    void singleValueHasZeroDeviation() {
        double[] out = new double[7];
        assertEquals(1, Stats.summarize(new double[] {4.5}, out));
        assertArrayEquals(new double[] {4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 0.0}, out);
    }

    @Test
    void nanAndInfinitiesAreIgnored() {
        double[] out = new double[7];
        assertEquals(2, Stats.summarize(new double[] {Double.NaN, 2, Double.POSITIVE_INFINITY, 4, Double.NEGATIVE_INFINITY}, out));
        assertArrayEquals(new double[] {2, 2, 4, 4, 4, 3, 1}, out);
    }

    @Test
    void emptyOrAllNanGivesNanOutputsAndZeroCount() {
        double[] out = new double[8];
        out[7] = 42;
        assertEquals(0, Stats.summarize(new double[0], out));
        for (int i = 0; i < 7; i++) {
            assertEquals(Double.NaN, out[i]);
        }
        assertEquals(42, out[7], "entries past index 6 are left alone");
        assertEquals(0, Stats.summarize(new double[] {Double.NaN}, out));
    }

    @Test
    void negativeZeroSortsBeforePositiveZero() {
        double[] out = new double[7];
        Stats.summarize(new double[] {0.0, -0.0}, out);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(out[Stats.MIN]));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(out[Stats.MAX]));
    }

    @Test
    void percentilesOfAHundredValues() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        double[] out = new double[7];
        Stats.summarize(samples, out);
        assertEquals(50, out[Stats.P50]);
        assertEquals(90, out[Stats.P90]);
        assertEquals(99, out[Stats.P99]);
    }

    @Test
    void shortOutputArrayIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stats.summarize(new double[] {1}, new double[6]));
        assertEquals("out must have length >= 7, got 6", e.getMessage());
    }
}

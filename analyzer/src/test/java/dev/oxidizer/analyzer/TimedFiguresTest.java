package dev.oxidizer.analyzer;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one-walk latency figures equal HdrHistogram's own getMean and getValueAtPercentile, value for value. */
class TimedFiguresTest {

    @Test
    void oneWalkGivesHdrHistogramsOwnMeanAndPercentiles() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            Histogram h = new Histogram(3);
            h.setAutoResize(true);
            int n = 1 + random.nextInt(trial < 20 ? 5 : 5_000); // a few tiny histograms: the percentile edges
            for (int i = 0; i < n; i++) {
                // log-uniform from 1 ns to about 10 s, as method latencies spread
                h.recordValue((long) Math.exp(random.nextDouble() * Math.log(1e10)));
            }
            Timed.Figures f = Timed.Figures.of(h);
            assertEquals(h.getMean(), f.mean(), "mean of trial " + trial);
            for (int p = 0; p < Timed.Figures.PERCENTILES.length; p++) {
                assertEquals(h.getValueAtPercentile(Timed.Figures.PERCENTILES[p]), f.atPercentile()[p],
                        "p" + Timed.Figures.PERCENTILES[p] + " of trial " + trial + " (" + n + " values)");
            }
        }
    }
}

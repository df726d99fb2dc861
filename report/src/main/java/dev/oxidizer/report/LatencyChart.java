package dev.oxidizer.report;

import dev.oxidizer.model.MethodReport;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Lays out the latency-by-percentile chart of one method (the classic HdrHistogram plot): the x axis is
 * the percentile on a "nines" scale ({@code log10(1 / (1 - q))}, so 90%, 99%, 99.9% are equally spaced),
 * the y axis is latency, logarithmic when the curve spans more than {@value #LOG_SPAN}x, else linear from 0.
 *
 * <p>The curve comes from the model's merged histogram (compressed, base64, values in ns) when it is present
 * and decodes; otherwise from the model's summary percentiles, and the chart's note says so. It never fails:
 * a damaged histogram only changes the note. Returns {@code null} when the method was not timed.
 */
final class LatencyChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 250;
    private static final int LEFT = 62;
    private static final int RIGHT = 30;
    private static final int TOP = 14;
    private static final int BOTTOM = 38;
    private static final double LOG_SPAN = 30;
    private static final String[] NINES = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};

    private LatencyChart() {}

    static PageView.Chart of(MethodReport.Latency latency) {
        if (latency == null || latency.timedCount() <= 0 || latency.maxNs() <= 0) {
            return null;
        }
        List<double[]> points = new ArrayList<>();
        String note;
        Histogram h = decode(latency.histogram());
        int maxNines;
        if (h != null && h.getTotalCount() > 0) {
            // The highest percentile the data can resolve is 1 - 1/N; beyond it the curve is just the max.
            maxNines = (int) Math.max(3, Math.min(6, Math.ceil(Math.log10(h.getTotalCount()))));
            int n = maxNines * 40 + 1;
            double[] xs = new double[n];
            double[] qs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = i / 40.0;
                qs[i] = 100 * (1 - Math.pow(10, -xs[i]));
            }
            long[] values = valuesAtPercentiles(h, qs);
            for (int i = 0; i < n; i++) {
                points.add(new double[] {xs[i], Math.max(1, values[i])});
            }
            points.add(new double[] {maxNines, Math.max(1, h.getMaxValue())});
            note = "From the merged HdrHistogram of " + Formats.exact(h.getTotalCount()) + " timed calls.";
        } else if (latency.p50Ns() < 0 || latency.p90Ns() < 0 || latency.p99Ns() < 0 || latency.p999Ns() < 0) {
            // Only mean and max are known (e.g. jdk.MethodTiming): there is no distribution to draw.
            return null;
        } else {
            maxNines = 4;
            points.add(new double[] {Math.log10(2), latency.p50Ns()});
            points.add(new double[] {1, latency.p90Ns()});
            points.add(new double[] {2, latency.p99Ns()});
            points.add(new double[] {3, latency.p999Ns()});
            points.add(new double[] {4, latency.maxNs()});
            note = (latency.histogram() == null || latency.histogram().isBlank()
                    ? "No histogram in the report" : "The histogram in the report could not be decoded")
                    + ": the line joins the summary percentiles p50, p90, p99, p99.9 and the maximum.";
            points.replaceAll(p -> new double[] {p[0], Math.max(1, p[1])});
        }
        double minV = Double.MAX_VALUE;
        double maxV = 1;
        for (double[] p : points) {
            minV = Math.min(minV, p[1]);
            maxV = Math.max(maxV, p[1]);
        }
        maxV = Math.max(maxV, latency.maxNs());
        boolean logY = maxV / Math.max(1, minV) > LOG_SPAN;
        Axis y = logY ? Axis.log(minV, maxV) : Axis.linear(maxV);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        final int nines = maxNines;
        StringBuilder d = new StringBuilder();
        for (double[] p : points) {
            d.append(d.isEmpty() ? "M" : " L").append(Formats.coord(LEFT + plotW * p[0] / nines)).append(' ')
                    .append(Formats.coord(TOP + plotH * (1 - y.fraction(p[1]))));
        }
        List<PageView.Tick> xTicks = new ArrayList<>();
        for (int i = 0; i <= nines; i++) {
            xTicks.add(new PageView.Tick(Formats.coord(LEFT + plotW * (double) i / nines), NINES[i]));
        }
        List<PageView.Tick> yTicks = new ArrayList<>();
        for (double v : y.ticks()) {
            yTicks.add(new PageView.Tick(Formats.coord(TOP + plotH * (1 - y.fraction(v))), Formats.nanos(v)));
        }
        List<PageView.Marker> markers = new ArrayList<>();
        double[][] marks = {{Math.log10(2), latency.p50Ns()}, {1, latency.p90Ns()}, {2, latency.p99Ns()},
                {3, latency.p999Ns()}};
        String[] names = {"p50", "p90", "p99", "p99.9"};
        for (int i = 0; i < marks.length; i++) {
            double mx = LEFT + plotW * marks[i][0] / nines;
            double my = TOP + plotH * (1 - y.fraction(Math.max(1, marks[i][1])));
            // Labels sit above-left of their point, where the rising curve leaves room; p50, near the axis,
            // goes below-right instead so it covers neither the tick labels nor the p90 label.
            boolean first = i == 0;
            boolean below = first ? my + 16 <= TOP + plotH : my < TOP + 16;
            markers.add(new PageView.Marker(Formats.coord(mx), Formats.coord(my),
                    names[i] + " " + Formats.nanos(marks[i][1]), Formats.coord(first ? mx + 6 : mx - 4),
                    Formats.coord(below ? my + 15 : my - 7), first ? "start" : "end"));
        }
        String description = "Latency by percentile: p50 " + Formats.nanos(latency.p50Ns()) + ", p90 "
                + Formats.nanos(latency.p90Ns()) + ", p99 " + Formats.nanos(latency.p99Ns()) + ", p99.9 "
                + Formats.nanos(latency.p999Ns()) + ", max " + Formats.nanos(latency.maxNs()) + ".";
        return new PageView.Chart(WIDTH, HEIGHT, LEFT, TOP, plotW, plotH, d.toString(), markers, xTicks, yTicks,
                note, logY, description);
    }

    /**
     * {@link Histogram#getValueAtPercentile} for ascending percentiles in one pass over the recorded values
     * (calling it per point rescans the whole count array each time).
     */
    static long[] valuesAtPercentiles(Histogram h, double[] ascendingPercentiles) {
        long total = h.getTotalCount();
        long[] out = new long[ascendingPercentiles.length];
        int i = 0;
        long cumulative = 0;
        for (var v : h.recordedValues()) {
            cumulative += v.getCountAtValueIteratedTo();
            while (i < out.length && cumulative >= countAt(ascendingPercentiles[i], total)) {
                long at = v.getValueIteratedTo();
                out[i] = ascendingPercentiles[i] == 0 ? h.lowestEquivalentValue(at) : h.highestEquivalentValue(at);
                i++;
            }
            if (i == out.length) {
                break;
            }
        }
        while (i < out.length) {
            out[i++] = h.getMaxValue();
        }
        return out;
    }

    /** The count a percentile reaches, computed exactly as {@link Histogram#getValueAtPercentile} does. */
    private static long countAt(double percentile, long total) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
        return Math.max(1, (long) Math.ceil(requested * total / 100));
    }

    /** Decodes a compressed, base64-encoded histogram; {@code null} when absent or unreadable. */
    static Histogram decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (Exception | AssertionError e) {
            // A damaged histogram must not cost the whole report: the caller falls back to the percentiles.
            return null;
        }
    }

    /** Maps a value to 0..1 of the plot height and proposes ticks. */
    private interface Axis {
        double fraction(double v);

        List<Double> ticks();

        static Axis linear(double max) {
            double step = niceStep(max / 4);
            double top = Math.ceil(max / step) * step;
            return new Axis() {
                public double fraction(double v) {
                    return Math.min(1, Math.max(0, v / top));
                }

                public List<Double> ticks() {
                    List<Double> t = new ArrayList<>();
                    for (double v = 0; v <= top + step / 2; v += step) {
                        t.add(v);
                    }
                    return t;
                }
            };
        }

        static Axis log(double min, double max) {
            double lo = Math.floor(Math.log10(Math.max(1, min)));
            double hi = Math.ceil(Math.log10(max));
            if (hi <= lo) {
                hi = lo + 1;
            }
            final double l = lo;
            final double span = hi - lo;
            return new Axis() {
                public double fraction(double v) {
                    return Math.min(1, Math.max(0, (Math.log10(Math.max(1, v)) - l) / span));
                }

                public List<Double> ticks() {
                    List<Double> t = new ArrayList<>();
                    for (double e = l; e <= l + span + 1e-9; e++) {
                        t.add(Math.pow(10, e));
                    }
                    return t;
                }
            };
        }

        private static double niceStep(double raw) {
            double mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
            double n = raw / mag;
            return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
        }
    }
}

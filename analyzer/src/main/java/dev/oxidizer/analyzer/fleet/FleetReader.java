package dev.oxidizer.analyzer.fleet;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a fleet's calls and latency per method over a range from a Prometheus server that scraped the Oxidizer
 * agents' endpoints (the series of docs/formats/agent-metrics.md), with PromQL evaluated by the server, aggregated
 * by method there, so that the answer's size grows with methods, not with JVMs or samples.
 *
 * <p>How a counter's increase over the range is counted, per series (one method of one JVM run): its largest value
 * in the range less its last value before the range (0 for a series that starts in the range: the agent's counters
 * start at 0 with the JVM). That is exact up to the last scrape, unlike {@code increase()}, which takes the first
 * sample in the range as its base (losing the calls before it) and extrapolates towards the range's edges: off by up
 * to about a scrape interval's worth of calls at each end of each series, which matters for JVMs that live minutes. A series that was reset within the range (an instance restarted under the same
 * labels) is counted with {@code increase()} instead and reported in {@link Report.Fleet#resetSeries()}.
 *
 * <p>Latency: the same increase of the histogram's buckets, {@code _sum} and {@code _count} by method; the mean is
 * sum / count and the percentiles are interpolated within buckets as {@code histogram_quantile} does.
 */
public final class FleetReader {
    static final String INFO = "oxidizer_agent_info";
    static final String CALLS = "oxidizer_method_calls_total";
    static final String EXCEPTIONAL = "oxidizer_method_exceptional_calls_total";
    static final String LATENCY = "oxidizer_method_latency_seconds";

    private final PrometheusClient client;
    private final Selector selector;
    private final FleetRange range;
    private final Instant end;

    public FleetReader(PrometheusClient client, Selector selector, FleetRange range, Instant end) {
        this.client = client;
        this.selector = selector;
        this.range = range;
        this.end = end;
    }

    /**
     * Reads the fleet.
     *
     * @throws FleetException when the server is unreachable, rejects the selector, or holds no agent series for it in
     *                        the range
     */
    public FleetCalls read() throws FleetException {
        String r = range.promql();
        String info = selector.on(INFO);
        int jvms = (int) scalar("count(max_over_time(" + info + "[" + r + "]))");
        if (jvms == 0) {
            throw new FleetException(FleetException.Kind.NO_DATA, "Prometheus at " + client.base() + " holds no "
                    + INFO + " series matching " + selector.text() + " in the " + range.text() + " before " + end
                    + "; expected the agents' endpoints (agent option metrics=PORT) in its scrape configuration "
                    + "(docs/fleet.md) and a selector that matches their targets");
        }
        int instances = (int) scalar("count(count by (job, instance) (max_over_time(" + info + "[" + r + "])))");
        long step = Math.max(1, Math.min(60, range.seconds() / 250));
        String sub = "[" + r + ":" + step + "s]";
        double first = scalar("min(min_over_time(timestamp(" + info + ")" + sub + "))");
        double last = scalar("max(max_over_time(timestamp(" + info + ")" + sub + "))");
        double rangeStart = end.toEpochMilli() / 1000.0 - range.seconds();
        first = Math.max(first, rangeStart);
        last = Math.min(last, end.toEpochMilli() / 1000.0);
        double covered = last - first;

        Map<List<String>, Double> calls = increase(CALLS, "method");
        Map<List<String>, Double> exceptional = increase(EXCEPTIONAL, "method");
        Map<List<String>, Double> sum = increase(LATENCY + "_sum", "method");
        Map<List<String>, Double> count = increase(LATENCY + "_count", "method");
        Map<List<String>, Double> buckets = increase(LATENCY + "_bucket", "method, le");
        int resetSeries = (int) scalar("count(resets(" + selector.on(CALLS) + "[" + r + "]) > 0)");
        Map<String, Integer> jvmsPerMethod = new HashMap<>();
        for (PrometheusClient.Sample s : client.query("count by (method) (max_over_time(" + selector.on(CALLS) + "[" + r + "]))", end)) {
            jvmsPerMethod.put(s.labels().getOrDefault("method", ""), (int) s.value());
        }

        Map<String, TreeMap<Double, Double>> bucketsByMethod = new HashMap<>();
        buckets.forEach((k, v) -> bucketsByMethod.computeIfAbsent(k.get(0), x -> new TreeMap<>()).put(parseLe(k.get(1)), v));
        Map<String, MethodReport.Measured> methods = new TreeMap<>();
        for (var e : calls.entrySet()) {
            String method = e.getKey().get(0);
            if (method.isEmpty()) {
                continue;
            }
            long c = Math.round(e.getValue());
            long x = Math.round(exceptional.getOrDefault(List.of(method), 0.0));
            Double n = count.get(List.of(method));
            Double mean = n == null || n <= 0 ? null : sum.getOrDefault(List.of(method), 0.0) / n * 1e9;
            TreeMap<Double, Double> b = bucketsByMethod.get(method);
            Double p50 = n == null || n <= 0 ? null : quantile(0.5, b);
            Double p99 = n == null || n <= 0 ? null : quantile(0.99, b);
            methods.put(method, new MethodReport.Measured(c, x, jvmsPerMethod.getOrDefault(method, 0), mean,
                    p50 == null ? null : p50 * 1e9, p99 == null ? null : p99 * 1e9));
        }
        List<String> warnings = new ArrayList<>();
        if (resetSeries > 0) {
            warnings.add(String.format(Locale.ROOT, "%d call counter series were reset within the range (an instance restarted "
                    + "under the same labels): their calls are Prometheus's increase(), which extrapolates to the range's "
                    + "edges; the others are exact up to the last scrape", resetSeries));
        }
        Report.Fleet source = new Report.Fleet("prometheus", client.base().toString(), selector.text(), range.text(),
                Instant.ofEpochMilli(Math.round(first * 1000)).toString(), Instant.ofEpochMilli(Math.round(last * 1000)).toString(),
                covered, jvms, instances, methods.size(), resetSeries);
        return new FleetCalls(source, methods, warnings);
    }

    /** The exact increase over the range of every series of {@code metric}, summed by the labels {@code by}. */
    private Map<List<String>, Double> increase(String metric, String by) throws FleetException {
        String m = selector.on(metric);
        String r = range.promql();
        String reset = "resets(" + m + "[" + r + "]) > 0";
        Map<List<String>, Double> out = new HashMap<>();
        add(out, by, "sum by (" + by + ") (max_over_time(" + m + "[" + r + "]) unless " + reset + ")", 1);
        add(out, by, "sum by (" + by + ") ((last_over_time(" + m + "[5m] offset " + r + ") and max_over_time(" + m + "[" + r
                + "])) unless " + reset + ")", -1);
        add(out, by, "sum by (" + by + ") (increase(" + m + "[" + r + "]) and " + reset + ")", 1);
        return out;
    }

    private void add(Map<List<String>, Double> out, String by, String promql, int sign) throws FleetException {
        String[] names = by.split(",\\s*");
        for (PrometheusClient.Sample s : client.query(promql, end)) {
            List<String> key = new ArrayList<>(names.length);
            for (String n : names) {
                key.add(s.labels().getOrDefault(n, ""));
            }
            out.merge(List.copyOf(key), sign * s.value(), Double::sum);
        }
    }

    private double scalar(String promql) throws FleetException {
        List<PrometheusClient.Sample> r = client.query(promql, end);
        if (r.isEmpty() || Double.isNaN(r.get(0).value())) {
            return 0;
        }
        return r.get(0).value();
    }

    private static double parseLe(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    /**
     * The q-quantile of cumulative bucket counts by upper bound, interpolated linearly within the bucket that holds
     * it, as Prometheus's {@code histogram_quantile}: the lowest bucket from 0, the +Inf bucket answers the highest
     * finite bound. Null without counts.
     */
    static Double quantile(double q, TreeMap<Double, Double> cumulative) {
        if (cumulative == null || cumulative.isEmpty()) {
            return null;
        }
        double total = cumulative.lastEntry().getValue();
        if (!(total > 0)) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        double highestFinite = 0;
        for (var e : cumulative.entrySet()) {
            double bound = e.getKey();
            double count = e.getValue();
            if (count >= rank) {
                if (Double.isInfinite(bound)) {
                    return highestFinite;
                }
                double inBucket = count - lowerCount;
                return inBucket <= 0 ? bound : lowerBound + (bound - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bound;
            lowerCount = count;
            if (!Double.isInfinite(bound)) {
                highestFinite = bound;
            }
        }
        return highestFinite;
    }
}

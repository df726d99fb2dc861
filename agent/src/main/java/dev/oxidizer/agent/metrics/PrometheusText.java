package dev.oxidizer.agent.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a {@link MetricsSnapshot} in the Prometheus text exposition format, version 0.0.4
 * ({@code text/plain; version=0.0.4; charset=utf-8}). The series, one block per metric family in this order:
 *
 * <pre>
 * oxidizer_agent_info{session="…",version="…",main_class="…"} 1
 * oxidizer_agent_last_flush_timestamp_seconds 1.7e9
 * oxidizer_method_calls_total{method="pkg.Class#name(desc)"} N            counter, exact calls that entered
 * oxidizer_method_exceptional_calls_total{method="…"} N                   counter, of which left by throwing
 * oxidizer_method_latency_seconds_bucket{method="…",le="1e-06"} N         histogram of the timed calls
 * oxidizer_method_latency_seconds_sum{method="…"} S
 * oxidizer_method_latency_seconds_count{method="…"} N
 * oxidizer_unexported_calls_total N                                       calls of methods not exported
 * oxidizer_unexported_methods N                                           methods called but not exported
 * </pre>
 *
 * Methods are sorted by key, buckets by bound; label values are escaped as the format requires ({@code \\},
 * {@code \"}, {@code \n}). The output depends only on the snapshot. Not thread-safe per instance; stateless.
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String[] LE = new String[MethodMetrics.BOUNDS_NS.length + 1];

    static {
        for (int i = 0; i < MethodMetrics.BOUNDS_NS.length; i++) {
            LE[i] = seconds(MethodMetrics.BOUNDS_NS[i]);
        }
        LE[MethodMetrics.BOUNDS_NS.length] = "+Inf";
    }

    private PrometheusText() {}

    /** The snapshot's series as UTF-8 text. */
    public static byte[] render(MetricsSnapshot s) {
        StringBuilder b = new StringBuilder(256 + s.methods().length * 1600);
        b.append("# HELP oxidizer_agent_info The Oxidizer agent session of this JVM (one per JVM run).\n")
                .append("# TYPE oxidizer_agent_info gauge\n")
                .append("oxidizer_agent_info{session=\"").append(escape(s.sessionId())).append("\",version=\"")
                .append(escape(s.agentVersion())).append("\",main_class=\"").append(escape(s.mainClass())).append("\"} 1\n");
        b.append("# HELP oxidizer_agent_last_flush_timestamp_seconds When the counts below were gathered (the agent's last flush).\n")
                .append("# TYPE oxidizer_agent_last_flush_timestamp_seconds gauge\n")
                .append("oxidizer_agent_last_flush_timestamp_seconds ").append(millisAsSeconds(s.flushMillis())).append('\n');
        MetricsSnapshot.Method[] ms = s.methods();
        b.append("# HELP oxidizer_method_calls_total Calls that entered the method, exact, since the agent started.\n")
                .append("# TYPE oxidizer_method_calls_total counter\n");
        for (MetricsSnapshot.Method m : ms) {
            b.append("oxidizer_method_calls_total{method=\"").append(escape(m.key())).append("\"} ").append(m.calls()).append('\n');
        }
        b.append("# HELP oxidizer_method_exceptional_calls_total Calls of the method that ended by throwing.\n")
                .append("# TYPE oxidizer_method_exceptional_calls_total counter\n");
        for (MetricsSnapshot.Method m : ms) {
            b.append("oxidizer_method_exceptional_calls_total{method=\"").append(escape(m.key())).append("\"} ")
                    .append(m.exceptional()).append('\n');
        }
        b.append("# HELP oxidizer_method_latency_seconds Wall-clock latency of the timed calls (all, or 1 in N under sampling).\n")
                .append("# TYPE oxidizer_method_latency_seconds histogram\n");
        for (MetricsSnapshot.Method m : ms) {
            long[] buckets = m.buckets();
            if (buckets == null) {
                continue;
            }
            String label = escape(m.key());
            long cumulative = 0;
            for (int i = 0; i < buckets.length; i++) {
                cumulative += buckets[i];
                b.append("oxidizer_method_latency_seconds_bucket{method=\"").append(label).append("\",le=\"").append(LE[i])
                        .append("\"} ").append(cumulative).append('\n');
            }
            b.append("oxidizer_method_latency_seconds_sum{method=\"").append(label).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.9g", m.sumNs() / 1e9)).append('\n');
            b.append("oxidizer_method_latency_seconds_count{method=\"").append(label).append("\"} ").append(cumulative).append('\n');
        }
        b.append("# HELP oxidizer_unexported_calls_total Calls of instrumented methods not exported (below metricsMinCalls or over metricsMaxMethods).\n")
                .append("# TYPE oxidizer_unexported_calls_total counter\n")
                .append("oxidizer_unexported_calls_total ").append(s.unexportedCalls()).append('\n');
        b.append("# HELP oxidizer_unexported_methods Methods called in this session that are not exported.\n")
                .append("# TYPE oxidizer_unexported_methods gauge\n")
                .append("oxidizer_unexported_methods ").append(s.unexportedMethods()).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The scrape's own cost, appended after the cached snapshot text. */
    static byte[] renderScrapeStats(long scrapes, double cpuSeconds) {
        return ("# HELP oxidizer_metrics_scrapes_total Scrapes served by this endpoint.\n"
                + "# TYPE oxidizer_metrics_scrapes_total counter\n"
                + "oxidizer_metrics_scrapes_total " + scrapes + "\n"
                + "# HELP oxidizer_metrics_scrape_cpu_seconds_total CPU time the endpoint's thread spent serving scrapes.\n"
                + "# TYPE oxidizer_metrics_scrape_cpu_seconds_total counter\n"
                + "oxidizer_metrics_scrape_cpu_seconds_total " + String.format(Locale.ROOT, "%.9f", cpuSeconds) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String v) {
        if (v.indexOf('\\') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A bound in ns as seconds, shortest exact decimal (1e-06 style is avoided: 0.000001). */
    static String seconds(long ns) {
        return new java.math.BigDecimal(ns).movePointLeft(9).stripTrailingZeros().toPlainString();
    }

    private static String millisAsSeconds(long ms) {
        return new java.math.BigDecimal(ms).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}

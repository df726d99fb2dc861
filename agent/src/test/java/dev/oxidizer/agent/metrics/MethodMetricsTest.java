package dev.oxidizer.agent.metrics;

import dev.oxidizer.agent.runtime.MethodTable;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cumulative counts, bucket counting, the export threshold and cap, and the text format, without an agent. */
class MethodMetricsTest {
    static int register(String name) {
        return MethodTable.register("metrics.test.Subject", name, "()V", 0, MethodTable.PROBE_FULL);
    }

    @Test
    void countsAddUpAcrossFlushesAndBucketsCountTheHistogramsValues() {
        int id = register("timed");
        MethodMetrics m = new MethodMetrics(new MetricsOptions("127.0.0.1", 0, 1, 10), "s1", "v", "Main");
        Histogram h = new Histogram(3);
        h.recordValueWithCount(800, 5);       // <= 1 us
        h.recordValueWithCount(1_000, 1);     // exactly on the first bound
        h.recordValueWithCount(40_000, 3);    // (25 us, 50 us]
        h.recordValueWithCount(20_000_000_000L, 2); // over 10 s: +Inf
        m.record(id, 11, 2, h);
        m.record(id, 4, 0, null);
        m.publish(1_000, false);
        MetricsSnapshot.Method s = only(m.snapshot(), "timed");
        assertEquals(15, s.calls());
        assertEquals(2, s.exceptional());
        long[] expected = new long[MethodMetrics.BOUNDS_NS.length + 1];
        expected[0] = 6;
        expected[MethodMetrics.bucketOf(40_000)] = 3;
        expected[MethodMetrics.BOUNDS_NS.length] = 2;
        assertArrayEquals(expected, s.buckets());
        assertEquals(5, MethodMetrics.bucketOf(40_000), "(25 us, 50 us] is the sixth bucket");
    }

    @Test
    void exportsTheMostCalledAboveTheThresholdUpToTheCapAndKeepsThem() {
        int a = register("a");
        int b = register("b");
        int c = register("c");
        MethodMetrics m = new MethodMetrics(new MetricsOptions("127.0.0.1", 0, 100, 2), "s", "v", "Main");
        m.record(a, 99, 0, null);
        m.record(b, 500, 0, null);
        m.publish(1, false);
        assertEquals(List.of("metrics.test.Subject#b()V"), keys(m.snapshot()));
        assertEquals(99, m.snapshot().unexportedCalls());
        m.record(a, 1, 0, null);
        m.record(c, 10_000, 0, null);
        m.publish(2, false);
        // a reached 100 first in id order but c is called more: the cap goes to the most called
        assertEquals(List.of("metrics.test.Subject#b()V", "metrics.test.Subject#c()V"), keys(m.snapshot()));
        assertEquals(100, m.snapshot().unexportedCalls());
        assertEquals(1, m.snapshot().unexportedMethods());
        m.record(b, 0, 0, null);
        m.record(a, 1_000_000, 0, null);
        m.publish(3, true);
        assertEquals(2, keys(m.snapshot()).size(), "an exported method stays, the cap holds");
        assertTrue(m.snapshot().isFinal());
    }

    @Test
    void rendersTheTextFormatWithEscapedLabelsAndCumulativeBuckets() {
        int id = MethodTable.register("metrics.test.Odd\"Name", "run", "(Ljava/lang/String;)V", 0, MethodTable.PROBE_FULL);
        MethodMetrics m = new MethodMetrics(new MetricsOptions("127.0.0.1", 0, 1, 10), "sess", "0.1", "a.Main");
        Histogram h = new Histogram(3);
        h.recordValueWithCount(2_000, 3);
        h.recordValueWithCount(3_000, 1);
        m.record(id, 7, 1, h);
        m.publish(1_700_000_000_123L, false);
        String text = new String(PrometheusText.render(m.snapshot()), StandardCharsets.UTF_8);
        String label = "method=\"metrics.test.Odd\\\"Name#run(Ljava/lang/String;)V\"";
        assertTrue(text.contains("oxidizer_method_calls_total{" + label + "} 7\n"), text);
        assertTrue(text.contains("oxidizer_method_exceptional_calls_total{" + label + "} 1\n"), text);
        assertTrue(text.contains("oxidizer_method_latency_seconds_bucket{" + label + ",le=\"0.000001\"} 0\n"), text);
        assertTrue(text.contains("oxidizer_method_latency_seconds_bucket{" + label + ",le=\"0.0000025\"} 3\n"), text);
        assertTrue(text.contains("oxidizer_method_latency_seconds_bucket{" + label + ",le=\"0.000005\"} 4\n"), text);
        assertTrue(text.contains("oxidizer_method_latency_seconds_bucket{" + label + ",le=\"+Inf\"} 4\n"), text);
        assertTrue(text.contains("oxidizer_method_latency_seconds_count{" + label + "} 4\n"), text);
        assertTrue(text.contains("oxidizer_agent_last_flush_timestamp_seconds 1700000000.123\n"), text);
        assertTrue(text.contains("oxidizer_agent_info{session=\"sess\",version=\"0.1\",main_class=\"a.Main\"} 1\n"), text);
        assertTrue(text.contains("# TYPE oxidizer_method_latency_seconds histogram\n"), text);
    }

    @Test
    void addressesAreHostAndPortOrPortAlone() {
        assertArrayEquals(new String[] {null, "9404"}, MetricsOptions.parseAddress("9404"));
        assertArrayEquals(new String[] {"0.0.0.0", "9404"}, MetricsOptions.parseAddress("0.0.0.0:9404"));
        assertArrayEquals(new String[] {"::1", "0"}, MetricsOptions.parseAddress("[::1]:0"));
        for (String bad : new String[] {"http", "70000", ":9404", "::1:9404", "[::1]"}) {
            assertThrows(IllegalArgumentException.class, () -> MetricsOptions.parseAddress(bad), bad);
        }
        assertNull(MetricsOptions.parseAddress("1")[0]);
    }

    static MetricsSnapshot.Method only(MetricsSnapshot s, String name) {
        for (MetricsSnapshot.Method m : s.methods()) {
            if (m.key().contains("#" + name + "(")) {
                return m;
            }
        }
        throw new AssertionError("not exported: " + name);
    }

    static List<String> keys(MetricsSnapshot s) {
        return java.util.Arrays.stream(s.methods()).map(MetricsSnapshot.Method::key).toList();
    }
}

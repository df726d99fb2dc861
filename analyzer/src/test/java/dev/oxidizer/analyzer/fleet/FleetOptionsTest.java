package dev.oxidizer.analyzer.fleet;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet source's options and the client-side bucket quantile. */
class FleetOptionsTest {
    @Test
    void rangesTakeAWholeNumberAndAUnitWithinBounds() throws Exception {
        assertEquals(7 * 86_400, FleetRange.parse("7d").seconds());
        assertEquals(90, FleetRange.parse("90s").seconds());
        assertEquals(2 * 7 * 86_400, FleetRange.parse("2w").seconds());
        assertEquals("43200s", FleetRange.parse("12h").promql());
        for (String bad : new String[] {"7", "7 days", "1.5h", "-1d", "5s", "401d", ""}) {
            FleetException e = assertThrows(FleetException.class, () -> FleetRange.parse(bad), bad);
            assertEquals(FleetException.Kind.BAD_OPTION, e.kind());
            assertTrue(e.getMessage().startsWith("--range '" + bad + "' is not a range; accepted"), e.getMessage());
        }
    }

    @Test
    void selectorsAreLabelMatchersInOnePairOfBraces() throws Exception {
        assertEquals("oxidizer_method_calls_total{job=\"orders\"}", Selector.parse(" {job=\"orders\"} ").on("oxidizer_method_calls_total"));
        assertEquals("{}", Selector.parse("{}").text());
        for (String bad : new String[] {"job=\"orders\"", "up{job=\"a\"}", "{job=\"a\"}{x=\"b\"}", "{__name__=~\".+\"}"}) {
            FleetException e = assertThrows(FleetException.class, () -> Selector.parse(bad), bad);
            assertTrue(e.getMessage().contains("is not a label selector"), e.getMessage());
        }
    }

    @Test
    void urlsNeedHttpAndAHostAndKeepAPathPrefix() throws Exception {
        assertEquals("http://prom:9090/prometheus", PrometheusClient.parseUrl("http://prom:9090/prometheus/").toString());
        for (String bad : new String[] {"prom:9090", "ftp://prom", "http://prom:9090/?x=1", "http:///x"}) {
            FleetException e = assertThrows(FleetException.class, () -> PrometheusClient.parseUrl(bad), bad);
            assertTrue(e.getMessage().startsWith("--prometheus '" + bad + "' is not a server URL"), e.getMessage());
        }
    }

    @Test
    void quantilesInterpolateWithinTheirBucketLikeHistogramQuantile() {
        TreeMap<Double, Double> b = new TreeMap<>();
        b.put(0.001, 10.0);
        b.put(0.002, 30.0);
        b.put(0.005, 40.0);
        b.put(Double.POSITIVE_INFINITY, 40.0);
        // rank 20 lies halfway through the (0.001, 0.002] bucket's 20 values
        assertEquals(0.0015, FleetReader.quantile(0.5, b), 1e-12);
        // rank 5 in the first bucket, interpolated from 0
        assertEquals(0.0005, FleetReader.quantile(0.125, b), 1e-12);
        b.put(Double.POSITIVE_INFINITY, 100.0);
        assertEquals(0.005, FleetReader.quantile(0.99, b), 1e-12, "the +Inf bucket answers the highest finite bound");
        assertNull(FleetReader.quantile(0.5, new TreeMap<>()));
    }
}

package dev.oxidizer.agent.metrics;

import java.util.Locale;

/**
 * Where and what the Prometheus endpoint serves: the agent options {@code metrics=[HOST:]PORT},
 * {@code metricsMinCalls=N} and {@code metricsMaxMethods=N} (docs/agent.md, docs/fleet.md).
 *
 * @param host       address to bind; {@code 127.0.0.1} unless a host is given ({@code 0.0.0.0} for every interface)
 * @param port       TCP port, 0 for any free port (the agent's log names the one bound)
 * @param minCalls   a method is exported once its calls in this session reach this many
 * @param maxMethods at most this many methods are exported (the most called first; once exported, a method stays)
 */
public record MetricsOptions(String host, int port, long minCalls, int maxMethods) {
    public static final long DEFAULT_MIN_CALLS = 1000;
    public static final int DEFAULT_MAX_METHODS = 200;
    /** The largest accepted {@code metricsMaxMethods}: with 24 series per method, 1000 methods are 24,000 series per JVM. */
    public static final int MAX_METHODS_LIMIT = 1000;

    public MetricsOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        if (minCalls < 1) {
            throw new IllegalArgumentException("minCalls must be 1 or more, was " + minCalls);
        }
        if (maxMethods < 1 || maxMethods > MAX_METHODS_LIMIT) {
            throw new IllegalArgumentException("maxMethods must be 1 to " + MAX_METHODS_LIMIT + ", was " + maxMethods);
        }
    }

    /**
     * Parses {@code [HOST:]PORT}: {@code 9404}, {@code 0.0.0.0:9404}, {@code localhost:9404}, {@code [::1]:9404}.
     *
     * @return the host (null when not given) and the port, as {@code {host, port}}
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String[] parseAddress(String value) {
        String v = value.trim();
        String host = null;
        String port = v;
        if (v.startsWith("[")) {
            int close = v.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("an IPv6 host is written [ADDRESS]:PORT");
            }
            host = v.substring(1, close);
            port = v.substring(close + 2);
        } else if (v.indexOf(':') >= 0) {
            int colon = v.lastIndexOf(':');
            host = v.substring(0, colon);
            port = v.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("an IPv6 host is written [ADDRESS]:PORT");
            }
        }
        if (host != null && host.isBlank()) {
            throw new IllegalArgumentException("the host before ':' is empty");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + port + "' is not a port number");
        }
        if (p < 0 || p > 65_535) {
            throw new IllegalArgumentException("port " + p + " is out of range");
        }
        return new String[] {host, Integer.toString(p)};
    }

    /** As recorded in the session's normalized options. */
    public String normalized() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return String.format(Locale.ROOT, "metrics=%s:%d;metricsMinCalls=%d;metricsMaxMethods=%d", h, port, minCalls,
                maxMethods);
    }
}

package dev.oxidizer.agent.metrics;

/**
 * The agent's per-method counters at one flush, immutable once published (arrays are never written after
 * construction). Rendered to the Prometheus text format by {@link PrometheusText} at most once (the first scrape
 * after the flush; later scrapes of the same snapshot send the same bytes).
 *
 * @param sessionId        the agent session (as in the JFR events)
 * @param agentVersion     Oxidizer version
 * @param mainClass        the application's main class as the agent saw it
 * @param flushMillis      epoch ms of the flush that produced it (0 before the first)
 * @param methods          exported methods, sorted by key
 * @param unexportedCalls  calls of instrumented methods that are not exported (below the threshold or over the cap)
 * @param unexportedMethods methods called at least once that are not exported
 * @param isFinal          the session's final flush has run: these counts are final
 */
public record MetricsSnapshot(String sessionId, String agentVersion, String mainClass, long flushMillis, Method[] methods,
                              long unexportedCalls, int unexportedMethods, boolean isFinal) {
    /**
     * One exported method's cumulative figures.
     *
     * @param key         {@code binary.Class#name(descriptor)}, the analyzer's method key
     * @param calls       calls that entered, exact
     * @param exceptional of which left by throwing
     * @param buckets     timed calls per latency bucket of {@link MethodMetrics#BOUNDS_NS} plus +Inf, not cumulative;
     *                    null when never timed (trivial methods, timing=off)
     * @param sumNs       summed latency of the timed calls, ns
     */
    public record Method(String key, long calls, long exceptional, long[] buckets, double sumNs) {}
}

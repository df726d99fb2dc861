package dev.oxidizer.agent.metrics;

import dev.oxidizer.agent.runtime.MethodTable;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The session's cumulative per-method counts and latency buckets, fed by the flusher with exactly the numbers it
 * writes into {@code oxidizer.MethodProfile} events, and published as an immutable {@link MetricsSnapshot} after
 * every flush. So a scrape never touches the application threads' counters or histograms, and the Prometheus
 * counters of a method equal the sum of its JFR events' {@code invocations} and {@code exceptional} up to the last
 * flush.
 *
 * <p>Export (bounded cardinality): a method is exported once its calls in the session reach
 * {@link MetricsOptions#minCalls()}, the most called first, until {@link MetricsOptions#maxMethods()} are exported;
 * an exported method stays exported for the session (a counter that vanished and came back would look like a
 * reset). Calls of the other methods are summed into one counter.
 *
 * <p>Latency buckets: the HdrHistogram values of each interval are counted into the fixed boundaries of
 * {@link #BOUNDS_NS} (the same in every JVM, so that buckets add up across a fleet); a value counts as at most a
 * boundary when the highest value of its HdrHistogram bin is (bins are 0.1 % wide at 3 significant digits).
 *
 * <p>Threading: {@link #record} and {@link #publish} are called by the flusher under its lock only; the snapshot
 * is handed to scrapers through a volatile field.
 */
public final class MethodMetrics {
    /** Upper bounds of the latency buckets, ns: 1-2.5-5 per decade from 1 µs to 10 s; +Inf follows. */
    public static final long[] BOUNDS_NS = {
            1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
            1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000,
            1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 10_000_000_000L};

    private final MetricsOptions options;
    private final String sessionId;
    private final String agentVersion;
    private final String mainClass;
    private long[] calls = new long[0];
    private long[] exceptional = new long[0];
    /** Per method: counts per bucket (not cumulative), BOUNDS_NS.length + 1 of them; null until first timed. */
    private long[][] buckets = new long[0][];
    private double[] sumNs = new double[0];
    private boolean[] exported = new boolean[0];
    private final List<Integer> exportedIds = new ArrayList<>();
    private volatile MetricsSnapshot snapshot;

    public MethodMetrics(MetricsOptions options, String sessionId, String agentVersion, String mainClass) {
        this.options = options;
        this.sessionId = sessionId;
        this.agentVersion = agentVersion;
        this.mainClass = mainClass == null ? "" : mainClass;
        this.snapshot = new MetricsSnapshot(sessionId, agentVersion, this.mainClass, 0, new MetricsSnapshot.Method[0], 0, 0,
                false);
    }

    /** The latest published state (never null). Any thread. */
    public MetricsSnapshot snapshot() {
        return snapshot;
    }

    public MetricsOptions options() {
        return options;
    }

    /**
     * Adds one method's interval as the flusher reported it: {@code inv} calls, {@code exc} of them exceptional,
     * and the interval's histogram (may be null or empty). Flusher only.
     */
    public void record(int id, long inv, long exc, Histogram h) {
        grow(id + 1);
        calls[id] += inv;
        exceptional[id] += exc;
        if (h == null || h.getTotalCount() == 0) {
            return;
        }
        long[] b = buckets[id];
        if (b == null) {
            buckets[id] = b = new long[BOUNDS_NS.length + 1];
        }
        double sum = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            long value = v.getValueIteratedTo();
            long count = v.getCountAtValueIteratedTo();
            b[bucketOf(value)] += count;
            sum += (double) h.medianEquivalentValue(value) * count;
        }
        sumNs[id] += sum;
    }

    /** The bucket index of a value in ns: the first bound at or above it, else the +Inf bucket. */
    static int bucketOf(long valueNs) {
        int i = Arrays.binarySearch(BOUNDS_NS, valueNs);
        return i >= 0 ? i : -i - 1;
    }

    /** Chooses the exported methods and publishes a new snapshot; {@code isFinal} after the session's last flush. */
    public void publish(long flushMillis, boolean isFinal) {
        int n = calls.length;
        if (exportedIds.size() < options.maxMethods()) {
            List<Integer> eligible = new ArrayList<>();
            for (int id = 0; id < n; id++) {
                if (!exported[id] && calls[id] >= options.minCalls()) {
                    eligible.add(id);
                }
            }
            eligible.sort(Comparator.comparingLong((Integer id) -> -calls[id]).thenComparing(id -> id));
            for (int id : eligible) {
                if (exportedIds.size() >= options.maxMethods()) {
                    break;
                }
                exported[id] = true;
                exportedIds.add(id);
            }
        }
        MetricsSnapshot.Method[] out = new MetricsSnapshot.Method[exportedIds.size()];
        long exportedCalls = 0;
        for (int i = 0; i < out.length; i++) {
            int id = exportedIds.get(i);
            MethodTable.MethodInfo info = MethodTable.info(id);
            String key = info == null ? "id" + id : info.key();
            long[] b = buckets[id];
            out[i] = new MetricsSnapshot.Method(key, calls[id], exceptional[id], b == null ? null : b.clone(), sumNs[id]);
            exportedCalls += calls[id];
        }
        Arrays.sort(out, Comparator.comparing(MetricsSnapshot.Method::key));
        long all = 0;
        int called = 0;
        for (int id = 0; id < n; id++) {
            all += calls[id];
            called += calls[id] > 0 ? 1 : 0;
        }
        snapshot = new MetricsSnapshot(sessionId, agentVersion, mainClass, flushMillis, out, all - exportedCalls,
                called - out.length, isFinal);
    }

    private void grow(int size) {
        if (calls.length >= size) {
            return;
        }
        int n = Math.max(size, calls.length * 2);
        calls = Arrays.copyOf(calls, n);
        exceptional = Arrays.copyOf(exceptional, n);
        buckets = Arrays.copyOf(buckets, n);
        sumNs = Arrays.copyOf(sumNs, n);
        exported = Arrays.copyOf(exported, n);
    }
}

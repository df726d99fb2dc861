package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Count and timing figures of one method from the agent or {@code jdk.MethodTiming}. */
final class Timed {
    String className;
    String methodName;
    String descriptor;
    Integer modifiers;
    long calls;
    long exceptional;
    String source;
    Double meanNs;
    MethodReport.Latency latency;
    double timerOverheadNs;
    /** The agent counted it with its count-only probe for trivial methods (timing policy {@code trivial}). */
    boolean trivial;
    /** Median of the timed calls after the timer overhead, null when not timed or unknown (jdk.MethodTiming). */
    Double medianNs;
    /** Per-interval spread of the calls (agent only): first and last interval with calls, intervals with calls. */
    long firstCallMs = Long.MAX_VALUE;
    long lastCallMs = Long.MIN_VALUE;
    long intervalsWithCalls;
    /** Calls of its busiest intervals, descending. */
    long[] busiestIntervals = new long[0];
    /** Agent sessions (JVM runs) that counted it. */
    int sessions;
    /** Count intervals of those sessions (whether or not it was called in them). */
    long sessionIntervals;
    /** The agent's instrumentation form and reason, null when the recording does not say. */
    String instrumentation;
    String instrumentationReason;

    /** Whether the calls were counted: an agent that left the method uninstrumented ({@code none}) knows none. */
    boolean callsKnown() {
        return !"none".equals(instrumentation);
    }

    /**
     * Count and timing figures by method key, in the agent's order: from the agent's events (counts added over
     * sessions, histograms merged, the timer's overhead taken out) or, without them, from {@code jdk.MethodTiming}
     * (each JVM's largest cumulative snapshot, then JVMs added). Empty in sampling-only mode.
     */
    static Map<String, Timed> byMethod(Profile profile, String mode) {
        Map<String, Timed> out = new LinkedHashMap<>();
        if (mode.equals("agent")) {
            for (var e : profile.agentMethods().entrySet()) {
                AgentAccumulator.AgentMethod m = e.getValue();
                if (m.invocations() <= 0 && !"none".equals(m.instrumentation())) {
                    continue;
                }
                Timed t = new Timed();
                t.className = m.className;
                t.methodName = m.methodName;
                t.descriptor = m.descriptor;
                t.modifiers = m.modifiers;
                t.calls = m.invocations();
                t.exceptional = m.exceptional();
                t.source = "agent";
                double overheadSum = 0;
                int n = 0;
                for (String sid : m.sessions()) {
                    AgentAccumulator.Session s = profile.sessions().get(sid);
                    if (s != null && !Double.isNaN(s.timerOverheadNs())) {
                        overheadSum += s.timerOverheadNs();
                        n++;
                    }
                }
                double ovh = n == 0 ? 0 : overheadSum / n;
                t.timerOverheadNs = ovh;
                Histogram h = m.latencyHistogram();
                String policy = m.policies().isEmpty() ? "unknown" : String.join(", ", m.policies());
                // Format v2 also reports a count-only probe given for a JIT limit or the budget as "trivial": only a
                // method without such a reason is trivial code. A form once given for trivial code stays a fact about the
                // code when the budget later takes the probe away (seen: a 3-line hash finalizer, entry -> none).
                t.trivial = m.trivialCode() || m.policies().contains("trivial")
                        && (m.instrumentationReason() == null || m.instrumentationReason().equals("trivial"));
                t.firstCallMs = m.firstCallMs();
                t.lastCallMs = m.lastCallMs();
                t.intervalsWithCalls = m.intervalsWithCalls();
                t.busiestIntervals = m.busiestIntervals();
                t.sessions = m.sessions().size();
                for (String sid : m.sessions()) {
                    AgentAccumulator.Session ss = profile.sessions().get(sid);
                    t.sessionIntervals += ss == null ? 0 : ss.intervals();
                }
                t.instrumentation = m.instrumentation();
                t.instrumentationReason = m.instrumentationReason();
                if (h != null && h.getTotalCount() > 0) {
                    Figures f = Figures.of(h);
                    double mean = Math.max(0, f.mean - ovh);
                    t.meanNs = mean;
                    t.medianNs = (double) adj(f.atPercentile[0], ovh);
                    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
                    int len = h.encodeIntoCompressedByteBuffer(buf);
                    String b64 = Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), len));
                    t.latency = new MethodReport.Latency(h.getTotalCount(), policy, mean, adj(f.atPercentile[0], ovh),
                            adj(f.atPercentile[1], ovh), adj(f.atPercentile[2], ovh),
                            adj(f.atPercentile[3], ovh), adj(h.getMaxValue(), ovh), mean * m.invocations(), b64);
                }
                out.put(e.getKey(), t);
            }
        } else if (mode.equals("method-timing")) {
            // Cumulative per JVM: keep each JVM's largest snapshot, then add JVMs.
            Map<String, Map<String, MethodTimingAccumulator.TimingSnapshot>> perJvm = new HashMap<>();
            for (var fe : profile.timing().entrySet()) {
                String jvm = profile.fileJvm().getOrDefault(fe.getKey(), "file " + fe.getKey());
                Map<String, MethodTimingAccumulator.TimingSnapshot> target = perJvm.computeIfAbsent(jvm, k -> new HashMap<>());
                fe.getValue().forEach((k, v) -> target.merge(k, v, (a, b) -> a.invocations() >= b.invocations() ? a : b));
            }
            Map<String, double[]> sums = new TreeMap<>();
            Map<String, MethodTimingAccumulator.TimingSnapshot> any = new HashMap<>();
            for (var jvm : perJvm.values()) {
                for (var e : jvm.entrySet()) {
                    MethodTimingAccumulator.TimingSnapshot s = e.getValue();
                    double[] a = sums.computeIfAbsent(e.getKey(), k -> new double[] {0, 0, 0, 0});
                    a[0] += s.invocations();
                    if (s.avgNs() >= 0) {
                        a[1] += (double) s.avgNs() * s.invocations();
                        a[2] += s.invocations();
                    }
                    a[3] = Math.max(a[3], s.maxNs());
                    any.put(e.getKey(), s);
                }
            }
            for (var e : sums.entrySet()) {
                double[] a = e.getValue();
                if (a[0] <= 0) {
                    continue;
                }
                MethodTimingAccumulator.TimingSnapshot s = any.get(e.getKey());
                Timed t = new Timed();
                t.className = s.className();
                t.methodName = s.methodName();
                t.descriptor = s.descriptor();
                t.modifiers = s.modifiers();
                t.calls = (long) a[0];
                t.source = "method-timing";
                if (a[2] > 0) {
                    t.meanNs = a[1] / a[2];
                    t.latency = new MethodReport.Latency((long) a[2], "method-timing (min/avg/max only)", t.meanNs, -1, -1, -1, -1,
                            (long) a[3], t.meanNs * t.calls, null);
                }
                out.put(e.getKey(), t);
            }
        }
        return out;
    }

    /**
     * Mean and p50/p90/p99/p99.9 of a histogram in one walk over its recorded values, equal to
     * {@code getMean()} and {@code getValueAtPercentile(p)}: each of those walks the whole counts array again, which
     * dominated the analysis of recordings with thousands of timed methods (a JRuby run: 10,000 methods).
     */
    record Figures(double mean, long[] atPercentile) {
        static final double[] PERCENTILES = {50, 90, 99, 99.9};

        static Figures of(Histogram h) {
            long total = h.getTotalCount();
            long[] wanted = new long[PERCENTILES.length];
            for (int i = 0; i < wanted.length; i++) {
                // the count to reach, computed as AbstractHistogram.getValueAtPercentile (2.2.2) does
                double p = Math.min(Math.max(Math.nextAfter(PERCENTILES[i], Double.NEGATIVE_INFINITY), 0.0), 100.0);
                wanted[i] = Math.max(1, (long) Math.ceil(p * total / 100.0));
            }
            long[] at = new long[PERCENTILES.length];
            int next = 0;
            double sum = 0;
            for (HistogramIterationValue v : h.recordedValues()) {
                long value = v.getValueIteratedTo();
                sum += h.medianEquivalentValue(value) * (double) v.getCountAtValueIteratedTo();
                while (next < wanted.length && v.getTotalCountToThisValue() >= wanted[next]) {
                    at[next++] = h.highestEquivalentValue(value);
                }
            }
            return new Figures(sum / total, at);
        }
    }

    private static long adj(long v, double overhead) {
        return Math.max(0, Math.round(v - overhead));
    }
}

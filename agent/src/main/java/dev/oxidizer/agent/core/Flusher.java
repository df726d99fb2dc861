package dev.oxidizer.agent.core;

import dev.oxidizer.agent.metrics.MethodMetrics;
import dev.oxidizer.agent.runtime.MethodTable;
import dev.oxidizer.agent.runtime.StatePool;
import dev.oxidizer.agent.runtime.ThreadState;
import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.List;

/**
 * Turns the per-thread counters and histograms into {@code oxidizer.*} JFR events, once per flush interval,
 * at every JFR chunk end and once more at the end (exit, SIGTERM, detach).
 *
 * <p>Threading: {@link #flush} is synchronized; it runs on the flusher thread, on JFR's thread at a chunk
 * end, or in a shutdown hook. After the final flush every later call does nothing.
 */
final class Flusher {
    /** How long a flush waits after bumping the epoch so that running threads hand their histograms over. */
    private static final long HANDOFF_GRACE_MS = 5;

    private final Session session;
    private final TimingPolicy policy;
    private final Calibration calibration;
    private final MethodForms forms;
    private final AgentCpu cpu;
    private final CostBudget budget;
    private final HistogramEncoder encoder = new HistogramEncoder();
    private long[] last = new long[0];
    private long[] retired = new long[0];
    private Histogram[] merged = new Histogram[0];
    private long intervalStart;
    private boolean closed;
    /** The Prometheus endpoint's counters, fed with the events' numbers; null without {@code metrics=}. */
    private MethodMetrics metrics;
    /** CPU time the previous flush took on its thread (encoding histograms, committing events). */
    private long lastFlushCpuNs;
    Flusher(Session session, TimingPolicy policy, Calibration calibration, MethodForms forms, AgentCpu cpu) {
        this.session = session;
        this.cpu = cpu;
        this.policy = policy;
        this.calibration = calibration;
        this.forms = forms;
        this.budget = new CostBudget(session.options().budget(), calibration, policy, forms, session.log());
        this.intervalStart = System.currentTimeMillis();
        // Counts are cumulative per thread; a session attached after an earlier one starts from what is there.
        this.last = totals(false);
    }

    /** Feeds every later flush's numbers to the Prometheus endpoint as well. */
    synchronized void metrics(MethodMetrics m) {
        this.metrics = m;
    }

    /** Whether the final flush has run. */
    synchronized boolean closed() {
        return closed;
    }

    /** Collects the interval just ended and emits its events; {@code last} marks the final flush. */
    synchronized void flush(boolean isFinal) {
        if (closed) {
            return;
        }
        long t0 = System.nanoTime();
        long cpu0 = AgentCpu.threadCpuNs();
        long end = System.currentTimeMillis();
        MethodTable.epoch = MethodTable.epoch + 1; // only ever written here, under this lock
        try {
            Thread.sleep(HANDOFF_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int n = MethodTable.size();
        if (merged.length < n) {
            merged = Arrays.copyOf(merged, n);
        }
        long[] total = collect(n, isFinal);

        long countedCalls = 0;
        long timedCalls = 0;
        long estimated = 0;
        double seconds = Math.max(1, end - intervalStart) / 1000.0;
        double timedNs = calibration.timedNs;
        budget.startInterval();
        for (int id = 0; id < n; id++) {
            long inv = total[2 * id] - (2 * id < last.length ? last[2 * id] : 0);
            long exc = total[2 * id + 1] - (2 * id + 1 < last.length ? last[2 * id + 1] : 0);
            // A stale read of a thread's counts (its array just grew) can be lower than what was reported:
            // keep the larger value, report the rest later.
            if (2 * id + 1 < last.length) {
                total[2 * id] = Math.max(total[2 * id], last[2 * id]);
                total[2 * id + 1] = Math.max(total[2 * id + 1], last[2 * id + 1]);
            }
            Histogram h = merged[id];
            long timed = h == null ? 0 : h.getTotalCount();
            if (inv <= 0 && exc <= 0 && timed == 0) {
                continue;
            }
            inv = Math.max(0, inv);
            exc = Math.max(0, exc);
            MethodTable.MethodInfo info = MethodTable.info(id);
            int mask = MethodTable.mask(id);
            long overhead = (long) (Math.max(0, inv - timed) * calibration.untimedNs(info.probe()) + timed * timedNs);
            MethodProfileEvent e = new MethodProfileEvent();
            e.formatVersion = OxidizerAgent.FORMAT_VERSION;
            e.sessionId = session.id();
            e.methodId = id;
            e.className = info.className();
            e.methodName = info.methodName();
            e.descriptor = info.descriptor();
            e.modifiers = info.modifiers();
            e.invocations = inv;
            e.exceptional = exc;
            e.timedCount = timed;
            e.timingPolicy = info.trivial() ? TimingPolicy.TRIVIAL : TimingPolicy.name(mask);
            e.samplingInterval = info.trivial() ? 0 : TimingPolicy.interval(mask);
            e.histogram = timed == 0 ? "" : encoder.encode(h);
            e.intervalStart = intervalStart;
            e.intervalEnd = end;
            e.overheadNs = overhead;
            e.form = MethodForms.formOf(info.probe(), mask);
            String reason = forms.reason(id);
            e.formReason = reason.isEmpty() && info.trivial() ? MethodForms.TRIVIAL : reason;
            e.commit();
            if (metrics != null) {
                metrics.record(id, inv, exc, h);
            }
            budget.cost(id, info, mask, inv, timed, overhead, seconds);
            countedCalls += inv;
            timedCalls += timed;
            estimated += overhead;
            // The median, not the mean: a preempted call (ms on a busy machine) must not make a 20 ns method "long".
            int next = info.trivial() || forms.pinned(id) ? mask
                    : policy.next(mask, inv, timed, timed == 0 ? 0 : h.getValueAtPercentile(50), seconds);
            if (next != mask) {
                MethodTable.setMask(id, next);
            }
            if (h != null) {
                h.reset();
            }
        }
        last = total;
        if (metrics != null) {
            metrics.publish(end, isFinal);
        }
        if (!isFinal) {
            // the budget counts the flusher's own CPU of the previous flush too: fewer timed methods, less to encode
            budget.enforce(estimated + lastFlushCpuNs);
        }
        emitForms();

        session.emitSessionEvent();
        AgentOverheadEvent o = new AgentOverheadEvent();
        o.formatVersion = OxidizerAgent.FORMAT_VERSION;
        o.sessionId = session.id();
        o.countedCalls = countedCalls;
        o.timedCalls = timedCalls;
        o.nsPerCountedCall = calibration.countedNs;
        o.nsPerTimedCall = timedNs;
        o.estimatedOverheadNs = estimated;
        o.flushNs = System.nanoTime() - t0;
        long cpu1 = AgentCpu.threadCpuNs();
        lastFlushCpuNs = cpu0 < 0 || cpu1 < 0 ? 0 : cpu1 - cpu0;
        o.flushCpuNs = lastFlushCpuNs;
        o.startupCpuNs = cpu.takeStartup();
        o.transformCpuNs = cpu.takeTransform();
        o.jfrCpuNs = cpu.takeJfr();
        o.processCpuNs = cpu.takeProcess();
        o.jitCpuNs = cpu.takeJit();
        o.intervalStart = intervalStart;
        o.intervalEnd = end;
        o.commit();
        intervalStart = end;
        if (isFinal) {
            closed = true;
        }
    }


    /** Writes the form decisions and changes since the last flush. */
    private void emitForms() {
        for (MethodForms.Change c : forms.drain()) {
            MethodForms.Unregistered m = c.method();
            if (m == null) {
                MethodTable.MethodInfo info = MethodTable.info(c.id());
                if (info == null) {
                    continue;
                }
                m = new MethodForms.Unregistered(info.className(), info.methodName(), info.descriptor(), info.modifiers());
            }
            MethodFormEvent e = new MethodFormEvent();
            e.formatVersion = OxidizerAgent.FORMAT_VERSION;
            e.sessionId = session.id();
            e.methodId = c.id();
            e.className = m.className();
            e.methodName = m.methodName();
            e.descriptor = m.descriptor();
            e.modifiers = m.modifiers();
            e.form = c.form();
            e.previousForm = c.previous();
            e.reason = c.reason().reason();
            e.bytecodeSize = c.reason().bytes();
            e.instrumentedSize = c.reason().estimatedBytes();
            e.limit = c.reason().limit();
            e.commit();
        }
    }

    /** Where the budget sends demotions that need a retransformation (set once the instrumentation exists). */
    void demoter(CostBudget.Demoter demoter) {
        budget.demoter(demoter);
    }

    /** Cumulative counts over live and ended threads, merging handed-over histograms into {@link #merged}. */
    private long[] collect(int n, boolean isFinal) {
        long[] total = new long[2 * n];
        // Ended threads folded earlier; threads found ended below are added to both total and retired.
        for (int i = 0; i < Math.min(total.length, retired.length); i++) {
            total[i] += retired[i];
        }
        StatePool.refill(); // registers the states threads took from the pool since the last flush
        List<ThreadState> states = ThreadState.registered();
        for (ThreadState s : states) {
            Thread owner = s.owner(); // null: taken, its owner's write not seen yet; live for this flush
            boolean ended = owner != null && !owner.isAlive(); // read first: happens-after all its writes
            int len = Math.min(2 * n, s.countsLength());
            for (int i = 0; i < len; i++) {
                total[i] += s.count(i);
            }
            Histogram[] handed = s.handoff;
            if (handed != null) {
                mergeAndReset(handed, false);
                s.handoff = null;
                if (s.spare == null) {
                    s.spare = handed;
                }
            }
            if (ended) {
                mergeAndReset(s.currentHistograms(), false);
                int all = s.countsLength();
                if (retired.length < all) {
                    retired = Arrays.copyOf(retired, all);
                }
                for (int i = 0; i < all; i++) {
                    retired[i] += s.count(i);
                }
                ThreadState.unregister(s);
                dev.oxidizer.agent.runtime.Probe.release(s);
            } else if (isFinal) {
                // Best effort: the thread is alive, typically parked; a write racing with this read may be lost.
                mergeAndReset(s.currentHistograms(), true);
            }
        }
        return total;
    }

    private static long[] totals(boolean unused) {
        StatePool.refill(); // the session's first fill, before anything is instrumented
        int n = MethodTable.size();
        long[] total = new long[2 * n];
        for (ThreadState s : ThreadState.registered()) {
            int len = Math.min(2 * n, s.countsLength());
            for (int i = 0; i < len; i++) {
                total[i] += s.count(i);
            }
        }
        return total;
    }

    private void mergeAndReset(Histogram[] hs, boolean racy) {
        int n = Math.min(hs.length, merged.length);
        for (int id = 0; id < n; id++) {
            Histogram h = hs[id];
            if (h == null || h.getTotalCount() == 0) {
                continue;
            }
            try {
                Histogram m = merged[id];
                if (!racy && (m == null || m.getTotalCount() == 0)) {
                    // The first histogram of this method in the interval (usually the only one): take it as it
                    // is and give the thread the empty one, instead of adding and clearing tens of thousands of
                    // counts. The array is the flusher's alone now (handed over, or its thread has ended).
                    merged[id] = h;
                    hs[id] = m;
                    continue;
                }
                Histogram src = racy ? h.copy() : h;
                if (m == null) {
                    merged[id] = m = ThreadState.newHistogram();
                }
                m.add(src);
                h.reset();
            } catch (RuntimeException e) {
                session.log().warn("could not merge a histogram of method " + id + ": " + e, null);
            }
        }
    }
}

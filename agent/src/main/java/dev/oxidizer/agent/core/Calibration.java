package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * Measures, once at start, what each kind of probe adds to a call on this JVM, for the overhead estimates
 * written with every flush. Runs on the flusher thread, in loops the JIT has compiled, on copies of the probes'
 * paths (the thread-state lookup by thread id, the count increment, the timing-mask test, the clock reads and the
 * histogram record) kept here: running the real {@link dev.oxidizer.agent.runtime.Probe} would add this thread's
 * calls to the profile the JIT compiles every instrumented method's probes from, and a path the application never
 * takes (a thread's first lookup) would then be compiled into all of them (docs/performance.md). Until it
 * finishes, defaults from JMH measurements on a small cloud VM are used.
 *
 * <p>What the estimate is: per method and interval, its untimed calls times the cost of its kind of probe
 * (none for a method counted at its call sites: one add in a register, below what can be measured) plus its
 * timed calls times the cost of a timed call. What it is not: the JIT compiles instrumented code differently
 * (a probe inlined into a caller can cost that caller registers, docs/performance.md); only a run without
 * the agent, side by side, measures that.
 */
final class Calibration {
    /** One {@code System.nanoTime()}. */
    volatile double timerNs = 25;
    /** A call through the count-only probe of a trivial method. */
    volatile double countedNs = 1;
    /** An untimed call through the full probe. */
    volatile double fullNs = 4;
    /** A timed call: the full probe, two clock reads and a record into the thread's histogram. */
    volatile double timedNs = 90;

    /**
     * Calls per loop and round: 1-2 ms of work, well above the clock's resolution, and enough back edges for the JIT's
     * on-stack replacement within a few rounds. (200,000 cost the application's start about 100 ms of CPU.)
     */
    private static final int CALLS = 50_000;
    /**
     * Read (volatile) once per loop iteration by every calibration loop and its baseline: an acquire, so the JIT can
     * neither hoist the probe's thread-state lookup out of the loop nor fold the loop's increments into one, as it
     * can in a loop of plain code (it did: a count-only call then measured 0.07 ns). Probes in different methods of
     * an application each do their lookup; the baseline's cost (the read itself) is subtracted.
     */
    private static volatile int fence;
    private static final int MAX_ROUNDS = 60;
    static volatile long sink;

    /** The probes' per-thread state, as {@code ThreadState} holds it: the owner, counts and timing masks. */
    private static final class State {
        final Thread thread = Thread.currentThread();
        final long[] counts = new long[64];
        final int[] masks = new int[32];

        State() {
            Arrays.fill(masks, MethodTable.MASK_OFF);
        }
    }

    /** Looked up by thread id, as the probes do; slots are written racily and checked against their owner. */
    private static final State[] SLOTS = new State[4096];

    /** What an untimed call of a method counted this way adds, in ns. */
    double untimedNs(int probe) {
        return switch (probe) {
            case MethodTable.PROBE_FULL -> fullNs;
            case MethodTable.PROBE_COUNT -> countedNs;
            default -> 0; // counted at the call sites
        };
    }

    void run() {
        double timer = Double.MAX_VALUE;
        double counted = Double.MAX_VALUE;
        double full = Double.MAX_VALUE;
        double record = Double.MAX_VALUE;
        double base = Double.MAX_VALUE;
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        // Until the JIT has compiled the loops: at start-up its queue is full of the application's methods, so
        // the first rounds may run interpreted. Stop after 4 rounds that improve no minimum by 2 %, or 60 rounds.
        int stale = 0;
        for (int round = 0; round < MAX_ROUNDS && stale < 4; round++) {
            double[] before = {timer, counted, full, record, base};
            long t0 = System.nanoTime();
            long acc = clockReads();
            long t1 = System.nanoTime();
            acc += countOnly(3);
            long t2 = System.nanoTime();
            acc += fullProbe(5);
            long t3 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                h.recordValue(50 + (i & 1023));
            }
            long t4 = System.nanoTime();
            acc += baseline(7);
            long t5 = System.nanoTime();
            sink = acc;
            base = Math.min(base, (t5 - t4) / (double) CALLS);
            timer = Math.min(timer, (t1 - t0) / (double) CALLS);
            counted = Math.min(counted, (t2 - t1) / (double) CALLS);
            full = Math.min(full, (t3 - t2) / (double) CALLS);
            record = Math.min(record, (t4 - t3) / (double) CALLS);
            boolean improved = timer < 0.98 * before[0] || counted < 0.98 * before[1] || full < 0.98 * before[2]
                    || record < 0.98 * before[3] || base < 0.98 * before[4];
            stale = improved ? 0 : stale + 1;
        }
        timerNs = timer;
        // each loop's fastest round, less the fastest round of the loop without a probe
        countedNs = Math.max(0.1, counted - base);
        fullNs = Math.max(0.1, full - base);
        timedNs = full + 2 * timer + record;
    }

    private static long clockReads() {
        long acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += System.nanoTime();
        }
        return acc;
    }

    private static State state() {
        Thread t = Thread.currentThread();
        int i = (int) t.getId() & (SLOTS.length - 1); // as the probes do (threadId() is Java 19+)
        State s = SLOTS[i];
        if (s == null || s.thread != t) {
            SLOTS[i] = s = new State();
        }
        return s;
    }

    /** The count-only probe: lookup and increment, over a few methods. */
    private static long countOnly(int id) {
        long acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += fence;
            state().counts[(id + (i & 7)) << 1]++;
        }
        return acc + state().counts[id << 1];
    }

    /** What the loops cost without a probe: the fenced read and the loop itself. */
    private static long baseline(int id) {
        long acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += fence + ((id + (i & 7)) << 1);
        }
        return acc;
    }

    /** The full probe's untimed call: lookup, increment, mask test at entry; the not-timed test at exit. */
    private static long fullProbe(int id) {
        long acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += fence;
            State s = state();
            long n = ++s.counts[(id + (i & 7)) << 1];
            long start = (n & s.masks[id]) != 0 ? 0 : n;
            acc += start != 0 ? start : 1;
        }
        return acc;
    }
}

package dev.oxidizer.agent.runtime;

/**
 * The hot path, called from advice inlined into every instrumented method. Allocates nothing (after a
 * thread's first call), takes no lock and writes no shared memory: counts and histograms are per thread
 * ({@link ThreadState}); the only shared reads are the timing masks and the flush epoch.
 *
 * <p>Never throws in practice; the advice also suppresses any {@code Throwable}.
 */
public final class Probe {
    /**
     * Returned by {@link #enter} for a call that is counted but not timed. Zero, so that an enter advice whose
     * exception was suppressed (returning the default 0) never produces a bogus latency; a clock read of
     * exactly 0 merely drops that one sample.
     */
    public static final long NOT_TIMED = 0L;

    private static final ThreadLocal<ThreadState> STATE = ThreadLocal.withInitial(ThreadState::create);

    private Probe() {}

    /** Counts the call; returns the start time if this call is timed, else {@link #NOT_TIMED}. */
    public static long enter(int id) {
        ThreadState s = STATE.get();
        long[] c = s.counts;
        int i = id << 1;
        if (i >= c.length) {
            c = s.grow(i);
        }
        long n = ++c[i];
        if (n > MethodTable.warmupCalls && (n & MethodTable.masks[id]) != 0) {
            return NOT_TIMED;
        }
        return System.nanoTime();
    }

    /** Records the latency of a timed call and counts an exceptional exit. */
    public static void exit(int id, long start, Throwable thrown) {
        if (start != NOT_TIMED) {
            long nanos = System.nanoTime() - start;
            ThreadState s = STATE.get();
            s.record(id, nanos < 0 ? 0 : nanos);
            if (thrown != null) {
                s.exceptional(id);
            }
        } else if (thrown != null) {
            STATE.get().exceptional(id);
        }
    }

    /** Count-only exit used where no exception can be observed (constructors, see the advice). */
    public static void exitNormally(int id, long start) {
        if (start != NOT_TIMED) {
            long nanos = System.nanoTime() - start;
            STATE.get().record(id, nanos < 0 ? 0 : nanos);
        }
    }
}

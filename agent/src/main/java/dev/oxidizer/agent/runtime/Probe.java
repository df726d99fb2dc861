package dev.oxidizer.agent.runtime;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot path, called from advice inlined into every instrumented method. Allocates nothing (after a
 * thread's first call), takes no lock and writes no shared memory: counts and histograms are per thread
 * ({@link ThreadState}); the count path reads no volatile field (the timing masks are the thread's own copy),
 * only the timed path reads the flush epoch and mask version.
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

    /** States of threads that found their slot held by another thread: the slow path, keyed by carrier thread. */
    private static final ConcurrentHashMap<Thread, ThreadState> OVERFLOW = new ConcurrentHashMap<>();
    /**
     * A carrier thread's state found by its id, checked against its owner: cheaper than a
     * {@link ThreadLocal#get()} (measured 0.2 vs 1.8 ns added on a quiet machine). Two live threads whose ids
     * collide share a slot; the one not in it takes {@link #claim}'s map. Slots are written racily: a slot only ever holds a state
     * whose owner is checked before use, and each thread only uses its own state.
     */
    private static final ThreadState[] SLOTS = new ThreadState[4096];
    private static final int SLOT_MASK = SLOTS.length - 1;

    private Probe() {}

    /** Counts the call; returns the start time if this call is timed, else {@link #NOT_TIMED}. */
    public static long enter(int id) {
        ThreadState s = state();
        long n = s.increment(id << 1);
        if ((n & s.masks[id]) != 0 && n > MethodTable.warmupCalls) {
            return NOT_TIMED;
        }
        return System.nanoTime();
    }

    /** Counts a call of a trivial method (count-only probe: no clock, no exit). */
    public static void count(int id) {
        state().increment(id << 1);
    }

    /**
     * Adds the calls a method counted in a local variable at its call sites of trivial method {@code id}
     * (docs/agent.md, "Trivial methods") and returns the new value of that variable: 0. Never throws.
     */
    public static long flush(int id, long pending) {
        if (pending != 0) {
            try {
                state().add(id << 1, pending);
            } catch (Throwable t) {
                // never into the application: the calls are lost, as with a failing count probe
            }
        }
        return 0;
    }

    /** Counts one call of trivial method {@code id} at a call site that cannot batch (constructors). */
    public static void countSite(int id) {
        try {
            state().increment(id << 1);
        } catch (Throwable t) {
            // never into the application
        }
    }

    /** Records the latency of a timed call and counts an exceptional exit. */
    public static void exit(int id, long start, Throwable thrown) {
        if (start != NOT_TIMED) {
            long nanos = System.nanoTime() - start;
            ThreadState s = state();
            s.record(id, nanos < 0 ? 0 : nanos);
            if (thrown != null) {
                s.exceptional(id);
            }
        } else if (thrown != null) {
            state().exceptional(id);
        }
    }

    /** Count-only exit used where no exception can be observed (constructors, see the advice). */
    public static void exitNormally(int id, long start) {
        if (start != NOT_TIMED) {
            long nanos = System.nanoTime() - start;
            state().record(id, nanos < 0 ? 0 : nanos);
        }
    }

    /**
     * The calling thread's state. Compiles to no call on the paths a running application takes: the hit, and a
     * thread's first lookup, which takes a state the flusher made in advance ({@link StatePool}). The call to
     * {@link #claim} remains for a slot held by another thread (ids that collide, or a thread that ended less
     * than a flush interval ago) and for an empty pool entry; C2 compiles those as traps unless they were taken.
     *
     * <p>The first lookup is written out here, not called: C2 inlines no call on a path as rarely run as a
     * thread's first probe ("low call site frequency"), and it compiles every branch of that path, taken or not,
     * because so few runs give no usable profile. Hence also the empty entry found by the null check the JVM
     * makes anyway (an exception, which C2 compiles as a trap), not by a test of our own, which it would compile
     * as a call to {@code claim} into every inlined probe.
     */
    private static ThreadState state() {
        Thread t = Carrier.current();
        int i = (int) t.getId() & SLOT_MASK;
        ThreadState s = SLOTS[i];
        if (s != null) {
            return s.thread == t ? s : claim(t);
        }
        try {
            s = (ThreadState) StatePool.ENTRY.getAndSet(StatePool.ENTRIES,
                    (int) StatePool.NEXT.getAndAdd(1) & StatePool.MASK, (ThreadState) null);
            s.thread = t; // NullPointerException: an empty entry (more thread starts than the pool holds)
        } catch (NullPointerException e) {
            return claim(t);
        }
        SLOTS[i] = s; // racy, as every slot write: a thread that loses a race for the slot takes claim's path
        return s;
    }

    /**
     * The state of carrier thread {@code t} when its slot holds another thread's state or the pool was empty.
     * Registering a new state takes a lock, where a virtual thread may leave its carrier: the loop returns only a
     * state of the carrier the caller runs on after the last point where it could have blocked.
     */
    private static ThreadState claim(Thread t) {
        for (;;) {
            ThreadState s = OVERFLOW.get(t);
            if (s == null) {
                ThreadState created = ThreadState.create(t);
                s = OVERFLOW.putIfAbsent(t, created);
                if (s == null) {
                    s = created;
                }
            }
            int i = (int) t.getId() & SLOT_MASK;
            ThreadState holder = SLOTS[i];
            Thread owner = holder == null ? null : holder.thread; // null: published racily, not yet seen whole
            if (owner == null || !owner.isAlive()) {
                SLOTS[i] = s;
            }
            Thread now = Carrier.current();
            if (now == t) {
                return s;
            }
            t = now;
        }
    }

    /** Frees the slot of a state whose thread has ended (flusher), so it can be collected. */
    public static void release(ThreadState s) {
        Thread owner = s.thread;
        int i = (int) owner.getId() & SLOT_MASK;
        if (SLOTS[i] == s) {
            SLOTS[i] = null;
        }
        OVERFLOW.remove(owner, s);
    }
}

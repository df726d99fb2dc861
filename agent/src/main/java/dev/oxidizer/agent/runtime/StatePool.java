package dev.oxidizer.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Thread states made in advance by the flusher, so that a thread's first probe takes one with two atomic
 * instructions instead of calling anything.
 *
 * <p>Why: the probes are inlined into the application's methods, and C2 compiles every path of them that the
 * profile has seen taken. A thread's first lookup is such a path whenever a thread starts while the probes are
 * profiled (a pool that grows, a thread per connection). Compiled as a call, it costs the caller far more than
 * its rare execution: HotSpot keeps no value in a register across a call, and C2's allocator can keep a hot
 * loop's values spilled to the stack because of a call after the loop (docs/performance.md). Taking a state
 * ({@code Probe.state}) compiles to two intrinsics ({@code lock xadd}, {@code xchg}).
 *
 * <p>Threading: any thread takes an entry, without a lock, by {@code getAndSet(null)} on the entry that
 * {@link #NEXT} points to, so each state is handed out at most once. {@link #refill} runs on the flusher
 * (synchronized): it registers the states taken since its last run with {@link ThreadState#register}, so the
 * flusher only iterates states a thread owns, and puts fresh states into empty entries, and into entries whose
 * state is smaller than the method table has become.
 */
public final class StatePool {
    /** Thread starts between two flushes that take no call (more fall back to {@code Probe.claim}). */
    static final int SIZE = 32;
    static final int MASK = SIZE - 1;
    static final ThreadState[] ENTRIES = new ThreadState[SIZE];
    static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(ThreadState[].class);
    /** Atomic access to {@link #next}. */
    static final VarHandle NEXT;
    /** Where the next thread takes its state: only ever incremented, wraps around the entries. */
    private static int next;
    /** What {@link #refill} last put into each entry: the state a thread took when the entry is found empty. */
    private static final ThreadState[] ISSUED = new ThreadState[SIZE];

    static {
        try {
            NEXT = MethodHandles.lookup().findStaticVarHandle(StatePool.class, "next", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private StatePool() {}

    /**
     * Registers the states taken since the last call and fills the pool (flusher; also once when a session
     * starts). A state taken after an entry was looked at here is registered at the next call: its counts
     * are cumulative, so they are reported one flush later, not lost.
     */
    public static synchronized void refill() {
        int capacity = ThreadState.initialCapacity();
        for (int k = 0; k < SIZE; k++) {
            ThreadState pooled = (ThreadState) ENTRY.getVolatile(ENTRIES, k);
            if (pooled == null) {
                if (ISSUED[k] != null) {
                    ThreadState.register(ISSUED[k]);
                }
            } else if (pooled.capacity() >= capacity) {
                continue;
            } else if (ENTRY.compareAndSet(ENTRIES, k, pooled, (ThreadState) null)) {
                // Smaller than the table has grown: its owner would grow it on first use. Dropped unused.
                ISSUED[k] = null;
            } else {
                ThreadState.register(ISSUED[k]); // taken just now
            }
            ThreadState fresh = ThreadState.unowned();
            ISSUED[k] = fresh;
            ENTRY.setVolatile(ENTRIES, k, fresh); // publishes the state's arrays to the thread that takes it
        }
    }
}

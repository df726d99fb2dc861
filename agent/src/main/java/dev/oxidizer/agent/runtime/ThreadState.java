package dev.oxidizer.agent.runtime;

import org.HdrHistogram.Histogram;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's counters and interval histograms. Written only by its thread (no atomics, no locks on the
 * hot path); read by the flusher as follows.
 *
 * <ul>
 *   <li><b>Counts</b> ({@code counts[2*id]} calls entered, {@code counts[2*id+1]} exceptional exits) are
 *   cumulative. The flusher reads them with opaque reads and reports differences, so a late read only moves
 *   calls into the next interval. When the thread has ended ({@code !isAlive()}, which happens-after all its
 *   writes) the flusher folds its final counts into a retired total and forgets the state: no count of an
 *   ended thread is lost.</li>
 *   <li><b>Histograms</b> are double-buffered by handoff: when the writer sees a new {@link MethodTable#epoch}
 *   it publishes its current array in {@link #handoff} (volatile) and continues in a recycled one from
 *   {@link #spare}. The flusher merges what was handed over; it reads a live thread's current array only at
 *   the final flush (best effort) and a dead thread's array at any time (safe).</li>
 * </ul>
 */
public final class ThreadState {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final Object REGISTRY_LOCK = new Object();
    private static final List<ThreadState> REGISTRY = new ArrayList<>();

    /**
     * Owning thread; the flusher checks {@code isAlive()}. Null while the state waits in the {@link StatePool};
     * written once, by the owner, when it takes the state. Not final, so read racily by others: a thread
     * comparing a slot's state with itself can see only its own write or someone else's owner, never itself
     * wrongly; the flusher treats null as a live owner (the counts it reads are then still zero or cumulative).
     */
    Thread thread;
    /**
     * Grown by the owner only. Plain, not volatile, to keep the hot path lean: the flusher may see an older
     * array for a while after a growth, which only delays counts (it keeps the largest value it has seen).
     */
    long[] counts;
    /**
     * The owner's copy of {@link MethodTable#masks}, at least {@code counts.length / 2} long, read by the hot
     * path instead of the shared volatile array: no memory barrier between two inlined probes, so the JIT can
     * share one thread-state lookup among them. Refreshed by the owner on its timed path when
     * {@link MethodTable#maskVersion} moved, so a new mask takes effect at the thread's next timed call.
     */
    int[] masks;
    /** The {@link MethodTable#maskVersion} {@link #masks} was copied at. */
    int maskVersion;
    /** The owner's current interval histograms, indexed by method id (lazily created). */
    Histogram[] hist;
    /** Epoch the current histograms belong to. */
    int epoch;
    /** Histograms handed to the flusher (owner writes when null, flusher clears after merging). */
    public volatile Histogram[] handoff;
    /** Reset histograms returned by the flusher for reuse (flusher writes when null, owner takes). */
    public volatile Histogram[] spare;

    private ThreadState(Thread thread) {
        this.thread = thread;
        int n = initialCapacity();
        this.counts = new long[2 * n];
        this.hist = new Histogram[n];
        this.epoch = MethodTable.epoch;
        refreshMasks(n);
    }

    /** A registered state owned by {@code owner} (the slow path, {@code Probe.claim}). */
    static ThreadState create(Thread owner) {
        ThreadState s = new ThreadState(owner);
        register(s);
        return s;
    }

    /** An unregistered state without an owner, for the {@link StatePool}. */
    static ThreadState unowned() {
        return new ThreadState(null);
    }

    /** Methods a new state has room for: twice the table's current size, so that few states ever grow. */
    static int initialCapacity() {
        return Math.max(64, MethodTable.size() * 2);
    }

    /** Methods this state has room for without growing (as last seen by the caller). */
    int capacity() {
        return counts.length / 2;
    }

    /** Adds a state to those the flusher reads. */
    static void register(ThreadState s) {
        synchronized (REGISTRY_LOCK) {
            REGISTRY.add(s);
        }
    }

    /** The owning thread, or null while no thread has taken this state (read racily: see {@link #thread}). */
    public Thread owner() {
        return thread;
    }

    /** A snapshot of all registered states (flusher). */
    public static List<ThreadState> registered() {
        synchronized (REGISTRY_LOCK) {
            return new ArrayList<>(REGISTRY);
        }
    }

    /** Forgets a state whose thread has ended and whose data has been folded (flusher). */
    public static void unregister(ThreadState s) {
        synchronized (REGISTRY_LOCK) {
            REGISTRY.remove(s);
        }
    }

    /** Cumulative count at {@code index} (2*id entered, 2*id+1 exceptional), read without tearing. */
    public long count(int index) {
        long[] c = counts;
        return index < c.length ? (long) LONGS.getOpaque(c, index) : 0L;
    }

    /** Length of the counts array (2 × method capacity). */
    public int countsLength() {
        return counts.length;
    }

    /**
     * The owner's current histograms. Safe to read only when the thread has ended; at the final flush the
     * flusher reads it anyway, accepting that a concurrent write may be missed.
     */
    public Histogram[] currentHistograms() {
        return hist;
    }

    long[] grow(int index) {
        long[] c = counts;
        long[] grown = new long[Math.max(c.length * 2, (index | 1) + 1 + 64)];
        System.arraycopy(c, 0, grown, 0, c.length);
        refreshMasks(grown.length / 2);
        counts = grown;
        return grown;
    }

    /** Copies the shared masks (volatile read first), into an array of at least {@code capacity} entries. */
    private void refreshMasks(int capacity) {
        int version = MethodTable.maskVersion;
        int[] shared = MethodTable.masks;
        int[] copy = masks != null && masks.length >= capacity ? masks : new int[capacity];
        int n = Math.min(shared.length, copy.length);
        System.arraycopy(shared, 0, copy, 0, n);
        masks = copy;
        maskVersion = version;
    }

    /** Adds one to the count at {@code index} (2*id entered, 2*id+1 exceptional) and returns the new count. */
    long increment(int index) {
        return add(index, 1);
    }

    /**
     * Adds {@code n} to the count at {@code index} and returns the new count ({@code n > 1}: calls counted at call
     * sites, see {@link Probe#flush}).
     */
    long add(int index, long n) {
        long[] c = counts;
        try {
            return c[index] += n;
        } catch (ArrayIndexOutOfBoundsException e) {
            // The JVM's own bounds check is the growth test, on purpose: C2 compiles a failing bounds check that
            // has never failed in compiled code as a trap, whereas an explicit test that the profile saw taken
            // (any thread growing during warm-up) becomes a call to grow() in every inlined probe, which costs
            // the caller its registers (StatePool, docs/performance.md). Growth is rare: a state starts with room
            // for twice the methods known, and at least doubles when it grows.
            return grow(index)[index] += n;
        }
    }

    void exceptional(int id) {
        increment((id << 1) + 1);
    }

    void record(int id, long nanos) {
        if (epoch != MethodTable.epoch) {
            rotate();
        }
        if (maskVersion != MethodTable.maskVersion) {
            refreshMasks(counts.length / 2);
        }
        Histogram[] h = hist;
        if (id >= h.length) {
            Histogram[] grown = new Histogram[Math.max(h.length * 2, id + 1)];
            System.arraycopy(h, 0, grown, 0, h.length);
            hist = h = grown;
        }
        Histogram x = h[id];
        if (x == null) {
            h[id] = x = newHistogram();
        }
        if (nanos > x.getHighestTrackableValue()) {
            h[id] = x = wider(x, nanos);
        }
        x.recordValue(nanos);
    }

    /**
     * A copy of {@code x} that can hold {@code nanos}. HdrHistogram's own auto-resize finds a value out of range by
     * catching an {@code ArrayIndexOutOfBoundsException} from its counts array, on the recording thread, which JFR
     * counts and a JIT may compile as a deoptimization; this growth throws nothing. It at least doubles the range,
     * so a histogram grows a few times in its life (a range of 2^k ns needs about k - 10 doublings).
     */
    private static Histogram wider(Histogram x, long nanos) {
        Histogram w = new Histogram(1, Math.max(nanos, 2 * x.getHighestTrackableValue()), 3);
        w.setAutoResize(true);
        w.add(x);
        return w;
    }

    /** Hands the current interval over if the flusher took the previous one; otherwise keeps accumulating. */
    private void rotate() {
        epoch = MethodTable.epoch;
        if (handoff != null) {
            return;
        }
        Histogram[] current = hist;
        Histogram[] next = spare;
        if (next != null) {
            spare = null;
        }
        if (next == null || next.length < current.length) {
            next = new Histogram[current.length];
        }
        hist = next;
        handoff = current;
    }

    /**
     * Latency histogram as the format requires: ns, 3 significant digits, auto-resizing. Its stated range (2047 ns)
     * is what its smallest counts array covers, so {@link #record} sees exactly when it must grow.
     */
    public static Histogram newHistogram() {
        Histogram h = new Histogram(1, 2047, 3);
        h.setAutoResize(true);
        return h;
    }
}

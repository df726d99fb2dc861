package dev.oxidizer.agent.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * The table of instrumented methods: each gets a dense int id at transform time, which the inlined advice
 * uses to index per-thread arrays. Also holds the per-method timing mask the hot path reads, and the flush
 * epoch that tells writers to hand their interval histograms over.
 *
 * <p>Threading: {@link #register} is synchronized (transform time only). {@link #masks} and {@link #maskVersion}
 * are written under that lock (by {@link #register} and the flusher's {@link #setMask}), {@link #epoch} only by the
 * flusher; all are read without locks: the epoch and mask version on the timed path, the masks when a thread
 * refreshes its own copy. Arrays are replaced, never
 * shrunk, so an id handed out is always a valid index in every array published after it.
 *
 * <p>This class is loaded by the bootstrap class loader (see {@code AgentEntry}), so advice inlined into any
 * class, under any class loader, can reach it.
 */
public final class MethodTable {
    /** Timing mask meaning "count only": {@code (n & -1) == 0} never holds for a count n &ge; 1. */
    public static final int MASK_OFF = -1;
    /** Timing mask meaning "time every call". */
    public static final int MASK_ALL = 0;

    /**
     * Per method id: a call is timed when {@code (perThreadCount & mask) == 0}; {@code 0} times all,
     * {@code N-1} (N a power of two) times 1 in N, {@code -1} times none.
     */
    public static volatile int[] masks = new int[256];
    /**
     * Calls per thread and method that are timed whatever the mask says (the adaptive policy's warm-up);
     * set once per session before anything is instrumented.
     */
    public static int warmupCalls;
    /** Incremented by the flusher; a writer seeing a new value hands its interval histograms over. */
    public static volatile int epoch;
    /**
     * Incremented after every change of {@link #masks}, a new method's included: a thread seeing a new value on its
     * timed path refreshes its own copy of the masks ({@link ThreadState}), so the hot path reads no volatile
     * field.
     */
    public static volatile int maskVersion;

    private static final Object LOCK = new Object();
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static MethodInfo[] infos = new MethodInfo[256];
    private static volatile int size;
    private static int defaultMask = MASK_ALL;

    private MethodTable() {}

    /** How a method's calls are counted: the full probe (counted, and timed as the mask says). */
    public static final int PROBE_FULL = 0;
    /** The count-only probe of a trivial method. */
    public static final int PROBE_COUNT = 1;
    /** A private trivial method counted in a local variable at its call sites (no probe of its own). */
    public static final int PROBE_CALL_SITE = 2;
    /** Not instrumented (a JIT limit or the cost budget left it out): its calls are unknown, not zero. */
    public static final int PROBE_NONE = 3;

    /**
     * One instrumented method; {@code key} is {@code binary.Class#name(descriptor)}; {@code probe}: how its calls
     * are counted ({@link #PROBE_FULL}, {@link #PROBE_COUNT}, {@link #PROBE_CALL_SITE}).
     */
    public record MethodInfo(int id, String className, String methodName, String descriptor, int modifiers,
                             int probe) {
        public String key() {
            return className + '#' + methodName + descriptor;
        }

        /** Counted, never timed: a trivial method (docs/agent.md). */
        public boolean trivial() {
            return probe == PROBE_COUNT || probe == PROBE_CALL_SITE;
        }
    }

    /**
     * Returns the id of the method, assigning the next one on first sight. The same key (also from another
     * class loader, or after a retransformation) always gets the same id, so counts merge by method key; the
     * latest registration's {@code probe} kind is kept (a retransformation may change it).
     */
    public static int register(String className, String methodName, String descriptor, int modifiers, int probe) {
        String key = className + '#' + methodName + descriptor;
        synchronized (LOCK) {
            Integer known = IDS.get(key);
            if (known != null) {
                MethodInfo info = infos[known];
                if (info.probe() != probe) {
                    infos[known] = new MethodInfo(known, className, methodName, descriptor, modifiers, probe);
                }
                return known;
            }
            int id = size;
            if (id >= infos.length) {
                int n = infos.length * 2;
                MethodInfo[] grownInfos = new MethodInfo[n];
                System.arraycopy(infos, 0, grownInfos, 0, infos.length);
                infos = grownInfos;
            }
            int[] m = masks;
            if (id >= m.length) {
                int[] grown = new int[Math.max(m.length * 2, id + 1)];
                System.arraycopy(m, 0, grown, 0, m.length);
                m = grown;
            }
            m[id] = defaultMask;
            masks = m; // volatile write publishes the slot before the id can be used
            // Threads whose copy of the masks predates this id (every pooled state does) hold 0 for it, "time
            // every call": the new version makes them refresh at that first timed call.
            maskVersion++;
            infos[id] = new MethodInfo(id, className, methodName, descriptor, modifiers, probe);
            IDS.put(key, id);
            size = id + 1;
            return id;
        }
    }

    /** The id of a method key {@code binary.Class#name(descriptor)}, or -1 if it was never instrumented. */
    public static int find(String key) {
        synchronized (LOCK) {
            Integer id = IDS.get(key);
            return id == null ? -1 : id;
        }
    }

    /** Number of ids handed out. */
    public static int size() {
        return size;
    }

    /** The method with this id, or null if out of range. */
    public static MethodInfo info(int id) {
        synchronized (LOCK) {
            return id >= 0 && id < size ? infos[id] : null;
        }
    }

    /** Sets the timing mask new methods start with (the configured policy). */
    public static void setDefaultMask(int mask) {
        synchronized (LOCK) {
            defaultMask = mask;
        }
    }

    /** Sets one method's timing mask (flusher only). */
    public static void setMask(int id, int mask) {
        synchronized (LOCK) {
            int[] m = masks;
            m[id] = mask;
            masks = m; // volatile write: publishes the change to the threads' copies
            maskVersion++;
        }
    }

    /** Current mask of a method. */
    public static int mask(int id) {
        return masks[id];
    }
}

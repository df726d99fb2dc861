package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns methods (frames) and stack traces seen in events to small ints, and keeps per-stack evidence
 * counters, so that memory grows with the number of distinct stacks, never with the number of events.
 *
 * <p>Stacks are stored top first (index 0 is the executing method). JFR resolves each stack trace and
 * method once per chunk, so identity caches ({@link ResolvedObjectCache}) skip re-walking frames for the same
 * object. Tables filled from different chunks are combined
 * with {@link #mergeFrom}, which assigns ids in first-seen order as one table reading all those events would. Not
 * thread-safe.
 */
final class StackTable {
    /** Entries per generation of the identity caches: more than the distinct stacks of most chunks. */
    static final int IDENTITY_CACHE_GENERATION = 100_000;
    /** Threads kept per stack in the merged table: enough to say "many threads"; keeps a stack's record small. */
    static final int MAX_THREADS_PER_STACK = 64;

    private final int threadCap;

    /**
     * @param threadCap threads kept per stack, in first-seen order; a table that is merged later keeps them all so
     *                  that the merged table keeps the same first {@link #MAX_THREADS_PER_STACK} with all their samples
     */
    StackTable(int threadCap) {
        this.threadCap = threadCap;
    }

    /** A method seen in a frame. */
    record Frame(String key, String className, String methodName, String descriptor, int modifiers) {
        String label() {
            return className + "." + methodName;
        }
    }

    /**
     * Evidence counters of one distinct stack: written by {@link StackSampleAccumulator} while reading, read through
     * {@link StackCounts} once frozen.
     */
    static final class Stats implements StackCounts {
        private final int threadCap;
        /**
         * Open-addressing hash index over {@link #threads} (position + 1 by hash of the id, 0 for an empty slot), built
         * once a stack has {@link #INDEX_FROM} threads: a stack seen on a pool of workers is looked up for every event.
         */
        private int[] threadIndex;
        private long exec;
        private long cpuTimeSamples;
        private long evidence;
        private long evidenceOnLatencyThread;
        private long parkCount;
        private long parkNs;
        private long monitorCount;
        private long monitorNs;
        private long ioCount;
        private long ioNs;
        private long allocBytes;
        private long[] threads = new long[2];
        private int threadCount;

        /**
         * Execution samples by the source line of the executing (top) frame, null until one is seen: a JIT stub
         * (System.arraycopy, CRC32) leaves no frame of its own, so its time shows on a line of its caller. Lines, not
         * bytecode indexes: the agent's probes shift the indexes of an instrumented method, never its lines.
         */
        private Map<Integer, Long> topLine;

        /** One execution sample on thread {@code tid} whose top frame was on {@code line} (-1 unknown). */
        void addExecSample(long tid, int line, boolean onLatencyThread) {
            exec++;
            evidence++;
            addTopLine(line, 1);
            if (onLatencyThread) {
                evidenceOnLatencyThread++;
            }
            addThread(tid, 1);
        }

        /** One CPU-time sample, on thread {@code tid} when known. */
        void addCpuTimeSample(Long tid) {
            cpuTimeSamples++;
            if (tid != null) {
                addThread(tid, 1); // per-thread sample counts serve the run-queue correction (CpuModel)
            }
        }

        /** One allocation sample of {@code bytes}. */
        void addAllocation(long bytes, boolean onLatencyThread) {
            allocBytes += bytes;
            evidence++;
            if (onLatencyThread) {
                evidenceOnLatencyThread++;
            }
        }

        /** One wait of {@code ns} of {@code kind}, on thread {@code tid} when known. */
        void addWait(StackSampleAccumulator.WaitKind kind, long ns, Long tid, boolean onLatencyThread) {
            switch (kind) {
                case PARK_OR_SLEEP -> { parkCount++; parkNs += ns; }
                case MONITOR -> { monitorCount++; monitorNs += ns; }
                case IO -> { ioCount++; ioNs += ns; }
            }
            evidence++;
            if (tid != null) {
                if (onLatencyThread) {
                    evidenceOnLatencyThread++;
                }
                addThread(tid);
            }
        }

        private void addTopLine(int line, long n) {
            if (line < 0) {
                return;
            }
            if (topLine == null) {
                topLine = new java.util.LinkedHashMap<>();
            }
            topLine.merge(line, n, Long::sum);
        }

        @Override public long execSamples() { return exec; }
        @Override public long cpuTimeSamples() { return cpuTimeSamples; }
        @Override public long evidence() { return evidence; }
        @Override public long evidenceOnLatencyThread() { return evidenceOnLatencyThread; }
        @Override public long parkCount() { return parkCount; }
        @Override public long parkNs() { return parkNs; }
        @Override public long monitorCount() { return monitorCount; }
        @Override public long monitorNs() { return monitorNs; }
        @Override public long ioCount() { return ioCount; }
        @Override public long ioNs() { return ioNs; }
        @Override public long allocBytes() { return allocBytes; }
        @Override public int threadCount() { return threadCount; }

        @Override
        public long thread(int i) {
            java.util.Objects.checkIndex(i, threadCount);
            return threads[i];
        }

        @Override
        public long threadSamples(int i) {
            java.util.Objects.checkIndex(i, threadCount);
            return threadExec[i];
        }

        @Override
        public Map<Integer, Long> topLineSamples() {
            return topLine == null ? Map.of() : java.util.Collections.unmodifiableMap(topLine);
        }

        /** Samples per thread (execution samples, plus CPU-time samples when recorded), parallel to {@link #threads}. */
        private long[] threadExec = new long[2];
        /** Threads from which a stack's threads are found by hash instead of a scan. */
        private static final int INDEX_FROM = 8;

        Stats(int threadCap) {
            this.threadCap = threadCap;
        }

        void addThread(long id) {
            addThread(id, 0);
        }

        void addThread(long id, long execSamples) {
            int i = position(id);
            if (i >= 0) {
                threadExec[i] += execSamples;
                return;
            }
            if (threadCount == threadCap) {
                return;
            }
            if (threadCount == threads.length) {
                threads = Arrays.copyOf(threads, threads.length * 2);
                threadExec = Arrays.copyOf(threadExec, threadExec.length * 2);
            }
            threadExec[threadCount] = execSamples;
            threads[threadCount] = id;
            threadCount++;
            if (threadIndex != null && threadCount * 2 <= threadIndex.length) {
                insert(threadCount - 1);
            } else if (threadCount >= INDEX_FROM) {
                threadIndex = new int[Integer.highestOneBit(threadCount) * 4];
                for (int p = 0; p < threadCount; p++) {
                    insert(p);
                }
            }
        }

        /** Position of thread {@code id} in {@link #threads}, or -1. */
        private int position(long id) {
            int[] index = threadIndex;
            if (index == null) {
                for (int i = 0; i < threadCount; i++) {
                    if (threads[i] == id) {
                        return i;
                    }
                }
                return -1;
            }
            int mask = index.length - 1;
            for (int h = hash(id) & mask; ; h = (h + 1) & mask) {
                int p = index[h];
                if (p == 0) {
                    return -1;
                }
                if (threads[p - 1] == id) {
                    return p - 1;
                }
            }
        }

        private void insert(int position) {
            int mask = threadIndex.length - 1;
            int h = hash(threads[position]) & mask;
            while (threadIndex[h] != 0) {
                h = (h + 1) & mask;
            }
            threadIndex[h] = position + 1;
        }

        private static int hash(long id) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        /** Adds the counters of {@code other}, whose events came after this stack's. */
        void addAll(Stats other) {
            exec += other.exec;
            cpuTimeSamples += other.cpuTimeSamples;
            evidence += other.evidence;
            evidenceOnLatencyThread += other.evidenceOnLatencyThread;
            parkCount += other.parkCount;
            parkNs += other.parkNs;
            monitorCount += other.monitorCount;
            monitorNs += other.monitorNs;
            ioCount += other.ioCount;
            ioNs += other.ioNs;
            allocBytes += other.allocBytes;
            if (other.topLine != null) {
                other.topLine.forEach(this::addTopLine);
            }
            for (int i = 0; i < other.threadCount; i++) {
                addThread(other.threads[i], other.threadExec[i]);
            }
        }
    }

    private final List<Frame> frames = new ArrayList<>();
    private final Map<String, Integer> frameIds = new HashMap<>();
    private final ResolvedObjectCache<RecordedMethod, Integer> methodCache = new ResolvedObjectCache<>(IDENTITY_CACHE_GENERATION);
    private final ResolvedObjectCache<RecordedStackTrace, Integer> stackCache = new ResolvedObjectCache<>(IDENTITY_CACHE_GENERATION);
    private final ResolvedObjectCache<RecordedStackTrace, Integer> topLineCache = new ResolvedObjectCache<>(IDENTITY_CACHE_GENERATION);
    private final Map<StackKey, Integer> stackIds = new HashMap<>();
    private final List<int[]> stacks = new ArrayList<>();
    private final List<Stats> stats = new ArrayList<>();
    private final List<Boolean> truncated = new ArrayList<>();

    private record StackKey(int[] frames, int hash) {
        StackKey(int[] frames) {
            this(frames, Arrays.hashCode(frames));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StackKey k && k.hash == hash && Arrays.equals(k.frames, frames);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The source line of the executing (top) frame of {@code st}, -1 when unknown. */
    int topLine(RecordedStackTrace st) {
        if (st == null) {
            return -1;
        }
        Integer cached = topLineCache.get(st);
        if (cached != null) {
            return cached;
        }
        List<RecordedFrame> fs = st.getFrames();
        int line = fs.isEmpty() || fs.get(0).getMethod() == null ? -1 : fs.get(0).getLineNumber();
        topLineCache.put(st, line);
        return line;
    }

    /** Id of the stack, or -1 for an event without one. */
    int intern(RecordedStackTrace st) {
        if (st == null) {
            return -1;
        }
        Integer cached = stackCache.get(st);
        if (cached != null) {
            return cached;
        }
        List<RecordedFrame> fs = st.getFrames();
        int[] ids = new int[fs.size()];
        int n = 0;
        for (RecordedFrame f : fs) {
            RecordedMethod m = f.getMethod();
            if (m == null) {
                continue;
            }
            ids[n++] = internMethod(m);
        }
        int id = internFrames(n == ids.length ? ids : Arrays.copyOf(ids, n), st.isTruncated());
        stackCache.put(st, id);
        return id;
    }

    int internFrames(int[] ids, boolean isTruncated) {
        StackKey key = new StackKey(ids);
        Integer id = stackIds.get(key);
        if (id == null) {
            id = stacks.size();
            stackIds.put(key, id);
            stacks.add(ids);
            stats.add(new Stats(threadCap));
            truncated.add(isTruncated);
        }
        return id;
    }

    int internMethod(RecordedMethod m) {
        Integer cached = methodCache.get(m);
        if (cached != null) {
            return cached;
        }
        String cls = m.getType() == null ? "?" : m.getType().getName();
        int id = internMethod(cls, m.getName(), m.getDescriptor(), m.getModifiers());
        methodCache.put(m, id);
        return id;
    }

    int internMethod(String className, String methodName, String descriptor, int modifiers) {
        String key = MethodKeys.key(className, methodName, descriptor);
        Integer id = frameIds.get(key);
        if (id == null) {
            id = frames.size();
            frameIds.put(key, id);
            frames.add(new Frame(key, className, methodName, descriptor, modifiers));
        }
        return id;
    }

    /**
     * Adds the frames, stacks and counters of {@code other}, as if its events had come after this table's.
     *
     * @return the id in this table of each of {@code other}'s stack ids
     */
    int[] mergeFrom(StackTable other) {
        int[] frameMap = new int[other.frames.size()];
        for (int i = 0; i < frameMap.length; i++) {
            Frame f = other.frames.get(i);
            Integer id = frameIds.get(f.key());
            if (id == null) {
                id = frames.size();
                frameIds.put(f.key(), id);
                frames.add(f);
            }
            frameMap[i] = id;
        }
        int[] stackMap = new int[other.stacks.size()];
        for (int s = 0; s < stackMap.length; s++) {
            int[] fs = other.stacks.get(s);
            int[] mapped = new int[fs.length];
            for (int j = 0; j < fs.length; j++) {
                mapped[j] = frameMap[fs[j]];
            }
            int id = internFrames(mapped, other.truncated.get(s));
            stackMap[s] = id;
            stats.get(id).addAll(other.stats.get(s));
        }
        return stackMap;
    }

    /** Frame id of a method key, or -1 when no stack named it. */
    int frameId(String key) {
        Integer id = frameIds.get(key);
        return id == null ? -1 : id;
    }

    Frame frame(int id) {
        return frames.get(id);
    }

    int frameCount() {
        return frames.size();
    }

    int stackCount() {
        return stacks.size();
    }

    int[] stack(int id) {
        return stacks.get(id);
    }

    Stats stats(int id) {
        return stats.get(id);
    }

    boolean truncated(int id) {
        return truncated.get(id);
    }
}

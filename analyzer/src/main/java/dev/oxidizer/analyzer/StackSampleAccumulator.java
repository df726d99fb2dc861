package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The stack-sampled families, which share one stack table and one thread table: {@code jdk.ExecutionSample},
 * {@code jdk.CPUTimeSample}, {@code jdk.ObjectAllocationSample} and the waits (park, sleep, monitor, socket, file).
 * Memory is proportional to distinct stacks, threads, allocated classes and sampler periods, never to the number of
 * events, except that a read unit keeps its execution samples' times and threads (two longs each; a unit is at most
 * {@link RecordingReader#MAX_DEFAULT_UNIT_BYTES} of file) until it is merged into the sampler's periods.
 *
 * <p>One accumulator per read unit ({@link #forUnit}) accepts events; units merge in file and chunk order into one
 * ({@link #merged}, {@link #merge}), and the result is what reading every event in that order into one would give:
 * interned ids (stacks, allocated classes) are assigned in first-seen order, the merged hash maps receive their keys in
 * first-seen order (a unit keeps its maps in insertion order for that), per-stack thread lists are capped only in the
 * merged accumulator. Not thread-safe.
 */
final class StackSampleAccumulator {
    /** A thread seen in events. */
    static final class ThreadInfo {
        /**
         * The key it is kept under: {@link #scopedThreadId} of its file and Java id, so that threads of different JVMs
         * (which reuse Java ids) are never merged into one: a thread's span and samples describe one JVM's thread.
         */
        final long id;
        final String name;
        final boolean latencyThread;
        final String matchedGlob;
        private long execSamples;
        /** jdk.CPUTimeSample events (not failed) on this thread. */
        private long cpuTimeSamples;
        /** Recorded waits (park, sleep, monitor, socket, file) on this thread, ns. */
        private long waitNs;
        /** First and last event time seen on this thread (epoch ms). */
        private long firstMs = Long.MAX_VALUE;
        private long lastMs = Long.MIN_VALUE;

        ThreadInfo(long id, String name, String matchedGlob) {
            this.id = id;
            this.name = name;
            this.matchedGlob = matchedGlob;
            this.latencyThread = matchedGlob != null;
        }

        long execSamples() { return execSamples; }
        long cpuTimeSamples() { return cpuTimeSamples; }
        long waitNs() { return waitNs; }
        long firstMs() { return firstMs; }
        long lastMs() { return lastMs; }

        void seen(long ms) {
            firstMs = Math.min(firstMs, ms);
            lastMs = Math.max(lastMs, ms);
        }

        void merge(ThreadInfo t) {
            execSamples += t.execSamples;
            cpuTimeSamples += t.cpuTimeSamples;
            waitNs += t.waitNs;
            firstMs = Math.min(firstMs, t.firstMs);
            lastMs = Math.max(lastMs, t.lastMs);
        }
    }

    /** A wait's kind, which decides the stack counters it adds to. */
    enum WaitKind { PARK_OR_SLEEP, MONITOR, IO }

    /** A thread's key: file index in the high bits, Java thread id (below 2^40 in practice) in the low bits. */
    static long scopedThreadId(int fileIndex, long javaId) {
        return ((long) fileIndex << 40) | (javaId & ((1L << 40) - 1));
    }

    /** The recording (file index) a {@link #scopedThreadId} belongs to. */
    static long fileOfThread(long scopedThreadId) {
        return scopedThreadId >> 40;
    }

    final StackTable stacks;
    final Map<Long, ThreadInfo> threads;
    /** Allocation weight per (stack id, class id). */
    final Map<Long, long[]> allocations;
    final List<String> allocClasses = new ArrayList<>();
    private final Map<String, Integer> allocClassIds = new HashMap<>();
    /** Merged: per file index, the sampler's periods, reduced as they go by (and all of them by {@link #finish}). */
    final Map<Integer, SamplerTicks> samplerTicks = new HashMap<>();
    final EventSpan span = new EventSpan();
    /** A unit's execution samples' times (ms) and thread keys, in the order read (two longs per sample). */
    private long[] samplesRead = new long[0];
    private int sampleLongs;
    private final int samplerCap;
    private final int fileIndex;
    private final Function<String, String> threadGlobOf;
    /** Resolved thread objects to their records: one identity lookup instead of an id read, boxing and a hash lookup. */
    private final ResolvedObjectCache<RecordedThread, ThreadInfo> threadCache = new ResolvedObjectCache<>(StackTable.IDENTITY_CACHE_GENERATION);
    /** Resolved allocated-class objects to their ids. */
    private final ResolvedObjectCache<RecordedClass, Integer> classCache = new ResolvedObjectCache<>(StackTable.IDENTITY_CACHE_GENERATION);

    /** An accumulator one thread feeds with the events of a unit of the file with index {@code fileIndex}. */
    static StackSampleAccumulator forUnit(List<String> latencyThreadGlobs, int fileIndex) {
        return new StackSampleAccumulator(latencyThreadGlobs, fileIndex, true, 0);
    }

    /**
     * The accumulator units are merged into; {@code samplerCap} is the most Java threads the execution sampler takes
     * per period (see {@link SamplerTicks}).
     */
    static StackSampleAccumulator merged(int samplerCap) {
        return new StackSampleAccumulator(List.of(), -1, false, samplerCap);
    }

    private StackSampleAccumulator(List<String> latencyThreadGlobs, int fileIndex, boolean perUnit, int samplerCap) {
        this.samplerCap = samplerCap;
        this.fileIndex = fileIndex;
        List<Pattern> patterns = latencyThreadGlobs.stream().map(Globs::compile).toList();
        this.threadGlobOf = name -> {
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(name).matches()) {
                    return latencyThreadGlobs.get(i);
                }
            }
            return null;
        };
        // Per unit: insertion-ordered, so a merge inserts keys into the merged hash maps in first-seen order.
        this.threads = perUnit ? new LinkedHashMap<>() : new HashMap<>();
        this.allocations = perUnit ? new LinkedHashMap<>() : new HashMap<>();
        this.stacks = new StackTable(perUnit ? Integer.MAX_VALUE : StackTable.MAX_THREADS_PER_STACK);
    }

    /** Execution samples that were the agent's work ({@link AgentCost}; per unit, merged as sums). */
    final AgentCost agentCost = new AgentCost();

    /** One jdk.ExecutionSample event. */
    void acceptExecution(RecordedEvent e, EventFields f) {
        RecordedThread t = f.thread(e, "sampledThread");
        ThreadInfo ti = thread(t);
        RecordedStackTrace trace = f.stackTrace(e);
        int sid = stacks.intern(trace);
        long ms = f.startMs(e);
        span.see(ms);
        long tid = ti == null ? -1 : ti.id;
        if (sampleLongs == samplesRead.length) {
            samplesRead = Arrays.copyOf(samplesRead, Math.max(1024, sampleLongs * 2));
        }
        samplesRead[sampleLongs++] = ms;
        samplesRead[sampleLongs++] = tid;
        if (ti != null) {
            ti.execSamples++;
            ti.seen(ms);
        }
        agentCost.accept(trace, sid, ti == null ? null : ti.name);
        if (sid < 0) {
            return;
        }
        stacks.stats(sid).addExecSample(tid, stacks.topLine(trace), ti != null && ti.latencyThread);
    }

    /** One jdk.CPUTimeSample event (a failed sample counts for nothing). */
    void acceptCpuTime(RecordedEvent e, EventFields f) {
        if (f.has(e, "failed") && e.getBoolean("failed")) {
            return;
        }
        RecordedThread t = f.has(e, "eventThread") ? f.thread(e, "eventThread") : null;
        ThreadInfo ti = thread(t);
        int sid = stacks.intern(f.stackTrace(e));
        long ms = f.startMs(e);
        span.see(ms);
        if (ti != null) {
            ti.cpuTimeSamples++;
            ti.seen(ms);
        }
        if (sid < 0) {
            return;
        }
        stacks.stats(sid).addCpuTimeSample(ti == null ? null : ti.id);
    }

    /** One jdk.ObjectAllocationSample event. */
    void acceptAllocation(RecordedEvent e, EventFields f) {
        int sid = stacks.intern(f.stackTrace(e));
        ThreadInfo ti = thread(f.thread(e, "eventThread"));
        span.see(f.startMs(e));
        if (sid < 0) {
            return;
        }
        long weight = f.longField(e, "weight");
        stacks.stats(sid).addAllocation(weight, ti != null && ti.latencyThread);
        int cid = allocClassId(f.current().objectClass && e.getValue("objectClass") instanceof RecordedClass c ? c : null);
        allocations.computeIfAbsent(((long) sid << 24) | cid, k -> new long[1])[0] += weight;
    }

    /** One wait event (park, sleep, monitor, socket or file) of {@code kind}. */
    void acceptWait(RecordedEvent e, EventFields f, WaitKind kind) {
        int sid = stacks.intern(f.stackTrace(e));
        RecordedThread t = f.thread(e, "eventThread");
        ThreadInfo ti = thread(t);
        long startMs = f.startMs(e);
        span.see(startMs);
        if (sid < 0) {
            return;
        }
        long ns = e.getDuration().toNanos();
        if (ti != null) {
            ti.seen(startMs);
            ti.seen(startMs + ns / 1_000_000);
        }
        if (ti != null) {
            ti.waitNs += ns;
        }
        stacks.stats(sid).addWait(kind, ns, ti == null ? null : ti.id, ti != null && ti.latencyThread);
    }

    /** Adds a unit's events after those merged so far. {@code unit} must not be used afterwards. */
    void merge(StackSampleAccumulator unit) {
        agentCost.merge(unit.agentCost);
        int[] stackMap = stacks.mergeFrom(unit.stacks);
        unit.threads.forEach((id, ti) -> {
            ThreadInfo t = threads.putIfAbsent(id, ti);
            if (t != null) {
                t.merge(ti);
            }
        });
        if (unit.sampleLongs > 0) {
            SamplerTicks ticks = samplerTicks.computeIfAbsent(unit.fileIndex, k -> new SamplerTicks(samplerCap));
            for (int i = 0; i < unit.sampleLongs; i += 2) {
                ticks.add(unit.samplesRead[i], unit.samplesRead[i + 1]);
            }
            unit.samplesRead = null;
        }
        int[] classMap = new int[unit.allocClasses.size()];
        for (int i = 0; i < classMap.length; i++) {
            classMap[i] = allocClassId(unit.allocClasses.get(i));
        }
        unit.allocations.forEach((k, w) -> {
            long key = ((long) stackMap[(int) (k >>> 24)] << 24) | classMap[(int) (k & 0xFFFFFF)];
            allocations.computeIfAbsent(key, x -> new long[1])[0] += w[0];
        });
        span.merge(unit.span);
    }

    /** Ends the merged accumulator: every sampler period still held is reduced ({@link SamplerTicks#finish}). */
    void finish() {
        samplerTicks.values().forEach(SamplerTicks::finish);
    }

    private ThreadInfo thread(RecordedThread t) {
        if (t == null) {
            return null;
        }
        ThreadInfo cached = threadCache.get(t);
        if (cached != null) {
            return cached;
        }
        long id = scopedThreadId(fileIndex, t.getId());
        ThreadInfo info = threads.get(id);
        if (info == null) {
            String n = t.getJavaName() != null ? t.getJavaName() : t.getOSName() != null ? t.getOSName() : "";
            info = new ThreadInfo(id, n, threadGlobOf.apply(n));
            threads.put(id, info);
        }
        threadCache.put(t, info);
        return info;
    }

    /** Id of an allocated class; classes are resolved once per chunk, so they are looked up by identity first. */
    private int allocClassId(RecordedClass c) {
        if (c == null) {
            return allocClassId("?");
        }
        Integer cached = classCache.get(c);
        if (cached != null) {
            return cached;
        }
        int cid = allocClassId(c.getName());
        classCache.put(c, cid);
        return cid;
    }

    private int allocClassId(String className) {
        Integer cid = allocClassIds.get(className);
        if (cid == null) {
            cid = allocClasses.size();
            allocClasses.add(className);
            allocClassIds.put(className, cid);
        }
        return cid;
    }
}

package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.DataFormatException;

/**
 * Accumulates everything the analysis needs from events as they stream by: memory is proportional to
 * distinct methods, stacks, threads and sampler periods, never to the number of events.
 *
 * <p>Merging rules: agent counts are added over all sessions and files; agent histograms are merged
 * exactly ({@link Histogram#add}); {@code jdk.MethodTiming} values are cumulative in the JVM, so the largest
 * snapshot per JVM and method is kept and then JVMs are added.
 *
 * <p>Parallel reading: each run of chunks is read into its own aggregator ({@link #forChunks}); those are then
 * merged, in file and chunk order, into one aggregator ({@link #merged}) with {@link #mergeFrom}. A merge gives exactly
 * the state that reading the merged chunks' events one after the other into one aggregator would give: sums add,
 * minima and maxima combine, "first seen" values keep the earlier one and "last written" values the later one,
 * interned ids (methods, stacks, allocated classes) are assigned in first-seen order, the merged aggregator's hash
 * maps receive their keys in first-seen order (a per-chunk aggregator keeps its maps in insertion order for that),
 * per-stack thread lists are capped only in the merged aggregator, and the machine-load mean is summed in event order.
 * So the analysis does not depend on how the chunks were split or how many threads read them. Not thread-safe: one
 * thread feeds or merges an aggregator at a time.
 */
final class ProfileAggregator {
    static final String METHOD_PROFILE = "oxidizer.MethodProfile";
    static final String AGENT_SESSION = "oxidizer.AgentSession";
    static final String AGENT_OVERHEAD = "oxidizer.AgentOverhead";
    /** Agent format v2: a form decided by a JIT limit or the cost budget (docs/formats/agent-events.md). */
    static final String METHOD_FORM = "oxidizer.MethodForm";
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    static final String MONITOR_WAIT = "jdk.JavaMonitorWait";
    static final String THREAD_PARK = "jdk.ThreadPark";
    static final String THREAD_SLEEP = "jdk.ThreadSleep";
    static final String METHOD_TIMING = "jdk.MethodTiming";
    static final String ACTIVE_SETTING = "jdk.ActiveSetting";
    static final String JVM_INFORMATION = "jdk.JVMInformation";
    static final String CPU_LOAD = "jdk.CPULoad";
    static final String CPU_INFORMATION = "jdk.CPUInformation";
    static final String SYSTEM_PROPERTY = "jdk.InitialSystemProperty";
    static final List<String> IO_EVENTS = List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite");

    /** Every event name the analyzer subscribes to. */
    static final List<String> EVENTS;

    static {
        List<String> all = new ArrayList<>(List.of(METHOD_PROFILE, AGENT_SESSION, AGENT_OVERHEAD, METHOD_FORM, EXECUTION_SAMPLE,
                CPU_TIME_SAMPLE, ALLOCATION_SAMPLE, MONITOR_ENTER, MONITOR_WAIT, THREAD_PARK, THREAD_SLEEP, METHOD_TIMING,
                ACTIVE_SETTING, JVM_INFORMATION, CPU_LOAD, CPU_INFORMATION, SYSTEM_PROPERTY));
        all.addAll(IO_EVENTS);
        EVENTS = List.copyOf(all);
    }

    /** Agent figures of one method, over all sessions. */
    static final class AgentMethod {
        final String className;
        final String methodName;
        final String descriptor;
        final int modifiers;
        long invocations;
        long exceptional;
        long timedCount;
        long overheadNs;
        /** Exact sum of the agent's latency histograms. */
        final LatencyCounts latency = new LatencyCounts();
        final Set<String> policies = new LinkedHashSet<>();
        final Set<String> sessions = new LinkedHashSet<>();
        /** Start of the first and end of the last interval with calls (epoch ms), and the intervals with calls. */
        long firstCallMs = Long.MAX_VALUE;
        long lastCallMs = Long.MIN_VALUE;
        long intervalsWithCalls;
        /** The largest call counts of single intervals, descending (a burst shows as most calls in one or two). */
        final long[] busiestIntervals = new long[BUSIEST_KEPT];
        /**
         * The agent's instrumentation form and its reason (format v2: MethodProfile's {@code form}/{@code formReason}, or
         * an {@code oxidizer.MethodForm} event; the latest by event time wins), null when the recording does not say.
         */
        String instrumentation;
        String instrumentationReason;
        long instrumentationAtMs = Long.MIN_VALUE;

        /** Records a form seen at {@code atMs}, keeping the latest (the later unit's on ties, as a merge in order does). */
        void form(String form, String reason, long atMs) {
            if (form != null && !form.isEmpty() && atMs >= instrumentationAtMs) {
                instrumentation = form;
                instrumentationReason = reason == null || reason.isEmpty() ? null : reason;
                instrumentationAtMs = atMs;
            }
        }

        AgentMethod(String className, String methodName, String descriptor, int modifiers) {
            this.className = className;
            this.methodName = methodName;
            this.descriptor = descriptor;
            this.modifiers = modifiers;
        }
    }

    /** Per method, how many of its busiest intervals' counts are kept. */
    static final int BUSIEST_KEPT = 4;

    /** Puts {@code calls} into the descending top list {@code top}. */
    static void keepBusiest(long[] top, long calls) {
        for (int i = 0; i < top.length; i++) {
            if (calls > top[i]) {
                System.arraycopy(top, i, top, i + 1, top.length - i - 1);
                top[i] = calls;
                return;
            }
        }
    }

    /** One agent session (one JVM run). */
    static final class Session {
        final String id;
        long pid;
        String mainClass;
        long jvmStartMs;
        double timerOverheadNs = Double.NaN;
        String agentVersion;
        int formatVersion;
        /** Span of the agent's count intervals: the window its counts cover. */
        long startMs = Long.MAX_VALUE;
        long endMs = Long.MIN_VALUE;
        /** Span of its AgentSession events, used only when no interval was recorded. */
        long seenFromMs = Long.MAX_VALUE;
        long seenToMs = Long.MIN_VALUE;

        /** Whether an AgentSession event described it (pid, main class, versions, JVM start: the last one wins). */
        boolean described;
        /** Start times of its count intervals (one per flush): how many intervals the window has. */
        final Set<Long> intervalStarts = new java.util.HashSet<>();

        Session(String id) {
            this.id = id;
        }

        void cover(long fromMs, long toMs) {
            startMs = Math.min(startMs, fromMs);
            endMs = Math.max(endMs, toMs);
        }

        void seen(long atMs) {
            seenFromMs = Math.min(seenFromMs, atMs);
            seenToMs = Math.max(seenToMs, atMs);
        }
    }

    /** Largest cumulative jdk.MethodTiming snapshot of one method in one JVM. */
    record TimingSnapshot(String className, String methodName, String descriptor, int modifiers, long invocations,
                          long minNs, long avgNs, long maxNs) {}

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
        long execSamples;
        /** jdk.CPUTimeSample events (not failed) on this thread. */
        long cpuTimeSamples;
        /** Recorded waits (park, sleep, monitor, socket, file) on this thread, ns. */
        long waitNs;
        /** First and last event time seen on this thread (epoch ms). */
        long firstMs = Long.MAX_VALUE;
        long lastMs = Long.MIN_VALUE;

        void seen(long ms) {
            firstMs = Math.min(firstMs, ms);
            lastMs = Math.max(lastMs, ms);
        }

        ThreadInfo(long id, String name, String matchedGlob) {
            this.id = id;
            this.name = name;
            this.matchedGlob = matchedGlob;
            this.latencyThread = matchedGlob != null;
        }
    }

    final StackTable stacks;
    private final HistogramDecoder histograms = new HistogramDecoder();
    final Map<String, AgentMethod> agentMethods = new LinkedHashMap<>();
    final Map<String, Session> sessions = new LinkedHashMap<>();
    final Map<Long, ThreadInfo> threads;
    /** Per file index: method key to largest snapshot. */
    final Map<Integer, Map<String, TimingSnapshot>> timing = new HashMap<>();
    /** Per file index: "pid@startMs" of the JVM that wrote it. */
    final Map<Integer, String> fileJvm = new HashMap<>();
    /**
     * Per chunk: the execution samples' times (ms) and thread keys, in the order read (two longs per sample: a read
     * unit is at most {@link RecordingReader#MAX_DEFAULT_UNIT_BYTES} of file). Merged: per file index, the sampler's
     * periods reduced as they go by, so memory does not grow with the recording's length.
     */
    private long[] samplesRead = new long[0];
    private int sampleLongs;
    final Map<Integer, SamplerTicks> samplerTicks = new HashMap<>();
    private final int samplerCap;
    /** Allocation weight per (stack id, class id). */
    final Map<Long, long[]> allocations;
    final List<String> allocClasses = new ArrayList<>();
    private final Map<String, Integer> allocClassIds = new HashMap<>();
    /** Settings by event type id, then setting name to the values seen. */
    final Map<Long, Map<String, Set<String>>> settings = new HashMap<>();
    final Map<String, Long> eventTypeIds = new HashMap<>();
    final List<String> problems = new ArrayList<>();
    long overheadNs;
    /** The jdk.CPULoad / jdk.CPUInformation family. */
    final CpuLoadAccumulator cpuLoad;
    /** Execution samples that were the agent's work (AgentCost). */
    final AgentCost agentCost = new AgentCost();
    /** Per file index: the recorded JVM's java.class.path and user.dir (jdk.InitialSystemProperty), to read its bytecode. */
    final Map<Integer, String[]> fileClassPath = new HashMap<>();
    double nsPerCountedCall = Double.NaN;
    double nsPerTimedCall = Double.NaN;
    private boolean countedCallSet;
    private boolean timedCallSet;
    boolean sawOverhead;
    long firstEventMs = Long.MAX_VALUE;
    long lastEventMs = Long.MIN_VALUE;
    /** Event counts by name merged from per-chunk aggregators. */
    private final Map<String, Long> mergedCounts = new TreeMap<>();

    private final java.util.function.Function<String, String> threadGlobOf;
    private final boolean perChunk;
    final int fileIndex;
    /**
     * Added to tick-based times of the events being read. {@code jdk.jfr} converts every chunk of a stream with the
     * time base of the stream's first chunk; reading a file in parts would give each part its own. When the shift is
     * exact (one tick is one ns), the reader sets this so that every time is in the base of the file's first readable
     * chunk, whatever the split; otherwise it is 0.
     */
    long timeShiftNs;

    /** An aggregator that one thread feeds with the events of chunks of the file with index {@code fileIndex}. */
    static ProfileAggregator forChunks(List<String> latencyThreadGlobs, int fileIndex) {
        return new ProfileAggregator(latencyThreadGlobs, fileIndex, true, 0);
    }

    /**
     * The aggregator per-chunk aggregators are merged into, in chunk order; {@code samplerCap} is the most Java threads
     * the execution sampler takes per period (see {@link SamplerTicks}).
     */
    static ProfileAggregator merged(List<String> latencyThreadGlobs, int samplerCap) {
        return new ProfileAggregator(latencyThreadGlobs, -1, false, samplerCap);
    }

    private ProfileAggregator(List<String> latencyThreadGlobs, int fileIndex, boolean perChunk, int samplerCap) {
        this.samplerCap = samplerCap;
        List<java.util.regex.Pattern> patterns = latencyThreadGlobs.stream().map(Globs::compile).toList();
        this.threadGlobOf = name -> {
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(name).matches()) {
                    return latencyThreadGlobs.get(i);
                }
            }
            return null;
        };
        this.fileIndex = fileIndex;
        this.perChunk = perChunk;
        // Per chunk: insertion-ordered, so a merge inserts keys into the merged hash maps in first-seen order.
        this.threads = perChunk ? new LinkedHashMap<>() : new HashMap<>();
        this.allocations = perChunk ? new LinkedHashMap<>() : new HashMap<>();
        this.stacks = new StackTable(perChunk ? Integer.MAX_VALUE : StackTable.MAX_THREADS_PER_STACK);
        this.cpuLoad = new CpuLoadAccumulator(fileIndex, perChunk);
    }

    /**
     * What the handlers need to know of an event type's fields, found once per type: {@code RecordedEvent} looks
     * fields up by name on every access, and its typed getters look twice (the descriptor, then the value).
     */
    private static final class TypeInfo {
        final Set<String> fields = new java.util.HashSet<>();
        /** Fields of type String, Thread and StackTrace: read with one lookup ({@code getValue}) and a cast. */
        final Set<String> strings = new java.util.HashSet<>();
        final Set<String> threads = new java.util.HashSet<>();
        final boolean stackTrace;
        final boolean objectClass;
        /** Which handler the type's events go to. */
        final Kind kind;
        /** For wait events: 0 park/sleep, 1 monitor, 2 io (see {@link #onWait}). */
        final int waitKind;
        long count;

        TypeInfo(jdk.jfr.EventType type) {
            boolean st = false;
            for (jdk.jfr.ValueDescriptor v : type.getFields()) {
                fields.add(v.getName());
                switch (v.getTypeName()) {
                    case "java.lang.String" -> strings.add(v.getName());
                    case "jdk.types.Thread", "java.lang.Thread" -> threads.add(v.getName());
                    case "jdk.types.StackTrace" -> st |= v.getName().equals("stackTrace");
                    default -> { }
                }
            }
            stackTrace = st;
            objectClass = fields.contains("objectClass");
            kind = Kind.of(type.getName());
            waitKind = kind == Kind.MONITOR ? 1 : kind == Kind.IO ? 2 : 0;
        }
    }

    /** The handler of an event type, found once per type instead of a string switch per event. */
    private enum Kind {
        EXECUTION, CPU_TIME, ALLOCATION, MONITOR, PARK_OR_SLEEP, IO, AGENT_METHOD, FORM, SESSION, OVERHEAD, TIMING, SETTING, JVM,
        MACHINE_LOAD, CPU_INFO, PROPERTY, NONE;

        static Kind of(String eventName) {
            return switch (eventName) {
                case EXECUTION_SAMPLE -> EXECUTION;
                case CPU_TIME_SAMPLE -> CPU_TIME;
                case ALLOCATION_SAMPLE -> ALLOCATION;
                case MONITOR_ENTER, MONITOR_WAIT -> MONITOR;
                case THREAD_PARK, THREAD_SLEEP -> PARK_OR_SLEEP;
                case METHOD_PROFILE -> AGENT_METHOD;
                case AGENT_SESSION -> SESSION;
                case AGENT_OVERHEAD -> OVERHEAD;
                case METHOD_FORM -> FORM;
                case METHOD_TIMING -> TIMING;
                case ACTIVE_SETTING -> SETTING;
                case JVM_INFORMATION -> JVM;
                case CPU_LOAD -> MACHINE_LOAD;
                case CPU_INFORMATION -> CPU_INFO;
                case SYSTEM_PROPERTY -> PROPERTY;
                default -> IO_EVENTS.contains(eventName) ? IO : NONE;
            };
        }
    }

    private final java.util.IdentityHashMap<jdk.jfr.EventType, TypeInfo> types = new java.util.IdentityHashMap<>();
    /** Resolved thread objects to their records: one identity lookup instead of an id read, boxing and a hash lookup. */
    private final ResolvedObjectCache<RecordedThread, ThreadInfo> threadCache = new ResolvedObjectCache<>(StackTable.IDENTITY_CACHE_GENERATION);
    /** Resolved allocated-class objects to their ids. */
    private final ResolvedObjectCache<RecordedClass, Integer> classCache = new ResolvedObjectCache<>(StackTable.IDENTITY_CACHE_GENERATION);
    private TypeInfo current;

    /**
     * The handler to register for events named {@code eventName}: each kind of event gets its own consumer class, so
     * that {@code jdk.jfr}'s dispatch loop calls them through a megamorphic call instead of inlining every handler
     * into itself (one compilation of the whole analysis, on top of the handlers' own compilations, measured at 2 s
     * of C2 time on a cold run).
     */
    java.util.function.Consumer<RecordedEvent> handlerFor(String eventName) {
        return switch (Kind.of(eventName)) {
            case EXECUTION -> e -> {
                enter(e);
                onExecutionSample(e);
            };
            case CPU_TIME -> e -> {
                enter(e);
                onCpuTimeSample(e);
            };
            case ALLOCATION -> e -> {
                enter(e);
                onAllocation(e);
            };
            case MONITOR, PARK_OR_SLEEP, IO -> e -> {
                enter(e);
                onWait(e, current.waitKind);
            };
            case AGENT_METHOD -> e -> {
                enter(e);
                onMethodProfile(e);
            };
            default -> this::accept;
        };
    }

    /** Handles one event of any type. */
    void accept(RecordedEvent e) {
        TypeInfo info = enter(e);
        switch (info.kind) {
            case EXECUTION -> onExecutionSample(e);
            case CPU_TIME -> onCpuTimeSample(e);
            case ALLOCATION -> onAllocation(e);
            case MONITOR, PARK_OR_SLEEP, IO -> onWait(e, info.waitKind);
            case AGENT_METHOD -> onMethodProfile(e);
            case SESSION -> onSession(e);
            case OVERHEAD -> onOverhead(e);
            case FORM -> onMethodForm(e);
            case TIMING -> onMethodTiming(e);
            case SETTING -> onSetting(e);
            case JVM -> onJvm(e);
            case MACHINE_LOAD -> {
                cpuLoad.acceptLoad(has(e, "machineTotal") ? e.getFloat("machineTotal") : Double.NaN,
                        has(e, "jvmUser") && has(e, "jvmSystem") ? e.getFloat("jvmUser") + (double) e.getFloat("jvmSystem") : Double.NaN);
            }
            case PROPERTY -> {
                String key = string(e, "key");
                if ("java.class.path".equals(key) || "user.dir".equals(key)) {
                    String[] cp = fileClassPath.computeIfAbsent(fileIndex, k -> new String[2]);
                    cp[key.equals("java.class.path") ? 0 : 1] = string(e, "value");
                }
            }
            case CPU_INFO -> {
                if (has(e, "hwThreads")) {
                    cpuLoad.acceptCpus(intField(e, "hwThreads"));
                }
            }
            case NONE -> { }
        }
    }

    /** Counts the event and makes its type's field information {@link #current}. */
    private TypeInfo enter(RecordedEvent e) {
        jdk.jfr.EventType type = e.getEventType();
        TypeInfo info = types.get(type);
        if (info == null) {
            info = new TypeInfo(type);
            types.put(type, info);
        }
        info.count++;
        current = info;
        return info;
    }

    private void see(long epochMs) {
        firstEventMs = Math.min(firstEventMs, epochMs);
        lastEventMs = Math.max(lastEventMs, epochMs);
    }

    private ThreadInfo thread(RecordedThread t) {
        if (t == null) {
            return null;
        }
        ThreadInfo cached = threadCache.get(t);
        if (cached != null) {
            return cached;
        }
        ThreadInfo info = threadInfo(t);
        threadCache.put(t, info);
        return info;
    }

    /** A thread's key: file index in the high bits, Java thread id (below 2^40 in practice) in the low bits. */
    static long scopedThreadId(int fileIndex, long javaId) {
        return ((long) fileIndex << 40) | (javaId & ((1L << 40) - 1));
    }

    /** The recording (file index) a {@link #scopedThreadId} belongs to. */
    static long fileOfThread(long scopedThreadId) {
        return scopedThreadId >> 40;
    }

    private ThreadInfo threadInfo(RecordedThread t) {
        long id = scopedThreadId(fileIndex, t.getId());
        ThreadInfo info = threads.get(id);
        if (info == null) {
            String n = t.getJavaName() != null ? t.getJavaName() : t.getOSName() != null ? t.getOSName() : "";
            info = new ThreadInfo(id, n, threadGlobOf.apply(n));
            threads.put(id, info);
        }
        return info;
    }

    private void onExecutionSample(RecordedEvent e) {
        eventTypeIds.putIfAbsent(EXECUTION_SAMPLE, e.getEventType().getId());
        RecordedThread t = threadField(e, "sampledThread");
        ThreadInfo ti = thread(t);
        RecordedStackTrace trace = stackTrace(e);
        int sid = stacks.intern(trace);
        long ms = startMs(e);
        see(ms);
        long tid = ti == null ? -1 : ti.id;
        if (sampleLongs == samplesRead.length) {
            samplesRead = java.util.Arrays.copyOf(samplesRead, Math.max(1024, sampleLongs * 2));
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
        StackTable.Stats s = stacks.stats(sid);
        s.exec++;
        s.evidence++;
        s.addTopLine(stacks.topLine(trace), 1);
        if (ti != null && ti.latencyThread) {
            s.evidenceOnLatencyThread++;
        }
        s.addThread(tid, 1);
    }

    private void onCpuTimeSample(RecordedEvent e) {
        eventTypeIds.putIfAbsent(CPU_TIME_SAMPLE, e.getEventType().getId());
        if (has(e, "failed") && e.getBoolean("failed")) {
            return;
        }
        RecordedThread t = has(e, "eventThread") ? threadField(e, "eventThread") : null;
        ThreadInfo ti = thread(t);
        int sid = stacks.intern(stackTrace(e));
        long ms = startMs(e);
        see(ms);
        if (ti != null) {
            ti.cpuTimeSamples++;
            ti.seen(ms);
        }
        if (sid < 0) {
            return;
        }
        StackTable.Stats s = stacks.stats(sid);
        s.cpuTimeSamples++;
        if (ti != null) {
            s.addThread(ti.id, 1); // per-thread sample counts (threadExec) serve the run-queue correction (CpuModel)
        }
    }

    private void onAllocation(RecordedEvent e) {
        int sid = stacks.intern(stackTrace(e));
        ThreadInfo ti = thread(threadField(e, "eventThread"));
        see(startMs(e));
        if (sid < 0) {
            return;
        }
        long weight = longField(e, "weight");
        StackTable.Stats s = stacks.stats(sid);
        s.allocBytes += weight;
        s.evidence++;
        if (ti != null && ti.latencyThread) {
            s.evidenceOnLatencyThread++;
        }
        int cid = allocClassId(current.objectClass && e.getValue("objectClass") instanceof RecordedClass c ? c : null);
        allocations.computeIfAbsent(((long) sid << 24) | cid, k -> new long[1])[0] += weight;
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

    /** kind: 0 park/sleep, 1 monitor, 2 io. */
    private void onWait(RecordedEvent e, int kind) {
        if (kind == 2) {
            eventTypeIds.putIfAbsent(e.getEventType().getName(), e.getEventType().getId());
        }
        int sid = stacks.intern(stackTrace(e));
        RecordedThread t = threadField(e, "eventThread");
        ThreadInfo ti = thread(t);
        long startMs = startMs(e);
        see(startMs);
        if (sid < 0) {
            return;
        }
        long ns = e.getDuration().toNanos();
        if (ti != null) {
            ti.seen(startMs);
            ti.seen(startMs + ns / 1_000_000);
        }
        StackTable.Stats s = stacks.stats(sid);
        switch (kind) {
            case 0 -> { s.parkCount++; s.parkNs += ns; }
            case 1 -> { s.monitorCount++; s.monitorNs += ns; }
            default -> { s.ioCount++; s.ioNs += ns; }
        }
        s.evidence++;
        if (ti != null) {
            ti.waitNs += ns;
            if (ti.latencyThread) {
                s.evidenceOnLatencyThread++;
            }
            s.addThread(ti.id);
        }
    }

    private void onMethodProfile(RecordedEvent e) {
        String cls = string(e, "className");
        String mname = string(e, "methodName");
        String desc = string(e, "descriptor");
        if (cls == null || mname == null) {
            problem("oxidizer.MethodProfile without className/methodName ignored");
            return;
        }
        String key = MethodKeys.key(cls, mname, desc);
        int modifiers = intField(e, "modifiers");
        AgentMethod m = agentMethods.computeIfAbsent(key, k -> new AgentMethod(cls, mname, desc, modifiers));
        m.invocations += longField(e, "invocations");
        m.exceptional += longField(e, "exceptional");
        long timed = longField(e, "timedCount");
        m.overheadNs += longField(e, "overheadNs");
        String policy = string(e, "timingPolicy");
        if (policy != null && !policy.isEmpty()) {
            int interval = intField(e, "samplingInterval");
            m.policies.add("sampled".equals(policy) ? "sampled 1/" + interval : policy);
        }
        String session = string(e, "sessionId");
        if (session != null) {
            m.sessions.add(session);
        }
        String b64 = string(e, "histogram");
        if (timed > 0 && b64 != null && !b64.isEmpty()) {
            try {
                histograms.addInto(m.latency, Base64.getDecoder().decode(b64));
                m.timedCount += timed;
            } catch (IllegalArgumentException | DataFormatException | IndexOutOfBoundsException
                     | java.nio.BufferUnderflowException e1) {
                problem("undecodable latency histogram of " + key + " in one interval ignored (" + e1.getMessage() + ")");
            }
        }
        long from = timestampMs(e, "intervalStart");
        long to = timestampMs(e, "intervalEnd");
        long calls = longField(e, "invocations");
        if (calls > 0 && from > 0 && to >= from) {
            keepBusiest(m.busiestIntervals, calls);
            m.firstCallMs = Math.min(m.firstCallMs, from);
            m.lastCallMs = Math.max(m.lastCallMs, to);
            m.intervalsWithCalls++;
        }
        m.form(string(e, "form"), string(e, "formReason"), to > 0 ? to : startMs(e));
        if (session != null) {
            Session s = sessions.computeIfAbsent(session, Session::new);
            if (from > 0 && to >= from) {
                s.cover(from, to);
                s.intervalStarts.add(from);
            }
        }
        see(startMs(e));
    }

    /** Agent format v2: a method's form changed (a JIT limit or the budget); {@code none} leaves its calls unknown. */
    private void onMethodForm(RecordedEvent e) {
        String cls = string(e, "className");
        String mname = string(e, "methodName");
        if (cls == null || mname == null) {
            return;
        }
        String desc = string(e, "descriptor");
        String key = MethodKeys.key(cls, mname, desc);
        int modifiers = intField(e, "modifiers");
        AgentMethod m = agentMethods.computeIfAbsent(key, k -> new AgentMethod(cls, mname, desc, modifiers));
        m.form(string(e, "form"), string(e, "reason"), startMs(e));
        String session = string(e, "sessionId");
        if (session != null) {
            m.sessions.add(session);
        }
        see(startMs(e));
    }

    private void onSession(RecordedEvent e) {
        String id = string(e, "sessionId");
        if (id == null) {
            return;
        }
        Session s = sessions.computeIfAbsent(id, Session::new);
        s.described = true;
        s.pid = longField(e, "pid");
        s.mainClass = string(e, "mainClass");
        s.agentVersion = string(e, "agentVersion");
        s.formatVersion = has(e, "formatVersion") ? e.getInt("formatVersion") : 0;
        s.jvmStartMs = timestampMs(e, "jvmStart");
        if (has(e, "timerOverheadNs")) {
            double t = e.getDouble("timerOverheadNs");
            if (t >= 0 && !Double.isNaN(t)) {
                s.timerOverheadNs = t;
            }
        }
        long at = startMs(e);
        s.seen(at);
        see(at);
    }

    private void onOverhead(RecordedEvent e) {
        sawOverhead = true;
        // agent layout v2: the flusher's own CPU is agent cost too (docs/formats/agent-events.md)
        overheadNs += longField(e, "estimatedOverheadNs") + Math.max(0, longField(e, "flushCpuNs"));
        if (has(e, "nsPerCountedCall")) {
            nsPerCountedCall = e.getDouble("nsPerCountedCall");
            countedCallSet = true;
        }
        if (has(e, "nsPerTimedCall")) {
            nsPerTimedCall = e.getDouble("nsPerTimedCall");
            timedCallSet = true;
        }
    }

    private void onMethodTiming(RecordedEvent e) {
        RecordedMethod m = has(e, "method") ? e.getValue("method") : null;
        if (m == null || m.getType() == null) {
            return;
        }
        String cls = m.getType().getName();
        String key = MethodKeys.key(cls, m.getName(), m.getDescriptor());
        long inv = e.getLong("invocations");
        TimingSnapshot prev = timing.computeIfAbsent(fileIndex, k -> new LinkedHashMap<>()).get(key);
        if (prev == null || inv >= prev.invocations()) {
            timing.get(fileIndex).put(key, new TimingSnapshot(cls, m.getName(), m.getDescriptor(), m.getModifiers(), inv,
                    ticksAsNs(e, "minimum"), ticksAsNs(e, "average"), ticksAsNs(e, "maximum")));
        }
        see(startMs(e));
    }

    private long ticksAsNs(RecordedEvent e, String field) {
        if (!has(e, field) || e.getLong(field) == Long.MIN_VALUE) {
            return -1;
        }
        return e.getDuration(field).toNanos();
    }

    private void onSetting(RecordedEvent e) {
        settings.computeIfAbsent(e.getLong("id"), k -> new HashMap<>())
                .computeIfAbsent(e.getString("name"), k -> new LinkedHashSet<>()).add(e.getString("value"));
    }

    private void onJvm(RecordedEvent e) {
        long pid = has(e, "pid") ? e.getLong("pid") : 0;
        long start = timestampMs(e, "jvmStartTime");
        fileJvm.putIfAbsent(fileIndex, pid + "@" + start);
    }

    private void problem(String message) {
        if (problems.size() < 20 && !problems.contains(message)) {
            problems.add(message);
        }
    }

    /**
     * Adds everything {@code chunk} aggregated, as if its events had been read into this aggregator after the events
     * of every aggregator merged before (see the class comment). {@code chunk} must not be used afterwards.
     */
    void mergeFrom(ProfileAggregator chunk) {
        if (perChunk || !chunk.perChunk) {
            throw new IllegalArgumentException("merge a per-chunk aggregator into a merged one");
        }
        int[] stackMap = stacks.mergeFrom(chunk.stacks);
        chunk.agentMethods.forEach((key, m) -> {
            AgentMethod t = agentMethods.computeIfAbsent(key, k -> new AgentMethod(m.className, m.methodName, m.descriptor, m.modifiers));
            t.invocations += m.invocations;
            t.exceptional += m.exceptional;
            t.timedCount += m.timedCount;
            t.overheadNs += m.overheadNs;
            t.latency.addAll(m.latency);
            t.policies.addAll(m.policies);
            t.sessions.addAll(m.sessions);
            t.firstCallMs = Math.min(t.firstCallMs, m.firstCallMs);
            t.lastCallMs = Math.max(t.lastCallMs, m.lastCallMs);
            t.intervalsWithCalls += m.intervalsWithCalls;
            for (long c : m.busiestIntervals) {
                keepBusiest(t.busiestIntervals, c);
            }
            if (m.instrumentation != null) {
                t.form(m.instrumentation, m.instrumentationReason, m.instrumentationAtMs);
            }
        });
        chunk.sessions.forEach((id, s) -> {
            Session t = sessions.computeIfAbsent(id, Session::new);
            if (s.described) {
                t.described = true;
                t.pid = s.pid;
                t.mainClass = s.mainClass;
                t.agentVersion = s.agentVersion;
                t.formatVersion = s.formatVersion;
                t.jvmStartMs = s.jvmStartMs;
            }
            if (!Double.isNaN(s.timerOverheadNs)) {
                t.timerOverheadNs = s.timerOverheadNs;
            }
            t.startMs = Math.min(t.startMs, s.startMs);
            t.endMs = Math.max(t.endMs, s.endMs);
            t.seenFromMs = Math.min(t.seenFromMs, s.seenFromMs);
            t.seenToMs = Math.max(t.seenToMs, s.seenToMs);
            t.intervalStarts.addAll(s.intervalStarts);
        });
        chunk.threads.forEach((id, ti) -> {
            ThreadInfo t = threads.putIfAbsent(id, ti);
            if (t != null) {
                t.execSamples += ti.execSamples;
                t.cpuTimeSamples += ti.cpuTimeSamples;
                t.waitNs += ti.waitNs;
                t.firstMs = Math.min(t.firstMs, ti.firstMs);
                t.lastMs = Math.max(t.lastMs, ti.lastMs);
            }
        });
        chunk.timing.forEach((file, snapshots) -> {
            Map<String, TimingSnapshot> target = timing.computeIfAbsent(file, k -> new HashMap<>());
            snapshots.forEach((key, snap) -> {
                TimingSnapshot prev = target.get(key);
                if (prev == null || snap.invocations() >= prev.invocations()) {
                    target.put(key, snap);
                }
            });
        });
        chunk.fileJvm.forEach(fileJvm::putIfAbsent);
        if (chunk.sampleLongs > 0) {
            SamplerTicks ticks = samplerTicks.computeIfAbsent(chunk.fileIndex, k -> new SamplerTicks(samplerCap));
            for (int i = 0; i < chunk.sampleLongs; i += 2) {
                ticks.add(chunk.samplesRead[i], chunk.samplesRead[i + 1]);
            }
            chunk.samplesRead = null;
        }
        int[] classMap = new int[chunk.allocClasses.size()];
        for (int i = 0; i < classMap.length; i++) {
            classMap[i] = allocClassId(chunk.allocClasses.get(i));
        }
        chunk.allocations.forEach((k, w) -> {
            long key = ((long) stackMap[(int) (k >>> 24)] << 24) | classMap[(int) (k & 0xFFFFFF)];
            allocations.computeIfAbsent(key, x -> new long[1])[0] += w[0];
        });
        chunk.settings.forEach((type, byName) -> {
            Map<String, Set<String>> target = settings.computeIfAbsent(type, k -> new HashMap<>());
            byName.forEach((name, values) -> target.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(values));
        });
        chunk.eventTypeIds.forEach(eventTypeIds::putIfAbsent);
        chunk.problems.forEach(this::problem);
        overheadNs += chunk.overheadNs;
        sawOverhead |= chunk.sawOverhead;
        if (chunk.countedCallSet) {
            nsPerCountedCall = chunk.nsPerCountedCall;
            countedCallSet = true;
        }
        if (chunk.timedCallSet) {
            nsPerTimedCall = chunk.nsPerTimedCall;
            timedCallSet = true;
        }
        cpuLoad.merge(chunk.cpuLoad);
        agentCost.merge(chunk.agentCost);
        chunk.fileClassPath.forEach((file, cp) -> {
            String[] t = fileClassPath.computeIfAbsent(file, k -> new String[2]);
            t[0] = t[0] == null ? cp[0] : t[0];
            t[1] = t[1] == null ? cp[1] : t[1];
        });
        firstEventMs = Math.min(firstEventMs, chunk.firstEventMs);
        lastEventMs = Math.max(lastEventMs, chunk.lastEventMs);
        chunk.eventCounts().forEach((name, n) -> mergedCounts.merge(name, n, Long::sum));
    }

    /** Whether the event being handled has {@code field} (the type's field set, cached). */
    private boolean has(RecordedEvent e, String field) {
        return current.fields.contains(field);
    }

    /** {@link RecordedEvent#getStackTrace()} with one field lookup. */
    private RecordedStackTrace stackTrace(RecordedEvent e) {
        if (current.stackTrace) {
            return e.getValue("stackTrace") instanceof RecordedStackTrace st ? st : null;
        }
        return e.getStackTrace();
    }

    /** {@link RecordedEvent#getThread(String)} (for {@code eventThread}: {@link RecordedEvent#getThread()}) with one lookup. */
    private RecordedThread threadField(RecordedEvent e, String field) {
        if (current.threads.contains(field)) {
            return e.getValue(field) instanceof RecordedThread t ? t : null;
        }
        return field.equals("eventThread") ? e.getThread() : e.getThread(field);
    }

    /** Event counts by name, over every file read so far. */
    Map<String, Long> eventCounts() {
        Map<String, Long> out = new TreeMap<>(mergedCounts);
        types.forEach((t, info) -> out.merge(t.getName(), info.count, Long::sum));
        return out;
    }

    private String string(RecordedEvent e, String field) {
        if (current.strings.contains(field)) {
            return (String) e.getValue(field);
        }
        return has(e, field) ? e.getString(field) : null;
    }

    /**
     * {@link RecordedEvent#getLong} of {@code field}, 0 when the type has no such field. A {@code Long} value is taken
     * as is, which is what {@code getLong} returns for it too; {@code getLong} would first look up the field's
     * {@code @Unsigned} annotation, on every call. Other values (int, short, unsigned ...) go through {@code getLong}.
     */
    private long longField(RecordedEvent e, String field) {
        if (!has(e, field)) {
            return 0;
        }
        return e.getValue(field) instanceof Long l ? l : e.getLong(field);
    }

    /** {@link RecordedEvent#getInt} of {@code field}, 0 when absent; an {@code Integer} is taken as is (see {@link #longField}). */
    private int intField(RecordedEvent e, String field) {
        if (!has(e, field)) {
            return 0;
        }
        return e.getValue(field) instanceof Integer i ? i : e.getInt(field);
    }

    private long timestampMs(RecordedEvent e, String field) {
        if (!has(e, field)) {
            return 0;
        }
        if (timeUnits(e.getEventType()).millis.contains(field)) {
            // Epoch ms as stored: what getInstant(field).toEpochMilli() gives, without its per-call annotation lookup.
            long ms = e.getValue(field) instanceof Long l ? l : e.getLong(field);
            if (ms != Long.MIN_VALUE) {
                return ms;
            }
        }
        Instant i = e.getInstant(field);
        if (i == null) {
            return 0;
        }
        if (timeShiftNs != 0 && i != Instant.MIN && isTicks(e.getEventType(), field)) {
            return shiftedMs(i);
        }
        return i.toEpochMilli();
    }

    /** The event's start time in epoch ms, in the file's time base (see {@link #timeShiftNs}). */
    private long startMs(RecordedEvent e) {
        Instant start = e.getStartTime();
        return timeShiftNs == 0 ? start.toEpochMilli() : shiftedMs(start);
    }

    private long shiftedMs(Instant i) {
        long ns = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano() + timeShiftNs);
        return Math.floorDiv(ns, 1_000_000L);
    }

    /** Names of an event type's timestamp fields, by unit. */
    private record TimeUnits(Set<String> millis, Set<String> ticks) {}

    private final java.util.IdentityHashMap<jdk.jfr.EventType, TimeUnits> timeUnits = new java.util.IdentityHashMap<>();

    private TimeUnits timeUnits(jdk.jfr.EventType type) {
        TimeUnits u = timeUnits.get(type);
        if (u == null) {
            Set<String> millis = new java.util.HashSet<>();
            Set<String> ticks = new java.util.HashSet<>();
            for (jdk.jfr.ValueDescriptor v : type.getFields()) {
                jdk.jfr.Timestamp ts = v.getAnnotation(jdk.jfr.Timestamp.class);
                if (ts != null && jdk.jfr.Timestamp.TICKS.equals(ts.value())) {
                    ticks.add(v.getName());
                } else if (ts != null && jdk.jfr.Timestamp.MILLISECONDS_SINCE_EPOCH.equals(ts.value())
                        && v.getTypeName().equals("long")) {
                    millis.add(v.getName());
                }
            }
            u = new TimeUnits(millis, ticks);
            timeUnits.put(type, u);
        }
        return u;
    }

    private boolean isTicks(jdk.jfr.EventType type, String field) {
        return timeUnits(type).ticks.contains(field);
    }

}

package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedEvent;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;

/**
 * The agent's family ({@code oxidizer.MethodProfile}, {@code oxidizer.MethodForm}, {@code oxidizer.AgentSession},
 * {@code oxidizer.AgentOverhead}; docs/formats/agent-events.md): per method, counts and the exact sum of its latency
 * histograms over all sessions and files; per session, its JVM and the window its counts cover; the agent's own cost.
 * One accumulator per read unit accepts events; units merge in file and chunk order ({@link #merge}) into the state
 * reading all their events in that order would give: sums add ({@link LatencyCounts#addAll} is exact), spans combine,
 * and "last written" values (a session's description, the overhead rates, a method's form) keep the later one. Not
 * thread-safe.
 */
final class AgentAccumulator {
    /** Per method, how many of its busiest intervals' counts are kept. */
    static final int BUSIEST_KEPT = 4;
    /** At most this many distinct problems are kept. */
    private static final int MAX_PROBLEMS = 20;

    /** Agent figures of one method, over all sessions. */
    static final class AgentMethod {
        final String className;
        final String methodName;
        final String descriptor;
        final int modifiers;
        private long invocations;
        private long exceptional;
        private long timedCount;
        private long overheadNs;
        /** Exact sum of the agent's latency histograms. */
        private final LatencyCounts latency = new LatencyCounts();
        private final Set<String> policies = new LinkedHashSet<>();
        private final Set<String> sessions = new LinkedHashSet<>();
        /** Start of the first and end of the last interval with calls (epoch ms), and the intervals with calls. */
        long firstCallMs = Long.MAX_VALUE;
        long lastCallMs = Long.MIN_VALUE;
        private long intervalsWithCalls;
        /** The largest call counts of single intervals, descending (a burst shows as most calls in one or two). */
        private final long[] busiestIntervals = new long[BUSIEST_KEPT];
        /**
         * The agent's instrumentation form and its reason (format v2: MethodProfile's {@code form}/{@code formReason}, or
         * an {@code oxidizer.MethodForm} event; the latest by event time wins), null when the recording does not say.
         */
        private String instrumentation;
        private String instrumentationReason;
        private long instrumentationAtMs = Long.MIN_VALUE;
        /**
         * Whether any form of it was given for trivial code (reason {@code trivial}): a fact about its bytecode that a
         * later demotion for the budget or a JIT limit does not change.
         */
        private boolean trivialCode;

        AgentMethod(String className, String methodName, String descriptor, int modifiers) {
            this.className = className;
            this.methodName = methodName;
            this.descriptor = descriptor;
            this.modifiers = modifiers;
        }

        long invocations() { return invocations; }
        long exceptional() { return exceptional; }
        long timedCount() { return timedCount; }
        long overheadNs() { return overheadNs; }
        /** A new histogram of the exact sum of the agent's latency histograms (null when none was timed). */
        org.HdrHistogram.Histogram latencyHistogram() { return latency.toHistogram(); }
        java.util.Set<String> policies() { return java.util.Collections.unmodifiableSet(policies); }
        java.util.Set<String> sessions() { return java.util.Collections.unmodifiableSet(sessions); }
        long firstCallMs() { return firstCallMs; }
        long lastCallMs() { return lastCallMs; }
        long intervalsWithCalls() { return intervalsWithCalls; }
        /** A copy of the busiest intervals' call counts, descending. */
        long[] busiestIntervals() { return busiestIntervals.clone(); }
        String instrumentation() { return instrumentation; }
        String instrumentationReason() { return instrumentationReason; }
        boolean trivialCode() { return trivialCode; }

        /** Records a form seen at {@code atMs}, keeping the latest (the later unit's on ties, as a merge in order does). */
        void form(String form, String reason, long atMs) {
            trivialCode |= "trivial".equals(reason);
            if (form != null && !form.isEmpty() && atMs >= instrumentationAtMs) {
                instrumentation = form;
                instrumentationReason = reason == null || reason.isEmpty() ? null : reason;
                instrumentationAtMs = atMs;
            }
        }

        /** Adds {@code m}'s figures, as if its events came after this method's. */
        void merge(AgentMethod m) {
            invocations += m.invocations;
            exceptional += m.exceptional;
            timedCount += m.timedCount;
            overheadNs += m.overheadNs;
            latency.addAll(m.latency);
            policies.addAll(m.policies);
            sessions.addAll(m.sessions);
            firstCallMs = Math.min(firstCallMs, m.firstCallMs);
            lastCallMs = Math.max(lastCallMs, m.lastCallMs);
            intervalsWithCalls += m.intervalsWithCalls;
            for (long c : m.busiestIntervals) {
                keepBusiest(busiestIntervals, c);
            }
            if (m.instrumentation != null) {
                form(m.instrumentation, m.instrumentationReason, m.instrumentationAtMs);
            }
            trivialCode |= m.trivialCode;
        }
    }

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
        private long pid;
        private String mainClass;
        private long jvmStartMs;
        private double timerOverheadNs = Double.NaN;
        private String agentVersion;
        private int formatVersion;
        /** Span of the agent's count intervals: the window its counts cover. */
        private long startMs = Long.MAX_VALUE;
        private long endMs = Long.MIN_VALUE;
        /** Span of its AgentSession events, used only when no interval was recorded. */
        private long seenFromMs = Long.MAX_VALUE;
        private long seenToMs = Long.MIN_VALUE;

        /** Whether an AgentSession event described it (pid, main class, versions, JVM start: the last one wins). */
        private boolean described;
        /** Start times of its count intervals (one per flush): how many intervals the window has. */
        private final Set<Long> intervalStarts = new HashSet<>();

        Session(String id) {
            this.id = id;
        }

        long pid() { return pid; }
        String mainClass() { return mainClass; }
        long jvmStartMs() { return jvmStartMs; }
        double timerOverheadNs() { return timerOverheadNs; }
        String agentVersion() { return agentVersion; }
        int formatVersion() { return formatVersion; }
        long startMs() { return startMs; }
        long endMs() { return endMs; }
        long seenFromMs() { return seenFromMs; }
        long seenToMs() { return seenToMs; }
        boolean described() { return described; }
        /** How many count intervals (flushes) the session recorded. */
        int intervals() { return intervalStarts.size(); }

        void cover(long fromMs, long toMs) {
            startMs = Math.min(startMs, fromMs);
            endMs = Math.max(endMs, toMs);
        }

        void seen(long atMs) {
            seenFromMs = Math.min(seenFromMs, atMs);
            seenToMs = Math.max(seenToMs, atMs);
        }

        /** Adds {@code s}, as if its events came after this session's. */
        void merge(Session s) {
            if (s.described) {
                described = true;
                pid = s.pid;
                mainClass = s.mainClass;
                agentVersion = s.agentVersion;
                formatVersion = s.formatVersion;
                jvmStartMs = s.jvmStartMs;
            }
            if (!Double.isNaN(s.timerOverheadNs)) {
                timerOverheadNs = s.timerOverheadNs;
            }
            startMs = Math.min(startMs, s.startMs);
            endMs = Math.max(endMs, s.endMs);
            seenFromMs = Math.min(seenFromMs, s.seenFromMs);
            seenToMs = Math.max(seenToMs, s.seenToMs);
            intervalStarts.addAll(s.intervalStarts);
        }
    }

    private final HistogramDecoder histograms = new HistogramDecoder();
    final Map<String, AgentMethod> methods = new LinkedHashMap<>();
    final Map<String, Session> sessions = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    final EventSpan span = new EventSpan();
    long overheadNs;
    /**
     * The part of {@link #overheadNs} that execution samples cannot show: the agent's start (mostly before JFR samples
     * anything) and JFR's own threads (never sampled). Added to the sampled measurement ({@link AgentCost}).
     */
    long unsampledNs;
    /**
     * The whole process's CPU over the intervals of the overhead events read (agent layout v2 since 2026-12-07: every
     * thread, JIT compilers and GC included, the first interval from the JVM's start), and how many overhead events
     * had it and how many there were: the overhead's denominator when every event had it ({@link #processCpuNs()}).
     */
    long processCpuNs;
    long processCpuEvents;
    /**
     * The JIT's compilation time ({@code jdk.Compilation} durations), all of it and that of the agent's and JFR's own
     * code ({@link AgentCost#isAgentOwnCode}), ns; and the JIT compiler threads' CPU from the overhead events that
     * carried it (agent layout v2 since 2026-12-07 evening; -1 there when unknown), with how many did.
     */
    long compileNs;
    long agentCompileNs;
    long jitCpuNs;
    long jitCpuEvents;
    long overheadEvents;
    boolean sawOverhead;
    double nsPerCountedCall = Double.NaN;
    double nsPerTimedCall = Double.NaN;
    private boolean countedCallSet;
    private boolean timedCallSet;

    /** One {@code oxidizer.MethodProfile} event: one method's counts and histogram of one interval. */
    void acceptProfile(RecordedEvent e, EventFields f) {
        String cls = f.string(e, "className");
        String mname = f.string(e, "methodName");
        String desc = f.string(e, "descriptor");
        if (cls == null || mname == null) {
            problem("oxidizer.MethodProfile without className/methodName ignored");
            return;
        }
        String key = MethodKeys.key(cls, mname, desc);
        int modifiers = f.intField(e, "modifiers");
        AgentMethod m = methods.computeIfAbsent(key, k -> new AgentMethod(cls, mname, desc, modifiers));
        m.invocations += f.longField(e, "invocations");
        m.exceptional += f.longField(e, "exceptional");
        long timed = f.longField(e, "timedCount");
        m.overheadNs += f.longField(e, "overheadNs");
        String policy = f.string(e, "timingPolicy");
        if (policy != null && !policy.isEmpty()) {
            int interval = f.intField(e, "samplingInterval");
            m.policies.add("sampled".equals(policy) ? "sampled 1/" + interval : policy);
        }
        String session = f.string(e, "sessionId");
        if (session != null) {
            m.sessions.add(session);
        }
        String b64 = f.string(e, "histogram");
        if (timed > 0 && b64 != null && !b64.isEmpty()) {
            try {
                histograms.addInto(m.latency, Base64.getDecoder().decode(b64));
                m.timedCount += timed;
            } catch (IllegalArgumentException | DataFormatException | IndexOutOfBoundsException
                     | java.nio.BufferUnderflowException e1) {
                problem("undecodable latency histogram of " + key + " in one interval ignored (" + e1.getMessage() + ")");
            }
        }
        long from = f.timestampMs(e, "intervalStart");
        long to = f.timestampMs(e, "intervalEnd");
        long calls = f.longField(e, "invocations");
        if (calls > 0 && from > 0 && to >= from) {
            keepBusiest(m.busiestIntervals, calls);
            m.firstCallMs = Math.min(m.firstCallMs, from);
            m.lastCallMs = Math.max(m.lastCallMs, to);
            m.intervalsWithCalls++;
        }
        m.form(f.string(e, "form"), f.string(e, "formReason"), to > 0 ? to : f.startMs(e));
        if (session != null) {
            Session s = sessions.computeIfAbsent(session, Session::new);
            if (from > 0 && to >= from) {
                s.cover(from, to);
                s.intervalStarts.add(from);
            }
        }
        span.see(f.startMs(e));
    }

    /** Agent format v2: a method's form changed (a JIT limit or the budget); {@code none} leaves its calls unknown. */
    void acceptForm(RecordedEvent e, EventFields f) {
        String cls = f.string(e, "className");
        String mname = f.string(e, "methodName");
        if (cls == null || mname == null) {
            return;
        }
        String desc = f.string(e, "descriptor");
        String key = MethodKeys.key(cls, mname, desc);
        int modifiers = f.intField(e, "modifiers");
        AgentMethod m = methods.computeIfAbsent(key, k -> new AgentMethod(cls, mname, desc, modifiers));
        m.form(f.string(e, "form"), f.string(e, "reason"), f.startMs(e));
        String session = f.string(e, "sessionId");
        if (session != null) {
            m.sessions.add(session);
        }
        span.see(f.startMs(e));
    }

    /** One {@code oxidizer.AgentSession} event: the session's JVM and agent (the last one wins). */
    void acceptSession(RecordedEvent e, EventFields f) {
        String id = f.string(e, "sessionId");
        if (id == null) {
            return;
        }
        Session s = sessions.computeIfAbsent(id, Session::new);
        s.described = true;
        s.pid = f.longField(e, "pid");
        s.mainClass = f.string(e, "mainClass");
        s.agentVersion = f.string(e, "agentVersion");
        s.formatVersion = f.has(e, "formatVersion") ? e.getInt("formatVersion") : 0;
        s.jvmStartMs = f.timestampMs(e, "jvmStart");
        if (f.has(e, "timerOverheadNs")) {
            double t = e.getDouble("timerOverheadNs");
            if (t >= 0 && !Double.isNaN(t)) {
                s.timerOverheadNs = t;
            }
        }
        long at = f.startMs(e);
        s.seen(at);
        span.see(at);
    }

    /** One {@code oxidizer.AgentOverhead} event: overhead adds up; the per-call costs of the last event are kept. */
    void acceptOverhead(RecordedEvent e, EventFields f) {
        sawOverhead = true;
        // agent layout v2: the flusher's own CPU is agent cost too, and (since 2026-12-07) the measured CPU of its
        // start, of class transformation and of JFR's own threads (docs/formats/agent-events.md)
        long unseen = Math.max(0, f.longField(e, "startupCpuNs")) + Math.max(0, f.longField(e, "jfrCpuNs"));
        overheadNs += f.longField(e, "estimatedOverheadNs") + Math.max(0, f.longField(e, "flushCpuNs"))
                + Math.max(0, f.longField(e, "transformCpuNs")) + unseen;
        unsampledNs += unseen;
        overheadEvents++;
        if (f.has(e, "processCpuNs")) {
            processCpuNs += Math.max(0, f.longField(e, "processCpuNs"));
            processCpuEvents++;
        }
        if (f.has(e, "jitCpuNs") && f.longField(e, "jitCpuNs") >= 0) {
            jitCpuNs += f.longField(e, "jitCpuNs");
            jitCpuEvents++;
        }
        if (f.has(e, "nsPerCountedCall")) {
            nsPerCountedCall = e.getDouble("nsPerCountedCall");
            countedCallSet = true;
        }
        if (f.has(e, "nsPerTimedCall")) {
            nsPerTimedCall = e.getDouble("nsPerTimedCall");
            timedCallSet = true;
        }
    }

    /** One {@code jdk.Compilation} event: its duration, and whether it compiled the agent's or JFR's own code. */
    void acceptCompilation(RecordedEvent e, EventFields f) {
        long ns = e.getDuration().toNanos();
        if (ns <= 0) {
            return;
        }
        compileNs += ns;
        jdk.jfr.consumer.RecordedMethod m = f.has(e, "method") ? e.getValue("method") : null;
        if (m != null && m.getType() != null && AgentCost.isAgentOwnCode(m.getType().getName())) {
            agentCompileNs += ns;
        }
    }

    /**
     * The JIT's CPU spent on the agent's and JFR's own code, ns ({@link AgentCost#jitShareNs}); 0 without compilation
     * events.
     */
    long agentJitNs() {
        return AgentCost.jitShareNs(agentCompileNs, compileNs,
                overheadEvents > 0 && jitCpuEvents == overheadEvents ? jitCpuNs : -1);
    }

    /** Adds a unit's events after those merged so far. {@code unit} must not be used afterwards. */
    void merge(AgentAccumulator unit) {
        unit.methods.forEach((key, m) -> methods.computeIfAbsent(key,
                k -> new AgentMethod(m.className, m.methodName, m.descriptor, m.modifiers)).merge(m));
        unit.sessions.forEach((id, s) -> sessions.computeIfAbsent(id, Session::new).merge(s));
        unit.problems.forEach(this::problem);
        span.merge(unit.span);
        overheadNs += unit.overheadNs;
        unsampledNs += unit.unsampledNs;
        processCpuNs += unit.processCpuNs;
        processCpuEvents += unit.processCpuEvents;
        compileNs += unit.compileNs;
        agentCompileNs += unit.agentCompileNs;
        jitCpuNs += unit.jitCpuNs;
        jitCpuEvents += unit.jitCpuEvents;
        overheadEvents += unit.overheadEvents;
        sawOverhead |= unit.sawOverhead;
        if (unit.countedCallSet) {
            nsPerCountedCall = unit.nsPerCountedCall;
            countedCallSet = true;
        }
        if (unit.timedCallSet) {
            nsPerTimedCall = unit.nsPerTimedCall;
            timedCallSet = true;
        }
    }

    private void problem(String message) {
        if (problems.size() < MAX_PROBLEMS && !problems.contains(message)) {
            problems.add(message);
        }
    }
}

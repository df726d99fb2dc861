package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.vocabulary.ArrayWrites;

import java.util.List;

/**
 * Every figure the analyzer computed for one method, in the units the rules need. Rules read only this
 * (and {@link dev.oxidizer.analyzer.rules.RuleContext}); absent figures are {@code null}, never zero.
 *
 * @param key             {@code binary.Class#name(descriptor)}
 * @param className       binary class name
 * @param methodName      method name
 * @param descriptor      JVM descriptor, null when unknown
 * @param isStatic        null when the modifiers are unknown
 * @param callsObserved   exact calls in the window (agent or jdk.MethodTiming), null without a count source
 * @param exceptional     calls that ended by throwing (agent only, else 0)
 * @param callsPerDay     callsObserved projected to 24 h from the window, null without counts
 * @param callSource      {@code agent}, {@code method-timing} or {@code samples}
 * @param threads         distinct threads seen in its stacks, the most in any one recording (a thread belongs to one
 *                        JVM), null when no event named it
 * @param meanNs          mean latency after subtracting the timer overhead, null when not timed
 * @param totalWallNs     meanNs x callsObserved, null when either is unknown
 * @param maxNs           largest latency, null when not timed
 * @param selfSamples     execution samples with the method on top
 * @param inclusiveSamples execution (or CPU-time) samples with the method on the stack
 * @param cpuTimeNs       estimated on-CPU time, see docs/analyzer.md "CPU time estimator"
 * @param cpuBoundRatio   {@link #cpuBoundRatio(double, double, double) cpuTimeNs / (totalWallNs - runQueueNs)} (at
 *                        most 1), null without wall time
 * @param parkCount       park and sleep events through the method
 * @param monitorCount    monitor enter/wait events through it
 * @param ioCount         socket and file events through it
 * @param parkNs          summed durations
 * @param monitorNs       summed durations
 * @param ioNs            summed durations
 * @param allocBytesPerSecond sampled allocation weight per second of window, null without allocation samples
 * @param onLatencyPath   null when no event named the method (unknown)
 * @param latencyMatched  entry point or thread glob that matched
 * @param latencyShare    share of its events under an entry point or on a latency thread
 * @param callers         callers seen below it in sampled stacks, nearest first
 * @param nearestFrameCaller nearest application frame calling it, even if not instrumented; may be null
 * @param callTree        sampled call tree under it, may be null
 * @param windowSeconds   observation window used for projections
 * @param samplePeriodNs  CPU time one sample stands for, after the saturation correction
 * @param cpuAvailability share of the time its threads had work that they were on a CPU (1 when every runnable
 *                        thread had a core, or when unknown), weighted by its samples on each thread: for this method,
 *                        cpuTimeNs / (cpuTimeNs + runQueueNs)
 * @param runQueueNs      estimated time its calls spent runnable but waiting for a core (preempted or not yet
 *                        scheduled): its CPU time on each thread x (1 / that thread's on-CPU share - 1); this is part
 *                        of totalWallNs but is neither work nor the I/O or lock waiting the cpu-bound rule looks for
 * @param agentSampleShare share of the samples through the method that were in the agent's own probes (of its
 *                        instrumented callees): high values mean instrumentation dominates its measured time
 * @param trivial         the agent found it trivial (straight-line code without loops, calling only bounded helpers, docs/agent.md) and
 *                        counted it with its count-only probe, so it is not timed
 * @param runQueueNs      see above
 * @param medianNs        median latency of the timed calls after subtracting the timer overhead, null when not timed or
 *                        when the source has no percentiles (jdk.MethodTiming): decisions use it, since preemption
 *                        inflates the mean of short calls 10-80x on a busy machine
 * @param modifiers       access flags, null when unknown
 * @param origin          whose code it is: the application's own or a dependency's
 * @param measuredWallNs  wall time as measured (mean x calls) before any correction, null without timing: shares of
 *                        recorded waits are taken against it, since the waits are not corrected either
 * @param codeMix         where its sampled CPU went: JDK intrinsics, dependencies, direct callees
 * @param callSpread      how its calls spread over the window, null without per-interval counts
 * @param instrumentation how the agent instrumented it (form and reason), null when the recording does not say
 * @param parameters      parameter names and written arrays from its class file on the recorded class path, null when
 *                        the class file was not found (then {@code arg0...} and every array written, as the generator
 *                        assumes without class files)
 */
public record MethodFacts(
        String key,
        String className,
        String methodName,
        String descriptor,
        Boolean isStatic,
        Long callsObserved,
        long exceptional,
        Double callsPerDay,
        String callSource,
        Integer threads,
        Double meanNs,
        Double totalWallNs,
        Long maxNs,
        long selfSamples,
        long inclusiveSamples,
        double cpuTimeNs,
        Double cpuBoundRatio,
        long parkCount,
        long monitorCount,
        long ioCount,
        long parkNs,
        long monitorNs,
        long ioNs,
        Double allocBytesPerSecond,
        Boolean onLatencyPath,
        String latencyMatched,
        Double latencyShare,
        List<Caller> callers,
        String nearestFrameCaller,
        MethodReport.CallTree callTree,
        double windowSeconds,
        double samplePeriodNs,
        double cpuAvailability,
        double agentSampleShare,
        boolean trivial,
        double runQueueNs,
        Double medianNs,
        Integer modifiers,
        Origin origin,
        Double measuredWallNs,
        CodeMix codeMix,
        CallSpread callSpread,
        Instrumentation instrumentation,
        ArrayWrites.Facts parameters) {

    public MethodFacts {
        callers = callers == null ? List.of() : List.copyOf(callers);
        if (!(runQueueNs >= 0)) {
            throw new IllegalArgumentException("runQueueNs must be >= 0, got " + runQueueNs);
        }
        origin = origin == null ? Origin.APPLICATION : origin;
        codeMix = codeMix == null ? CodeMix.NONE : codeMix;
    }

    /** Facts without the class file's parameter facts ({@link #parameters} null). */
    public MethodFacts(String key, String className, String methodName, String descriptor, Boolean isStatic,
                       Long callsObserved, long exceptional, Double callsPerDay, String callSource, Integer threads,
                       Double meanNs, Double totalWallNs, Long maxNs, long selfSamples, long inclusiveSamples,
                       double cpuTimeNs, Double cpuBoundRatio, long parkCount, long monitorCount, long ioCount, long parkNs,
                       long monitorNs, long ioNs, Double allocBytesPerSecond, Boolean onLatencyPath, String latencyMatched,
                       Double latencyShare, List<Caller> callers, String nearestFrameCaller, MethodReport.CallTree callTree,
                       double windowSeconds, double samplePeriodNs, double cpuAvailability, double agentSampleShare,
                       boolean trivial, double runQueueNs, Double medianNs, Integer modifiers, Origin origin,
                       Double measuredWallNs, CodeMix codeMix, CallSpread callSpread, Instrumentation instrumentation) {
        this(key, className, methodName, descriptor, isStatic, callsObserved, exceptional, callsPerDay, callSource, threads,
                meanNs, totalWallNs, maxNs, selfSamples, inclusiveSamples, cpuTimeNs, cpuBoundRatio, parkCount, monitorCount,
                ioCount, parkNs, monitorNs, ioNs, allocBytesPerSecond, onLatencyPath, latencyMatched, latencyShare, callers,
                nearestFrameCaller, callTree, windowSeconds, samplePeriodNs, cpuAvailability, agentSampleShare, trivial,
                runQueueNs, medianNs, modifiers, origin, measuredWallNs, codeMix, callSpread, instrumentation, null);
    }

    /** Facts without the figures added for issue 17 (median, origin, code mix, spread): tests of the older rules. */
    public MethodFacts(String key, String className, String methodName, String descriptor, Boolean isStatic,
                       Long callsObserved, long exceptional, Double callsPerDay, String callSource, Integer threads,
                       Double meanNs, Double totalWallNs, Long maxNs, long selfSamples, long inclusiveSamples,
                       double cpuTimeNs, Double cpuBoundRatio, long parkCount, long monitorCount, long ioCount, long parkNs,
                       long monitorNs, long ioNs, Double allocBytesPerSecond, Boolean onLatencyPath, String latencyMatched,
                       Double latencyShare, List<Caller> callers, String nearestFrameCaller, MethodReport.CallTree callTree,
                       double windowSeconds, double samplePeriodNs, double cpuAvailability, double agentSampleShare,
                       boolean trivial, double runQueueNs) {
        this(key, className, methodName, descriptor, isStatic, callsObserved, exceptional, callsPerDay, callSource, threads,
                meanNs, totalWallNs, maxNs, selfSamples, inclusiveSamples, cpuTimeNs, cpuBoundRatio, parkCount, monitorCount,
                ioCount, parkNs, monitorNs, ioNs, allocBytesPerSecond, onLatencyPath, latencyMatched, latencyShare, callers,
                nearestFrameCaller, callTree, windowSeconds, samplePeriodNs, cpuAvailability, agentSampleShare, trivial,
                runQueueNs, meanNs, null, Origin.APPLICATION, totalWallNs, CodeMix.NONE, null, null, null);
    }

    /** Whose code a method is. */
    public enum Origin {
        /** The application's own code (its include globs or {@code application} setting). */
        APPLICATION,
        /** A library the application depends on: porting it means forking or reimplementing that library. */
        DEPENDENCY
    }

    /** A frame (or package) and the samples through the method that were in it. */
    public record FrameShare(String frame, long samples) {}

    /**
     * A direct callee seen in the method's samples.
     *
     * @param frame    {@code Class.method}
     * @param key      its method key
     * @param kind     {@code application}, {@code dependency} or {@code jdk}
     * @param samples  samples through the method that were inside this callee
     * @param medianNs its median latency when the analysis timed it, else null
     */
    public record Callee(String frame, String key, String kind, long samples, Double medianNs) {}

    /**
     * Where the method's sampled CPU went (counts of its inclusive samples, outside the agent's probes).
     *
     * @param jdkSamples        samples whose executing frame was JDK code
     * @param intrinsicSamples  samples inside a JDK method backed by a JIT intrinsic or native stub (string coding,
     *                          digests, checksums, array copies and comparisons, number parsing and formatting,
     *                          BigInteger, AES; {@link JdkIntrinsics})
     * @param dependencySamples samples whose executing frame was a dependency's code
     * @param intrinsicFrames   the JDK methods the intrinsic samples entered through (outermost JDK frame), heaviest first
     * @param dependencyFrames  the dependency methods its samples entered through (outermost dependency frame), heaviest first
     * @param callees           its direct callees, heaviest first
     */
    public record CodeMix(long jdkSamples, long intrinsicSamples, long dependencySamples, List<FrameShare> intrinsicFrames,
                          List<FrameShare> dependencyFrames, List<Callee> callees) {
        public static final CodeMix NONE = new CodeMix(0, 0, 0, List.of(), List.of(), List.of());

        public CodeMix {
            intrinsicFrames = List.copyOf(intrinsicFrames);
            dependencyFrames = List.copyOf(dependencyFrames);
            callees = List.copyOf(callees);
        }
    }

    /**
     * How a method's calls spread over the observation window, from the agent's per-interval counts.
     *
     * @param firstCallMs        start of the first interval with calls (epoch ms)
     * @param lastCallMs         end of the last interval with calls
     * @param intervalsWithCalls intervals (of all sessions) in which it was called
     * @param windowMs           the observation window
     * @param busiestCalls       calls of its busiest intervals, descending (up to four)
     * @param sessions           agent sessions (JVM runs) that counted it
     * @param windowIntervals    count intervals of those sessions, with or without its calls (0 when unknown)
     */
    public record CallSpread(long firstCallMs, long lastCallMs, long intervalsWithCalls, long windowMs, List<Long> busiestCalls,
                             int sessions, long windowIntervals) {
        public CallSpread {
            busiestCalls = List.copyOf(busiestCalls);
        }

        /** Calls in its two busiest intervals per session (at most four): the calls a burst would be. */
        public long burstCalls() {
            long n = 0;
            for (int i = 0; i < Math.min(busiestCalls.size(), 2 * Math.max(1, sessions)); i++) {
                n += busiestCalls.get(i);
            }
            return n;
        }

        /** The share of the window between the first and the last interval with calls (0..1). */
        public double spanShare() {
            return windowMs <= 0 ? 1 : Math.min(1, Math.max(0, lastCallMs - firstCallMs) / (double) windowMs);
        }
    }

    /**
     * How the agent instrumented a method (oxidizer.MethodProfile's optional instrumentation fields).
     *
     * @param form   {@code timed}, {@code sampled}, {@code count}, {@code entry} or {@code none}
     * @param reason why a lesser form was chosen (e.g. {@code huge-method-limit}, {@code budget}), may be null
     */
    public record Instrumentation(String form, String reason) {
        /** Whether its calls were counted at all ({@code none}: calls are unknown, not zero). */
        public boolean counted() {
            return !"none".equals(form);
        }
    }

    /** The statistic decisions use for the length of a call: the median when known, else the mean. */
    public Double typicalNs() {
        return medianNs != null ? medianNs : meanNs;
    }

    /** Facts without a run-queue estimate (every runnable thread had a core). */
    public MethodFacts(String key, String className, String methodName, String descriptor, Boolean isStatic,
                       Long callsObserved, long exceptional, Double callsPerDay, String callSource, Integer threads,
                       Double meanNs, Double totalWallNs, Long maxNs, long selfSamples, long inclusiveSamples,
                       double cpuTimeNs, Double cpuBoundRatio, long parkCount, long monitorCount, long ioCount, long parkNs,
                       long monitorNs, long ioNs, Double allocBytesPerSecond, Boolean onLatencyPath, String latencyMatched,
                       Double latencyShare, List<Caller> callers, String nearestFrameCaller, MethodReport.CallTree callTree,
                       double windowSeconds, double samplePeriodNs, double cpuAvailability, double agentSampleShare,
                       boolean trivial) {
        this(key, className, methodName, descriptor, isStatic, callsObserved, exceptional, callsPerDay, callSource, threads,
                meanNs, totalWallNs, maxNs, selfSamples, inclusiveSamples, cpuTimeNs, cpuBoundRatio, parkCount, monitorCount,
                ioCount, parkNs, monitorNs, ioNs, allocBytesPerSecond, onLatencyPath, latencyMatched, latencyShare, callers,
                nearestFrameCaller, callTree, windowSeconds, samplePeriodNs, cpuAvailability, agentSampleShare, trivial, 0.0);
    }

    /**
     * The CPU-bound ratio: on-CPU time divided by the wall time less the time spent waiting for a core, i.e. the share of
     * the time the calls were not runnable-but-descheduled that they spent on a CPU. 1 when the CPU time covers all of
     * that (estimates of CPU and run-queue time can overshoot); NaN when {@code wallNs <= 0}. Waiting for a core is
     * taken out because it is not a property of the method: a pure-CPU kernel on a saturated machine waits for a core
     * as long as its machine makes it, and would wait just the same after a port to Rust.
     */
    public static double cpuBoundRatio(double cpuNs, double wallNs, double runQueueNs) {
        if (!(wallNs > 0)) {
            return Double.NaN;
        }
        double notQueued = wallNs - Math.max(0, runQueueNs);
        if (notQueued <= cpuNs) {
            return cpuNs > 0 ? 1.0 : 0.0;
        }
        return cpuNs / notQueued;
    }

    /** Summed duration of all wait events through the method. */
    public double waitNs() {
        return parkNs + monitorNs + ioNs;
    }

    /**
     * A caller seen below the method in sampled stacks.
     *
     * @param key      method key
     * @param distance frames between it and the method (1 = direct caller)
     * @param samples  samples through both
     * @param typicalNs its own median latency when it is timed (else its mean), null when not timed
     */
    public record Caller(String key, int distance, long samples, Double typicalNs) {}

    /** A copy with different call figures (tests and what-if use). */
    public MethodFacts withCalls(Long observed, Double perDay) {
        return new MethodFacts(key, className, methodName, descriptor, isStatic, observed, exceptional, perDay, callSource,
                threads, meanNs, totalWallNs, maxNs, selfSamples, inclusiveSamples, cpuTimeNs, cpuBoundRatio, parkCount,
                monitorCount, ioCount, parkNs, monitorNs, ioNs, allocBytesPerSecond, onLatencyPath, latencyMatched,
                latencyShare, callers, nearestFrameCaller, callTree, windowSeconds, samplePeriodNs, cpuAvailability, agentSampleShare,
                trivial, runQueueNs, medianNs, modifiers, origin, measuredWallNs, codeMix, callSpread, instrumentation, parameters);
    }
}

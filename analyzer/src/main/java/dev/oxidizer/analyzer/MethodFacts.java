package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;

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
        double runQueueNs) {

    public MethodFacts {
        callers = callers == null ? List.of() : List.copyOf(callers);
        if (!(runQueueNs >= 0)) {
            throw new IllegalArgumentException("runQueueNs must be >= 0, got " + runQueueNs);
        }
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
                nearestFrameCaller, callTree, windowSeconds, samplePeriodNs, cpuAvailability, agentSampleShare, trivial, 0);
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
     * @param meanNs   its own mean latency when it is timed, else null
     */
    public record Caller(String key, int distance, long samples, Double meanNs) {}

    /** A copy with different call figures (tests and what-if use). */
    public MethodFacts withCalls(Long observed, Double perDay) {
        return new MethodFacts(key, className, methodName, descriptor, isStatic, observed, exceptional, perDay, callSource,
                threads, meanNs, totalWallNs, maxNs, selfSamples, inclusiveSamples, cpuTimeNs, cpuBoundRatio, parkCount,
                monitorCount, ioCount, parkNs, monitorNs, ioNs, allocBytesPerSecond, onLatencyPath, latencyMatched,
                latencyShare, callers, nearestFrameCaller, callTree, windowSeconds, samplePeriodNs, cpuAvailability, agentSampleShare,
                trivial, runQueueNs);
    }
}

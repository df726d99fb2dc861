package dev.oxidizer.analyzer;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the analysis knows of the recordings, frozen after every read unit was merged
 * ({@link ProfileAggregator#freeze}) and before any rule runs: the views are read-only, and nothing adds to the
 * families behind them afterwards. Keys and units are those of the families: {@link AgentAccumulator} (agent
 * counts, histograms, sessions), {@link MethodTimingAccumulator} ({@code jdk.MethodTiming}),
 * {@link StackSampleAccumulator} (stacks, threads, samples, allocations, waits), {@link CpuLoadAccumulator},
 * {@link SettingsAccumulator} and {@link RecordedJvmAccumulator}. Their values (agent methods, sessions, threads) are
 * read through accessors, the stacks' counters through the read-only {@link StackCounts} and {@link #cpuSamples};
 * {@link SamplerTicks} is not yet a read-only type, and nothing may change it once frozen.
 */
final class Profile {
    private final AgentAccumulator agent;
    private final MethodTimingAccumulator timing;
    private final StackSampleAccumulator samples;
    private final CpuLoadAccumulator cpuLoad;
    private final SettingsAccumulator settings;
    private final RecordedJvmAccumulator jvm;
    private final Map<String, Long> eventCounts;
    private final long firstEventMs;
    private final long lastEventMs;
    private final boolean cpuTimeSampled;

    Profile(AgentAccumulator agent, MethodTimingAccumulator timing, StackSampleAccumulator samples, CpuLoadAccumulator cpuLoad,
            SettingsAccumulator settings, RecordedJvmAccumulator jvm, Map<String, Long> eventCounts) {
        this.agent = agent;
        this.timing = timing;
        this.samples = samples;
        this.cpuLoad = cpuLoad;
        this.settings = settings;
        this.jvm = jvm;
        this.eventCounts = Collections.unmodifiableMap(eventCounts);
        EventSpan span = new EventSpan();
        span.merge(agent.span);
        span.merge(timing.span);
        span.merge(samples.span);
        this.firstEventMs = span.firstMs;
        this.lastEventMs = span.lastMs;
        Long cpuTypeId = settings.eventTypeIds.get(EventKind.CPU_TIME_SAMPLE);
        this.cpuTimeSampled = cpuTypeId != null && eventCounts.getOrDefault(EventKind.CPU_TIME_SAMPLE, 0L) > 0
                && CpuModel.minDuration(settings.settings.getOrDefault(cpuTypeId, Map.of()).get("throttle")) != null;
    }

    /** Agent figures per method key ({@link MethodKeys}), in first-seen order. */
    Map<String, AgentAccumulator.AgentMethod> agentMethods() {
        return Collections.unmodifiableMap(agent.methods);
    }

    /** Agent sessions by id, in first-seen order. */
    Map<String, AgentAccumulator.Session> sessions() {
        return Collections.unmodifiableMap(agent.sessions);
    }

    /** Per file index: method key to its largest {@code jdk.MethodTiming} snapshot. */
    Map<Integer, Map<String, MethodTimingAccumulator.TimingSnapshot>> timing() {
        return Collections.unmodifiableMap(timing.byFile);
    }

    /** Per file index: "pid@startMs" of the JVM that wrote it. */
    Map<Integer, String> fileJvm() {
        return Collections.unmodifiableMap(jvm.fileJvm);
    }

    /** Per file index: {java.class.path, user.dir} of the recorded JVM, either null when not recorded. */
    Map<Integer, String[]> fileClassPath() {
        return Collections.unmodifiableMap(jvm.fileClassPath);
    }

    /** Distinct stacks seen; stack ids run from 0 to this count. */
    int stackCount() {
        return samples.stacks.stackCount();
    }

    /** Frame ids of stack {@code id}, executing frame first. The array is the profile's own: callers must not change it. */
    int[] stack(int id) {
        return samples.stacks.stack(id);
    }

    /** Whether JFR truncated stack {@code id} (deeper than the recording's stack depth). */
    boolean stackTruncated(int id) {
        return samples.stacks.truncated(id);
    }

    /** The evidence counters of stack {@code id}, read-only. */
    StackCounts stackCounts(int id) {
        return samples.stacks.stats(id);
    }

    /**
     * The CPU samples of stack {@code id}: its {@code jdk.CPUTimeSample}s when the analysis judges CPU from them
     * ({@link #cpuTimeSampled()}), else its {@code jdk.ExecutionSample}s. The one place that decides which sample kind a
     * stack's CPU weight counts, so that every figure built from stacks (reported methods, their facts, sampling-only
     * selection) is on one scale.
     */
    long cpuSamples(int id) {
        StackCounts c = samples.stacks.stats(id);
        return cpuTimeSampled ? c.cpuTimeSamples() : c.execSamples();
    }

    /**
     * Whether CPU is judged from {@code jdk.CPUTimeSample} (recorded, with its throttle known, so that a sample has a
     * known CPU time) rather than from {@code jdk.ExecutionSample}.
     */
    boolean cpuTimeSampled() {
        return cpuTimeSampled;
    }

    /** Distinct methods seen in stacks; frame ids run from 0 to this count. */
    int frameCount() {
        return samples.stacks.frameCount();
    }

    /** The method of frame {@code id}. */
    StackTable.Frame frame(int id) {
        return samples.stacks.frame(id);
    }

    /** Frame id of a method key, or -1 when no stack named it. */
    int frameId(String key) {
        return samples.stacks.frameId(key);
    }

    /** Threads by {@link StackSampleAccumulator#scopedThreadId}. */
    Map<Long, StackSampleAccumulator.ThreadInfo> threads() {
        return Collections.unmodifiableMap(samples.threads);
    }

    /** Per file index: the execution sampler's periods. */
    Map<Integer, SamplerTicks> samplerTicks() {
        return Collections.unmodifiableMap(samples.samplerTicks);
    }

    /** Allocation weight per (stack id &lt;&lt; 24 | class id); class ids index {@link #allocClasses}. */
    Map<Long, long[]> allocations() {
        return Collections.unmodifiableMap(samples.allocations);
    }

    /** Allocated class names by class id. */
    List<String> allocClasses() {
        return Collections.unmodifiableList(samples.allocClasses);
    }

    /** Settings by event type id, then setting name to the values seen. */
    Map<Long, Map<String, Set<String>>> settings() {
        return Collections.unmodifiableMap(settings.settings);
    }

    /** Event type ids by name, of the sampled types whose settings are read. */
    Map<String, Long> eventTypeIds() {
        return Collections.unmodifiableMap(settings.eventTypeIds);
    }

    /** Problems met in the events (at most 20, distinct). */
    List<String> problems() {
        return Collections.unmodifiableList(agent.problems);
    }

    /** Whether any {@code oxidizer.AgentOverhead} event was read. */
    boolean sawOverhead() {
        return agent.sawOverhead;
    }

    /** The agent's cost as the execution samples show it, and the overhead figure to state. */
    AgentCost agentCost() {
        return samples.agentCost;
    }

    /** The agent's estimated overhead, ns, summed. */
    long overheadNs() {
        return agent.overheadNs + agent.agentJitNs();
    }

    /**
     * The agent's measured costs that execution samples cannot show (its start, JFR's threads, the JIT's work on the
     * agent's and JFR's own code), ns.
     */
    long unsampledOverheadNs() {
        return agent.unsampledNs + agent.agentJitNs();
    }

    /**
     * The recorded JVMs' whole-process CPU, seconds, over the agent's overhead intervals (start included), as the agent
     * measured it; null unless every overhead event carried it (older agents did not).
     */
    Double agentProcessCpuSeconds() {
        return agent.overheadEvents > 0 && agent.processCpuEvents == agent.overheadEvents && agent.processCpuNs > 0
                ? agent.processCpuNs / 1e9 : null;
    }

    /** The agent's cost of a counted call, ns, from the last overhead event; NaN when none said. */
    double nsPerCountedCall() {
        return agent.nsPerCountedCall;
    }

    /** The agent's cost of a timed call, ns, from the last overhead event; NaN when none said. */
    double nsPerTimedCall() {
        return agent.nsPerTimedCall;
    }

    /** Mean machine-wide CPU use (0..1), null without jdk.CPULoad events. */
    Double machineBusy() {
        return cpuLoad.machineBusy();
    }

    /** See {@link CpuLoadAccumulator#jvmCpuSeconds}. */
    Double jvmCpuSeconds(Map<Integer, Double> fileSeconds) {
        return cpuLoad.jvmCpuSeconds(fileSeconds);
    }

    /** First and last time (epoch ms) of the events with a time the families use; first &gt; last when none. */
    long firstEventMs() {
        return firstEventMs;
    }

    long lastEventMs() {
        return lastEventMs;
    }

    /** Event counts by name, over every file read. */
    Map<String, Long> eventCounts() {
        return eventCounts;
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.model.Report;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The agent's cost as the recording shows it, and the one place that decides the overhead the report states.
 * <p>
 * The agent's own figure ({@code oxidizer.AgentOverhead}: calibrated cost per probe x counts, plus the flusher's CPU) is
 * an estimate: it cannot see what its probes cost in context (register spills, lost inlining), the histograms' memory
 * work, nor what they make the JIT and GC do. So the analyzer also measures: the share of {@code jdk.ExecutionSample}
 * events that are the agent's work ({@link #isAgentFrames}: agent code on top of the stack, inlined frames included,
 * or on one of the agent's own threads), applied to the recorded JVM's CPU ({@code jdk.CPULoad}). It states the larger of
 * the two; the measured side also gets the costs the agent measured where samples cannot look (its start, JFR's own
 * threads). One accumulator per read unit; units merge in any order (sums of counts). Not thread-safe.
 */
final class AgentCost {
    /** Packages of the agent's code, including its shaded HdrHistogram and its boot-path probes. */
    static final String AGENT_PACKAGE = "dev.oxidizer.agent.";
    /** The agent's own thread (docs/agent.md): every sample on it is agent work. */
    static final String AGENT_THREAD = "oxidizer-flusher";
    /** The agent's shutdown hook (its last flush; the recording may stop before its samples): agent work too. */
    static final String AGENT_SHUTDOWN_THREAD = "oxidizer-shutdown";
    /** Frames walked from the top: enough to pass the JDK code the agent calls (System.nanoTime, Arrays.fill). */
    static final int MAX_FRAMES = 8;
    /** Execution samples below which the measured share is unknown (about a second of one busy thread at 20 ms). */
    static final long MIN_SAMPLES = 50;

    /** Per stack id of the unit's table: 0 not yet classified, 1 agent, 2 not. */
    private byte[] byStack = new byte[1024];
    long samples;
    long agentSamples;

    /** One execution sample: its stack (null when absent), its id in the unit's stack table (-1 if none), its thread's name. */
    void accept(RecordedStackTrace trace, int stackId, String threadName) {
        samples++;
        if (AGENT_THREAD.equals(threadName) || AGENT_SHUTDOWN_THREAD.equals(threadName)) {
            agentSamples++;
            return;
        }
        if (trace == null) {
            return;
        }
        if (stackId >= 0) {
            if (stackId >= byStack.length) {
                byStack = Arrays.copyOf(byStack, Math.max(stackId + 1, byStack.length * 2));
            }
            if (byStack[stackId] == 0) {
                byStack[stackId] = (byte) (isAgent(trace) ? 1 : 2);
            }
            if (byStack[stackId] == 1) {
                agentSamples++;
            }
        } else if (isAgent(trace)) {
            agentSamples++;
        }
    }

    void merge(AgentCost unit) {
        samples += unit.samples;
        agentSamples += unit.agentSamples;
    }

    private static boolean isAgent(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace.getFrames();
        List<String> classes = new ArrayList<>(Math.min(frames.size(), MAX_FRAMES));
        for (int i = 0; i < frames.size() && i < MAX_FRAMES; i++) {
            RecordedFrame f = frames.get(i);
            classes.add(f.getMethod() == null || f.getMethod().getType() == null ? "" : f.getMethod().getType().getName());
        }
        return isAgentFrames(classes);
    }

    /**
     * Whether a sample whose top frames' classes are {@code topDown} (top first) is agent work: walking down from the
     * top over JDK frames (code the agent calls: clocks, array fills, allocation), the first frame that is not the
     * JDK's is the agent's. A JIT-compiled method's inlined frames are separate frames in JFR's stacks, so a probe
     * inlined into an application method shows as an agent frame on top of it.
     */
    static boolean isAgentFrames(List<String> topDown) {
        for (String c : topDown) {
            if (c.startsWith(AGENT_PACKAGE)) {
                return true;
            }
            if (!isJdk(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isJdk(String c) {
        for (String p : JDK_PACKAGES) {
            if (c.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] JDK_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    /** JFR's own code: the agent starts the recording, so the JIT's work on it is the agent's cost too. */
    static final String JFR_PACKAGE = "jdk.jfr.";

    /** Whether a class (by name) is the agent's or JFR's own code, whose compilation is the agent's cost. */
    static boolean isAgentOwnCode(String className) {
        return className.startsWith(AGENT_PACKAGE) || className.startsWith(JFR_PACKAGE);
    }

    /**
     * The JIT's CPU spent compiling the agent's and JFR's own code, ns: the JIT threads' measured CPU times the agent's
     * share of the compilation time, or the agent's compilation time itself where the JIT's CPU is unknown
     * ({@code jitCpuNs} &lt; 0). A compilation's duration is wall time, longer than its CPU on a busy machine; the share
     * of the measured CPU is not. What is not counted: compiling the JDK code the agent's code calls, and the extra
     * work of compiling an instrumented method (docs/analyzer.md).
     */
    static long jitShareNs(long agentCompileNs, long compileNs, long jitCpuNs) {
        if (agentCompileNs <= 0 || compileNs <= 0) {
            return 0;
        }
        return jitCpuNs < 0 ? agentCompileNs : Math.round(jitCpuNs * (agentCompileNs / (double) compileNs));
    }

    /** Share of execution samples that are agent work, null below {@link #MIN_SAMPLES}. */
    Double sampledShare() {
        return samples < MIN_SAMPLES ? null : agentSamples / (double) samples;
    }

    /**
     * The overhead to report, null without the agent's events.
     *
     * @param estimatedNs   the agent's own estimate (all intervals, all JVMs)
     * @param jvmCpuSeconds the recorded JVMs' CPU over the recordings, null when unknown
     */
    Report.AgentOverhead overhead(boolean sawAgentOverhead, long estimatedNs, Double nsPerCountedCall, Double nsPerTimedCall,
                                  Double jvmCpuSeconds, double windowSeconds, int jvms) {
        return overhead(sawAgentOverhead, estimatedNs, 0, nsPerCountedCall, nsPerTimedCall, jvmCpuSeconds, windowSeconds, jvms);
    }

    /**
     * As above, with {@code unsampledNs}: the part of the agent's figure that it measured as CPU time where execution
     * samples cannot see it (its start, before and while JFR starts sampling; JFR's own threads), added to the
     * sampled measurement.
     */
    Report.AgentOverhead overhead(boolean sawAgentOverhead, long estimatedNs, long unsampledNs, Double nsPerCountedCall,
                                  Double nsPerTimedCall, Double jvmCpuSeconds, double windowSeconds, int jvms) {
        return overhead(sawAgentOverhead, estimatedNs, unsampledNs, nsPerCountedCall, nsPerTimedCall, jvmCpuSeconds, false,
                windowSeconds, jvms);
    }

    /**
     * As above; {@code cpuIncludesUnsampled}: {@code jvmCpuSeconds} is the process's CPU over its whole life, the
     * unsampled costs included (the agent's measurement), so the sampled share applies to the rest only.
     */
    Report.AgentOverhead overhead(boolean sawAgentOverhead, long estimatedNs, long unsampledNs, Double nsPerCountedCall,
                                  Double nsPerTimedCall, Double jvmCpuSeconds, boolean cpuIncludesUnsampled,
                                  double windowSeconds, int jvms) {
        if (!sawAgentOverhead) {
            return null;
        }
        double estimated = estimatedNs / 1e9;
        Double share = sampledShare();
        double unsampled = Math.max(0, unsampledNs) / 1e9;
        Double measured = share != null && jvmCpuSeconds != null
                ? share * (cpuIncludesUnsampled ? Math.max(0, jvmCpuSeconds - unsampled) : jvmCpuSeconds) + unsampled
                : null;
        double reported = measured == null ? estimated : Math.max(estimated, measured);
        Double ofApplication = jvmCpuSeconds != null && jvmCpuSeconds > reported ? reported / (jvmCpuSeconds - reported) : null;
        String basis = measured == null ? "estimate"
                : measured > estimated ? "measured" : "estimate";
        return new Report.AgentOverhead(nsPerCountedCall, nsPerTimedCall, estimated,
                windowSeconds > 0 ? reported / (windowSeconds * jvms) : null,
                measured, share, samples, reported, ofApplication, basis);
    }
}

package dev.oxidizer.agent.core;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;

/** {@code oxidizer.AgentOverhead}, layout v2 (docs/formats/agent-events.md): the agent's cost per interval. */
@Name("oxidizer.AgentOverhead")
@Label("Oxidizer Agent Overhead")
@Category("Oxidizer")
@StackTrace(false)
final class AgentOverheadEvent extends Event {
    @Label("Format Version") int formatVersion;
    @Label("Session Id") String sessionId;
    @Label("Counted Calls") long countedCalls;
    @Label("Timed Calls") long timedCalls;
    @Label("ns per Counted Call") double nsPerCountedCall;
    @Label("ns per Timed Call") double nsPerTimedCall;
    @Label("Estimated Overhead (ns)") long estimatedOverheadNs;
    @Label("Flush (ns)") long flushNs;
    @Label("Flush CPU (ns)") @jdk.jfr.Description("CPU time of this flush on its thread (v2); 0 when unknown") long flushCpuNs;
    @Label("Start-up CPU (ns)") @jdk.jfr.Description("CPU the agent's start took (process CPU before main ran, plus the calibration); in the interval that measured it, else 0") long startupCpuNs;
    @Label("Transform CPU (ns)") @jdk.jfr.Description("CPU of class loads spent in the agent's transformer in the interval, all threads") long transformCpuNs;
    @Label("JFR CPU (ns)") @jdk.jfr.Description("CPU of JFR's own Java threads (recorder, periodic tasks) in the interval") long jfrCpuNs;
    @Label("Process CPU (ns)") @jdk.jfr.Description("CPU the whole JVM process used in the interval (every thread: the application's, the JIT compilers', GC, JFR, the agent's); the first interval counts from the JVM's start (from the attach when attached); 0 when unknown") long processCpuNs;
    @Label("JIT CPU (ns)") @jdk.jfr.Description("CPU of the JIT compiler threads in the interval, the application's compilations and the agent's alike (the analyzer takes the agent's share by its jdk.Compilation events); -1 when unknown (not Linux)") long jitCpuNs;
    @Label("Interval Start") @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH) long intervalStart;
    @Label("Interval End") @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH) long intervalEnd;
}

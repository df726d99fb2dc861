package dev.oxidizer.agent.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;

/**
 * {@code oxidizer.AgentSession}, layout v1 (docs/formats/agent-events.md). Also the periodic carrier whose
 * {@code endChunk} hook makes the agent flush when JFR closes a chunk, including the final one at exit.
 */
@Name("oxidizer.AgentSession")
@Label("Oxidizer Agent Session")
@Category("Oxidizer")
@Description("Who wrote this file: emitted at start, at every flush and at every chunk end")
@StackTrace(false)
@Period("endChunk")
final class AgentSessionEvent extends Event {
    @Label("Format Version") int formatVersion;
    @Label("Agent Version") String agentVersion;
    @Label("Session Id") String sessionId;
    @Label("Process Id") long pid;
    @Label("JVM Start") @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH) long jvmStart;
    @Label("Main Class") String mainClass;
    @Label("Options") String options;
    @Label("Instrumented Methods") int instrumentedMethods;
    @Label("Timer Overhead (ns)") double timerOverheadNs;
    @Label("Flush Interval (ms)") long flushIntervalMs;
}

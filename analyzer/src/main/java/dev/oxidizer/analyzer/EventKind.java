package dev.oxidizer.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * The event types the analyzer reads, by the family that accumulates them: found once per event type, so that
 * events are routed without a string switch per event.
 */
enum EventKind {
    EXECUTION, CPU_TIME, ALLOCATION, MONITOR, PARK_OR_SLEEP, IO, AGENT_METHOD, FORM, SESSION, OVERHEAD, TIMING, SETTING, JVM,
    MACHINE_LOAD, CPU_INFO, PROPERTY, JIT, NONE;

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
    /** Every JIT compilation (the agent records them all since 2026-12-07): the JIT's work on the agent's own code. */
    static final String COMPILATION = "jdk.Compilation";
    static final List<String> IO_EVENTS = List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite");

    /** Every event name the analyzer subscribes to. */
    static final List<String> EVENTS;

    static {
        List<String> all = new ArrayList<>(List.of(METHOD_PROFILE, AGENT_SESSION, AGENT_OVERHEAD, METHOD_FORM, EXECUTION_SAMPLE,
                CPU_TIME_SAMPLE, ALLOCATION_SAMPLE, MONITOR_ENTER, MONITOR_WAIT, THREAD_PARK, THREAD_SLEEP, METHOD_TIMING,
                ACTIVE_SETTING, JVM_INFORMATION, CPU_LOAD, CPU_INFORMATION, SYSTEM_PROPERTY, COMPILATION));
        all.addAll(IO_EVENTS);
        EVENTS = List.copyOf(all);
    }

    static EventKind of(String eventName) {
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
            case COMPILATION -> JIT;
            default -> IO_EVENTS.contains(eventName) ? IO : NONE;
        };
    }
}

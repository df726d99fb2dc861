package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;

import java.time.Instant;
import java.util.UUID;

/** Identity and settings of one agent session (one premain, or one attach until detach). */
final class Session {
    private final String id = UUID.randomUUID().toString();
    private final AgentOptions options;
    private final AgentLog log;
    private final String mainClass;
    private final Calibration calibration;
    private final long pid = ProcessHandle.current().pid();
    private final long jvmStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);

    Session(AgentOptions options, AgentLog log, String mainClass, Calibration calibration) {
        this.options = options;
        this.log = log;
        this.mainClass = mainClass == null ? "" : mainClass;
        this.calibration = calibration;
    }

    String id() {
        return id;
    }

    AgentLog log() {
        return log;
    }

    AgentOptions options() {
        return options;
    }

    void emitSessionEvent() {
        AgentSessionEvent e = new AgentSessionEvent();
        e.formatVersion = OxidizerAgent.FORMAT_VERSION;
        e.agentVersion = OxidizerAgent.version();
        e.sessionId = id;
        e.pid = pid;
        e.jvmStart = jvmStart;
        e.mainClass = mainClass;
        e.options = options.normalized();
        e.instrumentedMethods = MethodTable.size();
        e.timerOverheadNs = calibration.timerNs;
        e.flushIntervalMs = options.flushMillis();
        e.commit();
    }
}

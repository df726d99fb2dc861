package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/** Identity and settings of one agent session (one premain, or one attach until detach). */
final class Session {
    private final String id = newId();
    private final AgentOptions options;
    private final AgentLog log;
    private final String mainClass;
    private final Calibration calibration;
    private final long pid = ProcessHandle.current().pid();
    /** Read at the first session event, off the start-up path (about 20 ms of /proc parsing); idempotent. */
    private volatile long jvmStart = -1;

    Session(AgentOptions options, AgentLog log, String mainClass, Calibration calibration) {
        this.options = options;
        this.log = log;
        this.mainClass = mainClass == null ? "" : mainClass;
        this.calibration = calibration;
    }

    /**
     * A random (version 4) UUID. Not {@link UUID#randomUUID()}: seeding its SecureRandom costs about 100 ms of
     * the application's start-up, and a session id need only be unique, not unpredictable.
     */
    static String newId() {
        long seed = System.nanoTime() ^ System.currentTimeMillis() * 0x9E3779B97F4A7C15L
                ^ ProcessHandle.current().pid() << 40 ^ System.identityHashCode(new Object());
        SplittableRandom r = new SplittableRandom(seed);
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
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
        if (jvmStart < 0) {
            jvmStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }
        e.jvmStart = jvmStart;
        e.mainClass = mainClass;
        e.options = options.normalized();
        e.instrumentedMethods = MethodTable.size();
        e.timerOverheadNs = calibration.timerNs;
        e.flushIntervalMs = options.flushMillis();
        e.commit();
    }
}

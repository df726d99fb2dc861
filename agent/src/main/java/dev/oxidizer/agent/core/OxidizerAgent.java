package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import jdk.jfr.FlightRecorder;

import java.lang.instrument.Instrumentation;

/**
 * Starts and stops an agent session: parses options, starts the JFR recording, the flusher thread and the
 * shutdown hook, then installs the instrumentation. Called by {@code AgentEntry} (by reflection).
 *
 * <p>Errors: a bad option or an unwritable output prints one line on stderr and leaves the application
 * untouched (nothing instrumented); any other failure is logged and likewise leaves the application running.
 * On attach, the outcome is also published in the system property {@code oxidizer.agent.status}
 * ({@code running ...}, {@code detached ...} or {@code error: ...}) for {@code oxidizer attach/detach}.
 */
public final class OxidizerAgent {
    /** Layout version of the events, see docs/formats/agent-events.md. */
    public static final int FORMAT_VERSION = 1;
    /** System property through which attach and detach report their outcome. */
    public static final String STATUS_PROPERTY = "oxidizer.agent.status";

    private static volatile Active current;

    private OxidizerAgent() {}

    private record Active(Session session, Instrumenter instrumenter, Flusher flusher, JfrRecording recording,
                          Thread flusherThread, Thread shutdownHook, Runnable chunkHook) {}

    /** Entry from {@code AgentEntry}; never throws. {@code args} of {@code detach} ends an attached session. */
    public static synchronized void start(String args, Instrumentation inst, boolean attached) {
        String a = args == null ? "" : args.trim();
        try {
            if (a.equals("detach")) {
                detach(inst);
                return;
            }
            if (current != null) {
                report(attached, "error: the agent is already active in this JVM (output "
                        + current.session().options().output() + "); detach first");
                return;
            }
            startSession(a, inst, attached);
        } catch (Throwable t) {
            report(attached, "error: could not start (" + t + "); the application runs without the agent");
        }
    }

    private static void startSession(String args, Instrumentation inst, boolean attached) throws Exception {
        long pid = ProcessHandle.current().pid();
        String main = MainClassDetector.mainClass();
        AgentOptions o;
        try {
            o = AgentOptions.parse(args, MainClassDetector.defaultInclude(main), pid);
            JfrRecording.checkWritable(o.output());
        } catch (AgentOptionsException e) {
            report(attached, "error: " + e.getMessage() + "; the application runs without the agent");
            return;
        }
        AgentLog log = new AgentLog(o.log());
        Calibration calibration = new Calibration();
        Session session = new Session(o, log, main, calibration);
        TimingPolicy policy = new TimingPolicy(o);
        MethodTable.setDefaultMask(policy.initialMask());
        MethodTable.warmupCalls = policy.warmupCalls();
        JfrRecording recording = JfrRecording.start(o);
        Flusher flusher = new Flusher(session, policy, calibration);
        Runnable chunkHook = () -> flusher.flush(inShutdown());
        FlightRecorder.addPeriodicEvent(AgentSessionEvent.class, chunkHook);
        session.emitSessionEvent();

        Thread flusherThread = new Thread(() -> {
            calibration.run();
            while (!flusher.closed()) {
                try {
                    Thread.sleep(o.flushMillis());
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    flusher.flush(false);
                    Instrumenter i = current == null ? null : current.instrumenter();
                    if (i != null) {
                        i.clearCaches();
                    }
                } catch (Throwable t) {
                    log.warn("flush failed: " + t, t);
                }
            }
        }, "oxidizer-flusher");
        flusherThread.setDaemon(true);
        Thread shutdownHook = new Thread(() -> {
            try {
                flusher.flush(true);
            } catch (Throwable t) {
                log.warn("final flush failed: " + t, t);
            }
            recording.stop(false);
        }, "oxidizer-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Instrumenter instrumenter = new Instrumenter(new MethodFilter(o.includes(), o.excludes()), log);
        current = new Active(session, instrumenter, flusher, recording, flusherThread, shutdownHook, chunkHook);
        flusherThread.start();
        log.info("session " + session.id() + " started (" + (attached ? "attached" : "premain") + ", pid " + pid
                + ", main " + main + "), options: " + o.normalized());
        log.info("JFR repository (for recovery after kill -9): " + System.getProperty("jdk.jfr.repository"));
        try {
            instrumenter.install(inst, attached);
        } catch (Throwable t) {
            log.warn("instrumentation failed: " + t, t);
            detach(inst);
            throw t;
        }
        log.info("instrumentation installed: " + instrumenter.transformedTypes() + " classes so far, "
                + instrumenter.errors() + " errors");
        if (attached) {
            System.setProperty(STATUS_PROPERTY, "running output=" + o.output() + " log=" + o.log());
        }
    }

    private static void detach(Instrumentation inst) {
        Active a = current;
        if (a == null) {
            report(true, "error: the agent is not active in this JVM; nothing to detach");
            return;
        }
        current = null;
        a.instrumenter().reset(inst);
        a.flusherThread().interrupt();
        a.flusher().flush(true);
        FlightRecorder.removePeriodicEvent(a.chunkHook());
        a.recording().stop(true);
        try {
            Runtime.getRuntime().removeShutdownHook(a.shutdownHook());
        } catch (IllegalStateException inShutdown) {
            // the hook runs anyway; its flush and stop are no-ops now
        }
        a.session().log().info("session " + a.session().id() + " detached; original code restored");
        System.setProperty(STATUS_PROPERTY, "detached output=" + a.session().options().output());
    }

    private static void report(boolean attached, String status) {
        System.err.println("oxidizer-agent: " + status.replaceFirst("^error: ", ""));
        if (attached) {
            System.setProperty(STATUS_PROPERTY, status);
        }
    }

    /** Whether the JVM is shutting down (then a chunk end is the last one: flush everything). */
    static boolean inShutdown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    static String version() {
        String v = OxidizerAgent.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}

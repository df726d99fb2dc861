package dev.oxidizer.agent.core;

import dev.oxidizer.agent.metrics.MethodMetrics;
import dev.oxidizer.agent.metrics.MetricsServer;
import dev.oxidizer.agent.runtime.Carrier;
import dev.oxidizer.agent.runtime.MethodTable;
import jdk.jfr.FlightRecorder;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops an agent session: parses options, starts the flusher thread (which starts the JFR
 * recording) and the shutdown hook, then installs the instrumentation. Called by {@code AgentEntry} (by reflection).
 *
 * <p>Errors: a bad option or an unwritable output prints one line on stderr and leaves the application
 * untouched (nothing instrumented); any other failure is logged and likewise leaves the application running.
 * On attach, the outcome is also published in the system property {@code oxidizer.agent.status}
 * ({@code running ...}, {@code detached ...} or {@code error: ...}) for {@code oxidizer attach/detach}.
 */
public final class OxidizerAgent {
    /** Layout version of the events, see docs/formats/agent-events.md. */
    public static final int FORMAT_VERSION = 2;
    /** System property through which attach and detach report their outcome. */
    public static final String STATUS_PROPERTY = "oxidizer.agent.status";

    private static volatile Active current;

    private OxidizerAgent() {}

    private record Active(Session session, Instrumenter instrumenter, Flusher flusher,
                          CompletableFuture<JfrRecording> recording,
                          Thread flusherThread, Thread shutdownHook, Runnable chunkHook, MetricsServer metrics) {}

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

    /**
     * Opens {@code java.lang} to the probes' module, so that {@link Carrier} reaches the carrier thread; must run
     * before anything initialises {@code Carrier} (a class literal does not). Returns why it could not, or null.
     */
    private static String openJavaLangToRuntime(Instrumentation inst) {
        Module javaBase = Thread.class.getModule();
        Module runtime = Carrier.class.getModule();
        try {
            if (!javaBase.isOpen("java.lang", runtime)) {
                inst.redefineModule(javaBase, Set.of(), Map.of(), Map.of("java.lang", Set.of(runtime)), Set.of(),
                        Map.of());
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static void startSession(String args, Instrumentation inst, boolean attached) throws Exception {
        long t0 = System.nanoTime();
        long cpu0 = attached ? AgentCpu.processCpuNs() : AgentCpu.startCpuNs();
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
        // Before the first probe: counts of virtual threads go to their carrier's state (Carrier).
        String closed = openJavaLangToRuntime(inst);
        if (!Carrier.perCarrier() && Runtime.version().feature() >= 21) { // virtual threads: JDK 21 and later
            log.warn("virtual threads each get their own counters (" + (closed != null ? closed
                    : Carrier.whyNotPerCarrier()) + "); an application that starts very many "
                    + "may run short of memory under the agent", null);
        }
        Calibration calibration = new Calibration();
        Session session = new Session(o, log, main, calibration);
        TimingPolicy policy = new TimingPolicy(o);
        MethodTable.setDefaultMask(policy.initialMask());
        MethodTable.warmupCalls = policy.warmupCalls();
        JitLimits limits = JitLimits.read(inst);
        log.info("JIT limits: " + limits.describe());
        MethodForms forms = new MethodForms();
        AgentCpu cpu = new AgentCpu(attached ? Math.max(0, cpu0) : 0, attached);
        Flusher flusher = new Flusher(session, policy, calibration, forms, cpu);
        Runnable chunkHook = () -> flusher.flush(inShutdown());
        MetricsServer metrics = startMetrics(o, session, flusher, main, attached);
        CompletableFuture<JfrRecording> recording = new CompletableFuture<>();
        MethodFilter filter = new MethodFilter(o.includes(), o.excludes());
        Instrumenter instrumenter = new Instrumenter(filter, log, o.trivial(), new Scope(o.scope()), limits, forms, cpu);
        flusher.demoter(instrumenter::demote);
        InputRecording inputs = new InputRecording(o.inputs(), o.output(), log);
        instrumenter.inputs(inputs);

        // JFR's start-up (about a second of class loading and initialisation) runs on the flusher thread, in
        // parallel with the instrumentation's install; the application starts once both are done, so even a
        // program that exits at once, or a SIGTERM right after start, finds the recording running.
        Thread flusherThread = new Thread(() -> {
            // The management beans' first use (about 50 ms) here rather than on the application's first class load
            AgentCpu.threadCpuNs();
            if (!startRecording(o, session, chunkHook, recording, inst)) {
                return;
            }
            long calibrating = AgentCpu.threadCpuNs();
            calibration.run();
            long calibrated = AgentCpu.threadCpuNs();
            cpu.startup(calibrating < 0 || calibrated < 0 ? 0 : calibrated - calibrating);
            while (!flusher.closed()) {
                try {
                    Thread.sleep(o.flushMillis());
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    flusher.flush(false);
                    instrumenter.clearCaches();
                } catch (Throwable t) {
                    log.warn("flush failed: " + t, t);
                }
            }
        }, "oxidizer-flusher");
        flusherThread.setDaemon(true);
        Thread shutdownHook = new Thread(() -> {
            JfrRecording r = await(recording);
            if (r == null) {
                return;
            }
            try {
                flusher.flush(true);
            } catch (Throwable t) {
                log.warn("final flush failed: " + t, t);
            }
            inputs.finish();
            for (String glob : filter.unmatched()) {
                log.warn(glob + " matched no method in this run; accepted forms: com.acme.** (a package and its "
                        + "subpackages), com.acme.Class, com.acme.Class#method (docs/agent.md)", null);
            }
            // The recording is not stopped here: JFR's own shutdown hook stops it and writes the file
            // (dumpOnExit, or its final stop of every running recording). Stopping it here as well raced with that
            // hook: Recording.stop() writes the file after leaving JFR's lock, and JFR's hook could delete the
            // repository's chunks in between ("Missing chunkfile ..." on the application's stdout, data lost).
        }, "oxidizer-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        current = new Active(session, instrumenter, flusher, recording, flusherThread, shutdownHook, chunkHook, metrics);
        flusherThread.start();
        log.info("session " + session.id() + " started (" + (attached ? "attached" : "premain") + ", pid " + pid
                + ", main " + main + "), options: " + o.normalized());
        // Off the start-up path: the diagnostic command costs a few ms of CPU (the platform MBean server, its
        // fallback, a few hundred), and C2 reaches the transformation code only after thousands of classes' worth
        // of calls.
        Thread directives = new Thread(() -> {
            String why = CompilerDirectives.install(inst);
            log.info(why == null ? "C2 excluded from the agent's class-transformation code (compiler directive)"
                    : "compiler directive not added (" + why + "): C2 may compile the transformation code");
        }, "oxidizer-jit-directives");
        directives.setDaemon(true);
        directives.start();
        long t1 = System.nanoTime();
        try {
            instrumenter.install(inst, attached);
        } catch (Throwable t) {
            log.warn("instrumentation failed: " + t, t);
            detach(inst);
            throw t;
        }
        long t2 = System.nanoTime();
        log.info("instrumentation installed: " + instrumenter.transformedTypes() + " classes so far, "
                + instrumenter.errors() + " errors, in " + (t2 - t1) / 1_000_000 + " ms (the agent's start before it: "
                + (t1 - t0) / 1_000_000 + " ms)");
        if (await(recording) == null) {
            // The flusher thread removes the instrumentation as soon as this start returns (it needs the lock).
            report(attached, "error: the JFR recording could not start (see " + o.log()
                    + "); the application runs without the agent");
            return;
        }
        long cpu1 = attached ? -1 : AgentCpu.startCpuNs();
        // At premain nothing of the application runs yet: the process's CPU in this window is the agent's start
        // (JFR's start on the flusher thread, Byte Buddy's install here). On attach the application runs beside it,
        // so only this thread's share can be told.
        cpu.startup(attached ? 0 : cpu0 < 0 || cpu1 < 0 ? 0 : cpu1 - cpu0);
        log.info("agent ready " + (System.nanoTime() - t0) / 1_000_000 + " ms after it started"
                + (attached || cpu0 < 0 || cpu1 < 0 ? "" : ", " + (cpu1 - cpu0) / 1_000_000 + " ms of CPU"));
        if (attached) {
            System.setProperty(STATUS_PROPERTY, "running output=" + o.output() + " log=" + o.log());
        }
    }

    /**
     * Starts the JFR recording and announces the session in it (flusher thread). On failure the session ends:
     * the reason in the agent's log, the instrumentation removed, the application running on (the starting
     * thread reports the failure).
     */
    private static boolean startRecording(AgentOptions o, Session session, Runnable chunkHook,
                                          CompletableFuture<JfrRecording> recording, Instrumentation inst) {
        long t0 = System.nanoTime();
        try {
            JfrRecording r = JfrRecording.start(o);
            FlightRecorder.addPeriodicEvent(AgentSessionEvent.class, chunkHook);
            ArgumentLengthsHook.registerHook();
            session.emitSessionEvent();
            recording.complete(r);
        } catch (Throwable t) {
            recording.complete(null);
            session.log().warn("the JFR recording could not start: " + t, t);
            synchronized (OxidizerAgent.class) {
                Active a = current;
                if (a != null && a.recording() == recording) {
                    current = null;
                    a.instrumenter().reset(inst);
                }
            }
            return false;
        }
        session.log().info("JFR recording started in " + (System.nanoTime() - t0) / 1_000_000
                + " ms; repository (for recovery after kill -9): " + System.getProperty("jdk.jfr.repository"));
        return true;
    }

    /**
     * Starts the Prometheus endpoint when {@code metrics=} asks for it (docs/fleet.md). An address that cannot be
     * bound costs the endpoint only: one line on stderr and in the log, and the agent runs on without it.
     */
    private static MetricsServer startMetrics(AgentOptions o, Session session, Flusher flusher, String main,
                                              boolean attached) {
        if (o.metrics() == null) {
            return null;
        }
        MethodMetrics m = new MethodMetrics(o.metrics(), session.id(), version(), main);
        try {
            MetricsServer server = MetricsServer.start(m);
            flusher.metrics(m);
            session.log().info("Prometheus metrics at http://" + hostPort(server.address()) + "/metrics (methods with at least "
                    + o.metrics().minCalls() + " calls, at most " + o.metrics().maxMethods() + ")");
            return server;
        } catch (Exception | LinkageError e) {
            String why = "metrics endpoint " + o.metrics().host() + ":" + o.metrics().port() + " could not start (" + e
                    + "); the agent runs without it";
            session.log().warn(why, null);
            System.err.println("oxidizer-agent: " + why);
            return null;
        }
    }

    private static String hostPort(java.net.InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** The recording once started, or null if it could not start or did not within a minute. */
    private static JfrRecording await(CompletableFuture<JfrRecording> recording) {
        try {
            return recording.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
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
        JfrRecording r = await(a.recording());
        if (r != null) {
            a.flusher().flush(true);
            FlightRecorder.removePeriodicEvent(a.chunkHook());
            ArgumentLengthsHook.removeHook();
            if (a.instrumenter().inputs() != null) {
                a.instrumenter().inputs().finish();
            }
            r.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(a.shutdownHook());
        } catch (IllegalStateException inShutdown) {
            // the hook runs anyway; its flush is a no-op now
        }
        if (a.metrics() != null) {
            a.metrics().stop();
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

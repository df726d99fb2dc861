package dev.oxidizer.agent.core;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps C2 away from the agent's own class-transformation code: one HotSpot compiler directive
 * ({@code Compiler.directives_add}, through the {@code DiagnosticCommand} MBean) that excludes the shaded Byte Buddy
 * and ASM classes and the agent's transform-time planners from C2; C1 still compiles them.
 *
 * <p>Why: on library-heavy code the agent transforms more than a thousand classes, which makes ASM's
 * {@code ClassReader.readCode} (a method of several kilobytes of bytecode) hot enough for C2, and each class file of
 * a new shape deoptimizes it again. Measured on {@code agent/bench/library-overhead.sh}'s service: five C2
 * compilations of {@code readCode} took 9.8 s of compiler CPU in one run (about a third of the CPU the agent added),
 * against a transformation that lasts a few seconds; C1's code for it is good enough for start-up work.
 *
 * <p>Also excluded: JFR's metadata writer, which writes the descriptions of every event type and setting (about 110 KB)
 * at each chunk's start, a few times per run; with the agent's event types it became hot enough for C2, whose
 * compilations of it took 0.24-0.33 s of compiler CPU in a 7-second Rhino run (2026-12-07). JFR's event-writing path,
 * which the application's threads run, is not matched.
 *
 * <p>The probes ({@code dev.oxidizer.agent.runtime}), the shaded HdrHistogram and the calibration, which must run as
 * the application's compiled code does, are not matched. The directive matches only the agent's relocated packages
 * and JFR's metadata writer, so it never changes how the application is compiled; it stays for the life of the JVM
 * (removing it on detach could remove a directive the user added since, as {@code Compiler.directives_remove} pops
 * the top one).
 *
 * <p>Never throws: on a JVM without the command (not HotSpot, no {@code jdk.management}), it returns why.
 */
final class CompilerDirectives {
    /** Transform-time classes of the agent, excluded from C2 (first matching directive wins). */
    static final String DIRECTIVES = """
            [
              { match: "dev/oxidizer/agent/shaded/net/bytebuddy/*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/Instrumenter*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/FormPlanner*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/TrivialMethods*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/TrivialCallSites*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/CodeSizes*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/InputRecording*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/MethodFilter*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/MethodGlob*.*", c2: { Exclude: true } },
              { match: "dev/oxidizer/agent/core/Scope*.*", c2: { Exclude: true } },
              { match: "jdk/jfr/internal/MetadataWriter*.*", c2: { Exclude: true } },
              { match: "jdk/jfr/internal/MetadataDescriptor*.*", c2: { Exclude: true } }
            ]
            """;

    private CompilerDirectives() {}

    /** Adds {@link #DIRECTIVES}; returns null on success, else why not (for the agent's log). */
    static String install() {
        return install(null);
    }

    /**
     * Adds {@link #DIRECTIVES}, through the JDK's own diagnostic-command entry point when {@code inst} can open its
     * package to the agent ({@link #execute}), else through the platform MBean server; returns null on success, else
     * why not.
     */
    static String install(java.lang.instrument.Instrumentation inst) {
        Path file = null;
        try {
            file = Files.createTempFile("oxidizer-directives", ".json");
            Files.writeString(file, DIRECTIVES, StandardCharsets.UTF_8);
            String text = inst == null || file.toString().matches(".*[\\s\"].*") ? null
                    : execute(inst, "Compiler.directives_add " + file);
            if (text == null) {
                text = String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString()));
            }
            return text.contains("added") ? null : text.strip();
        } catch (Throwable t) {
            return t.toString();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Throwable ignored) {
                    // a temporary file of a few hundred bytes
                }
            }
        }
    }

    /**
     * Runs a diagnostic command line ({@code jcmd}'s syntax) through the JDK's own native entry point, the one the
     * diagnostic-command bean calls in the end, and returns its output; null when this JDK's layout differs. Calling the
     * bean costs about 100 ms of CPU at its first use (it first describes every command: its MBean info), this about
     * 5 ms (2026-12-07).
     */
    static String execute(java.lang.instrument.Instrumentation inst, String commandLine) {
        try {
            Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl", false,
                    ClassLoader.getPlatformClassLoader());
            JdkPackages.openToAgent(inst, impl);
            java.lang.reflect.Method get = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            get.setAccessible(true);
            java.lang.reflect.Method run = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            run.setAccessible(true);
            return String.valueOf(run.invoke(get.invoke(null), commandLine));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notThisLayout) {
            return null;
        }
    }

    /**
     * Runs a diagnostic command ({@code jcmd}'s, by its MBean operation name) through the platform MBean server and
     * returns its output: the way that needs no access to the JDK's internals, and costs the most (the server registers
     * every platform bean at its first use, the bean describes every command).
     */
    static Object diagnosticCommand(String operation, String... args) throws Exception {
        Object[] params = {args};
        String[] signature = {String[].class.getName()};
        javax.management.MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        return server.invoke(name, operation, params, signature);
    }
}

package dev.oxidizer.agent;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's start on a real run: the compiler directive that keeps C2 off the transformation code is
 * added without starting the platform MBean server (which registers every platform bean, about a tenth of the
 * agent's start-up CPU), so an application that never uses JMX never pays for it; and the process CPU the agent writes
 * per interval covers every cost it measured, its start included.
 */
class StartCostIT {
    @TempDir
    Path dir;

    @Test
    void theCompilerDirectiveIsAddedWithoutThePlatformMBeanServer() throws Exception {
        Path out = dir.resolve("start.jfr");
        Path classes = dir.resolve("classes.log");
        ForkedJvm jvm = ForkedJvm.startWith(ForkedJvm.JAVA, List.of("-Xlog:class+load=info:file=" + classes,
                        "-XX:FreqInlineSize=301"), dir,
                "output=" + out + ",budget=off", ForkedJvm.TEST_CLASSES.toAbsolutePath().toString(),
                "example.app.CountingApp", "2", "200000");
        assertEquals(0, jvm.await(120), jvm.describe());
        String log = Files.readString(Path.of(out + ".log"));
        assertTrue(log.contains("C2 excluded from the agent's class-transformation code (compiler directive)"),
                log + "\n" + jvm.describe());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("dev.oxidizer.agent.core.CompilerDirectives "), "the directive's class ran");
        assertFalse(loaded.contains("com.sun.jmx.mbeanserver.JmxMBeanServer "),
                "the platform MBean server was started during the agent's run\n" + log);
        // nor the bean's description of every command (about 100 ms of CPU): the command runs through its entry point
        assertTrue(loaded.contains("com.sun.management.internal.DiagnosticCommandImpl "), "the JDK's command class");
        assertFalse(loaded.contains("com.sun.management.internal.DiagnosticCommandArgumentInfo "),
                "the diagnostic-command bean described its commands\n" + log);

        // the JIT's limits were read from this JVM (the flag set above), through jdk.management's own bean
        assertTrue(log.contains("FreqInlineSize 301"), log);
        assertTrue(loaded.contains("com.sun.management.internal.HotSpotDiagnostic "), "read through the JDK's bean");

        // jfrSettings=oxidizer: exactly the JDK events the analyzer reads are on, not default.jfc's hundreds
        Map<Long, String> types = new HashMap<>();
        try (RecordingFile f = new RecordingFile(out)) {
            for (EventType t : f.readEventTypes()) {
                types.put(t.getId(), t.getName());
            }
        }
        Set<String> enabled = new TreeSet<>();
        for (RecordedEvent e : Recorded.read(out).named("jdk.ActiveSetting")) {
            String type = types.getOrDefault(e.getLong("id"), "unknown type " + e.getLong("id"));
            // the agent's own event types register when first used, so their settings may be written or not
            if (e.getString("name").equals("enabled") && e.getString("value").equals("true")
                    && !type.startsWith("oxidizer.")) {
                enabled.add(type);
            }
        }
        assertEquals(new TreeSet<>(List.of("jdk.ActiveSetting", "jdk.CPUInformation", "jdk.CPULoad", "jdk.Compilation",
                "jdk.ExecutionSample", "jdk.FileRead", "jdk.FileWrite", "jdk.InitialSystemProperty",
                "jdk.JVMInformation", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ObjectAllocationSample",
                "jdk.SocketRead", "jdk.SocketWrite", "jdk.ThreadPark", "jdk.ThreadSleep")), enabled);

        // the process's CPU per interval (the analyzer's denominator) holds every cost the agent measured
        long process = 0;
        long agentMeasured = 0;
        long firstProcess = -1;
        long startup = 0;
        long jit = 0;
        for (RecordedEvent e : Recorded.read(out).named("oxidizer.AgentOverhead")) {
            process += e.getLong("processCpuNs");
            if (firstProcess < 0) {
                firstProcess = e.getLong("processCpuNs");
            }
            startup += e.getLong("startupCpuNs");
            jit += e.getLong("jitCpuNs");
            agentMeasured += e.getLong("startupCpuNs") + e.getLong("transformCpuNs") + e.getLong("jfrCpuNs")
                    + e.getLong("flushCpuNs");
        }
        assertTrue(startup > 0, "the agent's start was measured");
        assertTrue(jit > 0, "the JIT compiler threads' CPU was read");
        assertFalse(Recorded.read(out).named("jdk.Compilation").isEmpty(), "compilations recorded");
        assertTrue(firstProcess > 0, "the first interval counts the process's CPU from the JVM's start");
        assertTrue(process >= agentMeasured, "process CPU " + process + " ns < the agent's measured " + agentMeasured);
    }
}

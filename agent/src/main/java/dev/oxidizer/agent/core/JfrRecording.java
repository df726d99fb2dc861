package dev.oxidizer.agent.core;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JFR recording the agent starts: the chosen base settings plus execution samples, allocation samples and
 * wait events at a low threshold (so the analyzer sees lock and I/O waits), written to the output file when
 * it stops (exit, SIGTERM, detach). Data reaches JFR's disk repository at every JFR flush (about once a
 * second), which is what survives a {@code kill -9}.
 */
final class JfrRecording {
    /** Wait events enabled at {@code waitThreshold}. */
    static final List<String> WAIT_EVENTS = List.of("jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
            "jdk.ThreadPark", "jdk.ThreadSleep", "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead",
            "jdk.FileWrite");
    /**
     * I/O events whose default settings (JDK 25) throttle them to 100 per second: above that rate the waits recorded
     * are a sample, and a method's I/O share falls as its call rate rises. The agent lifts the throttle; the
     * {@code waitThreshold} (1 ms by default) already bounds their number, to at most 1,000 per second per thread.
     */
    static final List<String> THROTTLED_IO_EVENTS = List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead",
            "jdk.FileWrite");

    private final Recording recording;

    /**
     * The settings of {@code jfrSettings=oxidizer}, before the agent's own are added: the JDK events the analyzer and
     * the report read besides the waits and the samples (docs/formats/agent-events.md), with the values JDK 25's
     * {@code default.jfc} gives them. Every other JDK event is left unnamed, and a JDK event a recording's settings do
     * not name is off (an application's own event classes are on unless annotated otherwise, as in any recording).
     * JFR's default settings would record each garbage collection in detail (per phase and worker, tenuring,
     * references, heap summaries: about 12,000 events in a 5-second run of the library bench, which collects 45 times
     * a second), which cost that service a fifth of its throughput with nothing of it read. And {@code default.jfc}
     * is not parsed: parsing it and applying its ~600 settings, nearly all of them turned off again, was about a
     * third of JFR's start (docs/performance.md).
     */
    static Map<String, String> ownSettings() {
        Map<String, String> s = new HashMap<>();
        s.put("jdk.CPULoad#enabled", "true");
        s.put("jdk.CPULoad#period", "1000 ms");
        for (String once : List.of("jdk.CPUInformation", "jdk.JVMInformation", "jdk.InitialSystemProperty")) {
            s.put(once + "#enabled", "true");
            s.put(once + "#period", "beginChunk");
        }
        s.put("jdk.ActiveSetting#enabled", "true");
        s.put("jdk.ObjectAllocationSample#throttle", "150/s");
        s.put("jdk.ObjectAllocationSample#stackTrace", "true");
        // jdk.CPUTimeSample (off in default.jfc) and jdk.MethodTiming (no filter: no events) stay unnamed, so off.
        return s;
    }

    private JfrRecording(Recording recording) {
        this.recording = recording;
    }

    /** Checks that the output can be written, without creating it; throws a one-line reason. */
    static void checkWritable(Path output) throws AgentOptionsException {
        Path parent = output.toAbsolutePath().getParent();
        String why = null;
        if (Files.isDirectory(output)) {
            why = "it is a directory";
        } else if (parent == null || !Files.isDirectory(parent)) {
            why = "its directory " + parent + " does not exist";
        } else if (!Files.isWritable(parent) || (Files.exists(output) && !Files.isWritable(output))) {
            why = "it is not writable";
        }
        if (why != null) {
            throw new AgentOptionsException("cannot write the output file '" + output + "' (" + why
                    + "); accepted: output=PATH in an existing writable directory");
        }
    }

    static JfrRecording start(AgentOptions o) throws IOException, ParseException {
        boolean own = o.jfrSettings().equals("oxidizer");
        Map<String, String> s = own ? ownSettings() : new HashMap<>(Configuration.getConfiguration(o.jfrSettings())
                .getSettings());
        s.put("jdk.ExecutionSample#enabled", "true");
        s.put("jdk.ExecutionSample#period", o.executionSamplePeriodMs() + " ms");
        s.put("jdk.NativeMethodSample#enabled", Boolean.toString(!own));
        // every compilation, so that the analyzer can tell the JIT's work on the agent's and JFR's own code
        s.put("jdk.Compilation#enabled", "true");
        s.put("jdk.Compilation#threshold", "0 ms");
        s.put("jdk.ObjectAllocationSample#enabled", Boolean.toString(o.allocationSamples()));
        for (String e : WAIT_EVENTS) {
            s.put(e + "#enabled", "true");
            s.put(e + "#threshold", o.waitThresholdMs() + " ms");
            s.put(e + "#stackTrace", "true");
        }
        for (String e : THROTTLED_IO_EVENTS) {
            s.put(e + "#throttle", "off"); // a setting JDK 17-24 do not have for these events: ignored there
        }
        s.put("oxidizer.AgentSession#enabled", "true");
        s.put("oxidizer.MethodForm#enabled", "true");
        s.put("oxidizer.AgentSession#period", "endChunk");
        s.put("oxidizer.MethodProfile#enabled", "true");
        s.put("oxidizer.AgentOverhead#enabled", "true");
        s.put("oxidizer.ArgumentLengths#enabled", Boolean.toString(o.inputs().lengths()));
        s.put("oxidizer.ArgumentLengths#period", "endChunk");
        Recording r = new Recording(s);
        r.setName("oxidizer");
        r.setToDisk(true);
        r.setDumpOnExit(true);
        r.setDestination(o.output());
        r.start();
        return new JfrRecording(r);
    }

    /**
     * Stops the recording, which writes the output file, and closes it (detach); does nothing if it was already
     * stopped. Never called at JVM shutdown: there JFR's own shutdown hook stops the recording and writes the file,
     * and a second stop would race with it (see the agent's shutdown hook).
     */
    void stop() {
        try {
            recording.stop();
        } catch (IllegalStateException alreadyStopped) {
            // stopped already (a JVM shutting down while detaching): JFR's shutdown hook writes the file
            return;
        }
        recording.close();
    }
}

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

    /**
     * The JDK events the analyzer and the report read besides the waits (docs/formats/agent-events.md): with
     * {@code jfrSettings=oxidizer} (the default) every other JDK event is off. JFR's default settings record each
     * garbage collection in detail (per phase and worker, tenuring, references, heap summaries: about 12,000 events
     * in a 5-second run of the library bench, which collects 45 times a second), which cost that service a fifth of
     * its throughput with nothing of it read.
     */
    static final List<String> READ_EVENTS = List.of("jdk.ExecutionSample", "jdk.CPUTimeSample",
            "jdk.ObjectAllocationSample", "jdk.MethodTiming", "jdk.CPULoad", "jdk.CPUInformation",
            "jdk.JVMInformation", "jdk.InitialSystemProperty", "jdk.ActiveSetting");

    private final Recording recording;

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
        Map<String, String> s = new HashMap<>(Configuration.getConfiguration(own ? "default" : o.jfrSettings())
                .getSettings());
        if (own) {
            for (Map.Entry<String, String> e : s.entrySet()) {
                String key = e.getKey();
                if (key.endsWith("#enabled") && !READ_EVENTS.contains(key.substring(0, key.length() - 8))) {
                    e.setValue("false");
                }
            }
        }
        s.put("jdk.ExecutionSample#enabled", "true");
        s.put("jdk.ExecutionSample#period", o.executionSamplePeriodMs() + " ms");
        s.put("jdk.NativeMethodSample#enabled", Boolean.toString(!own));
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

package dev.oxidizer.analyzer;

import jdk.jfr.Recording;

import java.nio.file.Path;
import java.time.Duration;

/** Writes real JFR files in-process: only the named events, with stacks, then dumps. */
final class Recordings {
    private Recordings() {}

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Records only the agent's events (no JVM events) while {@code body} runs. */
    static Path agentOnly(Path file, Body body) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("oxidizer.MethodProfile");
            r.enable("oxidizer.AgentSession");
            r.enable("oxidizer.AgentOverhead");
            r.start();
            body.run();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /** Records the agent's events plus execution samples every 10 ms and waits over 1 ms, with stacks. */
    static Path withSamples(Path file, Body body) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("oxidizer.MethodProfile");
            r.enable("oxidizer.AgentSession");
            r.enable("oxidizer.AgentOverhead");
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
            r.enable("jdk.ThreadSleep").withThreshold(Duration.ofMillis(1)).withStackTrace();
            r.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
            r.enable("jdk.ObjectAllocationSample").withStackTrace();
            r.enable("jdk.ActiveSetting");
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(200));
            r.start();
            body.run();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /** Plain JFR as a production JVM would write it: JVM events only, no agent events. */
    static Path plainSamples(Path file, Body body) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.ActiveSetting");
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(200));
            r.enable("jdk.JVMInformation");
            r.start();
            body.run();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /**
     * Overwrites the inside of a chunk with 0xFF, from 200 bytes after its start to 200 bytes before the next
     * chunk's start, leaving its header (and the next chunk) intact.
     */
    static void overwriteInsideChunk(Path file, long chunkStart, long nextChunkStart) throws java.io.IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            long from = chunkStart + 200;
            long to = nextChunkStart - 200;
            raf.seek(from);
            byte[] junk = new byte[(int) (to - from)];
            java.util.Arrays.fill(junk, (byte) 0xFF);
            raf.write(junk);
        }
    }
}

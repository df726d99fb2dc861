package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * The recorded JVM's identity ({@code jdk.JVMInformation}: pid and start, the first per file) and where its bytecode
 * is ({@code jdk.InitialSystemProperty} {@code java.class.path} and {@code user.dir}: the first value per file once
 * merged). One accumulator per read unit; units merge in file and chunk order ({@link #merge}). Not thread-safe.
 */
final class RecordedJvmAccumulator {
    private final int fileIndex;
    /** Per file index: "pid@startMs" of the JVM that wrote it. */
    final Map<Integer, String> fileJvm = new HashMap<>();
    /** Per file index: {java.class.path, user.dir}, either null when not recorded. */
    final Map<Integer, String[]> fileClassPath = new HashMap<>();

    /** @param fileIndex the file a unit reads, -1 for the merged accumulator */
    RecordedJvmAccumulator(int fileIndex) {
        this.fileIndex = fileIndex;
    }

    /** One jdk.JVMInformation event. */
    void acceptJvm(RecordedEvent e, EventFields f) {
        long pid = f.has(e, "pid") ? e.getLong("pid") : 0;
        long start = f.timestampMs(e, "jvmStartTime");
        fileJvm.putIfAbsent(fileIndex, pid + "@" + start);
    }

    /** One jdk.InitialSystemProperty event (within a unit, the last value of a key is kept). */
    void acceptProperty(RecordedEvent e, EventFields f) {
        String key = f.string(e, "key");
        if ("java.class.path".equals(key) || "user.dir".equals(key)) {
            String[] cp = fileClassPath.computeIfAbsent(fileIndex, k -> new String[2]);
            cp[key.equals("java.class.path") ? 0 : 1] = f.string(e, "value");
        }
    }

    /** Adds a unit's events after those merged so far. {@code unit} must not be used afterwards. */
    void merge(RecordedJvmAccumulator unit) {
        unit.fileJvm.forEach(fileJvm::putIfAbsent);
        unit.fileClassPath.forEach((file, cp) -> {
            String[] t = fileClassPath.computeIfAbsent(file, k -> new String[2]);
            t[0] = t[0] == null ? cp[0] : t[0];
            t[1] = t[1] == null ? cp[1] : t[1];
        });
    }
}

package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code jdk.MethodTiming} family (JDK 25): its values are cumulative in the JVM, so per recording and method the
 * snapshot with the most invocations is kept (the later one on ties, as reading in order does); JVMs are added later
 * ({@link Timed}). One accumulator per read unit; units merge in file and chunk order ({@link #merge}). Not
 * thread-safe.
 */
final class MethodTimingAccumulator {
    /** Largest cumulative jdk.MethodTiming snapshot of one method in one JVM. */
    record TimingSnapshot(String className, String methodName, String descriptor, int modifiers, long invocations,
                          long minNs, long avgNs, long maxNs) {}

    private final int fileIndex;
    /** Per file index: method key to largest snapshot. */
    final Map<Integer, Map<String, TimingSnapshot>> byFile = new HashMap<>();
    final EventSpan span = new EventSpan();

    /** @param fileIndex the file a unit reads, -1 for the merged accumulator */
    MethodTimingAccumulator(int fileIndex) {
        this.fileIndex = fileIndex;
    }

    void accept(RecordedEvent e, EventFields f) {
        RecordedMethod m = f.has(e, "method") ? e.getValue("method") : null;
        if (m == null || m.getType() == null) {
            return;
        }
        String cls = m.getType().getName();
        String key = MethodKeys.key(cls, m.getName(), m.getDescriptor());
        long inv = e.getLong("invocations");
        Map<String, TimingSnapshot> snapshots = byFile.computeIfAbsent(fileIndex, k -> new LinkedHashMap<>());
        TimingSnapshot prev = snapshots.get(key);
        if (prev == null || inv >= prev.invocations()) {
            snapshots.put(key, new TimingSnapshot(cls, m.getName(), m.getDescriptor(), m.getModifiers(), inv,
                    f.ticksAsNs(e, "minimum"), f.ticksAsNs(e, "average"), f.ticksAsNs(e, "maximum")));
        }
        span.see(f.startMs(e));
    }

    /** Adds a unit's events after those merged so far. {@code unit} must not be used afterwards. */
    void merge(MethodTimingAccumulator unit) {
        unit.byFile.forEach((file, snapshots) -> {
            Map<String, TimingSnapshot> target = byFile.computeIfAbsent(file, k -> new HashMap<>());
            snapshots.forEach((key, snap) -> {
                TimingSnapshot prev = target.get(key);
                if (prev == null || snap.invocations() >= prev.invocations()) {
                    target.put(key, snap);
                }
            });
        });
        span.merge(unit.span);
    }
}

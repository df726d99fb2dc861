package dev.oxidizer.analyzer;

import java.util.Map;

/**
 * The evidence counters of one distinct stack, read-only: what the rules' facts are built from once the profile is
 * frozen ({@link Profile#stackCounts}). Which of the two sample counts is a stack's CPU weight is decided in one place,
 * {@link Profile#cpuSamples}.
 */
interface StackCounts {
    /** {@code jdk.ExecutionSample} events with this stack. */
    long execSamples();

    /** {@code jdk.CPUTimeSample} events with this stack (failed samples excluded). */
    long cpuTimeSamples();

    /** Events of any kind with this stack (samples, allocations, waits): the latency-path evidence. */
    long evidence();

    /** Of {@link #evidence()}, those taken on a configured latency thread. */
    long evidenceOnLatencyThread();

    long parkCount();

    long parkNs();

    long monitorCount();

    long monitorNs();

    long ioCount();

    long ioNs();

    /** Sampled allocation weight, bytes. */
    long allocBytes();

    /** Threads seen with this stack, first-seen order, at most {@link StackTable#MAX_THREADS_PER_STACK} once merged. */
    int threadCount();

    /** Scoped id ({@link StackSampleAccumulator#scopedThreadId}) of the {@code i}-th thread. */
    long thread(int i);

    /** Samples (execution, plus CPU-time when recorded) of the {@code i}-th thread with this stack. */
    long threadSamples(int i);

    /**
     * Execution samples by the source line of the executing (top) frame; empty when none had a line. A JIT stub
     * (System.arraycopy, CRC32) leaves no frame of its own, so its time shows on a line of its caller.
     */
    Map<Integer, Long> topLineSamples();
}

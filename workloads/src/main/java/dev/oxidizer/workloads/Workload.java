package dev.oxidizer.workloads;

import java.util.SplittableRandom;

/** A labelled service: start-up work, one request at a time on worker threads, and optional background work. */
public interface Workload extends AutoCloseable {
    /** Runs once before the workers start (a start-up burst, if the workload has one). */
    void startUp();

    /** Serves one request drawn from {@code random}; returns a value so the JIT cannot drop the work. */
    long serve(SplittableRandom random);

    /** Background work on its own thread until {@code deadlineNanos} ({@link System#nanoTime()}); none by default. */
    default void background(long deadlineNanos) throws InterruptedException {}

    @Override
    default void close() throws Exception {}
}

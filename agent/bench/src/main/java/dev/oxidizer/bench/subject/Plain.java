package dev.oxidizer.bench.subject;

/** The trivial method, never instrumented (the agent's include names only {@link Instrumented}). */
public final class Plain {
    private Plain() {}

    public static long work(long x) {
        return x * 31 + 7;
    }
}

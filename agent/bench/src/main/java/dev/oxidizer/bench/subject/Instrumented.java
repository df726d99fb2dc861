package dev.oxidizer.bench.subject;

/** The same trivial method as {@link Plain}, instrumented by the agent (include=dev.oxidizer.bench.subject.Instrumented). */
public final class Instrumented {
    private Instrumented() {}

    public static long work(long x) {
        return x * 31 + 7;
    }
}

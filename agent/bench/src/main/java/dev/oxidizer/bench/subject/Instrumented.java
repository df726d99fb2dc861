package dev.oxidizer.bench.subject;

/** The same trivial method as {@link Plain}, instrumented by the agent (include=dev.oxidizer.bench.subject.Instrumented). */
public final class Instrumented {
    private Instrumented() {}

    public static long work(long x) {
        return x * 31 + 7;
    }

    /**
     * Calls a private trivial method {@code n} times in a loop, as a tokenizer or a hash does; instrumented, the
     * private method is counted at this call site by default (docs/agent.md, "Counted at the call site").
     */
    public static long workLoop(long x, int n) {
        for (int i = 0; i < n; i++) {
            x = step(x);
        }
        return x;
    }

    private static long step(long x) {
        return x * 31 + 7;
    }
}

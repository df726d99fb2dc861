package dev.oxidizer.bench.subject;

/** The trivial method, never instrumented (the agent's include names only {@link Instrumented}). */
public final class Plain {
    private Plain() {}

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

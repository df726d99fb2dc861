package dev.oxidizer.agent.fake;

/** Stands in for agent code in tests: its package is the agent's, so its execution samples are agent work. */
public final class FakeProbe {
    private FakeProbe() {}

    /** Busy work for about {@code nanos} of wall time, kept from being optimized away. */
    public static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}

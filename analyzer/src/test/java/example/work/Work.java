package example.work;

/** Stands in for application code in tests. */
public final class Work {
    private Work() {}

    /** Busy work for about {@code nanos} of wall time, kept from being optimized away. */
    public static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 3;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000; i++) {
                x = x * 2862933555777941757L + 3037000493L;
            }
        }
        return x;
    }
}

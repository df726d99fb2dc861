package dev.oxidizer.analyzer;

/**
 * The score: CPU seconds a port would save per day. One scale for every method: the CPU the method was sampled using
 * on a core (never its wall time, which holds run-queue, lock and I/O waits a port would not remove), projected from
 * the window to a day, times the share a port removes at the assumed speedup, less what the downcalls cost:
 *
 * <pre>saved = cpuTimeNs / window x 86,400 / 1e9 x (1 - 1/speedup) - ffmCallNs x callsPerDay / 1e9, at least 0</pre>
 *
 * <p>The speedup is an assumption (default 2, {@code --speedup}) until {@code oxidizer verify} measured one: this is the
 * one place where a measured speedup replaces it.
 */
final class Scoring {
    private Scoring() {}

    /** CPU seconds per day the method used (sampled), 0 without a window. */
    static double cpuSecondsPerDay(MethodFacts f) {
        return f.windowSeconds() > 0 ? f.cpuTimeNs() / f.windowSeconds() * Analyzer.DAY_SECONDS / 1e9 : 0;
    }

    /**
     * CPU seconds per day a port at {@code speedup} would save, less {@code ffmNs} per call (calls unknown: no
     * crossing cost is charged), rounded to 1/1000 s; at least 0.
     */
    static double savedPerDay(MethodFacts f, double ffmNs, double speedup) {
        if (!(speedup > 1)) {
            throw new IllegalArgumentException("speedup must be above 1, was " + speedup);
        }
        double saved = cpuSecondsPerDay(f) * (1 - 1 / speedup) - (f.callsPerDay() == null ? 0 : ffmNs * f.callsPerDay() / 1e9);
        return Math.round(Math.max(0, saved) * 1000) / 1000.0;
    }
}

package dev.oxidizer.analyzer;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Measures, on the analysing JVM, what one FFM downcall costs the two ways a generated wrapper makes it:
 * <ul>
 *   <li>{@link #measure()}: with arguments copied into native memory (arrays, strings): open a confined arena,
 *   copy a small {@code double[]} (16 elements) into it, call a C function that reads the memory ({@code memchr}
 *   from the C library, over those bytes) and close the arena;</li>
 *   <li>{@link #measurePlain()}: with primitive arguments and result passed as they are: call {@code labs} from the
 *   C library with a {@code long}.</li>
 * </ul>
 * Warm-up first, then the least of timed batches of 2,000 calls (the least disturbed by other processes), until
 * the figure stops improving: 0.1 to 1 s each.
 *
 * <p>These are the figures the granularity rule compares with a method's mean time. They need the
 * {@code --enable-native-access} permission only for upcalls, not for these downcalls; if linking fails
 * (unsupported platform) the methods return null and the caller falls back to a documented default.
 */
public final class FfmCalibration {
    /** Used when the measurement is impossible: the order of magnitude seen on x86-64 Linux with the wrapper. */
    public static final double DEFAULT_NS = 40.0;
    /** Used when the plain call cannot be measured: the order of magnitude of a downcall on x86-64 Linux. */
    public static final double DEFAULT_PLAIN_NS = 10.0;

    private FfmCalibration() {}

    /** Measured ns per downcall whose arguments are copied into an arena, or null when FFM is unavailable here. */
    public static Double measure() {
        try {
            return Handles.MEMCHR == null ? null : leastPerCall(FfmCalibration::arenaBatch);
        } catch (Throwable t) {
            return null;
        }
    }

    /** Measured ns per plain downcall (primitive argument and result), or null when FFM is unavailable here. */
    public static Double measurePlain() {
        try {
            return Handles.LABS == null ? null : leastPerCall(FfmCalibration::plainBatch);
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * The downcall handles, in static final fields as the generated wrapper keeps its own: the JIT then treats
     * each as a constant and inlines the call. Through a handle held in a local or a parameter, every
     * {@code invokeExact} went through the handle's generic invoker and measured 5–20 times the real cost
     * (86–107 ns for a plain call that costs a few ns).
     */
    private static final class Handles {
        static final MethodHandle MEMCHR = find("memchr",
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        static final MethodHandle LABS = find("labs", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
        static final double[] INPUT = new double[16];

        static {
            for (int i = 0; i < INPUT.length; i++) {
                INPUT[i] = i + 0.5;
            }
        }

        private static MethodHandle find(String name, FunctionDescriptor descriptor) {
            try {
                Linker linker = Linker.nativeLinker();
                return linker.defaultLookup().find(name).map(a -> linker.downcallHandle(a, descriptor)).orElse(null);
            } catch (Throwable t) {
                return null; // no FFM linker on this platform
            }
        }
    }

    /** Runs {@code n} calls of one kind; returns something derived from the results, so no call is dropped. */
    private interface Batch {
        long run(int n) throws Throwable;
    }

    /** Longest a measurement keeps going while its figure still improves. */
    private static final long BUDGET_NS = 1_000_000_000L;

    // The least of many short batches: on a shared machine the minimum is the figure closest to the call's real
    // cost. Measured in blocks of 50 batches until three blocks in a row improve the least by under 3 %: at the
    // start of an analysis the JIT's queue is full, and the batch loop can run as profiled C1 code (which does not
    // inline the downcall's method handle: 3-5 times the cost) for hundreds of thousands of calls before C2's code
    // replaces it.
    private static double leastPerCall(Batch batch) throws Throwable {
        long sink = 0;
        for (int i = 0; i < 10; i++) {
            sink += batch.run(10_000);
        }
        double best = Double.MAX_VALUE;
        int n = 2_000;
        int stale = 0;
        long deadline = System.nanoTime() + BUDGET_NS;
        while (stale < 3 && System.nanoTime() < deadline) {
            double blockBest = Double.MAX_VALUE;
            for (int round = 0; round < 50; round++) {
                long t0 = System.nanoTime();
                sink += batch.run(n);
                blockBest = Math.min(blockBest, (System.nanoTime() - t0) / (double) n);
            }
            stale = blockBest < best * 0.97 ? 0 : stale + 1;
            best = Math.min(best, blockBest);
        }
        if (sink == 42) {
            System.err.print(""); // keeps the calls observable to the JIT
        }
        return best;
    }

    private static long arenaBatch(int n) throws Throwable {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment seg = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, Handles.INPUT);
                MemorySegment r = (MemorySegment) Handles.MEMCHR.invokeExact(seg, 0x7F, seg.byteSize());
                sink += r.address();
            }
        }
        return sink;
    }

    private static long plainBatch(int n) throws Throwable {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += (long) Handles.LABS.invokeExact((long) -i);
        }
        return sink;
    }
}

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
 * Warm-up first, then the least of 60 timed batches of 2,000 calls (the least disturbed by other processes).
 * Takes about 100 ms each.
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
            Linker linker = Linker.nativeLinker();
            MemorySegment memchr = linker.defaultLookup().find("memchr").orElse(null);
            if (memchr == null) {
                return null;
            }
            MethodHandle h = linker.downcallHandle(memchr,
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
            double[] input = new double[16];
            for (int i = 0; i < input.length; i++) {
                input[i] = i + 0.5;
            }
            return leastPerCall(i -> arenaCall(h, input));
        } catch (Throwable t) {
            return null;
        }
    }

    /** Measured ns per plain downcall (primitive argument and result), or null when FFM is unavailable here. */
    public static Double measurePlain() {
        try {
            Linker linker = Linker.nativeLinker();
            MemorySegment labs = linker.defaultLookup().find("labs").orElse(null);
            if (labs == null) {
                return null;
            }
            MethodHandle h = linker.downcallHandle(labs, FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
            return leastPerCall(i -> (long) h.invokeExact((long) -i));
        } catch (Throwable t) {
            return null;
        }
    }

    /** One call of the measured kind; returns something derived from the result, so the call is not dropped. */
    private interface Call {
        long run(int i) throws Throwable;
    }

    // Warm up until C2 has compiled the loop, then keep the least disturbed of many short batches: on a shared
    // machine the minimum is the figure closest to the call's real cost.
    private static double leastPerCall(Call call) throws Throwable {
        long sink = 0;
        for (int i = 0; i < 10; i++) {
            sink += batch(call, 10_000);
        }
        double best = Double.MAX_VALUE;
        int n = 2_000;
        for (int round = 0; round < 60; round++) {
            long t0 = System.nanoTime();
            sink += batch(call, n);
            best = Math.min(best, (System.nanoTime() - t0) / (double) n);
        }
        if (sink == 42) {
            System.err.print(""); // keeps the calls observable to the JIT
        }
        return best;
    }

    private static long batch(Call call, int n) throws Throwable {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += call.run(i);
        }
        return sink;
    }

    private static long arenaCall(MethodHandle h, double[] input) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, input);
            MemorySegment r = (MemorySegment) h.invokeExact(seg, 0x7F, seg.byteSize());
            return r.address();
        }
    }
}

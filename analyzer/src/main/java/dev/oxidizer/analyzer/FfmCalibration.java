package dev.oxidizer.analyzer;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Measures, on the analysing JVM, what one FFM downcall costs the way a generated wrapper makes it: open a
 * confined arena, copy a small {@code double[]} (16 elements) into native memory, call a C function that reads
 * the memory ({@code memchr} from the C library, over those bytes) and close the arena. Warm-up first, then the
 * least of 60 timed batches of 2,000 calls (the least disturbed by other processes). Takes about 100 ms.
 *
 * <p>This is the figure the granularity rule compares with a method's mean time. It needs the
 * {@code --enable-native-access} permission only for upcalls, not for this downcall; if linking fails
 * (unsupported platform) {@link #measure()} returns null and the caller falls back to a documented default.
 */
public final class FfmCalibration {
    /** Used when the measurement is impossible: the order of magnitude seen on x86-64 Linux with the wrapper. */
    public static final double DEFAULT_NS = 40.0;

    private FfmCalibration() {}

    /** Measured ns per wrapped downcall, or null when FFM is unavailable here. */
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
            long sink = 0;
            // Warm up until C2 has compiled the loop, then keep the least disturbed of many short batches: on a
            // shared machine the minimum is the figure closest to the call's real cost.
            for (int i = 0; i < 10; i++) {
                sink += batch(h, input, 10_000);
            }
            double best = Double.MAX_VALUE;
            int n = 2_000;
            for (int round = 0; round < 60; round++) {
                long t0 = System.nanoTime();
                sink += batch(h, input, n);
                best = Math.min(best, (System.nanoTime() - t0) / (double) n);
            }
            if (sink == 42) {
                System.err.print(""); // keeps the calls observable to the JIT
            }
            return best;
        } catch (Throwable t) {
            return null;
        }
    }

    private static long batch(MethodHandle h, double[] input, int n) throws Throwable {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += call(h, input);
        }
        return sink;
    }

    private static long call(MethodHandle h, double[] input) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, input);
            MemorySegment r = (MemorySegment) h.invokeExact(seg, 0x7F, seg.byteSize());
            return r.address();
        }
    }
}

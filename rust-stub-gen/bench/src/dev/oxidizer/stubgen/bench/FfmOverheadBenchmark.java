package dev.oxidizer.stubgen.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Per-call cost of the generated wrappers next to hand-written minimal downcalls into the same libraries.
 * {@code raw*} link {@code raw_add}/{@code raw_sum} (no catch_unwind, no status) with the same linker options as the
 * generated wrapper they face. The {@code add*} benchmarks make {@link #CALLS} calls per invocation (a loop that is the
 * same on both sides but for the call), the {@code sum*} ones one call over {@code size} doubles. The libraries come
 * from system properties set by bench/run-ffm-benchmark.sh; {@link PairedForkRunner} runs the pairs in alternating
 * forks and reports their ratios.
 */
@SuppressWarnings("restricted")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class FfmOverheadBenchmark {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup ADD_CRITICAL = lib("bench_add_critical");
    private static final SymbolLookup ADD_ARENA = lib("bench_add_arena");
    private static final SymbolLookup SUM_CRITICAL = lib("bench_sum_critical");
    private static final SymbolLookup SUM_ARENA = lib("bench_sum_arena");

    private static final MethodHandle RAW_ADD_CRITICAL = LINKER.downcallHandle(ADD_CRITICAL.findOrThrow("raw_add"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), Linker.Option.critical(false));
    private static final MethodHandle RAW_ADD_PLAIN = LINKER.downcallHandle(ADD_ARENA.findOrThrow("raw_add"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle RAW_SUM_CRITICAL = LINKER.downcallHandle(SUM_CRITICAL.findOrThrow("raw_sum"),
            FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), Linker.Option.critical(true));
    private static final MethodHandle RAW_SUM_PLAIN = LINKER.downcallHandle(SUM_ARENA.findOrThrow("raw_sum"),
            FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

    /**
     * Calls per invocation of the {@code add*} benchmarks. A trivial call costs a few ns, about as much as JMH's own
     * per-invocation work and the timer's jitter; a loop of calls makes both negligible next to the calls.
     */
    static final int CALLS = 1000;

    @Param({"1000"})
    public int size;

    private int a;
    private double[] values;

    private static SymbolLookup lib(String crate) {
        // Also makes the generated wrapper of this crate load the very same library file.
        return SymbolLookup.libraryLookup(Path.of(System.getProperty("oxidizer." + crate + ".library")), Arena.global());
    }

    @Setup
    public void setup() {
        Random r = new Random(42);
        a = r.nextInt(1000);
        values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = r.nextGaussian();
        }
    }

    /** Java's own {@code add} in the same loop: the loop's cost without any downcall. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int addJava() {
        int acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += BenchKernels.add(a, i);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int addRawCritical() throws Throwable {
        int acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += (int) RAW_ADD_CRITICAL.invokeExact(a, i);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int addGeneratedCritical() {
        int acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += BenchAddCritical.add(a, i);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int addRawPlain() throws Throwable {
        int acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += (int) RAW_ADD_PLAIN.invokeExact(a, i);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int addGeneratedPlain() {
        int acc = 0;
        for (int i = 0; i < CALLS; i++) {
            acc += BenchAddArena.add(a, i);
        }
        return acc;
    }

    @Benchmark
    public double sumJava() {
        return BenchKernels.sum(values);
    }

    @Benchmark
    public double sumRawCritical() throws Throwable {
        return (double) RAW_SUM_CRITICAL.invokeExact(MemorySegment.ofArray(values), (long) values.length);
    }

    @Benchmark
    public double sumGeneratedCritical() {
        return BenchSumCritical.sum(values);
    }

    @Benchmark
    public double sumRawArenaCopy() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, values);
            return (double) RAW_SUM_PLAIN.invokeExact(s, (long) values.length);
        }
    }

    @Benchmark
    public double sumGeneratedArena() {
        return BenchSumArena.sum(values);
    }
}

package dev.oxidizer.stubgen.bench;

import org.openjdk.jmh.annotations.OperationsPerInvocation;

import java.util.Arrays;
import java.util.Locale;

/**
 * One fork of the interleaved measurement {@link PairedForkRunner} starts: calls two {@link FfmOverheadBenchmark}
 * methods in alternating short blocks in this one JVM and prints their cost per call and the ratio of the first to
 * the second.
 *
 * <p>Why interleave: on a shared 2-vCPU machine another process's load changes the cost of a downcall (a non-critical
 * one most: its thread-state transitions slow down by 1.5–2× under load) from one second to the next. Blocks of
 * ~100 µs taken in turn (ABBA: first-second, then second-first) see the same load, so the ratio of two adjacent blocks
 * cancels it; the median over thousands of such pairs ignores the blocks a preemption hit.
 *
 * <p>Protocol: both methods are warmed up in alternation for the warm-up time; one invocation of each is then timed to
 * size a block (the same number of invocations for both, about 100 µs of the slower); then blocks alternate for the
 * measurement time. Cost per call = median block time / (invocations × the method's {@link OperationsPerInvocation}).
 * Run with {@code -XX:CompileCommand=dontinline,dev/oxidizer/stubgen/bench/FfmOverheadBenchmark.*} so each method is
 * compiled on its own, as JMH does with benchmark methods.
 *
 * <p>Usage: {@code InterleavedPairFork FIRST SECOND WARMUP_MS MEASURE_MS}; prints one line
 * {@code result FIRST_NS SECOND_NS RATIO PAIRS INVOCATIONS_PER_BLOCK}, or fails with exit status 2 naming what was
 * wrong.
 */
public final class InterleavedPairFork {
    private static final long TARGET_BLOCK_NS = 100_000;

    /** One benchmark method, called through a lambda so the timing loop stays the same for every method. */
    @FunctionalInterface
    interface Subject {
        long call(FfmOverheadBenchmark b) throws Throwable;
    }

    /** Keeps the results alive so the calls cannot be dropped as dead code. */
    private static long sink;

    private InterleavedPairFork() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length != 4) {
            System.err.println("usage: InterleavedPairFork FIRST SECOND WARMUP_MS MEASURE_MS");
            System.exit(2);
        }
        Subject first = subject(args[0]);
        Subject second = subject(args[1]);
        long warmupNs = Long.parseLong(args[2]) * 1_000_000L;
        long measureNs = Long.parseLong(args[3]) * 1_000_000L;
        int firstCalls = callsPerInvocation(args[0]);
        int secondCalls = callsPerInvocation(args[1]);
        if (firstCalls != secondCalls) {
            System.err.println(args[0] + " makes " + firstCalls + " calls per invocation, " + args[1] + " "
                    + secondCalls + ": only methods with the same count are compared");
            System.exit(2);
        }

        FfmOverheadBenchmark bench = new FfmOverheadBenchmark();
        bench.size = 1000;
        bench.setup();

        long end = System.nanoTime() + warmupNs;
        while (System.nanoTime() < end) {
            time(first, bench, 10);
            time(second, bench, 10);
        }
        long one = Math.max(median(first, bench), median(second, bench));
        int invocations = (int) Math.max(1, Math.min(1_000_000, TARGET_BLOCK_NS / Math.max(1, one)));

        // Room for pairs of 20 µs at least (a block is ~100 µs of the slower method, longer when one call is).
        int capacity = (int) Math.min(2_000_000, Math.max(1000, measureNs / 20_000));
        long[] a = new long[capacity];
        long[] b = new long[capacity];
        int n = 0;
        end = System.nanoTime() + measureNs;
        while (n < capacity && System.nanoTime() < end) {
            if ((n & 1) == 0) {
                a[n] = time(first, bench, invocations);
                b[n] = time(second, bench, invocations);
            } else {
                b[n] = time(second, bench, invocations);
                a[n] = time(first, bench, invocations);
            }
            n++;
        }
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = (double) a[i] / b[i];
        }
        double perBlock = (double) invocations * firstCalls;
        System.out.printf(Locale.ROOT, "result %.4f %.4f %.5f %d %d sink=%d%n", median(Arrays.copyOf(a, n)) / perBlock,
                median(Arrays.copyOf(b, n)) / perBlock, median(ratio), n, invocations, sink & 1);
    }

    private static long time(Subject s, FfmOverheadBenchmark bench, int invocations) throws Throwable {
        long acc = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < invocations; i++) {
            acc += s.call(bench);
        }
        long t = System.nanoTime() - t0;
        sink += acc;
        return t;
    }

    /** Median time of one invocation over 21 tries. */
    private static long median(Subject s, FfmOverheadBenchmark bench) throws Throwable {
        long[] t = new long[21];
        for (int i = 0; i < t.length; i++) {
            t[i] = time(s, bench, 1);
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    private static double median(long[] x) {
        long[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    private static int callsPerInvocation(String method) throws NoSuchMethodException {
        OperationsPerInvocation ops = FfmOverheadBenchmark.class.getMethod(method).getAnnotation(OperationsPerInvocation.class);
        return ops == null ? 1 : ops.value();
    }

    private static Subject subject(String method) {
        return switch (method) {
            case "addRawCritical" -> FfmOverheadBenchmark::addRawCritical;
            case "addGeneratedCritical" -> FfmOverheadBenchmark::addGeneratedCritical;
            case "addRawPlain" -> FfmOverheadBenchmark::addRawPlain;
            case "addGeneratedPlain" -> FfmOverheadBenchmark::addGeneratedPlain;
            case "sumRawCritical" -> b -> Double.doubleToRawLongBits(b.sumRawCritical());
            case "sumGeneratedCritical" -> b -> Double.doubleToRawLongBits(b.sumGeneratedCritical());
            case "sumRawArenaCopy" -> b -> Double.doubleToRawLongBits(b.sumRawArenaCopy());
            case "sumGeneratedArena" -> b -> Double.doubleToRawLongBits(b.sumGeneratedArena());
            default -> {
                System.err.println("unknown benchmark method " + method);
                System.exit(2);
                yield null;
            }
        };
    }
}

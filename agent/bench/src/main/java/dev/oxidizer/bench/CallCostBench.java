package dev.oxidizer.bench;

import dev.oxidizer.bench.subject.Instrumented;
import dev.oxidizer.bench.subject.Plain;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cost per call of a trivial method, side by side in one JVM: plain, instrumented by the agent (whose policy
 * comes from the agent options run.sh passes), the bare timing floor (two clock reads and one per-thread
 * histogram record, as the issue defines it), and two counting alternatives without the agent.
 * Run with {@code -t 1} and {@code -t 2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallCostBench {
    /** Per benchmark thread. */
    @State(Scope.Thread)
    public static class PerThread {
        long x = 17;
        final Histogram histogram = new Histogram(3);
        final long[] counts = new long[64];

        {
            histogram.setAutoResize(true);
        }
    }

    /** Shared by the benchmark threads, as an agent's per-method counters would be. */
    @State(Scope.Benchmark)
    public static class Shared {
        final LongAdder[] adders = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    }

    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[64]);

    /** A per-thread slot found by thread id, owner-checked (an alternative to ThreadLocal, see below). */
    static final class Slot {
        final Thread owner;
        final long[] counts = new long[64];

        Slot(Thread owner) {
            this.owner = owner;
        }
    }

    private static final Slot[] SLOTS = new Slot[4096];

    private static Slot slot() {
        Thread t = Thread.currentThread();
        int i = (int) t.threadId() & (SLOTS.length - 1);
        Slot s = SLOTS[i];
        if (s != null && s.owner == t) {
            return s;
        }
        s = new Slot(t);
        SLOTS[i] = s;
        return s;
    }

    @Benchmark
    public long countWithThreadIdSlot(PerThread s) {
        slot().counts[2]++;
        return s.x = Plain.work(s.x);
    }

    @Benchmark
    public long plain(PerThread s) {
        return s.x = Plain.work(s.x);
    }

    @Benchmark
    public long agent(PerThread s) {
        return s.x = Instrumented.work(s.x);
    }

    /** Calls per invocation of the loop benchmarks. */
    static final int LOOP = 1000;

    /**
     * The same trivial method called {@value #LOOP} times in a loop, as hot short methods are in real code
     * (a hash round, a distance, a character test): here the JIT may share work between the inlined probes of
     * consecutive calls, which a single call per benchmark invocation cannot show. Divide by {@value #LOOP}.
     */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long plainInLoop(PerThread s) {
        long x = s.x;
        for (int i = 0; i < LOOP; i++) {
            x = Plain.work(x);
        }
        return s.x = x;
    }

    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long agentInLoop(PerThread s) {
        long x = s.x;
        for (int i = 0; i < LOOP; i++) {
            x = Instrumented.work(x);
        }
        return s.x = x;
    }

    /** A private trivial method called {@value #LOOP} times by a method of its class. Divide by {@value #LOOP}. */
    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long plainPrivateInLoop(PerThread s) {
        return s.x = Plain.workLoop(s.x, LOOP);
    }

    @Benchmark
    @OperationsPerInvocation(LOOP)
    public long agentPrivateInLoop(PerThread s) {
        return s.x = Instrumented.workLoop(s.x, LOOP);
    }

    @Benchmark
    public long floorTwoClockReadsAndRecord(PerThread s) {
        long t0 = System.nanoTime();
        long r = Plain.work(s.x);
        long t1 = System.nanoTime();
        s.histogram.recordValue(t1 - t0);
        return s.x = r;
    }

    @Benchmark
    public long countWithLongAdder(PerThread s, Shared shared) {
        shared.adders[2].increment();
        return s.x = Plain.work(s.x);
    }

    @Benchmark
    public long countWithThreadLocalArray(PerThread s) {
        COUNTS.get()[2]++;
        return s.x = Plain.work(s.x);
    }
}

package dev.oxidizer.agent.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probes' per-thread states in this JVM, without the agent: growth past a state's capacity, and the pool a
 * thread's first probe takes its state from (also when more threads start than the pool holds).
 */
class ThreadStateTest {
    @Test
    void aCountBeyondTheCapacityGrowsTheStateAndKeepsEarlierCounts() {
        ThreadState s = ThreadState.unowned();
        int capacity = s.capacity();
        s.add(2, 7);
        int far = 2 * (capacity + 100);
        assertEquals(5, s.add(far, 5)); // past the end: the bounds check fails, the state grows
        assertEquals(6, s.add(far, 1));
        assertEquals(5 + 1, s.count(far));
        assertEquals(7, s.count(2));
        assertTrue(s.capacity() > capacity + 100, "capacity " + s.capacity());
        assertTrue(s.masks.length >= s.capacity(), "the masks grow with the counts");
    }

    @Test
    void threadsStartingInABurstLargerThanThePoolAreAllCountedExactly() throws Exception {
        int id = MethodTable.register("example.Burst", "tick", "()V", 0, MethodTable.PROBE_COUNT);
        StatePool.refill();
        int threads = 3 * StatePool.SIZE; // the pool runs dry: the rest take the thread-local path
        int calls = 10_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < calls; i++) {
                    Probe.count(id);
                }
            }, "burst-" + t);
            th.start();
            started.add(th);
        }
        go.countDown();
        for (Thread th : started) {
            th.join();
        }
        StatePool.refill(); // registers the states taken from the pool
        long total = 0;
        Set<Thread> owners = new HashSet<>();
        for (ThreadState s : ThreadState.registered()) {
            if (started.contains(s.owner())) {
                total += s.count(2 * id);
                owners.add(s.owner());
            }
        }
        assertEquals((long) threads * calls, total);
        assertEquals(threads, owners.size(), "every thread has its own state");
    }

    @Test
    void aThreadsFirstProbeTakesAPooledStateWhichTheNextRefillRegisters() throws Exception {
        int id = MethodTable.register("example.Pooled", "tick", "()V", 0, MethodTable.PROBE_COUNT);
        StatePool.refill();
        Thread th = new Thread(() -> Probe.count(id), "pooled");
        th.start();
        th.join();
        assertTrue(ThreadState.registered().stream().noneMatch(s -> s.owner() == th),
                "a pooled state is not registered until the flusher's next refill");
        StatePool.refill();
        List<ThreadState> mine = ThreadState.registered().stream().filter(s -> s.owner() == th).toList();
        assertEquals(1, mine.size());
        assertEquals(1, mine.get(0).count(2 * id));
    }

    @Test
    void aMethodRegisteredAfterAStateWasMadeTakesItsMaskFromTheFirstTimedCall() throws Exception {
        StatePool.refill(); // pooled states copy the masks as they are now, without the method below
        MethodTable.setDefaultMask(MethodTable.MASK_OFF);
        try {
            int id = MethodTable.register("example.Late", "untimed", "()V", 0, MethodTable.PROBE_FULL);
            long[] starts = new long[4];
            Thread th = new Thread(() -> {
                for (int i = 0; i < starts.length; i++) {
                    starts[i] = Probe.enter(id);
                    Probe.exit(id, starts[i], null);
                }
            }, "late");
            th.start();
            th.join();
            // The first call may be timed (the state's copy predates the method: 0, "time all"); it refreshes the
            // copy, and no later call is timed. Before, every call was timed until some mask changed.
            for (int i = 1; i < starts.length; i++) {
                assertEquals(Probe.NOT_TIMED, starts[i], "call " + i);
            }
        } finally {
            MethodTable.setDefaultMask(MethodTable.MASK_ALL);
        }
    }
}

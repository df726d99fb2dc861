package dev.oxidizer.analyzer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Per-stack thread lists: first-seen order, per-thread execution samples and the cap, with and without the hash index. */
class StackTableTest {

    @Test
    void threadsKeepFirstSeenOrderAndTheirSamplesPastTheHashIndexThreshold() {
        StackTable.Stats s = new StackTable.Stats(Integer.MAX_VALUE);
        // 300 threads with scattered ids, each seen i % 7 + 1 times, interleaved.
        for (int round = 0; round < 7; round++) {
            for (int i = 0; i < 300; i++) {
                if (round <= i % 7) {
                    s.addThread(1_000_003L * i + 17, 1);
                }
            }
        }
        s.addThread(17, 0); // thread 0 again, with no sample
        assertEquals(300, s.threadCount());
        for (int i = 0; i < 300; i++) {
            assertEquals(1_000_003L * i + 17, s.thread(i));
            assertEquals(i % 7 + 1, s.threadSamples(i));
        }
    }

    @Test
    void aCappedStackKeepsItsFirstThreadsAndStillCountsTheirSamples() {
        StackTable.Stats s = new StackTable.Stats(StackTable.MAX_THREADS_PER_STACK);
        for (int i = 0; i < 100; i++) {
            s.addThread(i, 1);
        }
        for (int i = 0; i < 100; i++) {
            s.addThread(i, 1);
        }
        assertEquals(StackTable.MAX_THREADS_PER_STACK, s.threadCount());
        for (int i = 0; i < StackTable.MAX_THREADS_PER_STACK; i++) {
            assertEquals(i, s.thread(i));
            assertEquals(2, s.threadSamples(i));
        }
    }
}

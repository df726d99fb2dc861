package dev.oxidizer.demo.services;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLedgerTest {

    @Test
    void fingerprintDependsOnlyOnTheEntryNotOnEarlierAppends() {
        long first = AuditLedger.append("ACC-1", 250);
        AuditLedger.append("ACC-2", 999);
        assertEquals(first, AuditLedger.append("ACC-1", 250));
    }

    @Test
    void appendsAreSerializedSoConcurrentCallersWaitForTheLock() throws InterruptedException {
        int threads = 4;
        int calls = 5;
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int id = i;
            ts[i] = Thread.ofPlatform().start(() -> {
                for (int c = 0; c < calls; c++) {
                    AuditLedger.append("ACC-" + id, c);
                }
            });
        }
        for (Thread t : ts) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        // With the lock held for the whole flush, 20 appends cannot overlap: at least 20 flush periods.
        assertTrue(elapsed >= threads * calls * AuditLedger.FLUSH_NANOS, "elapsed " + elapsed + " ns");
    }
}

package dev.oxidizer.demo.services;

/**
 * The shared audit ledger every payment is recorded in. A decoy for the {@code cpu-bound} rule: called on
 * every payment request with a portable signature, but the ledger lives behind one monitor that is held
 * for about 1.5 ms per append (re-sealing the ledger digest, then a synchronous journal flush), so
 * concurrent callers spend most of their time blocked on monitor entry rather than on a CPU.
 *
 * <p>The monitor is taken inside the method body, not with a {@code synchronized} modifier, so that
 * entry/exit timing of the method (an agent's advice) includes the wait, as a caller experiences it.
 * Thread-safe.
 */
public final class AuditLedger {

    /** Entries kept in the ring whose digest is re-sealed on every append. */
    static final int RING = 4096;
    /** Simulated fsync latency of the journal, held under the lock as the naive implementation does. */
    static final long FLUSH_NANOS = 1_500_000;

    private static final Object LOCK = new Object();
    private static final long[] ring = new long[RING];
    private static int next;
    private static long digest;

    private AuditLedger() {
    }

    /**
     * Appends a payment to the ledger.
     *
     * @param account     the paying account
     * @param amountCents the amount
     * @return the fingerprint of this entry, which depends only on the arguments (not on other entries)
     */
    public static long append(String account, long amountCents) {
        long entry = account.hashCode() * 0x9E3779B97F4A7C15L ^ amountCents;
        synchronized (LOCK) {
            ring[next] = entry;
            next = (next + 1) % RING;
            // Re-seal: a chained digest over the whole ring, so tampering with any entry shows.
            long d = digest;
            for (int i = 0; i < RING; i++) {
                d = Long.rotateLeft(d ^ ring[i], 29) * 0xBF58476D1CE4E5B9L;
            }
            digest = d;
            flushJournal();
        }
        return Long.rotateLeft(entry, 17) ^ amountCents;
    }

    private static void flushJournal() {
        long deadline = System.nanoTime() + FLUSH_NANOS;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

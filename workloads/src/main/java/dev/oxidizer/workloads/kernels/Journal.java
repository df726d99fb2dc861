package dev.oxidizer.workloads.kernels;

/** A process-wide journal. */
public final class Journal {
    private static final Object LOCK = new Object();
    private static long sequence;

    private Journal() {}

    /**
     * Appends one entry under a process-wide lock held across a 2 ms synchronous "flush" (a sleep standing for an
     * fsync): workers queue on the monitor and the holder sleeps, so a call spends almost none of its time on a CPU.
     * On 9 % of requests. Label: decoy for {@code cpu-bound} (lock-bound).
     */
    public static long append(long value) {
        synchronized (LOCK) {
            sequence += value & 0xff;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sequence;
        }
    }
}

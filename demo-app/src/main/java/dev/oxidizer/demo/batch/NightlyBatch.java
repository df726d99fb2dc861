package dev.oxidizer.demo.batch;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The background reconciliation job, run on its own thread named {@value #THREAD_NAME} outside the request
 * path: every {@value #PAUSE_MILLIS} ms it compacts a freshly exported batch of ledger ids.
 *
 * <p>{@link #start(long)} starts the thread; {@link #stop()} asks it to finish the current batch and
 * joins it.
 */
public final class NightlyBatch {

    /** The name of the batch thread, outside every latency-thread pattern. */
    public static final String THREAD_NAME = "batch-nightly";
    static final int BATCH_SIZE = 50_000;
    static final int PAUSE_MILLIS = 40;

    private final Thread thread;
    private final SplittableRandom random;
    private volatile boolean stopping;
    private volatile long batches;

    private NightlyBatch(long seed) {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
    }

    /** Starts the batch thread with ids drawn from {@code seed}. */
    public static NightlyBatch start(long seed) {
        NightlyBatch batch = new NightlyBatch(seed);
        batch.thread.start();
        return batch;
    }

    /** Number of batches compacted so far. */
    public long batches() {
        return batches;
    }

    /** Stops the thread after its current batch and waits for it. */
    public void stop() throws InterruptedException {
        stopping = true;
        thread.interrupt();
        thread.join(10_000);
    }

    private void loop() {
        long[] ids = new long[BATCH_SIZE];
        while (!stopping) {
            for (int i = 0; i < ids.length; i++) {
                // about one id in eight is exported twice, as replays from the journal are
                ids[i] = random.nextLong(BATCH_SIZE * 7L);
            }
            LedgerCompactor.compact(ids);
            batches++;
            try {
                TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

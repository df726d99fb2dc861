package dev.oxidizer.workloads.kernels;

import dev.oxidizer.workloads.Workload;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * A service whose hot code is its own kernels. Labels (kernels-labels.json): three true candidates
 * ({@link TextKernels#editDistance}, {@link FractalKernels#escapeRow}, {@link MatrixKernels#multiply}) and decoys for
 * each way the advice can go wrong: I/O-bound ({@link RemoteCache#lookup}), lock-bound ({@link Journal#append}), too
 * fine ({@link Hashing#mix}), rare ({@link Reports#quarterEnd}), a start-up burst ({@link Catalog#indexEntry}) and the
 * request dispatcher ({@link #dispatch}), whose time fans out into the kernels.
 */
public final class KernelService implements Workload {
    // Static so that the dispatcher's signature is portable (static, primitives only): it must be rejected for its
    // fan-out, not for its signature.
    private static RemoteCache cache;
    private static final Catalog CATALOG = new Catalog();

    public KernelService(long seed) throws IOException {
        cache = new RemoteCache();
    }

    @Override
    public void startUp() {
        CATALOG.build(new SplittableRandom(7));
    }

    @Override
    public long serve(SplittableRandom random) {
        return dispatch(random.nextInt(100), random.nextLong());
    }

    /**
     * The request dispatcher. Decoy (fan-out): it prepares inputs and calls a different kernel per request, so its
     * time is spread over many callees, none of them above 80 %; porting it means porting all of them.
     */
    public static long dispatch(int kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long routed = 0;
        for (int i = 0; i < 64; i++) {
            routed ^= Hashing.mix(routed + i + kind);
        }
        if (kind < 30) {
            return routed + TextKernels.editDistance(Inputs.text(random, 140 + random.nextInt(60)),
                    Inputs.text(random, 140 + random.nextInt(60)));
        } else if (kind < 52) {
            int[] out = new int[192];
            return routed + FractalKernels.escapeRow(-1.2 + random.nextDouble() * 2.4, 192, 160, out);
        } else if (kind < 74) {
            int n = 36;
            double[] a = Inputs.doubles(random, n * n);
            double[] b = Inputs.doubles(random, n * n);
            double[] c = new double[n * n];
            MatrixKernels.multiply(a, b, c, n);
            return routed + (long) c[random.nextInt(n * n)];
        } else if (kind < 85) {
            return routed + RemoteCache.lookup("k" + random.nextInt(1000));
        } else if (kind < 94) {
            return routed + Journal.append(random.nextLong());
        }
        return routed + CATALOG.find(random.nextInt(1 << 20));
    }

    @Override
    public void background(long deadlineNanos) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(99);
        Thread.sleep(4_000);
        while (System.nanoTime() < deadlineNanos) {
            Reports.quarterEnd(Inputs.doubles(random, 300_000));
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            // To the nanosecond: a sleep of the whole milliseconds left woke just before the deadline, and the loop
            // made a second call at the very end of the run (2 calls in 17 s project to ~10,000 a day, the threshold).
            Thread.sleep(java.time.Duration.ofNanos(Math.min(left, 30_000_000_000L)));
        }
    }

    @Override
    public void close() {
        cache.close();
    }
}

package dev.oxidizer.workloads.libraries;

import dev.oxidizer.workloads.Workload;

import java.util.SplittableRandom;

/**
 * A service whose hot code lives in popular Maven Central libraries (commons-compress BZip2, BouncyCastle BLAKE2b,
 * commons-math3 FFT, Jackson) and in JDK intrinsics ({@code String.getBytes}, SHA-256, CRC32, {@code Double.parseDouble},
 * {@code System.arraycopy}), reached through a request dispatcher, plus two true own-code candidates
 * ({@link Signals#smooth}, {@link Routes#nearestNeighbours}). Labels: libraries-labels.json.
 */
public final class LibraryService implements Workload {
    private static final int POOL = 16;
    // Static so that the dispatcher's signature is portable (static, primitives only): it must be rejected for its
    // fan-out, not for its signature.
    private static final byte[][] blobs = new byte[POOL][];
    private static final byte[][] pages = new byte[POOL][];
    private static final String[] texts = new String[POOL];
    private static final String[] prices = new String[POOL];
    private static final double[][] signals = new double[POOL][];
    private static final double[][] xs = new double[POOL][];
    private static final double[][] ys = new double[POOL][];

    public LibraryService(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < POOL; i++) {
            blobs[i] = Inputs.compressible(r, 6_000);
            pages[i] = Inputs.bytes(r, 32_768);
            texts[i] = Inputs.words(r, 24_000);
            prices[i] = Inputs.prices(r, 400);
            signals[i] = Inputs.doubles(r, 2_048);
            xs[i] = Inputs.doubles(r, 220);
            ys[i] = Inputs.doubles(r, 220);
        }
    }

    /** Touches each library once, as a service's warm-up would: their class loading is start-up work, not requests. */
    @Override
    public void startUp() {
        for (int kind = 0; kind < 100; kind += 4) {
            dispatch(kind, 0);
        }
    }

    @Override
    public long serve(SplittableRandom random) {
        return dispatch(random.nextInt(100), random.nextInt(POOL));
    }

    /**
     * The request dispatcher. Decoy (fan-out): each request goes to a different library, JDK intrinsic or kernel, so
     * its time spreads over a dozen callees, none above 80 %; porting it means porting the libraries.
     */
    public static long dispatch(int kind, int i) {
        if (kind < 1) {
            return Archive.compress(blobs[i]);
        } else if (kind < 9) {
            return Crypto.blake2b(pages[i]);
        } else if (kind < 15) {
            return Analytics.spectrumPeak(signals[i]);
        } else if (kind < 20) {
            return Documents.render(i, signals[i]);
        } else if (kind < 30) {
            return Codec.encodedLength(texts[i]);
        } else if (kind < 40) {
            return Integrity.sha256(pages[i]);
        } else if (kind < 50) {
            return Integrity.crc32(pages[i]);
        } else if (kind < 60) {
            return (long) Prices.parseAll(prices[i]);
        } else if (kind < 70) {
            return Buffers.interleave(pages[i], pages[(i + 1) % POOL]);
        } else if (kind < 85) {
            double[] out = new double[signals[i].length];
            return (long) Signals.smooth(signals[i], out, 24);
        }
        int[] nearest = new int[xs[i].length];
        return Routes.nearestNeighbours(xs[i], ys[i], nearest);
    }
}

package payoff.tiles;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small labelled service for Oxidizer's own checks: workers serve map-tile requests (TileRenderer.renderTile, which
 * indexes a 1024x1024 atlas by its tile arguments, 64-pixel tiles) and blob uploads (Fingerprint.of over 16-96 KB).
 * Labels: both are CPU-bound candidates on the request path; the blob sizes are 16,384-98,304 bytes; every tile call
 * has atlasWidth 1024 and tileSize 64 with tileX, tileY in 0..15.
 * Usage: TileService SECONDS THREADS SEED; prints a checksum.
 */
public final class TileService {
    static final int ATLAS = 1024;
    static final int TILE = 64;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int[] atlas = new int[ATLAS * ATLAS];
        SplittableRandom init = new SplittableRandom(seed);
        for (int i = 0; i < atlas.length; i++) {
            atlas[i] = init.nextInt();
        }
        AtomicLong sum = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            long s = seed + t;
            pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(s);
                int[] out = new int[TILE * TILE];
                long local = 0;
                while (System.nanoTime() < end) {
                    local += handle(r, atlas, out);
                }
                sum.addAndGet(local);
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        System.out.println("checksum " + Long.toHexString(sum.get()));
    }

    static long handle(SplittableRandom r, int[] atlas, int[] out) {
        if (r.nextInt(4) == 0) {
            byte[] blob = new byte[16_384 + r.nextInt(81_921)];
            r.nextBytes(blob);
            return Fingerprint.of(blob, 0x5EEDL);
        }
        int tint = 0xFF000000 | r.nextInt(0x1000000);
        return TileRenderer.renderTile(atlas, ATLAS, r.nextInt(ATLAS / TILE), r.nextInt(ATLAS / TILE), TILE, tint, out);
    }
}

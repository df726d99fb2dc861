package dev.oxidizer.demo.services;

import dev.oxidizer.demo.kernels.Bits;

/**
 * Rendezvous (highest-random-weight) hashing of request keys onto cache shards. Every request routes its
 * keys here, which makes {@link Bits#mix64(long)} the most frequently called method of the demo.
 */
public final class ShardRouter {

    /** Number of cache shards; each key is scored against every shard. */
    public static final int SHARDS = 64;

    private ShardRouter() {
    }

    /**
     * Picks the shard with the highest {@code mix64(key ^ shardSalt(s))} for {@code key} (lowest index on
     * ties).
     *
     * @param key any key
     * @return a shard index in {@code [0, SHARDS)}
     */
    public static int shardOf(long key) {
        int best = 0;
        long bestWeight = Long.MIN_VALUE;
        for (int s = 0; s < SHARDS; s++) {
            long weight = Bits.mix64(key ^ (0x9E3779B97F4A7C15L * (s + 1)));
            if (weight > bestWeight) {
                bestWeight = weight;
                best = s;
            }
        }
        return best;
    }
}

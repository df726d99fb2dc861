package dev.oxidizer.demo.server;

import dev.oxidizer.demo.services.Order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated client population: a deterministic stream of requests drawn from a seed. Request
 * {@code i} of the stream depends only on the seed and {@code i}, so the first K requests are the same in
 * every run with the same seed. Not thread-safe: one generator thread owns it.
 *
 * <p>Mix, per 1000 requests: 300 search, 180 metrics, 200 upload, 100 thumbnail, 150 checkout, 40 stock,
 * 30 payment. Re-plan requests are not part of the stream; see {@link #replan(int)}.
 */
public final class RequestGenerator {

    private static final String[] WORDS = {
        "select", "order_id", "customer", "status", "from", "orders", "where", "and", "or", "in", "like",
        "shipped", "créé", "total", "limit", "group", "by", "region", "amount", "between", "not", "null",
        "ts.created", "ts.updated", "sku", "warehouse", "Zürich", "東京", "priority", "coupon",
    };
    private static final String[] OPERATORS = {"=", "<=", ">=", "<>", "!=", "(", ")", ",", "||", "*", "+"};

    /** Uploads are slices of this much pseudo-random content (copying is cheaper than generating). */
    private static final int CORPUS_BYTES = 1 << 20;

    /** Distinct search queries; clients repeat queries, and building text is costlier than serving it. */
    private static final int QUERY_POOL = 512;

    private final long seed;
    private final SplittableRandom random;
    private final byte[] corpus = new byte[CORPUS_BYTES];
    private final String[] queries = new String[QUERY_POOL];
    private long nextId;

    /** A generator of the stream for {@code seed}, positioned at request 0. */
    public RequestGenerator(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        SplittableRandom fill = new SplittableRandom(seed ^ 0x7F4A7C15L);
        for (int i = 0; i < corpus.length; i += 8) {
            long r = fill.nextLong();
            for (int k = 0; k < 8; k++) {
                corpus[i + k] = (byte) (r >>> (8 * k));
            }
        }
        SplittableRandom text = new SplittableRandom(seed ^ 0x3C6EF372L);
        for (int i = 0; i < queries.length; i++) {
            queries[i] = query(text);
        }
    }

    /** The next request of the stream; ids count from 0. */
    public Request next() {
        long id = nextId++;
        long key = random.nextLong();
        int pick = random.nextInt(1000);
        if (pick < 300) {
            return new Request.Search(id, key, queries[random.nextInt(QUERY_POOL)]);
        } else if (pick < 480) {
            return new Request.Metrics(id, key, samples());
        } else if (pick < 680) {
            return new Request.Upload(id, key, payload());
        } else if (pick < 780) {
            int side = 40 + random.nextInt(41);
            return new Request.Thumbnail(id, key, image(side * side), side, side);
        } else if (pick < 930) {
            return new Request.Checkout(id, key, orders());
        } else if (pick < 970) {
            return new Request.Stock(id, key, "SKU-" + random.nextInt(100_000));
        } else {
            return new Request.Payment(id, key, "ACC-" + random.nextInt(10_000), 100 + random.nextInt(500_000));
        }
    }

    /**
     * The {@code index}-th re-plan request: 1200 delivery stops in a 100 km square, a fixed function of the
     * seed and {@code index} (independent of the stream position).
     */
    public Request replan(int index) {
        SplittableRandom r = new SplittableRandom(seed * 31 + index);
        double[] xs = new double[1_200];
        double[] ys = new double[1_200];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.nextDouble(100.0);
            ys[i] = r.nextDouble(100.0);
        }
        return new Request.Replan(Request.UNSEQUENCED, r.nextLong(), xs, ys);
    }

    private static String query(SplittableRandom random) {
        int target = 1_500 + random.nextInt(2_500);
        StringBuilder sb = new StringBuilder(target + 64);
        while (sb.length() < target) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                sb.append(WORDS[random.nextInt(WORDS.length)]);
            } else if (kind < 8) {
                sb.append(OPERATORS[random.nextInt(OPERATORS.length)]);
            } else if (kind < 9) {
                sb.append(random.nextInt(1_000_000));
            } else {
                sb.append('\'').append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "''s" : "").append('\'');
            }
            sb.append(random.nextInt(4) == 0 ? "\n  " : " ");
        }
        return sb.toString();
    }

    private double[] samples() {
        double[] v = new double[500 + random.nextInt(1_500)];
        for (int i = 0; i < v.length; i++) {
            // log-normal-ish latencies with rare gaps (NaN) where a sample was lost
            v[i] = random.nextInt(200) == 0 ? Double.NaN : Math.exp(random.nextDouble() * 4.0) + random.nextDouble();
        }
        return v;
    }

    private byte[] payload() {
        int length = 16_384 + random.nextInt(81_920);
        int from = random.nextInt(CORPUS_BYTES - length + 1);
        return Arrays.copyOfRange(corpus, from, from + length);
    }

    private int[] image(int pixels) {
        int[] p = new int[pixels];
        int base = random.nextInt();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0xFF000000 | ((base + i * 0x010203) & 0x00FFFFFF) ^ (random.nextInt() & 0x000F0F0F);
        }
        return p;
    }

    private List<Order> orders() {
        int count = 30 + random.nextInt(61);
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lineCount = 1 + random.nextInt(4);
            List<Order.LineItem> lines = new ArrayList<>(lineCount);
            for (int l = 0; l < lineCount; l++) {
                lines.add(new Order.LineItem("SKU-" + random.nextInt(5_000), 1 + random.nextInt(5), 99 + random.nextInt(20_000)));
            }
            orders.add(new Order("C" + random.nextInt(40), lines));
        }
        return orders;
    }
}

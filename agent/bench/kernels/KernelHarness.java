import dev.oxidizer.demo.kernels.PayloadHash;
import dev.oxidizer.demo.kernels.QueryTokenizer;
import java.util.Random;

/**
 * One demo kernel timed in a loop in this JVM (agent/bench/kernel-overhead.sh runs it plain and under the agent, one
 * JVM each): best of 15 rounds of 0.2 s after 10 rounds of warm-up; prints "KERNEL NS_PER_CALL". Not a test.
 */
public class KernelHarness {
    static long sink;
    static double run(String which, byte[] data, String q, int[] offs) {
        long t0 = System.nanoTime();
        int n = 0;
        if (which.equals("xxh64")) {
            while (System.nanoTime() - t0 < 200_000_000L) { sink += hashMany(data); n += 100; }
        } else {
            while (System.nanoTime() - t0 < 200_000_000L) { sink += tokMany(q, offs); n += 100; }
        }
        return (System.nanoTime() - t0) / (double) n;
    }
    static long hashMany(byte[] data) { long s = 0; for (int k = 0; k < 100; k++) s += PayloadHash.xxh64(data, k); return s; }
    static long tokMany(String q, int[] offs) { long s = 0; for (int k = 0; k < 100; k++) s += QueryTokenizer.tokenize(q, offs); return s; }
    public static void main(String[] a) {
        byte[] data = new byte[4096];
        new Random(1).nextBytes(data);
        StringBuilder sb = new StringBuilder();
        Random r = new Random(2);
        while (sb.length() < 400) { sb.append("word").append(r.nextInt(1000)).append(r.nextBoolean() ? " AND " : ", "); }
        String q = sb.toString();
        int[] offs = new int[256];
        double best = 1e9;
        for (int round = 0; round < 25; round++) {
            double x = run(a[0], data, q, offs);
            if (round >= 10) best = Math.min(best, x);
        }
        System.out.printf("%s %.1f%n", a[0], best);
    }
}

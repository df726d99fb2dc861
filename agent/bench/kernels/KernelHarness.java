import dev.oxidizer.demo.kernels.ImageFilter;
import dev.oxidizer.demo.kernels.PayloadHash;
import dev.oxidizer.demo.kernels.QueryTokenizer;
import dev.oxidizer.demo.kernels.Stats;
import java.util.Random;

/**
 * One demo kernel timed in a loop in this JVM (agent/bench/kernel-overhead.sh runs it plain and under the agent, one
 * JVM each): best of 15 rounds of 0.2 s after 10 rounds of warm-up; prints "KERNEL NS_PER_CALL". Not a test.
 */
public class KernelHarness {
    static long sink;
    static double run(String which, byte[] data, String q, int[] offs, int[] pixels, double[] samples) {
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < 200_000_000L) {
            sink += switch (which) {
                case "xxh64" -> hashMany(data);
                case "tokenize" -> tokMany(q, offs);
                case "blur" -> blurMany(pixels);
                case "summarize" -> summarizeMany(samples);
                default -> throw new IllegalArgumentException("kernel: xxh64, tokenize, blur or summarize, not " + which);
            };
            n += 100;
        }
        return (System.nanoTime() - t0) / (double) n;
    }
    static long hashMany(byte[] data) { long s = 0; for (int k = 0; k < 100; k++) s += PayloadHash.xxh64(data, k); return s; }
    static long tokMany(String q, int[] offs) { long s = 0; for (int k = 0; k < 100; k++) s += QueryTokenizer.tokenize(q, offs); return s; }
    /** A 60 x 60 thumbnail, the middle of the demo's 40-80 pixel sides. */
    static long blurMany(int[] pixels) {
        long s = 0;
        int[] dst = new int[pixels.length];
        for (int k = 0; k < 100; k++) { ImageFilter.boxBlur3x3(pixels, dst, 60, 60); s += dst[k]; }
        return s;
    }
    /** 1,000 samples, the middle of the demo's 500-2,000. */
    static long summarizeMany(double[] samples) {
        long s = 0;
        double[] out = new double[Stats.OUT_LENGTH];
        for (int k = 0; k < 100; k++) { s += Stats.summarize(samples, out); }
        return s;
    }
    public static void main(String[] a) {
        byte[] data = new byte[4096];
        new Random(1).nextBytes(data);
        StringBuilder sb = new StringBuilder();
        Random r = new Random(2);
        while (sb.length() < 400) { sb.append("word").append(r.nextInt(1000)).append(r.nextBoolean() ? " AND " : ", "); }
        String q = sb.toString();
        int[] offs = new int[256];
        int[] pixels = new int[60 * 60];
        for (int i = 0; i < pixels.length; i++) { pixels[i] = r.nextInt(); }
        double[] samples = new double[1_000];
        for (int i = 0; i < samples.length; i++) { samples[i] = r.nextGaussian() * 100 + 500; }
        double best = 1e9;
        for (int round = 0; round < 25; round++) {
            double x = run(a[0], data, q, offs, pixels, samples);
            if (round >= 10) best = Math.min(best, x);
        }
        System.out.printf("%s %.1f%n", a[0], best);
    }
}

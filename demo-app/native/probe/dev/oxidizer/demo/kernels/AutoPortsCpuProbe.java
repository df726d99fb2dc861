package dev.oxidizer.demo.kernels;

import dev.oxidizer.demo.server.Request;
import dev.oxidizer.demo.server.RequestGenerator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * CPU time per call of the demo's four kernels three ways, on the demo's own inputs (the first 64 requests of each
 * kind for seed 42), in interleaved rounds in one JVM: the Java original, the hand-written Rust port
 * ({@code demo-app/native/<crate>}) and the auto-port ({@code oxidizer generate --auto}, classes {@code *AutoRust}).
 * Thread CPU time, as {@link PortsCpuProbe} explains. Prints one tab-separated line per kernel:
 * {@code name, java ns, hand ns, auto ns, auto/hand speed ratio spread (min..max over rounds)}.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp ... dev.oxidizer.demo.kernels.AutoPortsCpuProbe [rounds] [callsPerRound]}
 */
public final class AutoPortsCpuProbe {
    private static final int POOL = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private AutoPortsCpuProbe() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<String> queries = new ArrayList<>();
        List<double[]> windows = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        List<Request.Thumbnail> images = new ArrayList<>();
        RequestGenerator generator = new RequestGenerator(42);
        while (queries.size() < POOL || windows.size() < POOL || payloads.size() < POOL || images.size() < POOL) {
            switch (generator.next()) {
                case Request.Search s when queries.size() < POOL -> queries.add(s.query());
                case Request.Metrics m when windows.size() < POOL -> windows.add(m.samples());
                case Request.Upload u when payloads.size() < POOL -> payloads.add(u.payload());
                case Request.Thumbnail t when images.size() < POOL -> images.add(t);
                default -> { }
            }
        }
        int[] offsets = new int[256];
        double[] out = new double[Stats.OUT_LENGTH];
        int[][] blurred = images.stream().map(t -> new int[t.pixels().length]).toArray(int[][]::new);

        row("query_tokenizer_tokenize", rounds, calls,
                k -> QueryTokenizer.tokenize(queries.get(k), offsets),
                k -> QueryTokenizerTokenizeRust.tokenize(queries.get(k), offsets),
                k -> QueryTokenizerTokenizeAutoRust.tokenize(queries.get(k), offsets));
        row("stats_summarize", rounds, calls,
                k -> Stats.summarize(windows.get(k), out),
                k -> StatsSummarizeRust.summarize(windows.get(k), out),
                k -> StatsSummarizeAutoRust.summarize(windows.get(k), out));
        row("payload_hash_xxh64", rounds, calls,
                k -> PayloadHash.xxh64(payloads.get(k), 0x0DDBA11L),
                k -> PayloadHashXxh64Rust.xxh64(payloads.get(k), 0x0DDBA11L),
                k -> PayloadHashXxh64AutoRust.xxh64(payloads.get(k), 0x0DDBA11L));
        row("image_filter_box_blur3x3", rounds, calls,
                k -> {
                    Request.Thumbnail t = images.get(k);
                    ImageFilter.boxBlur3x3(t.pixels(), blurred[k], t.width(), t.height());
                    return blurred[k][k];
                },
                k -> {
                    Request.Thumbnail t = images.get(k);
                    ImageFilterBoxBlur3x3Rust.boxBlur3x3(t.pixels(), blurred[k], t.width(), t.height());
                    return blurred[k][k];
                },
                k -> {
                    Request.Thumbnail t = images.get(k);
                    ImageFilterBoxBlur3x3AutoRust.boxBlur3x3(t.pixels(), blurred[k], t.width(), t.height());
                    return blurred[k][k];
                });
        System.err.println("checksum " + Long.toHexString(sink));
    }

    private static void row(String name, int rounds, int calls, IntToLongFunction java, IntToLongFunction hand, IntToLongFunction auto) {
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            batch(java, calls / 4);
            batch(hand, calls / 4);
            batch(auto, calls / 4);
        }
        double[] j = new double[rounds];
        double[] h = new double[rounds];
        double[] a = new double[rounds];
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            j[i] = batch(java, calls);
            h[i] = batch(hand, calls);
            a[i] = batch(auto, calls);
            ratio[i] = h[i] / a[i];
        }
        Arrays.sort(ratio);
        System.out.println(name + "\t" + median(j) + "\t" + median(h) + "\t" + median(a) + "\t" + String.format(java.util.Locale.ROOT, "%.2f..%.2f", ratio[0], ratio[rounds - 1]));
    }

    private static double batch(IntToLongFunction f, int calls) {
        long s = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            s += f.applyAsLong(i & (POOL - 1));
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        sink += s;
        return (double) cpu / calls;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}

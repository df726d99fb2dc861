package dev.oxidizer.demo.kernels;

import dev.oxidizer.demo.server.Request;
import dev.oxidizer.demo.server.RequestGenerator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * CPU time per call, Java original against the Rust port through its generated wrapper, on the demo's
 * own inputs (the first 64 requests of each kind for seed 42), measured in interleaved rounds in one JVM.
 *
 * <p>Why beside JMH: JMH reports wall time, which on a machine shared with other builds includes the time
 * the thread waited for a CPU. Thread CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) leaves
 * most of that out, so the ratio is steadier; it is not a replacement for JMH's methodology (no forks, no
 * blackholes: results are folded into a checksum that is printed). Prints one tab-separated line per row:
 * {@code name, java ns/call, rust ns/call} (median of the rounds).
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp ... dev.oxidizer.demo.kernels.PortsCpuProbe [rounds] [callsPerRound]}
 */
public final class PortsCpuProbe {
    private static final int POOL = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private PortsCpuProbe() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
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
                k -> QueryTokenizerTokenizeRust.tokenize(queries.get(k), offsets));
        // What the tokenizer's wrapper spends before Rust runs: the String's UTF-8 copy.
        row("  (String.getBytes(UTF_8) alone)", rounds, calls,
                k -> queries.get(k).getBytes(StandardCharsets.UTF_8).length,
                k -> queries.get(k).getBytes(StandardCharsets.UTF_8).length);
        row("stats_summarize", rounds, calls,
                k -> Stats.summarize(windows.get(k), out),
                k -> StatsSummarizeRust.summarize(windows.get(k), out));
        row("payload_hash_xxh64", rounds, calls,
                k -> PayloadHash.xxh64(payloads.get(k), 0x0DDBA11L),
                k -> PayloadHashXxh64Rust.xxh64(payloads.get(k), 0x0DDBA11L));
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
                });
        System.err.println("checksum " + Long.toHexString(sink));
    }

    /** Warms both up, then alternates Java and Rust rounds; prints the median CPU ns per call of each. */
    private static void row(String name, int rounds, int calls, IntToLongFunction java, IntToLongFunction rust) {
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            batch(java, calls / 4);
            batch(rust, calls / 4);
        }
        double[] j = new double[rounds];
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            j[i] = batch(java, calls);
            r[i] = batch(rust, calls);
        }
        System.out.println(name + "\t" + median(j) + "\t" + median(r));
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

package dev.oxidizer.demo.bench;

import dev.oxidizer.demo.backend.InventoryBackend;
import dev.oxidizer.demo.batch.LedgerCompactor;
import dev.oxidizer.demo.kernels.Bits;
import dev.oxidizer.demo.kernels.ImageFilter;
import dev.oxidizer.demo.kernels.PayloadHash;
import dev.oxidizer.demo.kernels.QueryTokenizer;
import dev.oxidizer.demo.kernels.RoutePlanner;
import dev.oxidizer.demo.kernels.Stats;
import dev.oxidizer.demo.server.Request;
import dev.oxidizer.demo.server.RequestGenerator;
import dev.oxidizer.demo.services.AuditLedger;
import dev.oxidizer.demo.services.InventoryClient;
import dev.oxidizer.demo.services.OrderAggregator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;

/**
 * Measures, for every labelled method, the mean wall time and the mean CPU time of one call on the demo's
 * own inputs (from {@link RequestGenerator} with seed 42), after a JIT warm-up. Not a test: a tool whose
 * numbers are quoted in docs/demo.md. Run after {@code ./maven -pl demo-app test-compile}:
 * <pre>
 * java -cp demo-app/target/classes:demo-app/target/test-classes dev.oxidizer.demo.bench.CallCostProbe
 * </pre>
 * CPU time comes from {@link ThreadMXBean#getCurrentThreadCpuTime()} (summed over the calling threads for
 * the contended ledger), so "CPU / wall" is the CPU-bound ratio the analyzer's rule estimates.
 */
public final class CallCostProbe {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private CallCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        RequestGenerator g = new RequestGenerator(42);
        List<Request> pool = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            pool.add(g.next());
        }
        List<String> queries = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        List<Request.Thumbnail> images = new ArrayList<>();
        List<Request.Checkout> checkouts = new ArrayList<>();
        for (Request r : pool) {
            switch (r) {
                case Request.Search s -> queries.add(s.query());
                case Request.Metrics m -> samples.add(m.samples());
                case Request.Upload u -> payloads.add(u.payload());
                case Request.Thumbnail t -> images.add(t);
                case Request.Checkout c -> checkouts.add(c);
                default -> { }
            }
        }
        System.out.println("method                                  calls   wall/call    cpu/call  cpu/wall");
        int[] offsets = new int[256];
        measure("QueryTokenizer.tokenize", 20_000, i -> QueryTokenizer.tokenize(queries.get(i % queries.size()), offsets));
        double[] out = new double[Stats.OUT_LENGTH];
        measure("Stats.summarize", 5_000, i -> Stats.summarize(samples.get(i % samples.size()), out));
        measure("PayloadHash.xxh64", 50_000, i -> PayloadHash.xxh64(payloads.get(i % payloads.size()), 1));
        measure("ImageFilter.boxBlur3x3", 5_000, i -> {
            Request.Thumbnail t = images.get(i % images.size());
            int[] dst = new int[t.pixels().length];
            ImageFilter.boxBlur3x3(t.pixels(), dst, t.width(), t.height());
            return dst[0];
        });
        measure("OrderAggregator.totalsByCustomer", 10_000, i -> OrderAggregator.totalsByCustomer(checkouts.get(i % checkouts.size()).orders()).size());
        measure("Bits.mix64 (via lambda)", 50_000_000, i -> Bits.mix64(i));
        measureMix64Direct();
        measure("RoutePlanner.planTour", 10, i -> {
            Request.Replan r = (Request.Replan) g.replan(i);
            return Double.doubleToLongBits(RoutePlanner.planTour(r.xs(), r.ys()));
        });
        SplittableRandom random = new SplittableRandom(7);
        long[] ids = new long[50_000];
        measure("LedgerCompactor.compact", 300, i -> {
            for (int k = 0; k < ids.length; k++) {
                ids[k] = random.nextLong(350_000);
            }
            return LedgerCompactor.compact(ids);
        });
        try (InventoryBackend backend = InventoryBackend.start(3_000_000)) {
            InventoryClient.connect(backend.port());
            measure("InventoryClient.fetchStock", 300, i -> InventoryClient.fetchStock("SKU-" + i));
            InventoryClient.closeAll();
        }
        measureContended("AuditLedger.append (4 threads)", 4, 100, i -> AuditLedger.append("ACC-" + i, i));
    }

    /** A direct dependent chain, so the figure is the method's own latency without the lambda call. */
    private static void measureMix64Direct() {
        long x = 1;
        for (int i = 0; i < 50_000_000; i++) {
            x = Bits.mix64(x + i);
        }
        int calls = 200_000_000;
        long cpu0 = MX.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            x = Bits.mix64(x + i);
        }
        long wall = System.nanoTime() - t0;
        long cpu = MX.getCurrentThreadCpuTime() - cpu0;
        sink += x;
        print("Bits.mix64 (direct chain)", calls, wall, cpu);
    }

    private static void measure(String name, int calls, IntToLongFunction call) {
        for (int i = 0; i < Math.min(calls, 20_000); i++) {
            sink += call.applyAsLong(i);
        }
        long cpu0 = MX.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += call.applyAsLong(i);
        }
        long wall = System.nanoTime() - t0;
        long cpu = MX.getCurrentThreadCpuTime() - cpu0;
        print(name, calls, wall, cpu);
    }

    private static void measureContended(String name, int threads, int callsPerThread, IntToLongFunction call) throws InterruptedException {
        AtomicLong wall = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * callsPerThread;
            ts.add(Thread.ofPlatform().start(() -> {
                long c0 = MX.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < callsPerThread; i++) {
                    sink += call.applyAsLong(offset + i);
                }
                wall.addAndGet(System.nanoTime() - t0);
                cpu.addAndGet(MX.getCurrentThreadCpuTime() - c0);
            }));
        }
        for (Thread t : ts) {
            t.join();
        }
        print(name, threads * callsPerThread, wall.get(), cpu.get());
    }

    private static void print(String name, int calls, long wallNanos, long cpuNanos) {
        System.out.printf(Locale.ROOT, "%-36s %9d %11s %11s %9.2f%n", name, calls,
                human((double) wallNanos / calls), human((double) cpuNanos / calls), (double) cpuNanos / wallNanos);
    }

    private static String human(double nanos) {
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.1f ns", nanos);
        } else if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}

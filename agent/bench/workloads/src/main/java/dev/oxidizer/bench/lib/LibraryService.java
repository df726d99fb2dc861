package dev.oxidizer.bench.lib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A request handler whose hot code lives in popular libraries, with their packages instrumented: each request
 * builds an order, writes and reads it as JSON (Jackson), computes statistics and solves a small linear system
 * (commons-math3), compresses the JSON (commons-compress BZip2, and XZ every 8th request), and hashes and encrypts
 * it (BouncyCastle's pure-Java SHA-256 and AES-CBC). Deterministic: the checksum depends only on the arguments.
 *
 * <p>Arguments: threads, requests per thread. Prints the checksum on stdout; on stderr the whole run's and the steady
 * state's (second half of each thread's requests) requests/s and process CPU per request, and the steady window as
 * epoch milliseconds (for the reported overhead of that window).
 */
public final class LibraryService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = new byte[16];
    private static final byte[] IV = new byte[16];

    private static volatile boolean steady;

    private LibraryService() {}

    static long handle(int request) throws IOException {
        SplittableRandom r = new SplittableRandom(request);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", request);
        order.put("customer", "customer-" + r.nextInt(1000));
        List<Map<String, Object>> lines = new ArrayList<>();
        double[] prices = new double[24];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = Math.round(r.nextDouble(1, 500) * 100) / 100.0;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", "SKU-" + r.nextInt(100_000));
            line.put("price", prices[i]);
            line.put("qty", 1 + r.nextInt(9));
            lines.add(line);
        }
        order.put("lines", lines);
        byte[] json = JSON.writeValueAsBytes(order);
        JsonNode back = JSON.readTree(json);
        long sum = back.get("lines").size();

        DescriptiveStatistics stats = new DescriptiveStatistics(prices);
        sum += Math.round(stats.getPercentile(50) * 100) + Math.round(stats.getStandardDeviation() * 100);
        double[][] m = new double[8][8];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                m[i][j] = i == j ? 10 + prices[i] : prices[(i + j) % prices.length] / 100;
            }
        }
        RealMatrix a = new Array2DRowRealMatrix(m, false);
        double[] x = new LUDecomposition(a).getSolver().solve(new ArrayRealVector(prices, 0, 8)).toArray();
        sum += Math.round(x[0] * 1e6);

        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bz, 1)) {
            for (int k = 0; k < 3; k++) {
                out.write(json);
            }
        }
        byte[] compressed = bz.toByteArray();
        sum += compressed.length;
        if (request % 8 == 0) {
            ByteArrayOutputStream xz = new ByteArrayOutputStream();
            try (XZOutputStream out = new XZOutputStream(xz, new LZMA2Options(1))) {
                out.write(json);
            }
            sum += xz.size();
        }

        SHA256Digest sha = new SHA256Digest();
        sha.update(json, 0, json.length);
        byte[] digest = new byte[32];
        sha.doFinal(digest, 0);
        sum += digest[0] & 0xFF;
        CBCBlockCipher aes = (CBCBlockCipher) CBCBlockCipher.newInstance(AESEngine.newInstance());
        aes.init(true, new ParametersWithIV(new KeyParameter(KEY), IV));
        byte[] block = new byte[16];
        int blocks = json.length / 16;
        for (int b = 0; b < blocks; b++) {
            aes.processBlock(json, b * 16, block, 0);
        }
        sum += block[3] & 0xFF;
        return sum;
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int perThread = Integer.parseInt(args[1]);
        com.sun.management.OperatingSystemMXBean os =
                ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        long[] sums = new long[threads];
        java.util.concurrent.atomic.LongAdder steadyDone = new java.util.concurrent.atomic.LongAdder();
        Thread[] workers = new Thread[threads];
        java.util.concurrent.CountDownLatch half = new java.util.concurrent.CountDownLatch(threads);
        long t0 = System.nanoTime();
        long cpu0 = os.getProcessCpuTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                long s = 0;
                try {
                    for (int i = 0; i < perThread; i++) {
                        if (i == perThread / 2) {
                            half.countDown();
                        }
                        s += handle(id * perThread + i);
                        if (steady) {
                            steadyDone.increment();
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                sums[id] = s;
            }, "worker-" + t);
            workers[t].start();
        }
        half.await();
        long steadyStart = System.nanoTime();
        steady = true;
        long steadyStartMs = System.currentTimeMillis();
        long steadyCpu = os.getProcessCpuTime();
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long steadyJitMs = jit.getTotalCompilationTime();
        for (Thread w : workers) {
            w.join();
        }
        long end = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        System.out.println("checksum " + total);
        long requests = (long) threads * perThread;
        // the steady window runs from the moment every thread passed its half to the end
        long steadyRequests = steadyDone.sum();
        System.err.printf("whole: %.1f requests/s, %.1f us of process CPU per request%n",
                requests / ((end - t0) / 1e9), (cpu1 - cpu0) / 1e3 / requests);
        // since the JVM started, the agent's start-up included: the span an agent's recording covers
        System.err.printf("lifetime: %.1f us of process CPU per request%n", cpu1 / 1e3 / requests);
        System.err.printf("steady: %.1f requests/s, %.1f us of process CPU per request, window %d %d ms, cpu %d ns, "
                        + "JIT compiling %d ms%n",
                steadyRequests / ((end - steadyStart) / 1e9), (cpu1 - steadyCpu) / 1e3 / steadyRequests,
                steadyStartMs, System.currentTimeMillis(), cpu1 - steadyCpu,
                jit.getTotalCompilationTime() - steadyJitMs);
    }
}

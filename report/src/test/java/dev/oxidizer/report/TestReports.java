package dev.oxidizer.report;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.MethodReport.CallTree;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic report models for the tests: a service with several ranked candidates (real HdrHistograms of
 * log-normal latencies, call trees, findings for all six rules with their numbers, one measured port) and
 * methods rejected by each rule. Deterministic (seeded).
 */
final class TestReports {
    static final double WINDOW_S = 600;

    private TestReports() {}

    /** A compressed, base64 HdrHistogram (ns, 3 digits) of {@code n} log-normal latencies around {@code medianNs}. */
    static String histogram(long seed, int n, double medianNs, double sigma) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.max(1, (long) (medianNs * Math.exp(sigma * r.nextGaussian()))));
        }
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[len];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static MethodReport.Latency latency(long seed, long calls, double medianNs, double sigma) {
        String b64 = histogram(seed, (int) Math.min(calls, 50_000), medianNs, sigma);
        Histogram h = LatencyChart.decode(b64);
        return new MethodReport.Latency(h.getTotalCount(), "all", h.getMean(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                h.getMean() * calls, b64);
    }

    /** The report of a small pricing service: 5 candidates (ranks 1-5, in shuffled file order) and 5 rejected. */
    static Report service() {
        List<MethodReport> methods = new ArrayList<>();
        methods.add(candidate(2, "com.acme.pricing.RiskModel", "valueAtRisk", "([DI)D", "static double valueAtRisk(double[], int)",
                "fn value_at_risk(returns: &[f64], horizon: i32) -> f64", 1_900_000, 41_000, 0.6, 0.91, 2, 2.6));
        methods.add(candidate(1, "com.acme.pricing.Curves", "interpolate", "([D[DD)D", "static double interpolate(double[], double[], double)",
                "fn interpolate(xs: &[f64], ys: &[f64], x: f64) -> f64", 52_000_000, 6_200, 0.35, 0.97, 1, 1.8));
        methods.add(candidate(4, "com.acme.text.Tokenizer", "split", "(Ljava/lang/String;)[I", "static int[] split(String)",
                "fn split(text: &str) -> Vec<i32>", 8_400_000, 2_900, 0.5, 0.83, 4, null));
        methods.add(candidate(3, "com.acme.imaging.Thumbnailer", "downscale", "([BII)[B", "byte[] downscale(byte[], int, int)",
                "fn downscale(pixels: &[u8], width: i32, height: i32) -> Vec<u8>", 140_000, 380_000, 0.8, 0.88, 3, null));
        methods.add(candidate(5, "com.acme.pricing.Stats", "summarize", "([D)D", "static double summarize(double[])",
                "fn summarize(values: &[f64]) -> f64", 3_100_000, 800, 0.3, 0.76, 5, null));
        methods.add(rejected("com.acme.db.OrderDao", "findOpen", "(J)Ljava/util/List;", "List findOpen(long)",
                "cpu-bound", 2_000_000, 950_000, Map.of("cpuBoundRatio", 0.08, "threshold", 0.7, "waitNs", 1.7e12)));
        methods.add(rejected("com.acme.pricing.Money", "add", "(JJ)J", "static long add(long, long)",
                "granularity", 400_000_000, 18, Map.of("meanNs", 18.0, "ffmCallNs", 7.5, "shareOfMean", 0.42, "threshold", 0.1)));
        methods.add(rejected("com.acme.admin.Reports", "monthly", "()V", "void monthly()",
                "calls-per-day", 24, 2_400_000_000.0, Map.of("perDay", 24.0, "threshold", 10_000.0)));
        methods.add(rejected("com.acme.pricing.Quote", "toJson", "(Lcom/acme/pricing/Quote;)Ljava/lang/String;",
                "String toJson(Quote)", "portable-signature", 3_000_000, 4_000, Map.of("problems", 1.0)));
        methods.add(rejected("com.acme.batch.Nightly", "reindex", "([I)V", "static void reindex(int[])",
                "latency-path", 90_000, 120_000, Map.of("share", 0.0)));
        return report("com.acme.pricing.PricingServer", methods);
    }

    static Report report(String application, List<MethodReport> methods) {
        Map<String, Report.Threshold> thresholds = new LinkedHashMap<>();
        thresholds.put("calls-per-day.min", new Report.Threshold(10_000, 10_000, "calls/day", "Fewest projected calls per day worth a port."));
        thresholds.put("cpu-bound.minRatio", new Report.Threshold(0.7, 0.7, "ratio", "Least on-CPU share of wall time."));
        thresholds.put("granularity.maxFfmShare", new Report.Threshold(0.05, 0.1, "ratio", "Largest FFM call cost as a share of the mean call."));
        thresholds.put("latency-path.minShare", new Report.Threshold(0.5, 0.5, "ratio", "Least share of samples under an entry point."));
        return new Report(Report.SCHEMA, Report.SCHEMA_VERSION, "2026-11-22T14:00:00Z", "0.1.0-test", application,
                "agent", new Report.Window("2026-11-22T13:50:00Z", "2026-11-22T14:00:00Z", WINDOW_S, 2),
                List.of(new Report.Recording("run-a.jfr", "4242@web-1 2026-11-22T13:49:58Z", 3, false, null),
                        new Report.Recording("run-b.jfr", "977@web-2 2026-11-22T13:50:01Z", 2, true,
                                "truncated chunk at byte 1048576 of run-b.jfr; 2 of 3 chunks read")),
                thresholds, new Report.Assumptions(2.0, 7.5, true),
                new Report.AgentOverhead(2.1, 31.0, 4.2, 0.0035),
                List.of("run-b.jfr: truncated chunk at byte 1048576; the readable chunks were analysed"), methods);
    }

    static MethodReport candidate(int rank, String cls, String name, String desc, String sig, String rust,
                                  double perDay, double medianNs, double sigma, double cpuRatio, long seed, Double speedup) {
        long observed = (long) (perDay * WINDOW_S / 86_400);
        MethodReport.Latency lat = latency(seed, observed, medianNs, sigma);
        double cpuNs = lat.totalNs() * cpuRatio;
        MethodReport.Cpu cpu = new MethodReport.Cpu((long) (cpuNs / 20e6 * 0.6), (long) (cpuNs / 20e6), cpuNs, cpuRatio,
                3, 1, 0, lat.totalNs() * (1 - cpuRatio) * 0.4);
        double score = cpuNs / 1e9 * 86_400 / WINDOW_S * 0.5;
        String key = cls + "#" + name + desc;
        List<Finding> findings = List.of(
                finding("calls-per-day", "Called often enough", Outcome.PASS, 95, Formats.count(perDay) + " calls/day",
                        Map.of("observed", (double) observed, "perDay", perDay, "threshold", 10_000.0)),
                finding("latency-path", "On a user-latency path", Outcome.PASS, 90, "under RequestHandler.handle",
                        Map.of("share", 0.96)),
                finding("cpu-bound", "CPU-bound", Outcome.PASS, (int) (cpuRatio * 100), Formats.percent(cpuRatio) + " on CPU",
                        Map.of("cpuBoundRatio", cpuRatio, "threshold", 0.7)),
                finding("granularity", "Coarse enough for FFM", Outcome.PASS, 88, "FFM call is " + Formats.percent(7.5 / lat.meanNs()) + " of the mean",
                        Map.of("meanNs", lat.meanNs(), "ffmCallNs", 7.5, "shareOfMean", 7.5 / lat.meanNs())),
                finding("portable-signature", "Portable signature", Outcome.PASS, 100, "maps to Rust", Map.of()),
                finding("parallelism", "Parallelism hint", Outcome.INFO, 40, "runs on 3 threads", Map.of("threads", 3.0)));
        CallTree tree = new CallTree(cls + "." + name, 400, List.of(
                new CallTree(cls + ".inner", 240, List.of(
                        new CallTree("java.util.Arrays.sort", 150, List.of(
                                new CallTree("java.util.DualPivotQuicksort.sort", 140, List.of()))),
                        new CallTree("java.lang.Math.exp", 60, List.of()))),
                new CallTree(cls + ".prepare", 110, List.of(new CallTree("java.util.Arrays.copyOf", 70, List.of()))),
                new CallTree("java.lang.StrictMath.log", 30, List.of())));
        MethodReport.PortResult port = speedup == null ? null : new MethodReport.PortResult("ports/" + name, true,
                lat.meanNs(), lat.meanNs() / speedup, speedup, "2026-11-22T14:20:00Z", "JMH 1.37, 2 forks, 5x1 s");
        return new MethodReport(key, cls, name, desc, sig, true,
                new MethodReport.Calls(observed, observed / 5000, perDay, "agent", 3), lat, cpu,
                new MethodReport.Allocation(1.2e6, 48.0, List.of("double[]")),
                new MethodReport.LatencyPath(true, "dev.acme.RequestHandler.handle", 0.96),
                new MethodReport.Portability(true, rust, List.of()), findings, Verdict.CANDIDATE, null, rank, score,
                rank <= 2 ? MethodReport.Confidence.HIGH : MethodReport.Confidence.MEDIUM,
                new MethodReport.Suggestion("native", null, "short CPU-bound call on the request path"), tree, port);
    }

    static MethodReport rejected(String cls, String name, String desc, String sig, String rule, double perDay,
                                 double meanNs, Map<String, Double> numbers) {
        long observed = (long) (perDay * WINDOW_S / 86_400);
        List<Finding> findings = new ArrayList<>();
        for (String id : List.of("calls-per-day", "latency-path", "cpu-bound", "granularity", "portable-signature")) {
            boolean failing = id.equals(rule);
            findings.add(finding(id, id.replace('-', ' '), failing ? Outcome.FAIL : Outcome.PASS, failing ? 12 : 80,
                    failing ? "fails " + id + " (" + numbers.keySet().stream().sorted().findFirst().orElse("") + ")" : "passes",
                    failing ? numbers : Map.of()));
        }
        MethodReport.Portability portability = rule.equals("portable-signature")
                ? new MethodReport.Portability(false, null, List.of(new MethodReport.Portability.Problem("parameter 1",
                "com.acme.pricing.Quote", "pass its fields as primitives, or serialize to a byte[]")))
                : new MethodReport.Portability(true, "fn " + name + "()", List.of());
        return new MethodReport(cls + "#" + name + desc, cls, name, desc, sig, false,
                new MethodReport.Calls(observed, 0, perDay, "agent", 2),
                new MethodReport.Latency(observed, "all", meanNs, (long) meanNs, (long) (meanNs * 2), (long) (meanNs * 4),
                        (long) (meanNs * 6), (long) (meanNs * 9), meanNs * observed, null),
                new MethodReport.Cpu(1, 4, 1e8, rule.equals("cpu-bound") ? 0.08 : 0.9, 40, 12, 300, 1.7e12),
                null, new MethodReport.LatencyPath(!rule.equals("latency-path"), null, null), portability, findings,
                Verdict.REJECTED, rule, null, 0, MethodReport.Confidence.MEDIUM,
                rule.equals("granularity") ? new MethodReport.Suggestion("native", "com.acme.pricing.Basket#total([J)J",
                        "each call is too short for an FFM call") : null, null, null);
    }

    static Finding finding(String id, String name, Outcome outcome, int score, String summary, Map<String, Double> numbers) {
        return new Finding(id, name, outcome, score, summary, "Explanation of " + id + " with its numbers.",
                outcome == Outcome.FAIL ? "Do not port; see the suggestion." : null, numbers);
    }
}

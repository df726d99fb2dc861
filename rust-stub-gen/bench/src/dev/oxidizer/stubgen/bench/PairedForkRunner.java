package dev.oxidizer.stubgen.bench;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settles "generated wrapper ≤ 1.1× a hand-written downcall" on a shared, noisy machine: runs the
 * {@link FfmOverheadBenchmark} pairs as many short JMH forks, each generated fork right next to its hand-written one,
 * and reports the ratio per round with its median and a distribution-free confidence interval.
 *
 * <p>Why this shape: a trivial downcall costs ~6 ns, and a load change between two benchmarks run minutes apart (JMH
 * runs them in alphabetical order) shifts one side of a pair by as much as the difference sought. Here a round runs
 * every benchmark once, one fork each, the two sides of a pair back to back; odd rounds reverse the order (hand-written
 * first, pairs in reverse), so a load drift favours neither side. A round's ratio is the generated fork's mean over the
 * hand-written one's. Forks are the unit of the statistics: each is a fresh JVM with its own JIT decisions.
 *
 * <p>Statistics, per pair, over the rounds' ratios: the median and the order-statistic confidence interval of the
 * median (the narrowest {@code [x(k), x(n-k+1)]} whose binomial coverage is ≥ 95 %; its exact coverage is printed).
 * Verdict against the target: <em>met</em> when the interval's upper end is ≤ the target, <em>not met</em> when its
 * lower end is above it, otherwise <em>not settled</em>; no verdict with fewer than 6 rounds (no interval then
 * reaches 95 %).
 *
 * <p>Usage: {@code PairedForkRunner [--rounds N] [--pairs add|sum|all] [--warmup N] [--warmup-ms MS] [--iterations N]
 * [--iteration-ms MS] [--target X]}. The libraries' system properties ({@code oxidizer.*}) of this JVM are passed
 * to every fork. Exit status 1 when a fork fails (nothing is printed as a result then).
 */
public final class PairedForkRunner {
    /** A generated wrapper and the hand-written downcall it is compared with. */
    record Pair(String label, String generated, String handWritten) {
    }

    private static final List<Pair> ADD = List.of(
            new Pair("add, critical(false)", "addGeneratedCritical", "addRawCritical"),
            new Pair("add, no critical option", "addGeneratedPlain", "addRawPlain"));
    private static final List<Pair> SUM = List.of(
            new Pair("sum 1000 doubles, critical heap segment", "sumGeneratedCritical", "sumRawCritical"),
            new Pair("sum 1000 doubles, arena copy", "sumGeneratedArena", "sumRawArenaCopy"));
    private static final double CONFIDENCE = 0.95;

    private final Settings settings;
    /** Per benchmark, its fork's score (ns per call) in each round. */
    private final Map<String, List<Double>> scores = new LinkedHashMap<>();

    private PairedForkRunner(Settings settings) {
        this.settings = settings;
    }

    /** Command-line settings; defaults keep a whole run (all pairs) under about 5 minutes on 2 cores. */
    record Settings(int rounds, List<Pair> pairs, int warmups, int warmupMs, int iterations, int iterationMs,
                    double target) {
        static Settings parse(String[] args) {
            int rounds = 10;
            List<Pair> pairs = new ArrayList<>(ADD);
            pairs.addAll(SUM);
            int warmups = 3;
            int warmupMs = 300;
            int iterations = 4;
            int iterationMs = 200;
            double target = 1.1;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--rounds" -> rounds = positive(option, value, 2);
                    case "--pairs" -> pairs = switch (value) {
                        case "add" -> ADD;
                        case "sum" -> SUM;
                        case "all" -> {
                            List<Pair> all = new ArrayList<>(ADD);
                            all.addAll(SUM);
                            yield all;
                        }
                        default -> throw new IllegalArgumentException("--pairs " + value + ": accepted are add, sum, all");
                    };
                    case "--warmup" -> warmups = positive(option, value, 0);
                    case "--warmup-ms" -> warmupMs = positive(option, value, 10);
                    case "--iterations" -> iterations = positive(option, value, 1);
                    case "--iteration-ms" -> iterationMs = positive(option, value, 10);
                    case "--target" -> target = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + option
                            + "; accepted: --rounds N, --pairs add|sum|all, --warmup N, --warmup-ms MS, --iterations N,"
                            + " --iteration-ms MS, --target X");
                }
            }
            return new Settings(rounds, pairs, warmups, warmupMs, iterations, iterationMs, target);
        }

        private static int positive(String option, String value, int min) {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + value + ": expected an integer ≥ " + min);
            }
            if (n < min) {
                throw new IllegalArgumentException(option + " " + value + ": expected an integer ≥ " + min);
            }
            return n;
        }
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("PairedForkRunner: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new PairedForkRunner(settings).run();
        } catch (RunnerException e) {
            System.err.println("PairedForkRunner: a JMH fork failed, no result printed: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws RunnerException {
        Settings s = settings;
        System.out.printf(Locale.ROOT, "%d rounds; per fork %d×%d ms warm-up, %d×%d ms measurement; load %s%n",
                s.rounds(), s.warmups(), s.warmupMs(), s.iterations(), s.iterationMs(), load());
        for (int round = 0; round < s.rounds(); round++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d:", round + 1));
            for (Pair pair : order(round)) {
                for (String benchmark : round % 2 == 0
                        ? List.of(pair.generated(), pair.handWritten())
                        : List.of(pair.handWritten(), pair.generated())) {
                    scores.computeIfAbsent(benchmark, b -> new ArrayList<>()).add(fork(benchmark));
                }
                double g = last(pair.generated());
                double h = last(pair.handWritten());
                line.append(String.format(Locale.ROOT, "  %s %.2f/%.2f=%.3f", shortName(pair), g, h, g / h));
            }
            System.out.println(line.append("  (load ").append(load()).append(')'));
        }
        report();
    }

    /** Even rounds: pairs in order, generated first; odd rounds: pairs reversed, hand-written first. */
    private List<Pair> order(int round) {
        if (round % 2 == 0) {
            return settings.pairs();
        }
        List<Pair> reversed = new ArrayList<>(settings.pairs());
        Collections.reverse(reversed);
        return reversed;
    }

    /** Runs one fork of one benchmark; its score in ns per call. */
    private double fork(String benchmark) throws RunnerException {
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add("--enable-native-access=ALL-UNNAMED");
        // JMH 1.37 reads field offsets through sun.misc.Unsafe: without this, every fork prints four warning lines.
        jvmArgs.add("--sun-misc-unsafe-memory-access=allow");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("oxidizer.")).sorted()
                .forEach(k -> jvmArgs.add("-D" + k + "=" + System.getProperty(k)));
        Options options = new OptionsBuilder()
                .include(FfmOverheadBenchmark.class.getSimpleName() + "\\." + benchmark + "$")
                .forks(1)
                .warmupIterations(settings.warmups())
                .warmupTime(TimeValue.milliseconds(settings.warmupMs()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationMs()))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.size() != 1) {
            throw new RunnerException("benchmark " + benchmark + " gave " + results.size() + " results, expected 1");
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }

    private void report() {
        double target = settings.target();
        System.out.printf(Locale.ROOT, "%nPer pair, over %d rounds (ratio = generated / hand-written, same round;"
                + " CI = confidence interval of the median):%n", settings.rounds());
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %7s %17s %15s %16s  %s%n", "pair", "gen ns", "raw ns",
                "ratio", "CI of ratio", "min-max", "gen-raw ns (CI)", "verdict (≤ " + target + "×)");
        // Below 6 rounds no order-statistic interval of the median reaches 95 % coverage.
        boolean enoughRounds = Interval.coverage(settings.rounds()) >= CONFIDENCE;
        boolean allMet = true;
        boolean anyMissed = false;
        for (Pair pair : settings.pairs()) {
            double[] g = values(pair.generated());
            double[] h = values(pair.handWritten());
            double[] ratio = new double[g.length];
            double[] diff = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                ratio[i] = g[i] / h[i];
                diff[i] = g[i] - h[i];
            }
            Interval r = Interval.ofMedian(ratio);
            Interval d = Interval.ofMedian(diff);
            String verdict = !enoughRounds ? "no verdict: too few rounds"
                    : r.high() <= target ? "met" : r.low() > target ? "NOT met" : "not settled";
            allMet &= r.high() <= target;
            anyMissed |= r.low() > target;
            System.out.printf(Locale.ROOT, "%-40s %9.2f %9.2f %7.3f %17s %15s %16s  %s%n", pair.label(),
                    Interval.ofMedian(g).median(), Interval.ofMedian(h).median(), r.median(),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", r.low(), r.high()),
                    String.format(Locale.ROOT, "%.3f-%.3f", min(ratio), max(ratio)),
                    String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", d.median(), d.low(), d.high()), verdict);
        }
        System.out.printf(Locale.ROOT, "CI coverage with %d rounds: %.1f %% (order statistics, no distribution"
                + " assumed)%n", settings.rounds(), Interval.coverage(settings.rounds()) * 100);
        if (settings.pairs().containsAll(ADD)) {
            System.out.printf(Locale.ROOT, "%nTrivial call, critical / no critical option (same round):%n");
            criticalVsPlain("hand-written", "addRawCritical", "addRawPlain");
            criticalVsPlain("generated", "addGeneratedCritical", "addGeneratedPlain");
        }
        System.out.printf(Locale.ROOT, "%nVerdict: generated ≤ %.2f× hand-written %s (load now %s)%n", target,
                !enoughRounds ? "NOT DECIDED: too few rounds for a 95 % interval (at least 6)"
                        : allMet ? "MET for every pair" : anyMissed ? "NOT MET for at least one pair"
                        : "NOT SETTLED for at least one pair (its interval straddles the target)", load());
    }

    private void criticalVsPlain(String side, String critical, String plain) {
        double[] c = values(critical);
        double[] p = values(plain);
        double[] ratio = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            ratio[i] = c[i] / p[i];
        }
        Interval r = Interval.ofMedian(ratio);
        System.out.printf(Locale.ROOT, "  %-13s %6.2f ns / %6.2f ns = %.3f  CI [%.3f, %.3f]%n", side,
                Interval.ofMedian(c).median(), Interval.ofMedian(p).median(), r.median(), r.low(), r.high());
    }

    /** The median of a sample and the order-statistic confidence interval of the median. */
    record Interval(double median, double low, double high) {
        static Interval ofMedian(double[] sample) {
            double[] x = sample.clone();
            Arrays.sort(x);
            int n = x.length;
            double median = n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
            int k = rank(n);
            return new Interval(median, x[k - 1], x[n - k]);
        }

        /** The largest k (1-based) whose interval [x(k), x(n-k+1)] still covers the median with ≥ 95 %; at least 1. */
        static int rank(int n) {
            BinomialDistribution b = new BinomialDistribution(n, 0.5);
            int k = 1;
            while (k + 1 <= n / 2 && 1 - 2 * b.cumulativeProbability(k) >= CONFIDENCE) {
                k++;
            }
            return k;
        }

        static double coverage(int n) {
            return 1 - 2 * new BinomialDistribution(n, 0.5).cumulativeProbability(rank(n) - 1);
        }
    }

    private double last(String benchmark) {
        List<Double> list = scores.get(benchmark);
        return list.get(list.size() - 1);
    }

    private double[] values(String benchmark) {
        return scores.get(benchmark).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String shortName(Pair pair) {
        return pair.generated().replace("Generated", "");
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    /** The 1, 5 and 15 minute load averages, or "n/a" off Linux. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}

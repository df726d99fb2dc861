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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Settles "generated wrapper ≤ 1.1× a hand-written downcall" on a shared, noisy machine: measures each
 * {@link FfmOverheadBenchmark} pair (generated wrapper, hand-written downcall into the same library) in many short
 * forks, the two sides always side by side in time, and reports the ratio per round with its median and a
 * distribution-free confidence interval.
 *
 * <p>Two ways to measure a round (one fork per pair, or per side):
 * <ul>
 *   <li>{@code interleaved} (default): one JVM per pair runs {@link InterleavedPairFork}, alternating ~100 µs blocks
 *       of the two sides; the fork's ratio is the median over thousands of adjacent block pairs. Load changes on
 *       the scale of milliseconds or more hit both sides alike, so this is what can resolve a few per cent on a
 *       loaded machine.</li>
 *   <li>{@code jmh}: one JMH fork per side, the two back to back; a fork is scored by its best measurement
 *       iteration (load only adds time, so the best is the least disturbed) and the round's ratio is generated /
 *       hand-written. Coarser (load changes between two forks a second apart), kept as the cross-check with the
 *       standard harness.</li>
 * </ul>
 * {@code --pairs control} measures the hand-written {@code add} against itself (A/A): its interval shows what the
 * method can resolve. Odd rounds reverse the order (hand-written first, pairs in reverse), so drift favours neither side. Forks are the
 * unit of the statistics: each is a fresh JVM with its own JIT decisions.
 *
 * <p>Statistics, per pair, over the rounds: the median ratio and the order-statistic confidence interval of the
 * median (the narrowest {@code [x(k), x(n-k+1)]} whose binomial coverage is ≥ 95 %; its exact coverage is printed).
 * Verdict against the target: <em>met</em> when the interval's upper end is ≤ the target, <em>not met</em> when its
 * lower end is above it, otherwise <em>not settled</em>; no verdict with fewer than 6 rounds (no interval then
 * reaches 95 %).
 *
 * <p>Usage: {@code PairedForkRunner [--method interleaved|jmh] [--rounds N] [--pairs add|sum|all|control] [--warmup-ms MS]
 * [--measure-ms MS] [--jmh-warmup N] [--jmh-iterations N] [--target X]}. The libraries' system properties
 * ({@code oxidizer.*}) of this JVM are passed to every fork. Exit status 1 when a fork fails (its output is printed,
 * no result), 2 for a bad option.
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
    /** A/A control: the same method on both sides, so any ratio away from 1 is the method's own error. */
    private static final List<Pair> CONTROL = List.of(
            new Pair("control: add hand-written vs itself", "addRawCritical", "addRawCritical"));
    private static final double CONFIDENCE = 0.95;
    private static final long FORK_TIMEOUT_S = 120;

    /** One round's measurement of a pair: cost per call of each side, and the ratio generated / hand-written. */
    record Sample(double generatedNs, double handWrittenNs, double ratio) {
    }

    private final Settings settings;
    private final Map<Pair, List<Sample>> samples = new HashMap<>();

    private PairedForkRunner(Settings settings) {
        this.settings = settings;
    }

    /** Command-line settings; the defaults keep a whole run (all pairs) to about 4–5 minutes on 2 cores. */
    record Settings(boolean interleaved, int rounds, List<Pair> pairs, int warmupMs, int measureMs, int jmhWarmups,
                    int jmhIterations, double target) {
        static Settings parse(String[] args) {
            boolean interleaved = true;
            int rounds = 12;
            List<Pair> pairs = all();
            int warmupMs = 1500;
            int measureMs = 2000;
            int jmhWarmups = 3;
            int jmhIterations = 6;
            double target = 1.1;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--method" -> interleaved = switch (value) {
                        case "interleaved" -> true;
                        case "jmh" -> false;
                        default -> throw new IllegalArgumentException("--method " + value
                                + ": accepted are interleaved, jmh");
                    };
                    case "--rounds" -> rounds = atLeast(option, value, 2);
                    case "--pairs" -> pairs = switch (value) {
                        case "add" -> ADD;
                        case "sum" -> SUM;
                        case "all" -> all();
                        case "control" -> CONTROL;
                        default -> throw new IllegalArgumentException("--pairs " + value
                                + ": accepted are add, sum, all, control");
                    };
                    case "--warmup-ms" -> warmupMs = atLeast(option, value, 100);
                    case "--measure-ms" -> measureMs = atLeast(option, value, 100);
                    case "--jmh-warmup" -> jmhWarmups = atLeast(option, value, 0);
                    case "--jmh-iterations" -> jmhIterations = atLeast(option, value, 1);
                    case "--target" -> target = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + option + "; accepted:"
                            + " --method interleaved|jmh, --rounds N, --pairs add|sum|all|control, --warmup-ms MS,"
                            + " --measure-ms MS, --jmh-warmup N, --jmh-iterations N, --target X");
                }
            }
            return new Settings(interleaved, rounds, pairs, warmupMs, measureMs, jmhWarmups, jmhIterations, target);
        }

        private static List<Pair> all() {
            List<Pair> all = new ArrayList<>(ADD);
            all.addAll(SUM);
            return List.copyOf(all);
        }

        private static int atLeast(String option, String value, int min) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " " + value + ": expected an integer ≥ " + min);
        }

        String describe() {
            return interleaved
                    ? String.format(Locale.ROOT, "interleaved: one JVM per pair and round, %d ms warm-up, %d ms of"
                    + " alternating ~100 µs blocks", warmupMs, measureMs)
                    : String.format(Locale.ROOT, "jmh: one JMH fork per side and round, %d×%d ms warm-up, %d×%d ms"
                    + " iterations, best iteration", jmhWarmups, warmupMs / Math.max(1, jmhWarmups),
                    jmhIterations, measureMs / jmhIterations);
        }
    }

    /** A fork that failed; its output is in the message. */
    static final class ForkFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ForkFailure(String message, Throwable cause) {
            super(message, cause);
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
        } catch (ForkFailure e) {
            System.err.println("PairedForkRunner: a fork failed, no result printed: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws ForkFailure {
        Settings s = settings;
        System.out.printf(Locale.ROOT, "%d rounds; %s; load %s%n", s.rounds(), s.describe(), load());
        for (int round = 0; round < s.rounds(); round++) {
            boolean generatedFirst = round % 2 == 0;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d:", round + 1));
            for (Pair pair : order(round)) {
                Sample sample = s.interleaved() ? interleaved(pair, generatedFirst) : jmhForks(pair, generatedFirst);
                samples.computeIfAbsent(pair, p -> new ArrayList<>()).add(sample);
                line.append(String.format(Locale.ROOT, "  %s %.2f/%.2f=%.3f", pair.generated().replace("Generated", ""),
                        sample.generatedNs(), sample.handWrittenNs(), sample.ratio()));
            }
            System.out.println(line.append("  (load ").append(load()).append(')'));
        }
        report();
    }

    /** Even rounds: pairs in order; odd rounds: pairs reversed. */
    private List<Pair> order(int round) {
        if (round % 2 == 0) {
            return settings.pairs();
        }
        List<Pair> reversed = new ArrayList<>(settings.pairs());
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> forkJvmArgs() {
        List<String> jvmArgs = new ArrayList<>();
        jvmArgs.add("--enable-native-access=ALL-UNNAMED");
        // JMH 1.37 reads field offsets through sun.misc.Unsafe: without this, every fork prints four warning lines.
        jvmArgs.add("--sun-misc-unsafe-memory-access=allow");
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("oxidizer.")).sorted()
                .forEach(k -> jvmArgs.add("-D" + k + "=" + System.getProperty(k)));
        return jvmArgs;
    }

    /** Both sides of a pair in one JVM, in alternating blocks (see {@link InterleavedPairFork}). */
    private Sample interleaved(Pair pair, boolean generatedFirst) throws ForkFailure {
        String first = generatedFirst ? pair.generated() : pair.handWritten();
        String second = generatedFirst ? pair.handWritten() : pair.generated();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(forkJvmArgs());
        // As JMH does with benchmark methods: each is compiled on its own, not inlined into the timing loop.
        command.add("-XX:CompileCommand=quiet");
        command.add("-XX:CompileCommand=dontinline,dev/oxidizer/stubgen/bench/FfmOverheadBenchmark.*");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(InterleavedPairFork.class.getName());
        command.addAll(List.of(first, second, Integer.toString(settings.warmupMs()),
                Integer.toString(settings.measureMs())));
        String output;
        int status;
        Path log = null;
        try {
            // Output goes to a file, so a chatty fork can never block on a full pipe; it is kept when the fork fails.
            log = Files.createTempFile("oxidizer-ffm-fork-", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(FORK_TIMEOUT_S, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            output = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended) {
                throw new ForkFailure("fork " + first + " / " + second + " did not end within " + FORK_TIMEOUT_S
                        + " s; its output (" + log + "):\n" + output, null);
            }
            status = process.exitValue();
        } catch (IOException e) {
            throw new ForkFailure("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkFailure("interrupted", e);
        }
        String result = output.lines().filter(l -> l.startsWith("result ")).findFirst().orElse(null);
        if (status != 0 || result == null) {
            throw new ForkFailure("fork " + first + " / " + second + " exited with " + status + "; its output ("
                    + log + "):\n" + output, null);
        }
        try {
            Files.delete(log);
        } catch (IOException e) {
            // A leftover temporary file does not change the result.
        }
        String[] f = result.split(" ");
        double firstNs = Double.parseDouble(f[1]);
        double secondNs = Double.parseDouble(f[2]);
        double firstOverSecond = Double.parseDouble(f[3]);
        return generatedFirst
                ? new Sample(firstNs, secondNs, firstOverSecond)
                : new Sample(secondNs, firstNs, 1 / firstOverSecond);
    }

    /** One JMH fork per side, back to back. */
    private Sample jmhForks(Pair pair, boolean generatedFirst) throws ForkFailure {
        double g;
        double h;
        if (generatedFirst) {
            g = jmhFork(pair.generated());
            h = jmhFork(pair.handWritten());
        } else {
            h = jmhFork(pair.handWritten());
            g = jmhFork(pair.generated());
        }
        return new Sample(g, h, g / h);
    }

    /** Runs one JMH fork of one benchmark; its best measurement iteration, in ns per call. */
    private double jmhFork(String benchmark) throws ForkFailure {
        int warmups = settings.jmhWarmups();
        Options options = new OptionsBuilder()
                .include(FfmOverheadBenchmark.class.getSimpleName() + "\\." + benchmark + "$")
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(settings.warmupMs() / Math.max(1, warmups)))
                .measurementIterations(settings.jmhIterations())
                .measurementTime(TimeValue.milliseconds(settings.measureMs() / settings.jmhIterations()))
                .jvmArgsAppend(forkJvmArgs().toArray(String[]::new))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new ForkFailure("JMH fork of " + benchmark + ": " + e.getMessage(), e);
        }
        return results.stream()
                .flatMap(r -> r.getBenchmarkResults().stream())
                .flatMap(b -> b.getIterationResults().stream())
                .mapToDouble(i -> i.getPrimaryResult().getScore())
                .min().orElseThrow(() -> new ForkFailure("JMH fork of " + benchmark + " gave no iteration", null));
    }

    private void report() {
        double target = settings.target();
        int n = settings.rounds();
        System.out.printf(Locale.ROOT, "%nPer pair, over %d rounds (ns per call: median over the rounds; ratio ="
                + " generated / hand-written, same fork or round; CI = 95 %% confidence interval of the median):%n", n);
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %7s %17s %13s %24s  %s%n", "pair", "gen ns", "raw ns",
                "ratio", "CI of ratio", "min-max", "gen-raw ns (CI)", "verdict (≤ " + target + "×)");
        // Below 6 rounds no order-statistic interval of the median reaches 95 % coverage.
        boolean enoughRounds = Interval.coverage(n) >= CONFIDENCE;
        boolean allMet = true;
        boolean anyMissed = false;
        for (Pair pair : settings.pairs()) {
            List<Sample> list = samples.get(pair);
            double[] ratio = list.stream().mapToDouble(Sample::ratio).toArray();
            double[] diff = list.stream().mapToDouble(x -> x.generatedNs() - x.handWrittenNs()).toArray();
            Interval r = Interval.ofMedian(ratio);
            Interval d = Interval.ofMedian(diff);
            String verdict = !enoughRounds ? "no verdict: too few rounds"
                    : r.high() <= target ? "met" : r.low() > target ? "NOT met" : "not settled";
            allMet &= r.high() <= target;
            anyMissed |= r.low() > target;
            System.out.printf(Locale.ROOT, "%-40s %9.2f %9.2f %7.3f %17s %13s %24s  %s%n", pair.label(),
                    Interval.ofMedian(list.stream().mapToDouble(Sample::generatedNs).toArray()).median(),
                    Interval.ofMedian(list.stream().mapToDouble(Sample::handWrittenNs).toArray()).median(),
                    r.median(),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", r.low(), r.high()),
                    String.format(Locale.ROOT, "%.3f-%.3f", min(ratio), max(ratio)),
                    String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", d.median(), d.low(), d.high()), verdict);
        }
        System.out.printf(Locale.ROOT, "CI coverage with %d rounds: %.1f %% (order statistics, no distribution"
                + " assumed)%n", n, Interval.coverage(n) * 100);
        if (settings.pairs().containsAll(ADD)) {
            System.out.printf(Locale.ROOT, "%nTrivial call, critical / no critical option (same round):%n");
            criticalVsPlain("hand-written", Sample::handWrittenNs);
            criticalVsPlain("generated", Sample::generatedNs);
        }
        if (settings.pairs() == CONTROL) {
            System.out.printf(Locale.ROOT, "%nControl run (same method on both sides): the ratio should be 1 and its"
                    + " interval narrow; its width is the method's resolution (load now %s)%n", load());
            return;
        }
        System.out.printf(Locale.ROOT, "%nVerdict: generated ≤ %.2f× hand-written %s (load now %s)%n", target,
                !enoughRounds ? "NOT DECIDED: too few rounds for a 95 % interval (at least 6)"
                        : allMet ? "MET for every pair" : anyMissed ? "NOT MET for at least one pair"
                        : "NOT SETTLED for at least one pair (its interval straddles the target)", load());
    }

    private void criticalVsPlain(String side, ToDoubleFunction<Sample> ns) {
        List<Sample> critical = samples.get(ADD.get(0));
        List<Sample> plain = samples.get(ADD.get(1));
        double[] c = critical.stream().mapToDouble(ns).toArray();
        double[] p = plain.stream().mapToDouble(ns).toArray();
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

package dev.oxidizer.cli;

import dev.oxidizer.analyzer.AnalysisException;
import dev.oxidizer.analyzer.Analyzer;
import dev.oxidizer.analyzer.AnalyzerConfig;
import dev.oxidizer.analyzer.ProgressListener;
import dev.oxidizer.analyzer.ReportToTable;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.analyzer.fleet.FleetCalls;
import dev.oxidizer.analyzer.fleet.FleetException;
import dev.oxidizer.analyzer.fleet.FleetRange;
import dev.oxidizer.analyzer.fleet.FleetReader;
import dev.oxidizer.analyzer.fleet.PrometheusClient;
import dev.oxidizer.analyzer.fleet.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code oxidizer analyze}: reads .jfr recordings (from the agent, or plain JFR), ranks the methods worth porting
 * to Rust, prints a table and optionally writes the JSON report. Exit codes: 0 done; 1 a candidate scored at or
 * above {@code --fail-on-score}; 2 bad option (including a bad {@code --prometheus} URL, range or selector); 4 bad or
 * damaged input (a damaged file's readable chunks are still analysed and the outputs written before exiting 4), or a
 * Prometheus server without agent series for the selector; 9 the Prometheus server could not be reached.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Read .jfr recordings and rank the methods worth porting to Rust.",
                "Several files (runs or JVMs of one application) are merged: counts added, latency histograms merged exactly.",
                "Plain JFR without the Oxidizer agent is analysed in sampling-only mode (or with jdk.MethodTiming counts).",
                "Rules, thresholds and the config file format: docs/analyzer.md."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JFR recordings (.jfr) to analyse together")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "REPORT.json", description = "write the JSON report model here")
    Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "thresholds and settings (.properties or .json)")
    Path config;

    @Option(names = "--entry-point", paramLabel = "GLOB",
            description = "latency-critical entry point, glob over pkg.Class.method (repeatable), e.g. 'com.acme.*Controller.*'")
    List<String> entryPoints = new ArrayList<>();

    @Option(names = "--latency-thread", paramLabel = "GLOB",
            description = "name of latency-critical threads, glob (repeatable), e.g. 'http-nio-*'")
    List<String> latencyThreads = new ArrayList<>();

    @Option(names = "--application", paramLabel = "GLOB",
            description = "the application's own classes, glob over pkg.Class (repeatable), e.g. 'com.acme.**'; other non-JDK "
                    + "code is a dependency (default: the main class's package and subpackages)")
    List<String> application = new ArrayList<>();

    @Option(names = "--rank-dependencies-with-own-code",
            description = "rank candidates of dependencies among own-code ones by score (default: below them)")
    boolean dependenciesWithOwnCode;

    @Option(names = "--fail-on-score", paramLabel = "N",
            description = "exit 1 when a candidate scores N or more (CPU seconds saved per day); for CI")
    Double failOnScore;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "rows shown per section of the table, 0 for all (default: ${DEFAULT-VALUE}); the JSON has every method")
    int top;

    @Option(names = "--speedup", paramLabel = "X", description = "assumed Rust-over-JIT speedup for the score (default 2.0)")
    Double speedup;

    @Option(names = "--quiet", description = "no table on stdout (use with -o)")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads reading the recordings (default: one per processor); the report does not depend on it")
    Integer threads;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "also read calls per day and latency over --range from this Prometheus server, which scraped the "
                    + "agents' metrics endpoints (docs/fleet.md); calls per day are then measured, not projected")
    String prometheus;

    @Option(names = "--range", paramLabel = "RANGE",
            description = "with --prometheus: how far back from now, e.g. 30m, 12h, 7d (default 7d)")
    String range;

    @Option(names = "--selector", paramLabel = "{LABELS}",
            description = "with --prometheus: label matchers choosing the service's JVMs, e.g. '{job=\"orders\"}' (default: all)")
    String selector;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 0) {
            throw usage("--top must be 0 (all) or more, was " + top);
        }
        if (failOnScore != null && (failOnScore < 0 || failOnScore.isNaN())) {
            throw usage("--fail-on-score must be a score of 0 or more, was " + failOnScore);
        }
        if (threads != null && threads < 1) {
            throw usage("--threads must be 1 or more, was " + threads);
        }
        if (output != null && Files.isDirectory(output)) {
            throw usage("-o " + output + " is a folder; expected a file name for the JSON report, e.g. report.json");
        }
        if (prometheus == null && (range != null || selector != null)) {
            throw usage((range != null ? "--range" : "--selector") + " needs --prometheus URL; accepted: --prometheus URL "
                    + "[--range 7d] [--selector '{job=\"orders\"}']");
        }
        FleetCalls fleet = prometheus == null ? null : readFleet(err);
        AnalyzerConfig cfg;
        try {
            AnalyzerConfig.Builder b = config == null ? AnalyzerConfig.builder() : AnalyzerConfig.builder().load(config);
            entryPoints.forEach(b::entryPoint);
            latencyThreads.forEach(b::latencyThread);
            application.forEach(b::application);
            if (dependenciesWithOwnCode) {
                b.dependenciesWithOwnCode(true);
            }
            if (speedup != null) {
                b.speedup(speedup);
            }
            cfg = b.build();
        } catch (AnalysisException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage().replace(AnalyzerConfig.class.getSimpleName(), "").replace("ranking.speedup", "--speedup"));
        }
        long started = System.nanoTime();
        long[] lastPrint = {0};
        ProgressListener progress = (file, done, total) -> {
            long now = System.nanoTime();
            if (now - started > 2_000_000_000L && now - lastPrint[0] > 1_000_000_000L && done < total) {
                lastPrint[0] = now;
                err.printf(Locale.ROOT, "oxidizer analyze: reading %s ... %d%% of %d MB%n", file, done * 100 / Math.max(1, total),
                        total >> 20);
                err.flush();
            }
        };
        Analyzer.Result result;
        try {
            result = new Analyzer(cfg).threads(threads == null ? 0 : threads).progress(progress).fleet(fleet).analyze(files);
        } catch (AnalysisException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (OutOfMemoryError e) {
            // Thrown inside jdk.jfr's parser (its constant pools) or the aggregation: nothing was written yet.
            throw new CliException(ExitCodes.OUT_OF_MEMORY, String.format(Locale.ROOT,
                    "out of memory reading %s with a %d MB heap; nothing was written; give the analyzer more heap, "
                            + "e.g. OXIDIZER_JAVA_OPTS=-Xmx2g, or read on one thread with --threads=1",
                    String.join(", ", files.stream().map(String::valueOf).toList()), Runtime.getRuntime().maxMemory() >> 20));
        }
        Report report = result.report();
        if (output != null) {
            try {
                ReportJson.write(report, output);
            } catch (IOException e) {
                throw new CliException(ExitCodes.BAD_INPUT, "cannot write " + output + " (" + e.getMessage()
                        + "); expected a writable file path for the JSON report");
            }
        }
        if (!quiet) {
            out.print(ReportToTable.render(report, top));
            out.flush();
        }
        if (output != null) {
            err.println("oxidizer analyze: wrote " + output);
        }
        for (String d : result.damage()) {
            err.println("oxidizer analyze: " + d + "; the readable chunks were analysed");
        }
        err.flush();
        if (!result.damage().isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        if (failOnScore != null) {
            for (MethodReport m : report.candidates()) {
                if (m.score() >= failOnScore) {
                    err.printf(Locale.ROOT, "oxidizer analyze: candidate %s scores %.3f >= --fail-on-score %s%n", m.key(), m.score(),
                            failOnScore);
                    err.flush();
                    return ExitCodes.CANDIDATE_FOUND;
                }
            }
        }
        return ExitCodes.OK;
    }

    /** Reads the fleet's counts before any recording, so that a bad source fails fast and writes nothing. */
    private FleetCalls readFleet(PrintWriter err) {
        try {
            URI url = PrometheusClient.parseUrl(prometheus);
            FleetRange r = FleetRange.parse(range == null ? "7d" : range);
            Selector s = selector == null ? Selector.ALL : Selector.parse(selector);
            PrometheusClient client = new PrometheusClient(url, Duration.ofSeconds(30));
            FleetCalls f = new FleetReader(client, s, r, Instant.now()).read();
            err.println("oxidizer analyze: Prometheus at " + url + ": " + f.source().methods() + " methods from " + f.source().jvms()
                    + " JVM run(s) over " + r.text() + " (" + client.queries() + " queries)");
            err.flush();
            return f;
        } catch (FleetException e) {
            throw new CliException(switch (e.kind()) {
                case BAD_OPTION -> ExitCodes.USAGE;
                case UNREACHABLE -> ExitCodes.SOURCE_UNAVAILABLE;
                case NO_DATA -> ExitCodes.BAD_INPUT;
            }, e.getMessage());
        }
    }

    private CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }
}

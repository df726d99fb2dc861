package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.fleet.FleetCalls;
import dev.oxidizer.analyzer.fleet.FleetWarnings;
import dev.oxidizer.analyzer.rules.Rule;
import dev.oxidizer.analyzer.rules.RuleContext;
import dev.oxidizer.analyzer.rules.Scores;
import dev.oxidizer.analyzer.rules.ThresholdSpec;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one or many JFR recordings and builds the {@link Report}: per-method figures, one finding per rule,
 * verdicts and the ranking. Everything the user sees (JSON, terminal table, HTML) is rendered from that report.
 *
 * <p>Usage: {@code new Analyzer(config).analyze(files)}. Bad input that leaves nothing to analyse throws
 * {@link AnalysisException}; damaged but partly readable files are analysed and listed in
 * {@link Result#damage()} and in the report's recordings and warnings. Not thread-safe; one analysis at a time.
 */
public final class Analyzer {
    static final double DAY_SECONDS = 86_400;
    /** Frames of the agent's probes: time in them is instrumentation overhead, not the method's work. */
    static final String AGENT_PACKAGE = "dev.oxidizer.agent.";

    private final AnalyzerConfig config;
    private final List<Rule> rules;
    private ProgressListener progress = ProgressListener.NONE;
    private Double ffmCallNsOverride;
    private int threads;
    private long unitBytes;
    private FleetCalls fleet;

    /** The analysis and the damage found (one line per problem, each naming the file). */
    public record Result(Report report, List<String> damage) {}

    public Analyzer(AnalyzerConfig config) {
        this(config, loadRules());
    }

    Analyzer(AnalyzerConfig config, List<Rule> rules) {
        this.config = config;
        this.rules = List.copyOf(rules);
    }

    /** The rules found by {@link ServiceLoader}, in the order of the services file. */
    public static List<Rule> loadRules() {
        List<Rule> out = new ArrayList<>();
        ServiceLoader.load(Rule.class, Analyzer.class.getClassLoader()).forEach(out::add);
        return out;
    }

    public Analyzer progress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Every threshold with the value in force; fails on unknown keys or values out of range. */
    Map<String, Report.Threshold> thresholds() throws AnalysisException {
        Map<String, Report.Threshold> out = new TreeMap<>();
        Map<String, ThresholdSpec> specs = new LinkedHashMap<>();
        for (Rule r : rules) {
            for (ThresholdSpec s : r.thresholds()) {
                specs.put(s.key(), s);
            }
        }
        specs.put(CoveredByCallee.MIN_SHARE.key(), CoveredByCallee.MIN_SHARE);
        for (var e : config.thresholds().entrySet()) {
            ThresholdSpec s = specs.get(e.getKey());
            if (s == null) {
                throw new AnalysisException(AnalysisException.Kind.BAD_CONFIG, "unknown threshold '" + e.getKey()
                        + "'; known thresholds: " + String.join(", ", new TreeMap<>(specs).keySet()));
            }
            if (e.getValue() < s.min() || e.getValue() > s.max()) {
                throw new AnalysisException(AnalysisException.Kind.BAD_CONFIG, "threshold '" + e.getKey() + "' = " + e.getValue()
                        + " is out of range; accepted " + s.min() + " to " + s.max() + " (" + s.unit() + ")");
            }
        }
        for (ThresholdSpec s : specs.values()) {
            out.put(s.key(), new Report.Threshold(config.thresholds().getOrDefault(s.key(), s.defaultValue()), s.defaultValue(),
                    s.unit(), s.description()));
        }
        return out;
    }

    /**
     * Threads that read recordings (chunks are parsed in parallel and merged in order, so the report does not depend
     * on this); 0, the default, uses one per available processor.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public Analyzer threads(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per processor) or more, was " + n);
        }
        this.threads = n;
        return this;
    }

    /** Bytes of consecutive chunks one thread reads at a time (tests split small files with it); 0 for the default ({@link #DEFAULT_UNIT_BYTES}). */
    Analyzer unitBytes(long bytes) {
        this.unitBytes = bytes;
        return this;
    }

    /**
     * Bytes of consecutive chunks read as one unit by default. It does not depend on the number of threads, so neither
     * does the report: {@code jdk.jfr} reads a damaged chunk differently depending on the chunks streamed before it
     * (it may only fail in the next one), so only the split, never the thread count, can change what damage is found.
     * This is the smallest default unit: files smaller than it are read in place, without the temporary copy a part
     * of a file needs; larger files are split into four units of up to 128 MB
     * ({@link RecordingReader#defaultUnitBytes}).
     */
    static final long DEFAULT_UNIT_BYTES = 32L << 20;

    /**
     * Calls per day measured over a fleet's range (from Prometheus, {@link FleetCalls}) instead of projected from the
     * recordings' window, for the methods the fleet counted; null (the default) projects.
     */
    public Analyzer fleet(FleetCalls measured) {
        this.fleet = measured;
        return this;
    }

    /** Uses a fixed FFM call cost instead of measuring (tests, reproducible reports). */
    public Analyzer ffmCallNs(Double ns) {
        this.ffmCallNsOverride = ns;
        return this;
    }

    /**
     * Analyses the recordings.
     *
     * @throws AnalysisException when a file is missing, empty or not JFR, when no chunk of any file is readable,
     *                           or when the configuration names unknown thresholds
     */
    public Result analyze(List<Path> files) throws AnalysisException {
        if (files.isEmpty()) {
            throw new AnalysisException(AnalysisException.Kind.BAD_INPUT, "no recording given; expected one or more .jfr files");
        }
        Map<String, Report.Threshold> thresholds = thresholds();
        List<String> warnings = new ArrayList<>();
        List<String> damage = new ArrayList<>();

        // Scan everything first: a non-JFR file refuses the whole analysis before any work is done.
        List<JfrChunkScanner.Scan> scans = new ArrayList<>();
        long totalBytes = 0;
        JfrChunkScanner scanner = new JfrChunkScanner();
        for (Path f : files) {
            JfrChunkScanner.Scan s = scanner.scan(f);
            scans.add(s);
            totalBytes += s.fileSize();
        }
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        long unitSize = unitBytes > 0 ? unitBytes : DEFAULT_UNIT_BYTES;
        List<RecordingReader.Unit> units = new ArrayList<>();
        List<String> skipped = new ArrayList<>(java.util.Collections.nCopies(files.size(), null));
        Set<String> seenFiles = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            JfrChunkScanner.Scan scan = scans.get(i);
            String identity = scan.chunks().isEmpty() ? null
                    : scan.chunks().get(0).startNanos() + ":" + scan.fileSize() + ":" + scan.chunks().size();
            if (identity != null && !seenFiles.add(identity)) {
                skipped.set(i, f + ": same recording as an earlier input (same chunks and size); skipped so nothing is counted twice");
                continue;
            }
            units.addAll(RecordingReader.plan(i, f, scan,
                    unitBytes > 0 ? unitBytes : RecordingReader.defaultUnitBytes(scan.fileSize(), unitSize)));
        }

        // Read the units in parallel; merge them in file and chunk order (the result does not depend on threads).
        ProfileAggregator merged = ProfileAggregator.merged(config.javaThreadsPerPeriod());
        int[] chunksRead = new int[files.size()];
        List<List<String>> problems = new ArrayList<>();
        for (JfrChunkScanner.Scan scan : scans) {
            problems.add(new ArrayList<>(scan.problems()));
        }
        new RecordingReader(progress, totalBytes, config.latencyThreads()).readAll(units, workers, r -> {
            merged.mergeFrom(r.aggregator());
            chunksRead[r.unit().fileIndex()] += r.chunksRead();
            problems.get(r.unit().fileIndex()).addAll(r.problems());
        });

        Profile profile = merged.freeze();
        List<Report.Recording> recordings = new ArrayList<>();
        List<long[]> chunkIntervals = new ArrayList<>();
        int readable = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (skipped.get(i) != null) {
                warnings.add(skipped.get(i));
                recordings.add(new Report.Recording(f.toString(), null, 0, false, "duplicate of an earlier input, skipped"));
                continue;
            }
            readable += chunksRead[i];
            for (JfrChunkScanner.Chunk c : scans.get(i).chunks()) {
                chunkIntervals.add(new long[] {c.startNanos() / 1_000_000, (c.startNanos() + c.durationNanos()) / 1_000_000});
            }
            List<String> p = problems.get(i);
            damage.addAll(p);
            recordings.add(new Report.Recording(f.toString(), jvmLabel(profile.fileJvm().get(i)), chunksRead[i], !p.isEmpty(),
                    p.isEmpty() ? null : String.join("; ", p)));
        }
        if (readable == 0) {
            throw new AnalysisException(AnalysisException.Kind.BAD_INPUT, "no readable JFR chunk in the input: "
                    + (damage.isEmpty() ? "the recordings hold no chunk" : String.join("; ", damage)));
        }
        for (String d : damage) {
            warnings.add("damaged input: " + d + "; the readable chunks were analysed");
        }
        warnings.addAll(profile.problems());
        Map<Integer, Double> fileSeconds = new HashMap<>();
        for (int i = 0; i < scans.size(); i++) {
            double secs = scans.get(i).chunks().stream().mapToLong(JfrChunkScanner.Chunk::durationNanos).sum() / 1e9;
            fileSeconds.put(i, secs);
        }
        return new Result(build(profile, thresholds, recordings, chunkIntervals, warnings, fileSeconds), List.copyOf(damage));
    }

    private static String jvmLabel(String pidAtStart) {
        if (pidAtStart == null) {
            return null;
        }
        int at = pidAtStart.indexOf('@');
        long start = Long.parseLong(pidAtStart.substring(at + 1));
        return "pid " + pidAtStart.substring(0, at) + (start > 0 ? ", started " + Instant.ofEpochMilli(start) : "");
    }

    // ------------------------------------------------------------------------------------------------------------

    private Report build(Profile profile, Map<String, Report.Threshold> thresholds, List<Report.Recording> recordings,
                         List<long[]> chunkIntervals, List<String> warnings, Map<Integer, Double> fileSeconds) {
        String mode = !profile.agentMethods().isEmpty() ? "agent" : !profile.timing().isEmpty() ? "method-timing" : "sampling-only";
        long execSamples = profile.eventCounts().getOrDefault(EventKind.EXECUTION_SAMPLE, 0L);
        long cpuSamples = profile.eventCounts().getOrDefault(EventKind.CPU_TIME_SAMPLE, 0L);
        switch (mode) {
            case "sampling-only" -> warnings.add(0, "sampling-only mode: no Oxidizer agent events (oxidizer.MethodProfile) and no "
                    + "jdk.MethodTiming in the input, so exact call counts, calls per day, latency and granularity are missing "
                    + "(UNKNOWN); methods are the " + config.samplingOnlyMaxMethods() + " hottest application methods by self samples, "
                    + "ranked by sampled CPU time. Run with the Oxidizer agent for the full analysis.");
            case "method-timing" -> warnings.add(0, "method-timing mode: no Oxidizer agent events; exact counts and average/min/max "
                    + "times come from jdk.MethodTiming (JDK 25), so latency percentiles are missing (-1) and only the methods its "
                    + "filter named are analysed.");
            default -> { }
        }
        if (execSamples == 0 && cpuSamples == 0) {
            warnings.add("no jdk.ExecutionSample or jdk.CPUTimeSample events: sampled CPU time, the CPU-bound ratio, call trees "
                    + "and callers are missing; enable method sampling in the recording (settings=profile)");
        }

        // Window: agent intervals in agent mode (the span the counts cover), chunk spans otherwise.
        List<long[]> intervals = new ArrayList<>();
        int jvms;
        if (mode.equals("agent")) {
            for (AgentAccumulator.Session s : profile.sessions().values()) {
                if (s.startMs() <= s.endMs()) {
                    intervals.add(new long[] {s.startMs(), s.endMs()});
                } else if (s.seenFromMs() < s.seenToMs()) {
                    intervals.add(new long[] {s.seenFromMs(), s.seenToMs()});
                }
            }
            jvms = Math.max(1, profile.sessions().size());
        } else {
            intervals.addAll(chunkIntervals);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < recordings.size(); i++) {
                ids.add(profile.fileJvm().getOrDefault(i, "file " + i));
            }
            jvms = Math.max(1, ids.size());
        }
        if (intervals.isEmpty() && profile.firstEventMs() <= profile.lastEventMs()) {
            intervals.add(new long[] {profile.firstEventMs(), profile.lastEventMs()});
        }
        double windowSeconds = unionMs(intervals) / 1000.0;
        long wStart = intervals.stream().mapToLong(a -> a[0]).min().orElse(0);
        long wEnd = intervals.stream().mapToLong(a -> a[1]).max().orElse(0);
        if (windowSeconds <= 0) {
            warnings.add("the observation window is empty, so calls per day cannot be projected");
        }
        Report.Window window = new Report.Window(Instant.ofEpochMilli(wStart).toString(), Instant.ofEpochMilli(wEnd).toString(),
                windowSeconds, jvms);

        CpuModel cpu = CpuModel.of(profile, config.javaThreadsPerPeriod());
        boolean useCpuTime = cpu.source().equals(EventKind.CPU_TIME_SAMPLE);
        if (execSamples > 0 || cpuSamples > 0) {
            warnings.add(String.format(Locale.ROOT, "CPU time estimated from %s: one sample = %s (period %s, %s%s)",
                    cpu.source(), Scores.ns(cpu.nsPerSample()), Scores.ns(cpu.periodNs()), cpu.periodSource(),
                    cpu.saturation() > 1.001 ? String.format(Locale.ROOT, ", x%.2f because the sampler was saturated in %.0f%% of periods",
                            cpu.saturation(), cpu.saturatedShare() * 100) : ""));
            if (cpu.threadsWaitedForCores()) {
                warnings.add(String.format(Locale.ROOT, "threads waited for a core: they were on a CPU %.0f%% of the time they had "
                        + "work (mean over %d threads%s), so each method's time waiting for a core (its CPU time x (1 / its "
                        + "threads' share - 1)) is taken out of its wall time before the CPU-bound ratio, so that waiting for a "
                        + "core is not mistaken for waiting on I/O or locks", cpu.meanOnCpuShare() * 100, cpu.onCpuShares().size(),
                        cpu.machineBusy() == null ? "" : String.format(Locale.ROOT, "; machine %.0f%% busy by jdk.CPULoad",
                                cpu.machineBusy() * 100)));
            }
        }

        double ffmNs;
        double ffmPlainNs;
        boolean ffmMeasured;
        if (ffmCallNsOverride != null) {
            ffmNs = ffmCallNsOverride;
            ffmPlainNs = ffmCallNsOverride;
            ffmMeasured = false;
        } else {
            if (config.ffmCallNs() != null) {
                ffmNs = config.ffmCallNs();
                ffmMeasured = false;
            } else {
                Double measured = FfmCalibration.measure();
                ffmMeasured = measured != null;
                ffmNs = measured != null ? measured : FfmCalibration.DEFAULT_NS;
                if (measured == null) {
                    warnings.add("FFM downcall cost could not be measured on this JVM; assumed " + FfmCalibration.DEFAULT_NS + " ns");
                }
            }
            if (config.ffmPlainCallNs() != null) {
                ffmPlainNs = config.ffmPlainCallNs();
            } else if (config.ffmCallNs() != null) {
                ffmPlainNs = config.ffmCallNs(); // one configured figure fixes both
            } else {
                Double measured = FfmCalibration.measurePlain();
                ffmPlainNs = measured != null ? measured : FfmCalibration.DEFAULT_PLAIN_NS;
            }
            // a plain call never costs more than one that also copies its arguments (a disturbed measurement)
            ffmPlainNs = Math.min(ffmPlainNs, ffmNs);
        }

        // The methods to report.
        Map<String, Timed> timed = Timed.byMethod(profile, mode);
        List<String> keys = new ArrayList<>(timed.keySet());
        if (mode.equals("sampling-only")) {
            keys = HotMethods.select(profile, config);
        } else {
            Report.Threshold evidence = thresholds.get(dev.oxidizer.analyzer.rules.CpuEvidenceRule.MIN_SAMPLES);
            keys = withoutUnsampledLeftOut(keys, timed, profile, evidence == null ? 10 : (long) evidence.value());
        }
        MethodIndex index = new MethodIndex(profile, keys, config.entryPoints());
        boolean pathKnown = index.latencyPathKnown();
        if (!pathKnown) {
            warnings.add((config.latencyConfigured() ? "the configured entry points / latency threads"
                    : "no entry point or latency thread was configured and the defaults") + " matched nothing in the input: "
                    + "latency-path is UNKNOWN for every method (pass --entry-point or --latency-thread)");
        }
        // Callers and callees are judged by their typical (median) call, as the granularity rule judges methods.
        Map<String, Double> allMeans = new HashMap<>();
        timed.forEach((k, t) -> {
            Double typical = t.medianNs != null ? t.medianNs : t.meanNs;
            if (typical != null) {
                allMeans.put(k, typical);
            }
        });
        CodeOrigins origins = origins(profile, warnings);
        String ioNote = ioEventsNote(profile);
        if (ioNote != null) {
            warnings.add(ioNote);
        }

        Report.Assumptions assumptions = new Report.Assumptions(config.speedup(), ffmNs, ffmMeasured, ffmPlainNs);
        RuleContext ctx = new AnalysisContext(thresholds, assumptions, mode, pathKnown, config.latencyConfigured(), ioNote);
        List<MethodReport> reports = new ArrayList<>();
        StubCallSites stubs = new StubCallSites(profile.fileClassPath().values());
        MethodFactsBuilder factsBuilder = new MethodFactsBuilder(config, origins, stubs);
        Verdicts verdicts = new Verdicts(rules, config);
        Map<String, Double> cpuPerDay = new HashMap<>();
        for (String key : keys) {
            MethodFacts facts = factsBuilder.facts(key, timed.get(key), profile, index, cpu, windowSeconds, allMeans);
            // the fleet's measured calls per day replace the ones projected from the recordings' window
            facts = fleet == null ? facts : fleet.applyTo(facts);
            cpuPerDay.put(key, Scoring.cpuSecondsPerDay(facts));
            MethodReport report = verdicts.evaluate(facts, timed.get(key), ctx, index, profile.eventCounts().keySet());
            reports.add(fleet == null ? report : fleet.annotate(report));
        }
        stubs.close();
        reports = Ranking.rank(CoveredByCallee.apply(reports, ctx.threshold(CoveredByCallee.MIN_SHARE.key())),
                config.dependenciesWithOwnCode());
        Report.Savings savings = Headline.of(reports, cpuPerDay, jvmCpuSecondsPerDay(profile, fileSeconds, windowSeconds), config.speedup());
        if (Boolean.FALSE.equals(savings.fits())) {
            warnings.add(savings.note());
        }

        // The agent's figure covers the JVM's whole life (its start included), so the CPU it is set against must too:
        // the process CPU the agent measured when every interval has it; jdk.CPULoad, sampled once a second from the
        // recording's start, misses the start and made short runs' overhead look several times too large.
        Double processCpu = profile.agentProcessCpuSeconds();
        Report.AgentOverhead overhead = profile.agentCost().overhead(profile.sawOverhead(), profile.overheadNs(), profile.unsampledOverheadNs(),
                Double.isNaN(profile.nsPerCountedCall()) ? null : profile.nsPerCountedCall(),
                Double.isNaN(profile.nsPerTimedCall()) ? null : profile.nsPerTimedCall(),
                processCpu != null ? processCpu : profile.jvmCpuSeconds(fileSeconds), processCpu != null, windowSeconds, jvms);
        String application = profile.sessions().values().stream().map(s -> s.mainClass()).filter(s -> s != null && !s.isBlank())
                .findFirst().orElse(null);
        String version = Analyzer.class.getPackage().getImplementationVersion();
        return new Report(Report.SCHEMA, Report.SCHEMA_VERSION, Instant.now().toString(), version == null ? "dev" : version,
                application, mode, window, recordings, thresholds,
                assumptions, overhead, fleet == null ? warnings : FleetWarnings.add(fleet, keys, recordings.size(), warnings),
                reports, savings, fleet == null ? null : fleet.source());
    }

    /**
     * The agent writes every method it left out at transform time (reason {@code scope}: its signature cannot cross
     * FFM; {@code trivial} with {@code trivial=skip}), thousands in a library or an interpreter: only those that are
     * among the hottest sampled methods (as sampling-only mode picks them), or that have at least
     * {@code cpu-evidence.minSamples} CPU samples through them (enough to be judged), are reported, judged from their
     * samples; a trivial one is reported from one sample on (its bytecode decides granularity).
     */
    private List<String> withoutUnsampledLeftOut(List<String> keys, Map<String, Timed> timed, Profile profile,
                                                 long minSamples) {
        Set<String> hot = null;
        Set<String> sampled = null;
        List<String> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            Timed t = timed.get(k);
            if (t != null && !t.callsKnown() && LEFT_OUT.contains(t.instrumentationReason)) {
                if (hot == null) {
                    hot = new HashSet<>(HotMethods.select(profile, config));
                    hot.addAll(HotMethods.withSamples(profile, minSamples));
                    sampled = HotMethods.withSamples(profile, 1);
                }
                // a trivial method is rejected by its bytecode alone (granularity): one sample is enough to show it
                if (!hot.contains(k) && !("trivial".equals(t.instrumentationReason) && sampled.contains(k))) {
                    continue;
                }
            }
            out.add(k);
        }
        return out;
    }

    /** Reasons the agent gives for methods it never instrumented by choice (docs/agent.md, "Scope"). */
    static final Set<String> LEFT_OUT = Set.of("scope", "trivial");

    /**
     * Whose code is whose: the configured application globs, else the package of the main class each agent session
     * saw (and its subpackages); without either, every non-JDK class is taken as the application's.
     */
    private CodeOrigins origins(Profile profile, List<String> warnings) {
        List<String> globs = new ArrayList<>(config.application());
        if (globs.isEmpty()) {
            profile.sessions().values().stream().map(s -> CodeOrigins.globOfMainClass(s.mainClass())).filter(g -> g != null)
                    .distinct().forEach(globs::add);
        }
        if (globs.isEmpty()) {
            warnings.add("the application's own packages are unknown (no main class in the recording, no 'application' setting): "
                    + "every non-JDK method is taken as its own code; set application=com.acme.** to tell dependencies apart");
        }
        return new CodeOrigins(config.excludePackages(), globs);
    }

    /**
     * Whether the socket and file events were throttled (JDK 25's default keeps 100 events/s of jdk.SocketRead,
     * SocketWrite, FileRead and FileWrite, visible in jdk.ActiveSetting): then the recorded I/O waits are a sample, not
     * a total, and every I/O share is a lower bound. Null when no throttle was in force on an I/O event that occurred.
     */
    private static String ioEventsNote(Profile profile) {
        List<String> throttled = new ArrayList<>();
        for (String name : EventKind.IO_EVENTS) {
            Long id = profile.eventTypeIds().get(name);
            Set<String> values = id == null ? null : profile.settings().getOrDefault(id, Map.of()).get("throttle");
            if (values != null) {
                for (String v : values) {
                    if (v != null && !v.isBlank() && !v.trim().equals("off") && !v.trim().equals("0/s")) {
                        throttled.add(name + " (throttle " + v.trim() + ")");
                        break;
                    }
                }
            }
        }
        return throttled.isEmpty() ? null : "I/O events were throttled in the recording: " + String.join(", ", throttled)
                + "; above that rate JFR keeps a sample of them, so recorded I/O waits and I/O shares are lower bounds "
                + "(record with the throttle off, as the Oxidizer agent does, for totals)";
    }

    /**
     * CPU the recorded JVMs used per day: per recording, the mean of jdk.CPULoad's jvmUser + jvmSystem (shares of the
     * whole machine) times the machine's hardware threads (jdk.CPUInformation) times the recording's span, added over
     * recordings and projected from the window; null when no recording has both events.
     */
    private static Double jvmCpuSecondsPerDay(Profile profile, Map<Integer, Double> fileSeconds, double windowSeconds) {
        Double total = profile.jvmCpuSeconds(fileSeconds);
        return total != null && windowSeconds > 0 ? total / windowSeconds * DAY_SECONDS : null;
    }


    static long unionMs(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(a -> a[0]));
        long total = 0;
        long curStart = Long.MIN_VALUE;
        long curEnd = Long.MIN_VALUE;
        for (long[] iv : sorted) {
            if (iv[0] > curEnd) {
                if (curEnd > curStart) {
                    total += curEnd - curStart;
                }
                curStart = iv[0];
                curEnd = iv[1];
            } else {
                curEnd = Math.max(curEnd, iv[1]);
            }
        }
        if (curEnd > curStart) {
            total += curEnd - curStart;
        }
        return total;
    }

}

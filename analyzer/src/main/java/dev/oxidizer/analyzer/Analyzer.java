package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.CpuBoundRule;
import dev.oxidizer.analyzer.rules.GranularityRule;
import dev.oxidizer.analyzer.rules.PortableSignatureRule;
import dev.oxidizer.analyzer.rules.Rule;
import dev.oxidizer.analyzer.rules.RuleContext;
import dev.oxidizer.analyzer.rules.Scores;
import dev.oxidizer.analyzer.rules.ThresholdSpec;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;
import org.HdrHistogram.Histogram;

import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads one or many JFR recordings and builds the {@link Report}: per-method figures, one finding per rule,
 * verdicts and the ranking. Everything the user sees (JSON, terminal table, HTML) is rendered from that report.
 *
 * <p>Usage: {@code new Analyzer(config).analyze(files)}. Bad input that leaves nothing to analyse throws
 * {@link AnalysisException}; damaged but partly readable files are analysed and listed in
 * {@link Result#damage()} and in the report's recordings and warnings. Not thread-safe; one analysis at a time.
 */
public final class Analyzer {
    private static final double DAY_SECONDS = 86_400;
    /** Frames of the agent's probes: time in them is instrumentation overhead, not the method's work. */
    static final String AGENT_PACKAGE = "dev.oxidizer.agent.";

    private final AnalyzerConfig config;
    private final List<Rule> rules;
    private ProgressListener progress = ProgressListener.NONE;
    private Double ffmCallNsOverride;
    private int threads;
    private long unitBytes;

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

    /** Bytes of consecutive chunks one thread reads at a time (tests split small files with it); 0 for {@link #DEFAULT_UNIT_BYTES}. */
    Analyzer unitBytes(long bytes) {
        this.unitBytes = bytes;
        return this;
    }

    /**
     * Bytes of consecutive chunks read as one unit by default. It does not depend on the number of threads, so neither
     * does the report: {@code jdk.jfr} reads a damaged chunk differently depending on the chunks streamed before it
     * (it may only fail in the next one), so only the split, never the thread count, can change what damage is found.
     * 32 MB: several units per thread on files of a few hundred MB, and files smaller than that are read in place,
     * without the temporary copy a part of a file needs.
     */
    static final long DEFAULT_UNIT_BYTES = 32L << 20;

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
            units.addAll(RecordingReader.plan(i, f, scan, unitSize));
        }

        // Read the units in parallel; merge them in file and chunk order (the result does not depend on threads).
        ProfileAggregator agg = ProfileAggregator.merged(config.latencyThreads());
        int[] chunksRead = new int[files.size()];
        List<List<String>> problems = new ArrayList<>();
        for (JfrChunkScanner.Scan scan : scans) {
            problems.add(new ArrayList<>(scan.problems()));
        }
        new RecordingReader(progress, totalBytes, config.latencyThreads()).readAll(units, workers, r -> {
            agg.mergeFrom(r.aggregator());
            chunksRead[r.unit().fileIndex()] += r.chunksRead();
            problems.get(r.unit().fileIndex()).addAll(r.problems());
        });

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
            recordings.add(new Report.Recording(f.toString(), jvmLabel(agg.fileJvm.get(i)), chunksRead[i], !p.isEmpty(),
                    p.isEmpty() ? null : String.join("; ", p)));
        }
        if (readable == 0) {
            throw new AnalysisException(AnalysisException.Kind.BAD_INPUT, "no readable JFR chunk in the input: "
                    + (damage.isEmpty() ? "the recordings hold no chunk" : String.join("; ", damage)));
        }
        for (String d : damage) {
            warnings.add("damaged input: " + d + "; the readable chunks were analysed");
        }
        warnings.addAll(agg.problems);
        return new Result(build(agg, thresholds, recordings, chunkIntervals, warnings), List.copyOf(damage));
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

    private Report build(ProfileAggregator agg, Map<String, Report.Threshold> thresholds, List<Report.Recording> recordings,
                         List<long[]> chunkIntervals, List<String> warnings) {
        String mode = !agg.agentMethods.isEmpty() ? "agent" : !agg.timing.isEmpty() ? "method-timing" : "sampling-only";
        long execSamples = agg.eventCounts().getOrDefault(ProfileAggregator.EXECUTION_SAMPLE, 0L);
        long cpuSamples = agg.eventCounts().getOrDefault(ProfileAggregator.CPU_TIME_SAMPLE, 0L);
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
            for (ProfileAggregator.Session s : agg.sessions.values()) {
                if (s.startMs <= s.endMs) {
                    intervals.add(new long[] {s.startMs, s.endMs});
                } else if (s.seenFromMs < s.seenToMs) {
                    intervals.add(new long[] {s.seenFromMs, s.seenToMs});
                }
            }
            jvms = Math.max(1, agg.sessions.size());
        } else {
            intervals.addAll(chunkIntervals);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < recordings.size(); i++) {
                ids.add(agg.fileJvm.getOrDefault(i, "file " + i));
            }
            jvms = Math.max(1, ids.size());
        }
        if (intervals.isEmpty() && agg.firstEventMs <= agg.lastEventMs) {
            intervals.add(new long[] {agg.firstEventMs, agg.lastEventMs});
        }
        double windowSeconds = unionMs(intervals) / 1000.0;
        long wStart = intervals.stream().mapToLong(a -> a[0]).min().orElse(0);
        long wEnd = intervals.stream().mapToLong(a -> a[1]).max().orElse(0);
        if (windowSeconds <= 0) {
            warnings.add("the observation window is empty, so calls per day cannot be projected");
        }
        Report.Window window = new Report.Window(Instant.ofEpochMilli(wStart).toString(), Instant.ofEpochMilli(wEnd).toString(),
                windowSeconds, jvms);

        CpuModel cpu = CpuModel.of(agg, config.javaThreadsPerPeriod());
        boolean useCpuTime = cpu.source().equals(ProfileAggregator.CPU_TIME_SAMPLE);
        if (execSamples > 0 || cpuSamples > 0) {
            warnings.add(String.format(Locale.ROOT, "CPU time estimated from %s: one sample = %s (period %s, %s%s)",
                    cpu.source(), Scores.ns(cpu.nsPerSample()), Scores.ns(cpu.periodNs()), cpu.periodSource(),
                    cpu.saturation() > 1.001 ? String.format(Locale.ROOT, ", x%.2f because the sampler was saturated in %.0f%% of periods",
                            cpu.saturation(), cpu.saturatedShare() * 100) : ""));
            if (cpu.starved()) {
                warnings.add(String.format(Locale.ROOT, "the machine was %.0f%% busy (jdk.CPULoad), so runnable threads waited for "
                        + "CPU: threads ran on CPU %.0f%% of the time they had work (mean over %d threads), and each method's "
                        + "CPU-bound ratio is divided by the share its threads got, so that waiting for a core is not mistaken "
                        + "for waiting on I/O or locks", cpu.machineBusy() * 100, cpu.meanAvailability() * 100,
                        cpu.threadShares().size()));
            }
        }

        double ffmNs;
        boolean ffmMeasured;
        if (ffmCallNsOverride != null) {
            ffmNs = ffmCallNsOverride;
            ffmMeasured = false;
        } else if (config.ffmCallNs() != null) {
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

        // The methods to report.
        Map<String, Timed> timed = timedMethods(agg, mode);
        List<String> keys = new ArrayList<>(timed.keySet());
        if (mode.equals("sampling-only")) {
            keys = hottestApplicationMethods(agg);
        }
        MethodIndex index = new MethodIndex(agg, keys, config.entryPoints(), useCpuTime);
        boolean pathKnown = index.latencyPathKnown();
        if (!pathKnown) {
            warnings.add((config.latencyConfigured() ? "the configured entry points / latency threads"
                    : "no entry point or latency thread was configured and the defaults") + " matched nothing in the input: "
                    + "latency-path is UNKNOWN for every method (pass --entry-point or --latency-thread)");
        }
        Map<String, Double> allMeans = new HashMap<>();
        timed.forEach((k, t) -> {
            if (t.meanNs != null) {
                allMeans.put(k, t.meanNs);
            }
        });

        RuleContext ctx = new Ctx(thresholds, ffmNs, mode, pathKnown, config.latencyConfigured());
        List<MethodReport> reports = new ArrayList<>();
        for (String key : keys) {
            MethodFacts facts = facts(key, timed.get(key), agg, index, cpu, windowSeconds, allMeans);
            reports.add(evaluate(facts, timed.get(key), ctx, ffmNs, index, agg.eventCounts().keySet()));
        }
        reports = rank(CoveredByCallee.apply(reports, ctx.threshold(CoveredByCallee.MIN_SHARE.key())));

        Report.AgentOverhead overhead = null;
        if (agg.sawOverhead) {
            double secs = agg.overheadNs / 1e9;
            overhead = new Report.AgentOverhead(Double.isNaN(agg.nsPerCountedCall) ? null : agg.nsPerCountedCall,
                    Double.isNaN(agg.nsPerTimedCall) ? null : agg.nsPerTimedCall, secs,
                    windowSeconds > 0 ? secs / (windowSeconds * jvms) : null);
        }
        String application = agg.sessions.values().stream().map(s -> s.mainClass).filter(s -> s != null && !s.isBlank())
                .findFirst().orElse(null);
        String version = Analyzer.class.getPackage().getImplementationVersion();
        return new Report(Report.SCHEMA, Report.SCHEMA_VERSION, Instant.now().toString(), version == null ? "dev" : version,
                application, mode, window, recordings, thresholds,
                new Report.Assumptions(config.speedup(), ffmNs, ffmMeasured), overhead, warnings, reports);
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

    // ---- counts and latency -------------------------------------------------------------------------------------

    /** Count and timing figures of one method from the agent or jdk.MethodTiming. */
    static final class Timed {
        String className;
        String methodName;
        String descriptor;
        Integer modifiers;
        long calls;
        long exceptional;
        String source;
        Double meanNs;
        MethodReport.Latency latency;
        double timerOverheadNs;
    }

    private Map<String, Timed> timedMethods(ProfileAggregator agg, String mode) {
        Map<String, Timed> out = new LinkedHashMap<>();
        if (mode.equals("agent")) {
            for (var e : agg.agentMethods.entrySet()) {
                ProfileAggregator.AgentMethod m = e.getValue();
                if (m.invocations <= 0) {
                    continue;
                }
                Timed t = new Timed();
                t.className = m.className;
                t.methodName = m.methodName;
                t.descriptor = m.descriptor;
                t.modifiers = m.modifiers;
                t.calls = m.invocations;
                t.exceptional = m.exceptional;
                t.source = "agent";
                double overheadSum = 0;
                int n = 0;
                for (String sid : m.sessions) {
                    ProfileAggregator.Session s = agg.sessions.get(sid);
                    if (s != null && !Double.isNaN(s.timerOverheadNs)) {
                        overheadSum += s.timerOverheadNs;
                        n++;
                    }
                }
                double ovh = n == 0 ? 0 : overheadSum / n;
                t.timerOverheadNs = ovh;
                Histogram h = m.latency.toHistogram();
                String policy = m.policies.isEmpty() ? "unknown" : String.join(", ", m.policies);
                if (h != null && h.getTotalCount() > 0) {
                    double mean = Math.max(0, h.getMean() - ovh);
                    t.meanNs = mean;
                    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
                    int len = h.encodeIntoCompressedByteBuffer(buf);
                    String b64 = Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), len));
                    t.latency = new MethodReport.Latency(h.getTotalCount(), policy, mean, adj(h.getValueAtPercentile(50), ovh),
                            adj(h.getValueAtPercentile(90), ovh), adj(h.getValueAtPercentile(99), ovh),
                            adj(h.getValueAtPercentile(99.9), ovh), adj(h.getMaxValue(), ovh), mean * m.invocations, b64);
                }
                out.put(e.getKey(), t);
            }
        } else if (mode.equals("method-timing")) {
            // Cumulative per JVM: keep each JVM's largest snapshot, then add JVMs.
            Map<String, Map<String, ProfileAggregator.TimingSnapshot>> perJvm = new HashMap<>();
            for (var fe : agg.timing.entrySet()) {
                String jvm = agg.fileJvm.getOrDefault(fe.getKey(), "file " + fe.getKey());
                Map<String, ProfileAggregator.TimingSnapshot> target = perJvm.computeIfAbsent(jvm, k -> new HashMap<>());
                fe.getValue().forEach((k, v) -> target.merge(k, v, (a, b) -> a.invocations() >= b.invocations() ? a : b));
            }
            Map<String, double[]> sums = new TreeMap<>();
            Map<String, ProfileAggregator.TimingSnapshot> any = new HashMap<>();
            for (var jvm : perJvm.values()) {
                for (var e : jvm.entrySet()) {
                    ProfileAggregator.TimingSnapshot s = e.getValue();
                    double[] a = sums.computeIfAbsent(e.getKey(), k -> new double[] {0, 0, 0, 0});
                    a[0] += s.invocations();
                    if (s.avgNs() >= 0) {
                        a[1] += (double) s.avgNs() * s.invocations();
                        a[2] += s.invocations();
                    }
                    a[3] = Math.max(a[3], s.maxNs());
                    any.put(e.getKey(), s);
                }
            }
            for (var e : sums.entrySet()) {
                double[] a = e.getValue();
                if (a[0] <= 0) {
                    continue;
                }
                ProfileAggregator.TimingSnapshot s = any.get(e.getKey());
                Timed t = new Timed();
                t.className = s.className();
                t.methodName = s.methodName();
                t.descriptor = s.descriptor();
                t.modifiers = s.modifiers();
                t.calls = (long) a[0];
                t.source = "method-timing";
                if (a[2] > 0) {
                    t.meanNs = a[1] / a[2];
                    t.latency = new MethodReport.Latency((long) a[2], "method-timing (min/avg/max only)", t.meanNs, -1, -1, -1, -1,
                            (long) a[3], t.meanNs * t.calls, null);
                }
                out.put(e.getKey(), t);
            }
        }
        return out;
    }

    private static long adj(long v, double overhead) {
        return Math.max(0, Math.round(v - overhead));
    }

    private List<String> hottestApplicationMethods(ProfileAggregator agg) {
        StackTable st = agg.stacks;
        long[] self = new long[st.frameCount()];
        for (int s = 0; s < st.stackCount(); s++) {
            int[] f = st.stack(s);
            StackTable.Stats stats = st.stats(s);
            long w = stats.exec + stats.cpuTimeSamples;
            if (f.length > 0 && w > 0) {
                self[f[0]] += w;
            }
        }
        // Attribute JDK leaf time to the nearest application frame: the method a user could port.
        long[] attributed = new long[st.frameCount()];
        for (int s = 0; s < st.stackCount(); s++) {
            int[] f = st.stack(s);
            StackTable.Stats stats = st.stats(s);
            long w = stats.exec + stats.cpuTimeSamples;
            if (w == 0) {
                continue;
            }
            for (int id : f) {
                if (!excluded(st.frame(id).className())) {
                    attributed[id] += w;
                    break;
                }
            }
        }
        // Inclusive time too: a coarse caller with little time of its own is often the right unit to port.
        long[] inclusive = new long[st.frameCount()];
        for (int s = 0; s < st.stackCount(); s++) {
            StackTable.Stats stats = st.stats(s);
            long w = stats.exec + stats.cpuTimeSamples;
            if (w == 0) {
                continue;
            }
            Set<Integer> seen = new HashSet<>();
            for (int id : st.stack(s)) {
                if (!excluded(st.frame(id).className()) && seen.add(id)) {
                    inclusive[id] += w;
                }
            }
        }
        int max = config.samplingOnlyMaxMethods();
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.addAll(topFrames(attributed, max, st));
        chosen.addAll(topFrames(inclusive, max, st));
        List<Integer> ids = new ArrayList<>(chosen);
        ids.sort(Comparator.<Integer>comparingLong(i -> -attributed[i]).thenComparingLong(i -> -inclusive[i])
                .thenComparing(i -> st.frame(i).key()));
        return ids.stream().map(i -> st.frame(i).key()).toList();
    }

    private static List<Integer> topFrames(long[] weight, int max, StackTable st) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < weight.length; i++) {
            if (weight[i] > 0) {
                ids.add(i);
            }
        }
        ids.sort(Comparator.<Integer>comparingLong(i -> -weight[i]).thenComparing(i -> st.frame(i).key()));
        return ids.subList(0, Math.min(max, ids.size()));
    }

    boolean excluded(String className) {
        for (String p : config.excludePackages()) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    // ---- per-method facts -------------------------------------------------------------------------------------

    /** Which distinct stacks pass through each reported method, and stack-level entry-point matches. */
    final class MethodIndex {
        final Map<String, int[]> stacksOf = new HashMap<>();
        final Map<String, Integer> frameOf = new HashMap<>();
        final int[] entryOfStack;
        /** Per stack: index of the deepest frame of the Oxidizer agent's own code, -1 when none. */
        final int[] agentDepthOfStack;
        final List<String> entryGlobs;
        final boolean useCpuTime;
        private final ProfileAggregator agg;

        MethodIndex(ProfileAggregator agg, List<String> keys, List<String> entryGlobs, boolean useCpuTime) {
            this.agg = agg;
            this.entryGlobs = entryGlobs;
            this.useCpuTime = useCpuTime;
            StackTable st = agg.stacks;
            int frames = st.frameCount();
            int[] reported = new int[frames];
            Arrays.fill(reported, -1);
            for (int i = 0; i < keys.size(); i++) {
                int f = st.frameId(keys.get(i));
                frameOf.put(keys.get(i), f);
                if (f >= 0) {
                    reported[f] = i;
                }
            }
            List<Pattern> patterns = entryGlobs.stream().map(Globs::compile).toList();
            int[] entryOfFrame = new int[frames];
            for (int f = 0; f < frames; f++) {
                entryOfFrame[f] = -1;
                StackTable.Frame fr = st.frame(f);
                String label = fr.className() + "." + fr.methodName();
                for (int p = 0; p < patterns.size(); p++) {
                    if (patterns.get(p).matcher(label).matches()) {
                        entryOfFrame[f] = p;
                        break;
                    }
                }
            }
            entryOfStack = new int[st.stackCount()];
            agentDepthOfStack = new int[st.stackCount()];
            boolean[] agentFrame = new boolean[frames];
            for (int f = 0; f < frames; f++) {
                agentFrame[f] = st.frame(f).className().startsWith(AGENT_PACKAGE);
            }
            List<List<Integer>> lists = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                lists.add(new ArrayList<>());
            }
            int[] seen = new int[frames];
            Arrays.fill(seen, -1);
            for (int s = 0; s < st.stackCount(); s++) {
                int entry = -1;
                int[] fs = st.stack(s);
                int agentDepth = -1;
                for (int i = 0; i < fs.length; i++) {
                    if (agentFrame[fs[i]]) {
                        agentDepth = i;
                    }
                }
                agentDepthOfStack[s] = agentDepth;
                for (int f : fs) {
                    if (entryOfFrame[f] >= 0) {
                        entry = entryOfFrame[f]; // outermost match wins: the request's real entry
                    }
                    int r = reported[f];
                    if (r >= 0 && seen[f] != s) {
                        seen[f] = s;
                        lists.get(r).add(s);
                    }
                }
                entryOfStack[s] = entry;
            }
            for (int i = 0; i < keys.size(); i++) {
                stacksOf.put(keys.get(i), lists.get(i).stream().mapToInt(Integer::intValue).toArray());
            }
        }

        long weight(int stack) {
            StackTable.Stats s = agg.stacks.stats(stack);
            return useCpuTime ? s.cpuTimeSamples : s.exec;
        }

        boolean latencyPathKnown() {
            StackTable st = agg.stacks;
            for (int s = 0; s < st.stackCount(); s++) {
                StackTable.Stats x = st.stats(s);
                if (x.evidenceOnLatencyThread > 0 || (entryOfStack[s] >= 0 && x.evidence > 0)) {
                    return true;
                }
            }
            return false;
        }
    }

    private MethodFacts facts(String key, Timed t, ProfileAggregator agg, MethodIndex index, CpuModel cpu, double windowSeconds,
                              Map<String, Double> allMeans) {
        StackTable st = agg.stacks;
        int fid = index.frameOf.getOrDefault(key, -1);
        int[] stacks = index.stacksOf.getOrDefault(key, new int[0]);
        String className;
        String methodName;
        String descriptor;
        Integer modifiers;
        if (t != null) {
            className = t.className;
            methodName = t.methodName;
            descriptor = t.descriptor;
            modifiers = t.modifiers;
        } else {
            StackTable.Frame fr = st.frame(fid);
            className = fr.className();
            methodName = fr.methodName();
            descriptor = fr.descriptor();
            modifiers = fr.modifiers();
        }
        long self = 0;
        long inclusive = 0;
        long agentSamples = 0;
        double weightedAvailability = 0;
        double weightedAvailabilityWeight = 0;
        long park = 0, parkNs = 0, mon = 0, monNs = 0, io = 0, ioNs = 0, alloc = 0;
        long evidence = 0;
        long pathEvidence = 0;
        Map<Integer, Long> entryWeights = new HashMap<>();
        Set<Long> threads = new HashSet<>();
        Map<String, long[]> callers = new HashMap<>(); // key -> {samples, minDistance}
        Map<String, Long> frameCallers = new HashMap<>();
        Node tree = new Node(fid);
        for (int s : stacks) {
            int[] frames = st.stack(s);
            StackTable.Stats x = st.stats(s);
            long w = index.weight(s);
            int outerPos = -1;
            for (int i = frames.length - 1; i >= 0; i--) {
                if (frames[i] == fid) {
                    outerPos = i;
                    break;
                }
            }
            int agentDepth = index.agentDepthOfStack[s];
            if (agentDepth >= 0 && agentDepth < outerPos) {
                agentSamples += w; // the agent's probes of callees, running inside this method
                w = 0;
            }
            if (frames.length > 0 && frames[0] == fid) {
                self += w;
            }
            inclusive += w;
            park += x.parkCount;
            parkNs += x.parkNs;
            mon += x.monitorCount;
            monNs += x.monitorNs;
            io += x.ioCount;
            ioNs += x.ioNs;
            alloc += x.allocBytes;
            evidence += x.evidence;
            int entry = index.entryOfStack[s];
            if (entry >= 0) {
                pathEvidence += x.evidence;
                entryWeights.merge(entry, x.evidence, Long::sum);
            } else {
                pathEvidence += x.evidenceOnLatencyThread;
            }
            for (int i = 0; i < x.threadCount; i++) {
                threads.add(x.threads[i]);
                if (w > 0 && x.threadExec[i] > 0) {
                    weightedAvailability += x.threadExec[i] * cpu.availability(x.threads[i]);
                    weightedAvailabilityWeight += x.threadExec[i];
                }
            }
            int outer = -1;
            for (int i = frames.length - 1; i >= 0; i--) {
                if (frames[i] == fid) {
                    outer = i;
                    break;
                }
            }
            if (outer < 0) {
                continue;
            }
            long cw = Math.max(w, x.evidence);
            boolean frameCallerFound = false;
            Set<String> seenCallers = new HashSet<>();
            for (int j = outer + 1; j < frames.length; j++) {
                StackTable.Frame fr = st.frame(frames[j]);
                if (frames[j] == fid) {
                    continue;
                }
                if (allMeans.containsKey(fr.key()) && seenCallers.add(fr.key())) {
                    long[] c = callers.computeIfAbsent(fr.key(), k -> new long[] {0, Integer.MAX_VALUE});
                    c[0] += cw;
                    c[1] = Math.min(c[1], j - outer);
                }
                if (!frameCallerFound && !excluded(fr.className())) {
                    frameCallers.merge(fr.key(), cw, Long::sum);
                    frameCallerFound = true;
                }
            }
            if (w > 0) {
                Node n = tree;
                n.weight += w;
                for (int j = outer - 1, depth = 0; j >= 0 && depth < 24; j--, depth++) {
                    n = n.child(frames[j]);
                    n.weight += w;
                }
            }
        }
        Long observed = t == null ? null : t.calls;
        // Window timestamps are whole milliseconds: projecting in ms keeps threshold edges exact.
        long windowMs = Math.round(windowSeconds * 1000);
        Double perDay = observed != null && windowMs > 0 ? observed * (DAY_SECONDS * 1000) / windowMs : null;
        // The agent's probes of instrumented callees run inside this method's measured time; the share of its
        // samples that landed in them estimates the share of its time they took, which is taken out.
        double agentShare = agentSamples + inclusive == 0 ? 0 : agentSamples / (double) (agentSamples + inclusive);
        Double mean = t == null || t.meanNs == null ? null : t.meanNs * (1 - agentShare);
        Double wall = mean != null && observed != null ? mean * observed : null;
        double cpuNs = inclusive * cpu.nsPerSample();
        // On a machine with no spare core, runnable threads wait for CPU: divide by the share its threads got.
        double availability = inclusive > 0 && weightedAvailabilityWeight > 0 ? weightedAvailability / weightedAvailabilityWeight : 1.0;
        Double ratio = wall != null && wall > 0 ? Math.min(1.0, cpuNs / (wall * availability)) : null;
        Double allocRate = agg.eventCounts().getOrDefault(ProfileAggregator.ALLOCATION_SAMPLE, 0L) > 0 && windowSeconds > 0
                ? alloc / windowSeconds : null;
        Boolean onPath = null;
        Double share = null;
        String matched = null;
        if (evidence > 0) {
            share = pathEvidence / (double) evidence;
            onPath = share > 0;
            if (!entryWeights.isEmpty()) {
                int best = entryWeights.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
                matched = index.entryGlobs.get(best);
            } else if (pathEvidence > 0) {
                for (long tid : threads) {
                    ProfileAggregator.ThreadInfo ti = agg.threads.get(tid);
                    if (ti != null && ti.latencyThread) {
                        matched = "thread " + ti.name + " (" + ti.matchedGlob + ")";
                        break;
                    }
                }
            }
        }
        List<MethodFacts.Caller> callerList = new ArrayList<>();
        callers.forEach((k, v) -> callerList.add(new MethodFacts.Caller(k, (int) v[1], v[0], allMeans.get(k))));
        callerList.sort(Comparator.comparingInt(MethodFacts.Caller::distance).thenComparing(c -> -c.samples())
                .thenComparing(MethodFacts.Caller::key));
        String nearestFrame = frameCallers.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        MethodReport.CallTree callTree = inclusive > 0 ? tree.toModel(st, key, 0) : null;
        Boolean isStatic = modifiers == null ? null : Modifier.isStatic(modifiers);
        return new MethodFacts(key, className, methodName, descriptor, isStatic, observed, t == null ? 0 : t.exceptional, perDay,
                t == null ? "samples" : t.source, threads.isEmpty() ? null : threads.size(), mean, wall,
                t == null || t.latency == null ? null : t.latency.maxNs(), self, inclusive, cpuNs, ratio, park, mon, io, parkNs,
                monNs, ioNs, allocRate, onPath, matched, share, callerList.size() > 10 ? callerList.subList(0, 10) : callerList,
                nearestFrame, callTree, windowSeconds, cpu.nsPerSample(), availability, agentShare);
    }

    /** A call-tree node while building. */
    private static final class Node {
        final int frame;
        long weight;
        Map<Integer, Node> children;

        Node(int frame) {
            this.frame = frame;
        }

        Node child(int f) {
            if (children == null) {
                children = new HashMap<>();
            }
            return children.computeIfAbsent(f, Node::new);
        }

        MethodReport.CallTree toModel(StackTable st, String rootKey, int depth) {
            String label = frame >= 0 ? st.frame(frame).label() : rootKey;
            List<MethodReport.CallTree> kids = new ArrayList<>();
            if (children != null && depth < 8) {
                children.values().stream()
                        .sorted(Comparator.<Node>comparingLong(n -> -n.weight).thenComparing(n -> st.frame(n.frame).key()))
                        .limit(5)
                        .filter(n -> n.weight * 100 >= weight) // drop branches under 1% of their parent
                        .forEach(n -> kids.add(n.toModel(st, rootKey, depth + 1)));
            }
            return new MethodReport.CallTree(label, weight, kids);
        }
    }

    // ---- rules, verdict, ranking ------------------------------------------------------------------------------------

    private MethodReport evaluate(MethodFacts f, Timed t, RuleContext ctx, double ffmNs, MethodIndex index, Set<String> present) {
        List<Finding> findings = new ArrayList<>();
        for (Rule r : rules) {
            Finding finding;
            if (!r.requiredEvents().isEmpty() && r.requiredEvents().stream().noneMatch(present::contains)) {
                findings.add(new Finding(r.id(), r.name(), Outcome.UNKNOWN, 0, "needed events are not in the input",
                        "This rule needs one of " + String.join(", ", r.requiredEvents()) + "; the input has none of them.",
                        "Record them (the Oxidizer agent enables all of them).", Map.of()));
                continue;
            }
            try {
                finding = r.evaluate(f, ctx);
            } catch (RuntimeException e) {
                finding = new Finding(r.id(), r.name(), Outcome.UNKNOWN, 0, "rule failed: " + e,
                        "The rule threw " + e + "; this is a bug in the rule.", null, Map.of());
            }
            findings.add(finding);
        }
        String rejectedBy = findings.stream().filter(x -> x.outcome() == Outcome.FAIL).map(Finding::ruleId).findFirst().orElse(null);
        Verdict verdict = rejectedBy == null ? Verdict.CANDIDATE : Verdict.REJECTED;
        Finding cpuFinding = findings.stream().filter(x -> x.ruleId().equals("cpu-bound")).findFirst().orElse(null);
        boolean cpuDecided = cpuFinding != null && (cpuFinding.outcome() == Outcome.PASS || cpuFinding.outcome() == Outcome.FAIL);

        // Score: CPU seconds saved per day if the method ran `speedup` times faster, minus the downcalls' cost.
        double speedup = config.speedup();
        double saved;
        boolean instrumentationBound = f.agentSampleShare() >= ctx.threshold(CpuBoundRule.MAX_AGENT_SHARE);
        if (instrumentationBound && f.windowSeconds() > 0) {
            // Its measured time is mostly the agent's probes: estimate its CPU from samples outside them.
            double cpuPerDay = f.cpuTimeNs() / f.windowSeconds() * DAY_SECONDS / 1e9;
            saved = cpuPerDay * (1 - 1 / speedup) - (f.callsPerDay() == null ? 0 : ffmNs * f.callsPerDay() / 1e9);
        } else if (f.callsPerDay() != null && f.meanNs() != null) {
            double ratio = cpuDecided && f.cpuBoundRatio() != null ? f.cpuBoundRatio() : 1.0;
            double cpuPerDay = f.meanNs() * ratio * f.callsPerDay() / 1e9;
            saved = cpuPerDay * (1 - 1 / speedup) - ffmNs * f.callsPerDay() / 1e9;
        } else if (f.windowSeconds() > 0) {
            saved = f.cpuTimeNs() / f.windowSeconds() * DAY_SECONDS / 1e9 * (1 - 1 / speedup);
        } else {
            saved = 0;
        }
        saved = Math.max(0, saved);
        boolean anyUnknown = findings.stream().anyMatch(x -> x.outcome() == Outcome.UNKNOWN && !x.ruleId().equals("latency-path"));
        MethodReport.Confidence confidence;
        if ("agent".equals(f.callSource()) && cpuDecided && f.inclusiveSamples() >= 50 && !anyUnknown) {
            confidence = MethodReport.Confidence.HIGH;
        } else if (cpuDecided && f.inclusiveSamples() >= 10 && f.callsObserved() != null) {
            confidence = MethodReport.Confidence.MEDIUM;
        } else {
            confidence = MethodReport.Confidence.LOW;
        }

        MethodReport.Suggestion suggestion = suggestion(f, findings, verdict, rejectedBy, ctx);
        double allocBytesPerCall = -1;
        MethodReport.Allocation allocation = null;
        if (f.allocBytesPerSecond() != null) {
            Double perCall = f.callsObserved() != null && f.callsObserved() > 0
                    ? f.allocBytesPerSecond() * f.windowSeconds() / f.callsObserved() : null;
            allocation = new MethodReport.Allocation(f.allocBytesPerSecond(), perCall, topAllocClasses(index, f.key()));
        }
        MethodReport.Calls calls = f.callsObserved() == null ? null
                : new MethodReport.Calls(f.callsObserved(), f.exceptional(), f.callsPerDay() == null ? 0 : f.callsPerDay(),
                f.callSource(), f.threads());
        MethodReport.Cpu cpu = new MethodReport.Cpu(f.selfSamples(), f.inclusiveSamples(), f.cpuTimeNs(), f.cpuBoundRatio(),
                f.parkCount(), f.monitorCount(), f.ioCount(), f.waitNs());
        MethodReport.LatencyPath path = f.onLatencyPath() == null || !ctx.latencyPathKnown() ? null
                : new MethodReport.LatencyPath(findings.stream().anyMatch(x -> x.ruleId().equals("latency-path") && x.outcome() == Outcome.PASS),
                f.latencyMatched(), f.latencyShare());
        boolean allowReceiver = ctx.threshold(PortableSignatureRule.ALLOW_RECEIVER) >= 0.5;
        return new MethodReport(f.key(), f.className(), f.methodName(), f.descriptor(),
                Signatures.javaSignature(f.methodName(), f.descriptor(), f.isStatic()), f.isStatic(), calls,
                t == null ? null : t.latency, cpu, allocation, path,
                Signatures.portability(f.methodName(), f.descriptor(), f.isStatic(), allowReceiver), findings, verdict, rejectedBy,
                null, round(saved), confidence, suggestion, f.callTree(), null);
    }

    private List<String> topAllocClasses(MethodIndex index, String key) {
        int[] stacks = index.stacksOf.getOrDefault(key, new int[0]);
        if (stacks.length == 0) {
            return List.of();
        }
        Set<Integer> mine = new HashSet<>();
        for (int s : stacks) {
            mine.add(s);
        }
        Map<Integer, Long> byClass = new HashMap<>();
        ProfileAggregator agg = index.agg;
        for (var e : agg.allocations.entrySet()) {
            int sid = (int) (e.getKey() >>> 24);
            if (mine.contains(sid)) {
                byClass.merge((int) (e.getKey() & 0xFFFFFF), e.getValue()[0], Long::sum);
            }
        }
        return byClass.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).limit(3)
                .map(e -> agg.allocClasses.get(e.getKey())).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private MethodReport.Suggestion suggestion(MethodFacts f, List<Finding> findings, Verdict verdict, String rejectedBy,
                                               RuleContext ctx) {
        if (verdict == Verdict.REJECTED) {
            Finding why = findings.stream().filter(x -> x.ruleId().equals(rejectedBy)).findFirst().orElseThrow();
            if (rejectedBy.equals("granularity")) {
                double max = ctx.threshold(GranularityRule.MAX_CALL_SHARE);
                for (MethodFacts.Caller c : f.callers()) {
                    if (c.meanNs() != null && GranularityRule.passes(c.meanNs(), ctx.ffmCallNs(), max)) {
                        return new MethodReport.Suggestion("native", c.key(), "too fine-grained for one downcall per call; port "
                                + "the nearest coarser caller " + c.key() + " (mean " + Scores.ns(c.meanNs()) + ") instead");
                    }
                }
            }
            return new MethodReport.Suggestion("host", null, "keep it on the JVM: rejected by " + rejectedBy + " (" + why.summary() + ")");
        }
        double mean = f.meanNs() == null ? 0 : f.meanNs();
        if (mean >= 50_000_000) {
            return new MethodReport.Suggestion("sidecar", null, "calls average " + Scores.ns(mean) + ": a Rust sidecar process costs "
                    + "tens of microseconds per request, negligible here, and keeps a crash or memory blow-up out of the JVM");
        }
        if (f.threads() != null && f.threads() >= 4 && mean >= 1_000_000 && (f.latencyShare() == null || f.latencyShare() < 0.5)) {
            return new MethodReport.Suggestion("queue", null, "long calls (" + Scores.ns(mean) + ") from " + f.threads()
                    + " threads, mostly off the latency path: hand the work to a Rust worker pool through a queue and collect results asynchronously");
        }
        return new MethodReport.Suggestion("native", null, "CPU-bound work of " + (mean > 0 ? Scores.ns(mean) : "unknown length")
                + " per call: call a Rust function in-process through an FFM downcall");
    }

    private static List<MethodReport> rank(List<MethodReport> reports) {
        Comparator<MethodReport> byScore = Comparator.comparingDouble(MethodReport::score).reversed()
                .thenComparing(MethodReport::key);
        List<MethodReport> candidates = reports.stream().filter(m -> m.verdict() == Verdict.CANDIDATE).sorted(byScore).toList();
        List<MethodReport> rejected = reports.stream().filter(m -> m.verdict() == Verdict.REJECTED).sorted(byScore).toList();
        List<MethodReport> out = new ArrayList<>();
        int rank = 1;
        for (MethodReport m : candidates) {
            out.add(m.withVerdict(m.findings(), m.verdict(), null, rank++, m.suggestion()));
        }
        out.addAll(rejected);
        return out;
    }

    private record Ctx(Map<String, Report.Threshold> thresholds, double ffmCallNs, String mode, boolean latencyPathKnown,
                       boolean latencyConfigured) implements RuleContext {
        @Override
        public double threshold(String key) {
            Report.Threshold t = thresholds.get(key);
            if (t == null) {
                throw new IllegalArgumentException("undeclared threshold " + key);
            }
            return t.value();
        }
    }

}

package dev.oxidizer.report;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MeasuredVerdicts;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link Report} into the {@link PageView} the templates render: formats every figure, lays out
 * the charts, builds the shell command for each candidate. Pure: reads the model, touches no file.
 * Tolerates every nullable part of the model (an absent figure shows as a dash, an absent chart is left
 * out), because reports from sampling-only recordings miss whole sections.
 */
final class PageBuilder {
    /** Shown in generate commands when the report's file name is not known. */
    static final String REPORT_PLACEHOLDER = "REPORT.json";

    private final Report report;
    private final String reportFile;

    /**
     * @param report     the model to show
     * @param reportFile the JSON report's path as the user should type it, or null when unknown
     */
    PageBuilder(Report report, String reportFile) {
        this.report = report;
        this.reportFile = reportFile;
    }

    PageView build(String script, String scriptHash, String css) {
        List<PageView.Candidate> candidates = new ArrayList<>();
        List<PageView.Rejected> rejected = new ArrayList<>();
        List<MethodReport> methods = report.methods();
        List<Integer> candidateIndexes = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            if (methods.get(i).verdict() == dev.oxidizer.model.Verdict.CANDIDATE) {
                candidateIndexes.add(i);
            }
        }
        // Rank order, whatever order the file lists them in; unranked candidates go last.
        candidateIndexes.sort(Comparator.comparing((Integer i) -> methods.get(i).rank(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        double saved = 0;
        int measured = 0;
        List<PageView.Candidate> keepJava = new ArrayList<>();
        for (int i : candidateIndexes) {
            MethodReport m = methods.get(i);
            if (m.port() != null && MeasuredVerdicts.Kind.KEEP_JAVA.name().equals(m.port().verdict())) {
                keepJava.add(candidate(m, "m-" + i));
                continue;
            }
            candidates.add(candidate(m, "m-" + i));
            saved += MeasuredVerdicts.effectiveSaving(m);
            measured += isMeasured(m) ? 1 : 0;
        }
        long rejectedCount = methods.size() - candidateIndexes.size();
        if (report.savings() != null && measured == 0) {
            // Schema 2: the analyzer's headline counts a candidate and the candidates it calls once. Once ports are
            // measured, the sum of the ranked candidates' savings (measured where they exist) is shown instead.
            saved = report.savings().cpuSecondsPerDay();
        }
        for (int i = 0; i < methods.size(); i++) {
            if (methods.get(i).verdict() != dev.oxidizer.model.Verdict.CANDIDATE) {
                rejected.add(rejected(methods.get(i), "m-" + i, rejectedCount <= ALL_RULES_MAX_ROWS));
            }
        }
        String app = report.application() == null || report.application().isBlank() ? null : report.application();
        String title = "Oxidizer report" + (app == null ? "" : " — " + app);
        EmbeddedModel model = EmbeddedModel.of(report);
        return new PageView(title, summary(app, saved, measured), candidates, columns(candidates), keepJava, rejected,
                ScriptJson.escape(model.json()), model.abridged(), rejected.size() > ALL_RULES_MAX_ROWS, script, scriptHash, css);
    }

    private static PageView.Columns columns(List<PageView.Candidate> cs) {
        boolean calls = cs.stream().anyMatch(c -> !c.callsPerDay().sort().isEmpty());
        boolean mean = cs.stream().anyMatch(c -> !c.mean().sort().isEmpty());
        boolean p99 = cs.stream().anyMatch(c -> !c.p99().sort().isEmpty());
        boolean cpu = cs.stream().anyMatch(c -> !c.cpuBound().sort().isEmpty());
        boolean ffm = cs.stream().anyMatch(c -> !c.ffmShare().sort().isEmpty());
        boolean speedup = cs.stream().anyMatch(c -> !c.speedup().sort().isEmpty());
        List<String> hidden = new ArrayList<>();
        if (!calls) hidden.add("calls/day");
        if (!mean) hidden.add("mean");
        if (!p99) hidden.add("p99");
        if (!cpu) hidden.add("CPU-bound");
        if (!ffm) hidden.add("FFM share");
        String note = hidden.isEmpty() ? null : "No candidate has " + String.join(", ", hidden)
                + " in this report, so those columns are left out.";
        return new PageView.Columns(calls, mean, p99, cpu, ffm, speedup, note);
    }

    /** Whether the saving a candidate is ranked by was measured (a verified port with a verdict that ranks it). */
    private static boolean isMeasured(MethodReport m) {
        return m.port() != null && m.port().measuredScore() != null
                && (MeasuredVerdicts.Kind.PORT.name().equals(m.port().verdict())
                || MeasuredVerdicts.Kind.INCONCLUSIVE.name().equals(m.port().verdict()));
    }

    private PageView.Summary summary(String app, double saved, int measured) {
        Report.Window w = report.window();
        List<PageView.RecordingRow> recordings = report.recordings().stream()
                .map(r -> new PageView.RecordingRow(text(r.path()), text(r.jvm()), r.chunks(), r.damaged(),
                        r.problem()))
                .toList();
        List<PageView.ThresholdRow> thresholds = new ArrayList<>();
        new TreeMap<>(report.thresholds()).forEach((k, t) -> thresholds.add(new PageView.ThresholdRow(k,
                Formats.plain(t.value()), Formats.plain(t.defaultValue()), text(t.unit()), text(t.description()),
                Double.compare(t.value(), t.defaultValue()) != 0)));
        Report.Assumptions a = report.assumptions();
        Report.AgentOverhead o = report.agentOverhead();
        PageView.Overhead overhead = o == null ? null : new PageView.Overhead(Formats.nanos(o.nsPerCountedCall()),
                Formats.nanos(o.nsPerTimedCall()), Formats.seconds(o.reportedSeconds()),
                Formats.percent(o.fractionOfWindow()), Formats.percent(o.fractionOfApplicationCpu()),
                "measured".equals(o.basis()) ? "measured" : "estimated", Formats.seconds(o.estimatedSeconds()),
                Formats.seconds(o.measuredSeconds()), Formats.percent(o.sampledShare()));
        return new PageView.Summary(app, text(report.generatedAt()), text(report.toolVersion()), text(report.mode()),
                modeNote(report.mode()), w == null ? Formats.ABSENT : text(w.start()),
                w == null ? Formats.ABSENT : text(w.end()), w == null ? Formats.ABSENT : Formats.seconds(w.durationSeconds()),
                w == null ? 0 : w.jvms(), recordings, thresholds,
                a == null ? Formats.ABSENT : Formats.plain(a.speedup()) + "×",
                a == null ? Formats.ABSENT : ffmCosts(a), a != null && a.ffmCallMeasured(), overhead,
                report.warnings(), report.methods().size(), Formats.seconds(saved), measured, fleet(report.fleet()));
    }

    /** Where calls per day came from when a Prometheus server measured them (docs/fleet.md); null otherwise. */
    private static String fleet(Report.Fleet f) {
        if (f == null) {
            return null;
        }
        return "measured by Prometheus at " + f.url() + " for " + f.selector() + " over " + f.range() + " ("
                + Formats.seconds(f.coveredSeconds()) + " of data from " + f.start() + " to " + f.end() + ", " + f.jvms()
                + " JVM run" + (f.jvms() == 1 ? "" : "s") + " on " + f.instances() + " target" + (f.instances() == 1 ? "" : "s")
                + ", " + f.methods() + " methods); CPU, waits and latency per call from the recordings";
    }

    private static String modeNote(String mode) {
        if (mode == null) {
            return "The report does not say which events it was built from.";
        }
        return switch (mode) {
            case "agent" -> "Exact call counts and latency histograms from the Oxidizer agent; CPU and wait "
                    + "evidence from JFR samples.";
            case "method-timing" -> "Call counts and timings from the JDK's jdk.MethodTiming events (no agent): "
                    + "no latency histograms, percentiles are coarse.";
            case "sampling-only" -> "Only JFR samples were available: counts and latencies are estimates from "
                    + "samples, not measurements. Treat the ranking as a lead, and confirm with the agent.";
            default -> "Unknown mode.";
        };
    }

    private PageView.Candidate candidate(MethodReport m, String anchor) {
        MethodReport.Latency lat = m.latency();
        MethodReport.Calls calls = m.calls();
        MethodReport.Cpu cpu = m.cpu();
        Report.Assumptions a = report.assumptions();
        Double mean = lat == null ? null : lat.meanNs();
        Double ffmShare = a == null || mean == null || mean <= 0 ? null : a.ffmCallNsFor(m.descriptor()) / mean;
        Double speedup = m.port() == null ? null : m.port().speedup();
        double saving = MeasuredVerdicts.effectiveSaving(m);
        PageView.Cell scoreCell = new PageView.Cell(Formats.seconds(saving), Double.toString(saving));
        return new PageView.Candidate(anchor, m.rank() == null ? 0 : m.rank(), text(m.key()), displayName(m),
                text(m.javaSignature()), search(m), scoreCell,
                m.confidence() == null ? Formats.ABSENT : m.confidence().name().toLowerCase(Locale.ROOT),
                cell(calls == null ? null : calls.perDay(), Formats::count),
                cell(mean, Formats::nanos),
                cell(lat == null ? null : known(lat.p99Ns()), Formats::nanos),
                cell(cpu == null ? null : cpu.cpuBoundRatio(), Formats::percent),
                cell(ffmShare, Formats::percent),
                cell(speedup, PageBuilder::times),
                findings(m), percentiles(lat), LatencyChart.of(lat), rate(calls), breakdown(lat, cpu),
                FlameGraph.of(m.callTree()), ffm(mean, m.descriptor()), portability(m.portability()), command(m),
                reportFile == null ? "Replace " + REPORT_PLACEHOLDER + " with the path of the JSON report." : null,
                suggestion(m.suggestion()), port(m.port()), allocation(m.allocation()), latencyPath(m.latencyPath()),
                isMeasured(m));
    }

    /**
     * Above this many rejected methods their rows show the failing rule only; every rule's finding stays in the JSON
     * report (6 findings of a few hundred words each would make a page of thousands of methods tens of MB).
     */
    static final int ALL_RULES_MAX_ROWS = 300;

    private PageView.Rejected rejected(MethodReport m, String anchor, boolean allRules) {
        List<PageView.FindingRow> findings = findings(m);
        PageView.FindingRow failing = findings.stream().filter(f -> f.ruleId().equals(m.rejectedBy())).findFirst()
                .orElse(findings.stream().filter(f -> f.outcome().equals("fail")).findFirst().orElse(null));
        String ruleName = failing != null ? failing.ruleName() : text(m.rejectedBy());
        MethodReport.Latency lat = m.latency();
        return new PageView.Rejected(anchor, text(m.key()), displayName(m), text(m.javaSignature()), search(m),
                text(m.rejectedBy()), ruleName, failing, allRules ? findings : List.of(), suggestion(m.suggestion()),
                Formats.count(m.calls() == null ? null : m.calls().perDay()),
                Formats.nanos(lat == null ? null : lat.meanNs()),
                Formats.percent(m.cpu() == null ? null : m.cpu().cpuBoundRatio()), port(m.port()));
    }

    private static List<PageView.FindingRow> findings(MethodReport m) {
        List<PageView.FindingRow> rows = new ArrayList<>();
        for (Finding f : m.findings()) {
            List<PageView.Figure> figures = new ArrayList<>();
            new TreeMap<>(f.numbers()).forEach((k, v) -> figures.add(new PageView.Figure(k, Formats.byName(k, v))));
            rows.add(new PageView.FindingRow(text(f.ruleId()), text(f.ruleName()),
                    f.outcome() == null ? "unknown" : f.outcome().name().toLowerCase(Locale.ROOT), f.score(),
                    text(f.summary()), f.explanation(), f.action(), figures));
        }
        return rows;
    }

    private static PageView.Percentiles percentiles(MethodReport.Latency l) {
        if (l == null) {
            return null;
        }
        return new PageView.Percentiles(Formats.exact(l.timedCount()), text(l.timingPolicy()), Formats.nanos(l.meanNs()),
                Formats.nanos(known(l.p50Ns())), Formats.nanos(known(l.p90Ns())), Formats.nanos(known(l.p99Ns())),
                Formats.nanos(known(l.p999Ns())), Formats.nanos(known(l.maxNs())), Formats.seconds(l.totalNs() / 1e9));
    }

    /** The model writes -1 for a percentile its source does not give (jdk.MethodTiming has min/avg/max only). */
    private static Double known(long ns) {
        return ns < 0 ? null : (double) ns;
    }

    private PageView.Rate rate(MethodReport.Calls c) {
        if (c == null) {
            return null;
        }
        Report.Window w = report.window();
        Double perSecond = w == null || w.durationSeconds() <= 0 ? null : c.observed() / w.durationSeconds();
        return new PageView.Rate(Formats.exact(c.observed()), Formats.exact(c.exceptional()), Formats.count(c.perDay()),
                Formats.count(perSecond), c.threads() == null ? Formats.ABSENT : Integer.toString(c.threads()),
                text(c.source()), w == null ? Formats.ABSENT : Formats.seconds(w.durationSeconds()));
    }

    /**
     * Splits wall time (mean x calls) into sampled on-CPU time, recorded waits, and the rest. Samples can
     * overshoot a short window, so each part is clamped to what is left of the wall time.
     */
    static PageView.Breakdown breakdown(MethodReport.Latency lat, MethodReport.Cpu cpu) {
        if (cpu == null) {
            return null;
        }
        double onCpu = Math.max(0, cpu.cpuTimeNs());
        double wait = Math.max(0, cpu.waitNs());
        double wall = lat == null ? 0 : lat.totalNs();
        String note;
        double other;
        if (wall > 0) {
            onCpu = Math.min(onCpu, wall);
            wait = Math.min(wait, wall - onCpu);
            other = wall - onCpu - wait;
            note = "Share of the measured wall time (" + Formats.seconds(wall / 1e9) + " = mean × calls): on-CPU from "
                    + "execution samples × sampling period, waiting from park, monitor and I/O events whose stacks "
                    + "pass through the method; the rest is neither sampled on CPU nor seen waiting.";
        } else {
            other = 0;
            note = "No measured wall time: the bar compares sampled on-CPU time with recorded waits only.";
        }
        double total = onCpu + wait + other;
        if (total <= 0) {
            return new PageView.Breakdown(List.of(), Formats.percent(cpu.cpuBoundRatio()), waits(cpu),
                    "No CPU samples and no wait events were recorded for this method.");
        }
        List<PageView.Segment> segments = new ArrayList<>();
        double x = 0;
        Object[][] parts = {{"cpu", "on CPU", onCpu}, {"wait", "waiting", wait}, {"other", "unattributed", other}};
        for (Object[] p : parts) {
            double v = (double) p[2];
            double width = 100 * v / total;
            segments.add(new PageView.Segment((String) p[0], (String) p[1], Formats.seconds(v / 1e9), Formats.coord(x),
                    Formats.coord(width), Formats.percent(v / total)));
            x += width;
        }
        return new PageView.Breakdown(segments, Formats.percent(cpu.cpuBoundRatio()), waits(cpu), note);
    }

    private static String waits(MethodReport.Cpu cpu) {
        return Formats.exact(cpu.selfSamples()) + " self / " + Formats.exact(cpu.inclusiveSamples())
                + " inclusive CPU samples; " + Formats.exact(cpu.parkSamples()) + " park, "
                + Formats.exact(cpu.monitorSamples()) + " monitor, " + Formats.exact(cpu.ioSamples())
                + " I/O events (" + Formats.seconds(cpu.waitNs() / 1e9) + " waiting)";
    }

    /** The crossing costs in force: one figure, or the copying wrapper's and the plain call's. */
    private static String ffmCosts(Report.Assumptions a) {
        return a.ffmPlainCallNs() == null ? Formats.nanos(a.ffmCallNs())
                : Formats.nanos(a.ffmCallNs()) + " with arguments copied into native memory, "
                        + Formats.nanos(a.ffmPlainCallNs()) + " with primitive arguments and result";
    }

    private PageView.Ffm ffm(Double mean, String descriptor) {
        Report.Assumptions a = report.assumptions();
        if (a == null || mean == null || mean <= 0) {
            return null;
        }
        double ffm = a.ffmCallNsFor(descriptor);
        String kind = a.ffmPlainCallNs() == null ? ""
                : Report.Assumptions.plainValues(descriptor) ? "plain call: primitive arguments and result, "
                : "arguments copied into native memory, ";
        double share = ffm / mean;
        String breakEven = ffm >= mean ? "never: the call costs more than the method"
                : Formats.plain(mean / (mean - ffm)) + "×";
        String threshold = report.thresholds().entrySet().stream()
                .filter(e -> e.getKey().startsWith("granularity."))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + Formats.plain(e.getValue().value()) + " " + text(e.getValue().unit()))
                .reduce((x, y) -> x + ", " + y).orElse(null);
        String verdict = share < 0.01 ? "negligible: the boundary is a rounding error next to the work"
                : share < 0.1 ? "small: a port can still pay off if Rust is clearly faster"
                : "large: batch calls or port a coarser caller instead";
        return new PageView.Ffm(Formats.nanos(ffm), kind + (a.ffmCallMeasured() ? "measured on the analysing JVM"
                : "default, not measured"), Formats.nanos(mean), Formats.percent(share), breakEven,
                Formats.coord(Math.min(100, Math.max(0.6, 100 * share))), threshold, verdict);
    }

    private static PageView.Portability portability(MethodReport.Portability p) {
        if (p == null) {
            return null;
        }
        return new PageView.Portability(p.portable(), p.rustSignature(), p.problems().stream()
                .map(q -> new PageView.Problem(text(q.position()), text(q.javaType()), text(q.advice()))).toList());
    }

    /** {@code oxidizer generate --report FILE --candidate KEY -o DIR}, every word shell-quoted. */
    String command(MethodReport m) {
        String file = reportFile == null ? REPORT_PLACEHOLDER : reportFile;
        return ShellQuote.command(List.of("oxidizer", "generate", "--report", file, "--candidate", text(m.key()),
                "-o", "ports/" + folderName(m.methodName())));
    }

    /** A folder name from the method name: ASCII letters, digits and underscores, snake case. */
    static String folderName(String methodName) {
        String s = methodName == null ? "" : methodName.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40);
        }
        return s.isEmpty() ? "method" : s;
    }

    private static PageView.Suggestion suggestion(MethodReport.Suggestion s) {
        return s == null ? null : new PageView.Suggestion(text(s.pattern()), s.coarserCaller(), text(s.reason()));
    }

    private static PageView.Port port(MethodReport.PortResult p) {
        if (p == null) {
            return null;
        }
        String speedup = p.speedup() == null ? Formats.ABSENT : times(p.speedup())
                + (p.speedupLow() == null ? "" : " (" + String.format(Locale.ROOT, "%.2f", p.speedupLow()) + "–" + times(p.speedupHigh()) + ")");
        MeasuredVerdicts.Kind kind = p.verdict() != null ? MeasuredVerdicts.Kind.valueOf(p.verdict())
                : MeasuredVerdicts.kind(p, p.threshold() == null ? MeasuredVerdicts.DEFAULT_THRESHOLD : p.threshold());
        String tone = switch (kind) {
            case PORT -> "good";
            case KEEP_JAVA, FAILED -> "bad";
            case INCONCLUSIVE, UNMEASURED -> "unsure";
        };
        String words = switch (kind) {
            case PORT -> "port it";
            case KEEP_JAVA -> "keep the Java";
            case INCONCLUSIVE -> "inconclusive";
            case UNMEASURED -> "not measured";
            case FAILED -> "differential test failed";
        };
        String reason = p.verdictReason() != null ? p.verdictReason()
                : MeasuredVerdicts.judge(null, p, p.threshold() == null ? MeasuredVerdicts.DEFAULT_THRESHOLD : p.threshold()).verdictReason();
        return new PageView.Port(text(p.crateDir()), p.differentialPassed(), Formats.nanos(p.javaNsPerOp()),
                Formats.nanos(p.rustNsPerOp()), speedup, tone, words, reason, text(p.measuredAt()), text(p.benchmark()));
    }

    private static String times(double x) {
        return String.format(Locale.ROOT, "%.2f×", x);
    }

    private static String allocation(MethodReport.Allocation a) {
        if (a == null) {
            return null;
        }
        return Formats.bytes(a.bytesPerSecond()) + "/s sampled"
                + (a.bytesPerCall() == null ? "" : ", ≈ " + Formats.bytes(a.bytesPerCall()) + " per call")
                + (a.topClasses() == null || a.topClasses().isEmpty() ? "" : "; most allocated: "
                + String.join(", ", a.topClasses()));
    }

    private static String latencyPath(MethodReport.LatencyPath p) {
        if (p == null) {
            return "unknown";
        }
        if (!p.onPath()) {
            return "not under a latency-critical entry point or thread";
        }
        return "yes" + (p.matched() == null ? "" : ", matched " + p.matched())
                + (p.share() == null ? "" : " (" + Formats.percent(p.share()) + " of its samples)");
    }

    private static String displayName(MethodReport m) {
        if (m.className() == null || m.methodName() == null) {
            return text(m.key());
        }
        String cls = m.className();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + m.methodName();
    }

    private static String search(MethodReport m) {
        return (text(m.key()) + " " + text(m.javaSignature())).toLowerCase(Locale.ROOT);
    }

    private static PageView.Cell cell(Double v, java.util.function.Function<Double, String> format) {
        return Formats.finite(v) ? new PageView.Cell(format.apply(v), Double.toString(v))
                : new PageView.Cell(Formats.ABSENT, "");
    }

    private static String text(String s) {
        return s == null ? Formats.ABSENT : s;
    }
}

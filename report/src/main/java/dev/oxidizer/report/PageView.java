package dev.oxidizer.report;

import java.util.List;

/**
 * What the templates see: the report model turned into display-ready text and chart geometry by
 * {@link PageBuilder}. Every string here is plain text; the templates escape it (Freemarker's HTML output
 * format), so nothing in this view may contain markup. Public only because Freemarker reads it reflectively;
 * it is not a stable API, the JSON model is.
 *
 * @param title        page title
 * @param summary      what was observed and under which settings
 * @param candidates   worth porting, in rank order
 * @param columns      which optional table columns have data
 * @param keepJava     candidates whose measured port says keep the Java (interval below the threshold)
 * @param rejected     not worth porting, in model order
 * @param modelJson    the report model as JSON, already escaped for a {@code <script type="application/json">}
 * @param modelAbridged whether the embedded model leaves out rejected methods' histograms, call trees and passing
 *                     findings ({@link EmbeddedModel})
 * @param rulesOmitted whether rejected rows show only the failing rule (more than
 *                     {@link PageBuilder#ALL_RULES_MAX_ROWS} rejected methods)
 * @param script       the page's inline script (a trusted resource of this jar)
 * @param scriptHash   {@code sha256-...} of {@code script}, for the Content-Security-Policy
 * @param css          the page's style sheet (a trusted resource of this jar)
 */
public record PageView(String title, Summary summary, List<Candidate> candidates, Columns columns,
                       List<Candidate> keepJava, List<Rejected> rejected, String modelJson, boolean modelAbridged, boolean rulesOmitted, String script, String scriptHash, String css) {

    /**
     * Which optional columns of the candidates table have a figure for at least one candidate; a column
     * no candidate has (e.g. latency in a sampling-only report) is left out and named in {@code hiddenNote}.
     */
    public record Columns(boolean callsPerDay, boolean mean, boolean p99, boolean cpuBound, boolean ffmShare,
                          boolean speedup, String hiddenNote) {}

    /**
     * @param application    observed application, or a dash
     * @param generatedAt    when the analysis ran
     * @param toolVersion    Oxidizer version that analysed
     * @param mode           agent, method-timing or sampling-only
     * @param modeNote       what the mode means for the figures
     * @param windowStart    first event
     * @param windowEnd      last event
     * @param windowDuration observed time, formatted
     * @param jvms           JVMs merged
     * @param recordings     input files
     * @param thresholds     every threshold in force
     * @param speedup        assumed speedup, formatted ({@code 2×})
     * @param ffmCall        FFM downcall cost, formatted
     * @param ffmMeasured    whether the FFM cost was measured on the analysing JVM
     * @param overhead       the agent's own cost, null without agent events
     * @param warnings       analyzer warnings
     * @param methodCount    methods analysed
     * @param savedPerDay    the candidates' saving per day, formatted: with measured ports, the sum of the ranked
     *                       candidates' savings (measured where a port was verified); else the report's headline (each CPU
     *                       second counted once) when it has one, else the sum of the candidates' scores
     * @param measuredPorts how many of those savings are measured
     * @param fleet          where calls per day came from when a Prometheus server measured them, null otherwise
     */
    public record Summary(String application, String generatedAt, String toolVersion, String mode, String modeNote,
                          String windowStart, String windowEnd, String windowDuration, int jvms,
                          List<RecordingRow> recordings, List<ThresholdRow> thresholds, String speedup, String ffmCall,
                          boolean ffmMeasured, Overhead overhead, List<String> warnings, int methodCount,
                          String savedPerDay, int measuredPorts, String fleet) {}

    /** One input recording. */
    public record RecordingRow(String path, String jvm, int chunks, boolean damaged, String problem) {}

    /** One threshold; {@code changed} when the value differs from its documented default. */
    public record ThresholdRow(String key, String value, String defaultValue, String unit, String description,
                               boolean changed) {}

    /** The agent's cost, formatted; {@code fraction} is of the window times the JVMs. */
    /**
     * The agent's overhead as stated: {@code reported} (the larger of estimate and measurement) with its share of the
     * window and of the application's CPU, and the two figures it was chosen from.
     */
    public record Overhead(String perCountedCall, String perTimedCall, String reported, String fraction,
                           String ofApplication, String basis, String estimated, String measured, String sampledShare) {}

    /**
     * A table cell that sorts by number: {@code text} is shown, {@code sort} is a plain decimal
     * (empty when the figure is absent, which sorts last).
     */
    public record Cell(String text, String sort) {}

    /** One rule's finding: outcome is lower case (pass, fail, info, unknown). */
    public record FindingRow(String ruleId, String ruleName, String outcome, int score, String summary,
                             String explanation, String action, List<Figure> numbers) {}

    /** A named figure. */
    public record Figure(String name, String value) {}

    /**
     * A worth-porting method with everything its panel shows.
     *
     * @param anchor     unique, markup-free element id ({@code m-3})
     * @param search     lower-case text the filter box matches
     * @param command    the shell-quoted {@code oxidizer generate ...} line
     * @param commandNote what to replace in the command, may be null
     * @param measuredSaving whether {@code score} is the measured saving of a verified port rather than the estimate
     */
    public record Candidate(String anchor, int rank, String key, String displayName, String javaSignature,
                            String search, Cell score, String confidence, Cell callsPerDay, Cell mean, Cell p99,
                            Cell cpuBound, Cell ffmShare, Cell speedup, List<FindingRow> findings, Percentiles percentiles,
                            Chart chart, Rate rate, Breakdown breakdown, Flame flame, Ffm ffm, Portability portability,
                            String command, String commandNote, Suggestion suggestion, Port port, String allocation,
                            String latencyPath, boolean measuredSaving) {}

    /** A rejected method: the rule that rejected it, its finding, all findings, and a verified port's result if any. */
    public record Rejected(String anchor, String key, String displayName, String javaSignature, String search,
                           String ruleId, String ruleName, FindingRow failing, List<FindingRow> findings,
                           Suggestion suggestion, String callsPerDay, String mean, String cpuBound, Port port) {}

    /** The latency summary, formatted. */
    public record Percentiles(String timed, String policy, String mean, String p50, String p90, String p99,
                              String p999, String max, String total) {}

    /**
     * A latency-by-percentile line chart in SVG user units.
     *
     * @param path    SVG path data of the curve
     * @param markers labelled points (p50, p90, p99, p99.9)
     * @param xTicks  percentile axis
     * @param yTicks  latency axis
     * @param note    where the curve comes from
     * @param logY    whether the latency axis is logarithmic
     */
    public record Chart(int width, int height, int left, int top, int plotWidth, int plotHeight, String path,
                        List<Marker> markers, List<Tick> xTicks, List<Tick> yTicks, String note, boolean logY,
                        String description) {}

    /** A labelled point; {@code lx}/{@code ly} place its label. */
    public record Marker(String x, String y, String label, String lx, String ly, String anchor) {}

    /** An axis tick at {@code pos} (x for the x axis, y for the y axis). */
    public record Tick(String pos, String label) {}

    /** Call figures. */
    public record Rate(String observed, String exceptional, String perDay, String perSecond, String threads,
                       String source, String window) {}

    /**
     * The method's wall time split into sampled on-CPU time, recorded waits and the rest.
     *
     * @param segments in order on-CPU, waiting, unattributed; widths sum to 100
     * @param note     how the split was computed and what it relies on
     */
    public record Breakdown(List<Segment> segments, String cpuBoundRatio, String waits, String note) {}

    /** A segment of a 100-unit-wide bar. */
    public record Segment(String kind, String label, String value, String x, String width, String percent) {}

    /** An icicle flame graph: root on top, callees below, width proportional to samples. */
    public record Flame(int width, int height, List<FlameRect> rects, String rootSamples) {}

    /** One frame of the flame graph; {@code text} is the label fitted to the width, {@code title} the full one. */
    public record FlameRect(String x, String y, String width, String height, String textX, String textY,
                            String text, String title, String colour) {}

    /**
     * FFM break-even.
     *
     * @param sharePercent  FFM call as a share of the mean call
     * @param breakEven     the Rust speedup at which a port only pays back the FFM call
     * @param barFfm        width (0-100) of the FFM part of the mean-time bar
     * @param threshold     the granularity threshold in force, may be null
     */
    public record Ffm(String ffmCall, String measured, String mean, String sharePercent, String breakEven,
                      String barFfm, String threshold, String verdict) {}

    /** Signature mapping. */
    public record Portability(boolean portable, String rustSignature, List<Problem> problems) {}

    /** A parameter or return type that does not map, and what would make it map. */
    public record Problem(String position, String javaType, String advice) {}

    /** Advice beyond yes or no. */
    public record Suggestion(String pattern, String coarserCaller, String reason) {}

    /**
     * A measured port.
     *
     * @param speedup  the measured speedup with its 95% interval when there is one, e.g. {@code 1.85× (1.62–2.10×)}
     * @param tone     {@code good} (port it), {@code bad} (keep the Java, or the differential test failed), {@code unsure}
     * @param verdict  the verdict in a few words: port it, keep the Java, inconclusive, not measured, test failed
     * @param reason   the verdict in a sentence with its numbers and, when inconclusive, what would settle it
     */
    public record Port(String crateDir, boolean differentialPassed, String javaNs, String rustNs, String speedup,
                       String tone, String verdict, String reason, String measuredAt, String benchmark) {}
}

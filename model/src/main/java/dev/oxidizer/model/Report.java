package dev.oxidizer.model;

import java.util.List;
import java.util.Map;

/**
 * Root of the report model.
 *
 * @param schema        always {@link #SCHEMA}
 * @param schemaVersion {@link #SCHEMA_VERSION} for files this build writes
 * @param generatedAt   ISO-8601 instant the analysis ran
 * @param toolVersion   Oxidizer version that wrote the file
 * @param application   what was observed (main class or jar, as the agent saw it), may be null
 * @param mode          {@code "agent"} (agent events present), {@code "method-timing"} (JDK 25
 *                      {@code jdk.MethodTiming} only) or {@code "sampling-only"}
 * @param window        observation window, merged over all recordings
 * @param recordings    each input file, in the order given
 * @param thresholds    every rule threshold in force, by key (e.g. {@code calls-per-day.min})
 * @param assumptions   the figures the ranking relies on (speedup assumed, FFM call cost measured)
 * @param agentOverhead the agent's own estimate of what it cost, null without agent events
 * @param warnings      human-readable warnings (missing figures, damaged chunks), never null
 * @param methods       every analysed method, candidates first in rank order, then rejected ones
 * @param savings       the headline saving and its check against the CPU the recorded JVMs used (schema 2), null in
 *                      older reports
 * @param fleet         the second source of call counts and latency, a Prometheus server that scraped the agents of a
 *                      fleet ({@code oxidizer analyze --prometheus}; schema 3); null when the report comes from
 *                      recordings only
 */
public record Report(
        String schema,
        int schemaVersion,
        String generatedAt,
        String toolVersion,
        String application,
        String mode,
        Window window,
        List<Recording> recordings,
        Map<String, Threshold> thresholds,
        Assumptions assumptions,
        AgentOverhead agentOverhead,
        List<String> warnings,
        List<MethodReport> methods,
        Savings savings,
        Fleet fleet) {

    /** Value of {@link #schema()} in every report file. */
    public static final String SCHEMA = "oxidizer-report";
    /** Major version of the layout this build writes and reads; readers refuse a larger one. */
    public static final int SCHEMA_VERSION = 3;

    public Report {
        recordings = List.copyOf(recordings == null ? List.of() : recordings);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        methods = List.copyOf(methods == null ? List.of() : methods);
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    }

    /** A report without {@link #savings} and without a {@link #fleet()} source (schema 1's fields). */
    public Report(String schema, int schemaVersion, String generatedAt, String toolVersion, String application, String mode,
                  Window window, List<Recording> recordings, Map<String, Threshold> thresholds, Assumptions assumptions,
                  AgentOverhead agentOverhead, List<String> warnings, List<MethodReport> methods) {
        this(schema, schemaVersion, generatedAt, toolVersion, application, mode, window, recordings, thresholds, assumptions,
                agentOverhead, warnings, methods, null, null);
    }

    /** A report from recordings only: no {@link #fleet()} source (schema 2's fields). */
    public Report(String schema, int schemaVersion, String generatedAt, String toolVersion, String application, String mode,
                  Window window, List<Recording> recordings, Map<String, Threshold> thresholds, Assumptions assumptions,
                  AgentOverhead agentOverhead, List<String> warnings, List<MethodReport> methods, Savings savings) {
        this(schema, schemaVersion, generatedAt, toolVersion, application, mode, window, recordings, thresholds, assumptions,
                agentOverhead, warnings, methods, savings, null);
    }

    /** Methods with {@link MethodReport#verdict()} {@code CANDIDATE}, in rank order. */
    public List<MethodReport> candidates() {
        return methods.stream().filter(m -> m.verdict() == Verdict.CANDIDATE).toList();
    }

    /** Methods with {@link MethodReport#verdict()} {@code REJECTED}, in file order. */
    public List<MethodReport> rejected() {
        return methods.stream().filter(m -> m.verdict() == Verdict.REJECTED).toList();
    }

    /** Returns a copy of this report with {@code methods} replaced. */
    public Report withMethods(List<MethodReport> newMethods) {
        return new Report(schema, schemaVersion, generatedAt, toolVersion, application, mode, window, recordings,
                thresholds, assumptions, agentOverhead, warnings, newMethods, savings, fleet);
    }

    /**
     * Where the fleet's calls and latency came from: a Prometheus server that scraped the Oxidizer agents' endpoints
     * (docs/fleet.md). Calls per day of the methods it counted are measured over {@code coveredSeconds} instead of
     * projected from the recordings' window.
     *
     * @param source         always {@code "prometheus"}
     * @param url            the server's base URL
     * @param selector       the label selector applied to every query, e.g. {@code {job="orders"}}; {@code {}} for all
     * @param range          the range asked for, as given (e.g. {@code 7d})
     * @param start          ISO-8601 instant of the first sample of any agent in the range
     * @param end            ISO-8601 instant of the last sample of any agent in the range
     * @param coveredSeconds {@code end - start}: the time calls per day are measured over
     * @param jvms           distinct agent sessions (JVM runs) scraped in the range
     * @param instances      distinct scrape targets ({@code job}, {@code instance}) in the range
     * @param methods        methods with a call counter in the range
     * @param resetSeries    counter series that were reset within the range (an instance restarted under the same
     *                       labels); their calls are Prometheus's {@code increase()}, which extrapolates
     */
    public record Fleet(String source, String url, String selector, String range, String start, String end,
                        double coveredSeconds, int jvms, int instances, int methods, int resetSeries) {}

    /**
     * The headline saving on one scale (sampled CPU time), checked against the CPU the recorded JVMs used.
     *
     * @param basis                   what every score is computed from, in words
     * @param cpuSecondsPerDay        the candidates' savings added up, each counted once: a candidate's share of
     *                                samples inside other candidates it calls is left to them
     * @param candidatesCpuSecondsPerDay CPU the candidates used per day (sampled, each counted once), before any speedup
     * @param jvmCpuSecondsPerDay     CPU the recorded JVMs used per day (jdk.CPULoad jvmUser + jvmSystem times the
     *                                hardware threads, projected from the window), null without those events
     * @param fits                    whether the candidates' CPU fits in the JVMs' CPU; null when the JVMs' CPU is unknown
     * @param note                    the check in words
     */
    public record Savings(String basis, double cpuSecondsPerDay, double candidatesCpuSecondsPerDay, Double jvmCpuSecondsPerDay,
                          Boolean fits, String note) {}

    /**
     * Observation window.
     *
     * @param start           ISO-8601 instant of the first event seen
     * @param end             ISO-8601 instant of the last event seen
     * @param durationSeconds observed seconds, summed over JVMs that did not overlap, else the union
     * @param jvms            distinct JVMs merged (by pid and start time)
     */
    public record Window(String start, String end, double durationSeconds, int jvms) {}

    /**
     * One input recording.
     *
     * @param path      as given by the user
     * @param jvm       "pid@host start" identity of the JVM that wrote it, null when unknown
     * @param chunks    JFR chunks read
     * @param damaged   true when part of the file could not be read
     * @param problem   what was wrong with it (e.g. "truncated chunk at byte 1234"), null when intact
     */
    public record Recording(String path, String jvm, int chunks, boolean damaged, String problem) {}

    /**
     * A threshold in force.
     *
     * @param value        the value used
     * @param defaultValue the documented default
     * @param unit         unit of both ("calls/day", "ratio", "ns")
     * @param description  one sentence
     */
    public record Threshold(double value, double defaultValue, String unit, String description) {}

    /**
     * What the ranking assumes.
     *
     * @param speedup          assumed Rust-over-JIT speedup for the time saved estimate
     * @param ffmCallNs        cost of one FFM downcall through a wrapper that copies its arguments into native
     *                         memory (arrays, strings), measured on the analysing JVM
     * @param ffmCallMeasured  true when {@code ffmCallNs} was measured here, false when a default
     * @param ffmPlainCallNs   cost of one plain FFM downcall, for a method whose arguments and result are all
     *                         primitives (the generated wrapper passes them as they are); null in reports written
     *                         before it existed, where {@code ffmCallNs} applies to every method
     */
    public record Assumptions(double speedup, double ffmCallNs, boolean ffmCallMeasured, Double ffmPlainCallNs) {

        /** The report model before {@code ffmPlainCallNs}: one crossing cost for every method. */
        public Assumptions(double speedup, double ffmCallNs, boolean ffmCallMeasured) {
            this(speedup, ffmCallNs, ffmCallMeasured, null);
        }

        /**
         * The crossing cost that applies to a method of this JVM descriptor: {@link #ffmPlainCallNs} when every
         * parameter and the result are primitives (or void), else {@link #ffmCallNs}.
         */
        public double ffmCallNsFor(String descriptor) {
            return ffmPlainCallNs != null && plainValues(descriptor) ? ffmPlainCallNs : ffmCallNs;
        }

        /** Whether a descriptor such as {@code (JI)D} has only primitive parameters and a primitive or void result. */
        public static boolean plainValues(String descriptor) {
            if (descriptor == null || descriptor.isEmpty() || descriptor.charAt(0) != '(') {
                return false;
            }
            int close = descriptor.indexOf(')');
            if (close < 0 || close + 2 != descriptor.length()) {
                return false;
            }
            for (int i = 1; i < close; i++) {
                if ("ZBCSIJFD".indexOf(descriptor.charAt(i)) < 0) {
                    return false;
                }
            }
            return "ZBCSIJFDV".indexOf(descriptor.charAt(close + 1)) >= 0;
        }
    }

    /**
     * The agent's cost over the window: its own estimate, the share of execution samples that were agent work
     * applied to the JVMs' CPU (the measurement), and the larger of the two as the figure to state.
     *
     * @param nsPerCountedCall  added ns per counted-only call
     * @param nsPerTimedCall    added ns per timed call
     * @param estimatedSeconds  the agent's estimate (probe calibration x counts + flusher CPU), all threads and JVMs
     * @param fractionOfWindow  reportedSeconds divided by (window x JVMs), null when unknown
     * @param measuredSeconds   sampledShare x the JVMs' CPU seconds, null when either is unknown
     * @param sampledShare      share of execution samples that were agent work, null below the minimum of samples
     * @param executionSamples  execution samples the share was taken from
     * @param reportedSeconds   the larger of estimatedSeconds and measuredSeconds
     * @param fractionOfApplicationCpu reportedSeconds / (JVM CPU - reportedSeconds): the CPU the agent adds relative
     *                          to the application's own, null when the JVMs' CPU is unknown
     * @param basis             "measured" or "estimate": which figure reportedSeconds is
     */
    public record AgentOverhead(Double nsPerCountedCall, Double nsPerTimedCall, double estimatedSeconds,
                                Double fractionOfWindow, Double measuredSeconds, Double sampledShare,
                                long executionSamples, double reportedSeconds, Double fractionOfApplicationCpu,
                                String basis) {
        /** An estimate only (reports written before the measurement existed). */
        public AgentOverhead(Double nsPerCountedCall, Double nsPerTimedCall, double estimatedSeconds, Double fractionOfWindow) {
            this(nsPerCountedCall, nsPerTimedCall, estimatedSeconds, fractionOfWindow, null, null, 0, estimatedSeconds,
                    null, "estimate");
        }
    }
}

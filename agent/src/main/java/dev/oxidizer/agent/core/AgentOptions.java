package dev.oxidizer.agent.core;

import dev.oxidizer.agent.metrics.MetricsOptions;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's options, from the agent argument string ({@code key=value,key=value}) and optionally a
 * properties file ({@code config=FILE}; the argument string wins). {@code include} and {@code exclude} may be
 * repeated in the argument string; in the properties file they take comma-separated lists. The full list
 * with defaults is in docs/agent.md.
 *
 * @param includes     include globs (default: the main class's package and its subpackages)
 * @param excludes     exclude globs
 * @param output       the JFR file written at exit
 * @param log          the agent's own log file
 * @param flushMillis  flush interval
 * @param timing       timing policy: adaptive, all, sampled, off
 * @param sampleEvery  N of "1 in N" for sampled methods (power of two)
 * @param shortNs      adaptive: a method whose mean latency is below this is "short"
 * @param hotRate      adaptive: a short method called more often than this per second gets sampled
 * @param timedRate    adaptive: a sampled method's interval is chosen so that about this many of its calls per
 *                     second are timed (never fewer than 1 in {@code sampleEvery})
 * @param trivial      {@code count}: trivial methods ({@link TrivialMethods}) are counted exactly and not timed, at
 *                     their call sites where {@link TrivialCallSites} allows, else by a count-only probe;
 *                     {@code probe}: always by the count-only probe; {@code skip}: they are not instrumented;
 *                     {@code timed}: they get the full probe
 * @param jfrSettings  base JFR settings the agent's recording starts from: oxidizer (only the events Oxidizer reads), default or profile
 * @param executionSamplePeriodMs period of jdk.ExecutionSample
 * @param waitThresholdMs threshold of the lock, park, sleep, socket and file wait events
 * @param allocationSamples whether jdk.ObjectAllocationSample is on
 * @param bootstrap    whether the hot-path classes were put on the bootstrap class path (read by AgentEntry)
 * @param budget       the share of the process's CPU the probes may cost before the agent demotes the costliest
 *                     methods (0: never demote)
 * @param inputs       argument lengths and the opt-in capture of calls ({@link InputOptions})
 * @param scope        which included methods are instrumented ({@link Scope}): {@code portable} (default), {@code instance}
 *                     or {@code all}
 * @param metrics      the Prometheus endpoint ({@code metrics=[HOST:]PORT}, {@code metricsMinCalls},
 *                     {@code metricsMaxMethods}); null when off (the default)
 */
public record AgentOptions(List<MethodGlob> includes, List<MethodGlob> excludes, Path output, Path log,
                           long flushMillis, String timing, int sampleEvery, long shortNs, long hotRate,
                           long timedRate, String trivial, String jfrSettings, long executionSamplePeriodMs, long waitThresholdMs,
                           boolean allocationSamples, boolean bootstrap, double budget, InputOptions inputs,
                           String scope, MetricsOptions metrics) {

    static final List<String> KEYS = List.of("include", "exclude", "output", "log", "interval", "timing",
            "sampleEvery", "shortNs", "hotRate", "timedRate", "trivial", "jfrSettings", "executionSamples", "waitThreshold",
            "allocationSamples", "bootstrap", "budget", "lengths", "capture", "captureCalls", "captureBytes", "captureArray",
            "captureEvery", "scope", "metrics", "metricsMinCalls", "metricsMaxMethods", "config");

    /**
     * Parses options. {@code defaultInclude} is used when no include is given (may be null when the main class
     * is unknown, in which case an include is required).
     */
    public static AgentOptions parse(String args, String defaultInclude, long pid) throws AgentOptionsException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (args != null && !args.isBlank()) {
            for (String part : args.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new AgentOptionsException("option '" + part.trim() + "' is not key=value; accepted keys: "
                            + String.join(", ", KEYS));
                }
                put(values, part.substring(0, eq).trim(), part.substring(eq + 1).trim(), false);
            }
        }
        List<String> config = values.get("config");
        if (config != null) {
            Path file = Path.of(config.get(config.size() - 1));
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new AgentOptionsException("option 'config=" + file + "': cannot read the properties file ("
                        + e.getMessage() + "); accepted: config=PATH to a readable .properties file");
            }
            for (String key : p.stringPropertyNames()) {
                if (!values.containsKey(key)) {
                    for (String v : p.getProperty(key).split(",")) {
                        if (!v.isBlank()) {
                            put(values, key.trim(), v.trim(), true);
                        }
                    }
                }
            }
        }

        List<MethodGlob> includes = globs(values, "include");
        if (includes.isEmpty()) {
            if (defaultInclude == null) {
                throw new AgentOptionsException("option 'include' is needed: the main class is unknown; "
                        + "accepted: include=GLOB such as include=com.acme.**");
            }
            includes = List.of(MethodGlob.parse(defaultInclude));
        }
        List<MethodGlob> excludes = globs(values, "exclude");
        Path output = Path.of(expand(single(values, "output", "oxidizer-%p.jfr"), pid)).toAbsolutePath();
        String logText = single(values, "log", null);
        Path log = logText == null ? Path.of(output + ".log") : Path.of(expand(logText, pid)).toAbsolutePath();
        long flushMillis = duration(values, "interval", "1s", 100, 3_600_000);
        String timing = single(values, "timing", "adaptive").toLowerCase(Locale.ROOT);
        if (!List.of("adaptive", "all", "sampled", "off").contains(timing)) {
            throw new AgentOptionsException("option 'timing=" + timing + "': accepted: adaptive, all, sampled, off");
        }
        long sampleEvery = number(values, "sampleEvery", 64, 2, 1 << 20);
        if (Long.bitCount(sampleEvery) != 1) {
            throw new AgentOptionsException("option 'sampleEvery=" + sampleEvery
                    + "': accepted: a power of two from 2 to 1048576");
        }
        long shortNs = number(values, "shortNs", 5_000, 1, 1_000_000_000);
        long hotRate = number(values, "hotRate", 10_000, 1, Long.MAX_VALUE);
        long timedRate = number(values, "timedRate", 1_000, 1, Long.MAX_VALUE);
        String trivial = single(values, "trivial", "skip").toLowerCase(Locale.ROOT);
        if (!List.of("count", "probe", "skip", "timed").contains(trivial)) {
            throw new AgentOptionsException("option 'trivial=" + trivial + "': accepted: count, probe, skip, timed");
        }
        String jfrSettings = single(values, "jfrSettings", "oxidizer");
        if (!List.of("oxidizer", "default", "profile").contains(jfrSettings)) {
            throw new AgentOptionsException("option 'jfrSettings=" + jfrSettings + "': accepted: oxidizer, default, profile");
        }
        long execMs = duration(values, "executionSamples", "10ms", 1, 60_000);
        long waitMs = duration(values, "waitThreshold", "1ms", 0, 60_000);
        String alloc = single(values, "allocationSamples", "on").toLowerCase(Locale.ROOT);
        if (!List.of("on", "off", "true", "false").contains(alloc)) {
            throw new AgentOptionsException("option 'allocationSamples=" + alloc + "': accepted: on, off");
        }
        String boot = single(values, "bootstrap", "off").toLowerCase(Locale.ROOT);
        if (!List.of("on", "off", "true", "false").contains(boot)) {
            throw new AgentOptionsException("option 'bootstrap=" + boot + "': accepted: on, off");
        }
        double budget = percent(values, "budget", "5%");
        String lengths = single(values, "lengths", "on").toLowerCase(Locale.ROOT);
        if (!List.of("on", "off", "true", "false").contains(lengths)) {
            throw new AgentOptionsException("option 'lengths=" + lengths + "': accepted: on, off");
        }
        String scope = single(values, "scope", Scope.PORTABLE).toLowerCase(Locale.ROOT);
        if (!Scope.VALUES.contains(scope)) {
            throw new AgentOptionsException("option 'scope=" + scope + "': accepted: " + String.join(", ", Scope.VALUES));
        }
        InputOptions inputs = new InputOptions(lengths.equals("on") || lengths.equals("true"), globs(values, "capture"),
                (int) number(values, "captureCalls", 200, 1, 100_000), bytes(values, "captureBytes", 16L << 20),
                (int) number(values, "captureArray", 1 << 20, 0, Integer.MAX_VALUE - 8),
                (int) number(values, "captureEvery", 1, 1, 1 << 20));
        return new AgentOptions(includes, excludes, output, log, flushMillis, timing, (int) sampleEvery, shortNs,
                hotRate, timedRate, trivial, jfrSettings, execMs, waitMs, alloc.equals("on") || alloc.equals("true"),
                boot.equals("on") || boot.equals("true"), budget, inputs, scope, metrics(values));
    }

    /** The Prometheus endpoint's options, null without {@code metrics=}. */
    private static MetricsOptions metrics(Map<String, List<String>> values) throws AgentOptionsException {
        long minCalls = number(values, "metricsMinCalls", MetricsOptions.DEFAULT_MIN_CALLS, 1, Long.MAX_VALUE);
        long maxMethods = number(values, "metricsMaxMethods", MetricsOptions.DEFAULT_MAX_METHODS, 1,
                MetricsOptions.MAX_METHODS_LIMIT);
        String address = single(values, "metrics", null);
        if (address == null) {
            return null;
        }
        try {
            String[] hp = MetricsOptions.parseAddress(address);
            return new MetricsOptions(hp[0] == null ? "127.0.0.1" : hp[0], Integer.parseInt(hp[1]), minCalls, (int) maxMethods);
        } catch (IllegalArgumentException e) {
            throw new AgentOptionsException("option 'metrics=" + address + "': " + e.getMessage()
                    + "; accepted: [HOST:]PORT such as 9404, 0.0.0.0:9404 or [::1]:9404 (port 0 to 65535, 0 = any free port)");
        }
    }

    /** Options in force, normalized, as recorded in {@code oxidizer.AgentSession.options}. */
    public String normalized() {
        return "include=" + join(includes) + ";exclude=" + join(excludes) + ";output=" + output
                + ";interval=" + flushMillis + "ms;timing=" + timing + ";sampleEvery=" + sampleEvery
                + ";shortNs=" + shortNs + ";hotRate=" + hotRate + ";timedRate=" + timedRate + ";trivial=" + trivial + ";jfrSettings=" + jfrSettings
                + ";executionSamples=" + executionSamplePeriodMs + "ms;waitThreshold=" + waitThresholdMs
                + "ms;allocationSamples=" + (allocationSamples ? "on" : "off") + ";bootstrap=" + (bootstrap ? "on" : "off")
                + ";budget=" + (budget == 0 ? "off" : (budget * 100) + "%") + ";scope=" + scope
                + inputs.normalized()
                + (metrics == null ? "" : ";" + metrics.normalized());
    }

    private static String join(List<MethodGlob> globs) {
        List<String> s = new ArrayList<>();
        for (MethodGlob g : globs) {
            s.add(g.toString());
        }
        return String.join("|", s);
    }

    private static void put(Map<String, List<String>> values, String key, String value, boolean fromFile)
            throws AgentOptionsException {
        if (!KEYS.contains(key)) {
            throw new AgentOptionsException("unknown option '" + key + "'" + (fromFile ? " in the config file" : "")
                    + "; accepted keys: " + String.join(", ", KEYS));
        }
        List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.isEmpty() && !key.equals("include") && !key.equals("exclude") && !key.equals("capture")) {
            list.clear(); // last one wins
        }
        list.add(value);
    }

    private static List<MethodGlob> globs(Map<String, List<String>> values, String key) throws AgentOptionsException {
        List<MethodGlob> out = new ArrayList<>();
        for (String v : values.getOrDefault(key, List.of())) {
            try {
                out.add(MethodGlob.parse(v));
            } catch (IllegalArgumentException e) {
                throw new AgentOptionsException("option '" + key + "=" + v + "': " + e.getMessage()
                        + "; accepted: CLASSGLOB[#METHODGLOB] such as com.acme.** or com.acme.Parser#parse*");
            }
        }
        return out;
    }

    private static String single(Map<String, List<String>> values, String key, String dflt)
            throws AgentOptionsException {
        List<String> v = values.get(key);
        if (v == null) {
            return dflt;
        }
        String s = v.get(v.size() - 1);
        if (s.isEmpty()) {
            throw new AgentOptionsException("option '" + key + "' has an empty value");
        }
        return s;
    }

    private static long number(Map<String, List<String>> values, String key, long dflt, long min, long max)
            throws AgentOptionsException {
        String s = single(values, key, null);
        if (s == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(s.replace("_", ""));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AgentOptionsException("option '" + key + "=" + s + "': accepted: a whole number from " + min
                + " to " + max);
    }

    /** A byte count: {@code 65536}, {@code 64k}, {@code 16m}; 1 KiB to 1 GiB. */
    private static long bytes(Map<String, List<String>> values, String key, long dflt) throws AgentOptionsException {
        String s = single(values, key, null);
        if (s == null) {
            return dflt;
        }
        String t = s.toLowerCase(Locale.ROOT);
        long unit = t.endsWith("k") ? 1024 : t.endsWith("m") ? 1024 * 1024 : t.endsWith("g") ? 1024L * 1024 * 1024 : 1;
        try {
            long v = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
            if (v >= 1024 && v <= 1L << 30) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AgentOptionsException("option '" + key + "=" + s + "': accepted: a size from 1k to 1g written like 65536, 64k or 16m");
    }

    /** Parses {@code 5%} (or {@code off}, 0) as a fraction from 0.1 % to 100 %. */
    private static double percent(Map<String, List<String>> values, String key, String dflt)
            throws AgentOptionsException {
        String s = single(values, key, dflt).toLowerCase(Locale.ROOT);
        if (s.equals("off") || s.equals("0") || s.equals("0%")) {
            return 0;
        }
        try {
            double v = Double.parseDouble(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
            if (v >= 0.1 && v <= 100) {
                return v / 100;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new AgentOptionsException("option '" + key + "=" + s + "': accepted: a percentage from 0.1% to 100% "
                + "written like 5%, or off");
    }

    /** Parses {@code 250ms}, {@code 1s}, {@code 2m}; bounds in ms. */
    private static long duration(Map<String, List<String>> values, String key, String dflt, long minMs, long maxMs)
            throws AgentOptionsException {
        String s = single(values, key, dflt).toLowerCase(Locale.ROOT);
        long ms = -1;
        try {
            if (s.endsWith("ms")) {
                ms = Long.parseLong(s.substring(0, s.length() - 2));
            } else if (s.endsWith("s")) {
                ms = Long.parseLong(s.substring(0, s.length() - 1)) * 1000;
            } else if (s.endsWith("m")) {
                ms = Long.parseLong(s.substring(0, s.length() - 1)) * 60_000;
            }
        } catch (NumberFormatException ignored) {
            ms = -1;
        }
        if (ms < minMs || ms > maxMs) {
            throw new AgentOptionsException("option '" + key + "=" + s + "': accepted: a duration from " + minMs
                    + "ms to " + maxMs + "ms written like 500ms, 1s or 2m");
        }
        return ms;
    }

    /** {@code %p} is the pid, {@code %t} a yyyyMMdd-HHmmss timestamp. */
    static String expand(String path, long pid) {
        String p = path.replace("%p", Long.toString(pid));
        // only when asked for: java.time's formatter costs the application's start about 30 ms to load
        return p.contains("%t") ? p.replace("%t", LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"))) : p;
    }
}

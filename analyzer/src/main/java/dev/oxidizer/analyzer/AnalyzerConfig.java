package dev.oxidizer.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the user configured: rule thresholds, latency-critical entry points and threads, the ranking's
 * speedup assumption and a few estimator settings. Immutable; build with {@link #builder()} or read a file
 * with {@link #load(Path)}. Every key and its default is documented in {@code docs/analyzer.md}.
 *
 * <p>File format: Java properties ({@code key=value}, lists comma-separated) or, for a name ending in
 * {@code .json}, one flat JSON object with the same keys (lists as arrays or comma-separated strings).
 * Threshold keys are {@code <rule-id>.<name>}, e.g. {@code cpu-bound.minRatio=0.75}; they are checked
 * against the rules' declared thresholds when the analysis starts, so a typo is an error, not a no-op.
 */
public final class AnalyzerConfig {
    /** Entry points assumed when none are configured: request dispatch methods of common servers. */
    public static final List<String> DEFAULT_ENTRY_POINTS = List.of(
            "jakarta.servlet.http.HttpServlet.service",
            "javax.servlet.http.HttpServlet.service",
            "sun.net.httpserver.ServerImpl$Exchange.run",
            "io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead",
            "io.grpc.internal.ServerImpl$JumpToApplicationThreadServerStreamListener*",
            "org.springframework.web.servlet.DispatcherServlet.doDispatch");
    /** Thread-name globs assumed when none are configured: request threads of common servers. */
    public static final List<String> DEFAULT_LATENCY_THREADS = List.of(
            "http-nio-*", "https-jsse-nio-*", "http-bio-*", "qtp*", "XNIO-*", "reactor-http-*",
            "nioEventLoopGroup-*", "grpc-default-executor-*", "HTTP-Dispatcher", "request-*");

    static final String SPEEDUP = "ranking.speedup";
    static final String FFM_CALL_NS = "ffm.callNs";
    static final String FFM_PLAIN_CALL_NS = "ffm.plainCallNs";
    static final String JAVA_THREADS_PER_PERIOD = "sampling.javaThreadsPerPeriod";
    static final String SAMPLING_ONLY_MAX_METHODS = "sampling-only.maxMethods";
    static final String ENTRY_POINTS = "entryPoints";
    static final String LATENCY_THREADS = "latencyThreads";
    static final String EXCLUDE_PACKAGES = "sampling-only.excludePackages";
    static final String APPLICATION = "application";
    static final String DEPENDENCIES_RANKED_WITH_OWN_CODE = "ranking.dependenciesWithOwnCode";

    private final Map<String, Double> thresholds;
    private final List<String> entryPoints;
    private final List<String> latencyThreads;
    private final boolean latencyConfigured;
    private final double speedup;
    private final Double ffmCallNs;
    private final Double ffmPlainCallNs;
    private final int javaThreadsPerPeriod;
    private final int samplingOnlyMaxMethods;
    private final List<String> excludePackages;
    private final List<String> application;
    private final boolean dependenciesWithOwnCode;

    private AnalyzerConfig(Builder b) {
        this.thresholds = Map.copyOf(b.thresholds);
        this.latencyConfigured = !b.entryPoints.isEmpty() || !b.latencyThreads.isEmpty();
        this.entryPoints = latencyConfigured ? List.copyOf(b.entryPoints) : DEFAULT_ENTRY_POINTS;
        this.latencyThreads = latencyConfigured ? List.copyOf(b.latencyThreads) : DEFAULT_LATENCY_THREADS;
        this.speedup = b.speedup;
        this.ffmCallNs = b.ffmCallNs;
        this.ffmPlainCallNs = b.ffmPlainCallNs;
        this.javaThreadsPerPeriod = b.javaThreadsPerPeriod;
        this.samplingOnlyMaxMethods = b.samplingOnlyMaxMethods;
        this.excludePackages = List.copyOf(b.excludePackages);
        this.application = List.copyOf(b.application);
        this.dependenciesWithOwnCode = b.dependenciesWithOwnCode;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values (entry points and threads only if they were configured). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thresholds.putAll(thresholds);
        if (latencyConfigured) {
            b.entryPoints.addAll(entryPoints);
            b.latencyThreads.addAll(latencyThreads);
        }
        b.speedup = speedup;
        b.ffmCallNs = ffmCallNs;
        b.ffmPlainCallNs = ffmPlainCallNs;
        b.javaThreadsPerPeriod = javaThreadsPerPeriod;
        b.samplingOnlyMaxMethods = samplingOnlyMaxMethods;
        b.excludePackages.clear();
        b.excludePackages.addAll(excludePackages);
        b.application.addAll(application);
        b.dependenciesWithOwnCode = dependenciesWithOwnCode;
        return b;
    }

    /** Threshold overrides by key ({@code rule-id.name}); rules fall back to their defaults. */
    public Map<String, Double> thresholds() {
        return thresholds;
    }

    /** Entry-point globs over {@code binary.Class.method}; the defaults when none were configured. */
    public List<String> entryPoints() {
        return entryPoints;
    }

    /** Thread-name globs; the defaults when no entry point or thread was configured. */
    public List<String> latencyThreads() {
        return latencyThreads;
    }

    /** Whether the user named entry points or latency threads (else the documented defaults are used). */
    public boolean latencyConfigured() {
        return latencyConfigured;
    }

    /** Assumed Rust-over-JIT speedup of CPU time, for the time-saved ranking. */
    public double speedup() {
        return speedup;
    }

    /**
     * FFM downcall cost set by the user, or null to measure it on this JVM. Applies to plain downcalls too unless
     * {@link #ffmPlainCallNs()} is set.
     */
    public Double ffmCallNs() {
        return ffmCallNs;
    }

    /** Cost of a plain downcall (primitive arguments and result) set by the user, or null. */
    public Double ffmPlainCallNs() {
        return ffmPlainCallNs;
    }

    /** Java threads the JFR execution sampler takes per period at most (HotSpot: 5). */
    public int javaThreadsPerPeriod() {
        return javaThreadsPerPeriod;
    }

    /** In sampling-only mode, how many of the hottest application methods are analysed. */
    public int samplingOnlyMaxMethods() {
        return samplingOnlyMaxMethods;
    }

    /** Package prefixes never proposed in sampling-only mode (the JDK's own code). */
    public List<String> excludePackages() {
        return excludePackages;
    }

    /**
     * Class-name globs of the application's own code ({@code com.acme.**}); empty to derive them from the recording
     * (the package of the main class the agent saw, and its subpackages). Other non-JDK code is a dependency.
     */
    public List<String> application() {
        return application;
    }

    /** Whether dependency methods rank among own-code methods by score (else below every own-code candidate). */
    public boolean dependenciesWithOwnCode() {
        return dependenciesWithOwnCode;
    }

    /** Whether {@code className} is in one of {@link #excludePackages()} (never proposed in sampling-only mode). */
    boolean excludes(String className) {
        for (String p : excludePackages()) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a configuration file ({@code .json} or properties).
     *
     * @throws AnalysisException ({@link AnalysisException.Kind#BAD_CONFIG}) naming the file, key and accepted values
     */
    public static AnalyzerConfig load(Path file) throws AnalysisException {
        return builder().load(file).build();
    }

    /** Collects configuration values; later calls override earlier ones, lists are appended. */
    public static final class Builder {
        private final Map<String, Double> thresholds = new LinkedHashMap<>();
        private final List<String> entryPoints = new ArrayList<>();
        private final List<String> latencyThreads = new ArrayList<>();
        private double speedup = 2.0;
        private Double ffmCallNs;
        private Double ffmPlainCallNs;
        private int javaThreadsPerPeriod = 5;
        private int samplingOnlyMaxMethods = 50;
        private final List<String> excludePackages = new ArrayList<>(List.of(
                "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.oxidizer.agent."));
        private final List<String> application = new ArrayList<>();
        private boolean dependenciesWithOwnCode;

        private Builder() {}

        /** Adds a class-name glob of the application's own code (see {@link AnalyzerConfig#application()}). */
        public Builder application(String glob) {
            application.add(glob);
            return this;
        }

        /** Ranks dependency methods among own-code ones by score instead of below them. */
        public Builder dependenciesWithOwnCode(boolean value) {
            this.dependenciesWithOwnCode = value;
            return this;
        }

        public Builder threshold(String key, double value) {
            thresholds.put(key, value);
            return this;
        }

        public Builder entryPoint(String glob) {
            entryPoints.add(glob);
            return this;
        }

        public Builder latencyThread(String glob) {
            latencyThreads.add(glob);
            return this;
        }

        public Builder speedup(double value) {
            if (!(value > 1.0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(SPEEDUP + " must be a number above 1 (e.g. 2.0), was " + value);
            }
            this.speedup = value;
            return this;
        }

        public Builder ffmCallNs(Double value) {
            if (value != null && !(value > 0)) {
                throw new IllegalArgumentException(FFM_CALL_NS + " must be a positive number of ns, was " + value);
            }
            this.ffmCallNs = value;
            return this;
        }

        public Builder ffmPlainCallNs(Double value) {
            if (value != null && !(value > 0)) {
                throw new IllegalArgumentException(FFM_PLAIN_CALL_NS + " must be a positive number of ns, was " + value);
            }
            this.ffmPlainCallNs = value;
            return this;
        }

        public Builder javaThreadsPerPeriod(int value) {
            if (value < 1) {
                throw new IllegalArgumentException(JAVA_THREADS_PER_PERIOD + " must be 1 or more, was " + value);
            }
            this.javaThreadsPerPeriod = value;
            return this;
        }

        public Builder samplingOnlyMaxMethods(int value) {
            if (value < 1) {
                throw new IllegalArgumentException(SAMPLING_ONLY_MAX_METHODS + " must be 1 or more, was " + value);
            }
            this.samplingOnlyMaxMethods = value;
            return this;
        }

        /** Sets one key as written in a configuration file. */
        public Builder set(String key, String value) {
            String v = value.trim();
            switch (key) {
                case ENTRY_POINTS -> splitList(v).forEach(this::entryPoint);
                case LATENCY_THREADS -> splitList(v).forEach(this::latencyThread);
                case APPLICATION -> splitList(v).forEach(this::application);
                case DEPENDENCIES_RANKED_WITH_OWN_CODE -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new IllegalArgumentException("key '" + key + "' must be true or false, was '" + v + "'");
                    }
                    dependenciesWithOwnCode(Boolean.parseBoolean(v));
                }
                case EXCLUDE_PACKAGES -> {
                    excludePackages.clear();
                    excludePackages.addAll(splitList(v));
                }
                case SPEEDUP -> speedup(number(key, v));
                case FFM_CALL_NS -> ffmCallNs(number(key, v));
                case FFM_PLAIN_CALL_NS -> ffmPlainCallNs(number(key, v));
                case JAVA_THREADS_PER_PERIOD -> javaThreadsPerPeriod((int) integer(key, v));
                case SAMPLING_ONLY_MAX_METHODS -> samplingOnlyMaxMethods((int) integer(key, v));
                default -> {
                    if (key.indexOf('.') <= 0) {
                        throw new IllegalArgumentException("unknown key '" + key + "'; known keys: " + ENTRY_POINTS + ", "
                                + LATENCY_THREADS + ", " + SPEEDUP + ", " + FFM_CALL_NS + ", " + FFM_PLAIN_CALL_NS + ", " + JAVA_THREADS_PER_PERIOD + ", "
                                + SAMPLING_ONLY_MAX_METHODS + ", " + EXCLUDE_PACKAGES + ", " + APPLICATION + ", "
                                + DEPENDENCIES_RANKED_WITH_OWN_CODE + " and <rule-id>.<threshold>");
                    }
                    threshold(key, number(key, v));
                }
            }
            return this;
        }

        /** Reads a configuration file into this builder. */
        public Builder load(Path file) throws AnalysisException {
            try {
                if (file.getFileName().toString().toLowerCase().endsWith(".json")) {
                    JsonNode root = new ObjectMapper().readTree(file.toFile());
                    if (root == null || !root.isObject()) {
                        throw new IllegalArgumentException("expected one JSON object of key: value");
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                        var e = it.next();
                        JsonNode n = e.getValue();
                        if (n.isArray()) {
                            List<String> items = new ArrayList<>();
                            n.forEach(x -> items.add(x.asText()));
                            set(e.getKey(), String.join(",", items));
                        } else if (n.isValueNode()) {
                            set(e.getKey(), n.asText());
                        } else {
                            throw new IllegalArgumentException("key '" + e.getKey() + "' must be a number, a string or an array of strings");
                        }
                    }
                } else {
                    Properties p = new Properties();
                    try (Reader r = Files.newBufferedReader(file)) {
                        p.load(r);
                    }
                    for (String key : p.stringPropertyNames().stream().sorted().toList()) {
                        set(key, p.getProperty(key));
                    }
                }
            } catch (IOException e) {
                throw new AnalysisException(AnalysisException.Kind.BAD_CONFIG, "config " + file + ": cannot be read ("
                        + e.getMessage() + "); expected a .properties or .json file of analyzer settings");
            } catch (IllegalArgumentException e) {
                throw new AnalysisException(AnalysisException.Kind.BAD_CONFIG, "config " + file + ": " + e.getMessage());
            }
            return this;
        }

        public AnalyzerConfig build() {
            return new AnalyzerConfig(this);
        }

        private static List<String> splitList(String v) {
            return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        private static double number(String key, String v) {
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("key '" + key + "' must be a number, was '" + v + "'");
            }
        }

        private static long integer(String key, String v) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("key '" + key + "' must be a whole number, was '" + v + "'");
            }
        }
    }
}

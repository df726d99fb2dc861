package dev.oxidizer.model;

import java.util.List;

/**
 * Everything the analyzer knows and decided about one method.
 *
 * @param key          stable identity {@code pkg.Class#name(descriptor)}
 * @param className    binary class name ({@code pkg.Outer$Inner})
 * @param methodName   method name ({@code <init>} for constructors)
 * @param descriptor   JVM descriptor, e.g. {@code ([DI)D}; null when only sampled frames named it
 * @param javaSignature readable Java signature, e.g. {@code static double mean(double[], int)}
 * @param isStatic     whether the method is static, null when unknown
 * @param calls        invocation figures, null when no count source exists
 * @param latency      latency distribution, null when not timed
 * @param cpu          sampled CPU and wait evidence
 * @param allocation   allocation evidence, null without allocation samples
 * @param latencyPath  whether it runs under a latency-critical entry point
 * @param portability  whether the signature can cross the FFM boundary
 * @param findings     one per rule, in rule order
 * @param verdict      candidate or rejected
 * @param rejectedBy   id of the first failing rule, null for candidates
 * @param rank         1-based rank among candidates, null for rejected methods
 * @param score        estimated CPU seconds saved per day under the assumed speedup
 * @param confidence   HIGH, MEDIUM or LOW
 * @param suggestion   pattern or refactoring advice, may be null
 * @param callTree     hottest sampled call paths under the method, may be null
 * @param port         measured result of a verified Rust port, null until {@code oxidizer verify} ran
 * @param code         whose code it is and what a port would take (schema 2), null in older reports
 */
public record MethodReport(
        String key,
        String className,
        String methodName,
        String descriptor,
        String javaSignature,
        Boolean isStatic,
        Calls calls,
        Latency latency,
        Cpu cpu,
        Allocation allocation,
        LatencyPath latencyPath,
        Portability portability,
        List<Finding> findings,
        Verdict verdict,
        String rejectedBy,
        Integer rank,
        double score,
        Confidence confidence,
        Suggestion suggestion,
        CallTree callTree,
        PortResult port,
        Code code) {

    public MethodReport {
        findings = List.copyOf(findings == null ? List.of() : findings);
    }

    /** A method report without {@link #code} (schema 1's fields). */
    public MethodReport(String key, String className, String methodName, String descriptor, String javaSignature,
                        Boolean isStatic, Calls calls, Latency latency, Cpu cpu, Allocation allocation, LatencyPath latencyPath,
                        Portability portability, List<Finding> findings, Verdict verdict, String rejectedBy, Integer rank,
                        double score, Confidence confidence, Suggestion suggestion, CallTree callTree, PortResult port) {
        this(key, className, methodName, descriptor, javaSignature, isStatic, calls, latency, cpu, allocation, latencyPath,
                portability, findings, verdict, rejectedBy, rank, score, confidence, suggestion, callTree, port, null);
    }

    /** Returns a copy with {@code port} replaced. */
    public MethodReport withPort(PortResult newPort) {
        return new MethodReport(key, className, methodName, descriptor, javaSignature, isStatic, calls, latency, cpu,
                allocation, latencyPath, portability, findings, verdict, rejectedBy, rank, score, confidence,
                suggestion, callTree, newPort, code);
    }

    /** Returns a copy with the rules' outcome replaced: findings, verdict, rejecting rule, rank and suggestion. */
    public MethodReport withVerdict(List<Finding> newFindings, Verdict newVerdict, String newRejectedBy, Integer newRank,
                                    Suggestion newSuggestion) {
        return new MethodReport(key, className, methodName, descriptor, javaSignature, isStatic, calls, latency, cpu,
                allocation, latencyPath, portability, newFindings, newVerdict, newRejectedBy, newRank, score, confidence,
                newSuggestion, callTree, port, code);
    }

    /**
     * Whose code the method is and what a port would take.
     *
     * @param origin            {@code application} (the application's own code) or {@code dependency} (a library's)
     * @param visibility        {@code public}, {@code protected}, {@code package} or {@code private}, null when unknown
     * @param jdkShare          share of its CPU samples in JDK code its own code called (not through a library), null
     *                          without samples
     * @param intrinsicShare    share of its CPU samples inside JDK intrinsics and native stubs, null without samples
     * @param dependencyShare   share of its CPU samples inside dependency code, null without samples
     * @param portNote          what a port would take beyond the method itself (fork a library, reimplement one,
     *                          widen a private method), null when nothing
     */
    public record Code(String origin, String visibility, Double jdkShare, Double intrinsicShare, Double dependencyShare,
                       String portNote) {
        /**
         * Whether a port of it is library work: it is a dependency's method, or more of its CPU is inside dependency code
         * than in its own code (what is neither the JDK's nor a library's).
         */
        public boolean libraryWork() {
            if ("dependency".equals(origin)) {
                return true;
            }
            if (dependencyShare == null) {
                return false;
            }
            double own = 1 - dependencyShare - (jdkShare == null ? 0 : jdkShare);
            return dependencyShare > 0 && dependencyShare > own;
        }
    }

    /** Returns a copy with the call figures replaced. */
    public MethodReport withCalls(Calls newCalls) {
        return new MethodReport(key, className, methodName, descriptor, javaSignature, isStatic, newCalls, latency, cpu,
                allocation, latencyPath, portability, findings, verdict, rejectedBy, rank, score, confidence,
                suggestion, callTree, port, code);
    }

    /** How sure the ranking is. */
    public enum Confidence { HIGH, MEDIUM, LOW }

    /**
     * Invocation figures.
     *
     * @param observed     exact invocations seen in the window (all JVMs)
     * @param exceptional  of which ended by an exception
     * @param perDay       per day: measured over the fleet's range when {@code measured} is present, else projected from
     *                     the recordings' window
     * @param source       {@code agent}, {@code method-timing} or {@code samples} (estimate): the source of {@code observed}
     * @param threads      distinct threads seen running it (from samples), null when unknown
     * @param measured     the method's calls and latency over the range of the report's {@link Report#fleet()} source,
     *                     all JVMs; null without that source or when it has no counter for the method
     */
    public record Calls(long observed, long exceptional, double perDay, String source, Integer threads, Measured measured) {

        /** Calls from the recordings only. */
        public Calls(long observed, long exceptional, double perDay, String source, Integer threads) {
            this(observed, exceptional, perDay, source, threads, null);
        }
    }

    /**
     * A method's calls and latency over a fleet's range, from the agents' Prometheus counters and histograms.
     *
     * @param calls       calls that entered, all JVMs, exact for counters without a reset in the range
     * @param exceptional of which ended by throwing
     * @param jvms        agent sessions that reported the method
     * @param meanNs      mean latency of the timed calls (histogram sum / count), null when not timed
     * @param p50Ns       median by {@code histogram_quantile} (interpolated within the bucket), null when not timed
     * @param p99Ns       99th percentile likewise, null when not timed
     */
    public record Measured(long calls, long exceptional, int jvms, Double meanNs, Double p50Ns, Double p99Ns) {}

    /**
     * Latency distribution in nanoseconds.
     *
     * @param timedCount       calls that were timed (fewer than observed under a sampling policy)
     * @param timingPolicy     the agent's policy, e.g. {@code all}, {@code sampled 1/64}, {@code off}
     * @param meanNs           mean
     * @param p50Ns            median
     * @param p90Ns            90th percentile
     * @param p99Ns            99th percentile
     * @param p999Ns           99.9th percentile
     * @param maxNs            maximum
     * @param totalNs          estimated total wall time: mean x observed calls
     * @param histogram        the merged HdrHistogram, compressed and base64-encoded, may be null
     */
    public record Latency(long timedCount, String timingPolicy, double meanNs, long p50Ns, long p90Ns, long p99Ns,
                          long p999Ns, long maxNs, double totalNs, String histogram) {}

    /**
     * Sampled CPU and wait evidence.
     *
     * @param selfSamples       execution samples with the method on top
     * @param inclusiveSamples  execution samples with the method anywhere on the stack
     * @param cpuTimeNs         estimated on-CPU ns (inclusive samples x sampling period)
     * @param cpuBoundRatio     cpuTimeNs / measured wall time, null when wall time is unknown
     * @param parkSamples       park / sleep events passing through it
     * @param monitorSamples    monitor enter / wait events passing through it
     * @param ioSamples         socket and file read/write events passing through it
     * @param waitNs            total duration of those wait events
     */
    public record Cpu(long selfSamples, long inclusiveSamples, double cpuTimeNs, Double cpuBoundRatio,
                      long parkSamples, long monitorSamples, long ioSamples, double waitNs) {}

    /**
     * Allocation evidence.
     *
     * @param bytesPerSecond    sampled allocation weight per second of window
     * @param bytesPerCall      bytesPerSecond spread over calls, null when calls are unknown
     * @param topClasses        most allocated classes, heaviest first
     */
    public record Allocation(double bytesPerSecond, Double bytesPerCall, List<String> topClasses) {}

    /**
     * Whether the method serves user latency.
     *
     * @param onPath   true when under an entry point or on a matching thread
     * @param matched  the entry-point pattern or thread name that matched, null when none
     * @param share    share of its samples under such an entry point, null when unknown
     */
    public record LatencyPath(boolean onPath, String matched, Double share) {}

    /**
     * Whether the signature can cross the FFM boundary.
     *
     * @param portable      true when every parameter and the return type map to Rust
     * @param rustSignature proposed safe Rust signature, e.g. {@code fn mean(values: &[f64]) -> f64}
     * @param problems      one entry per parameter (or return) that does not map, with how to make it map
     */
    public record Portability(boolean portable, String rustSignature, List<Problem> problems) {
        public Portability {
            problems = List.copyOf(problems == null ? List.of() : problems);
        }

        /**
         * @param position {@code "this"}, {@code "return"}, or {@code "parameter N"}
         * @param javaType the Java type
         * @param advice   the wrapper or refactoring that would make it portable
         */
        public record Problem(String position, String javaType, String advice) {}
    }

    /**
     * Advice beyond yes or no.
     *
     * @param pattern       {@code native}, {@code sidecar}, {@code queue} or {@code keep} (keep it on the JVM; reports
     *                      written before 0.1 said {@code host} for it)
     * @param coarserCaller key of the nearest caller whose granularity passes, may be null
     * @param reason        why
     */
    public record Suggestion(String pattern, String coarserCaller, String reason) {}

    /**
     * A sampled call tree rooted at the method (callees below it).
     *
     * @param frame    {@code Class.method}
     * @param samples  inclusive samples
     * @param children heaviest first, trimmed to the top few per level
     */
    public record CallTree(String frame, long samples, List<CallTree> children) {
        public CallTree {
            children = List.copyOf(children == null ? List.of() : children);
        }
    }

    /**
     * Measured result of a verified Rust port.
     *
     * @param crateDir            folder of the crate, as given to verify
     * @param differentialPassed  whether Java and Rust agreed on every generated input
     * @param javaNsPerOp         benchmark of the original method
     * @param rustNsPerOp         benchmark of the FFM wrapper calling Rust
     * @param speedup             javaNsPerOp / rustNsPerOp (below 1 means Rust is slower)
     * @param measuredAt          ISO-8601 instant
     * @param benchmark           how it was measured (tool, forks, iterations)
     * @param speedupLow          lower end of the speedup's 95% confidence interval; null when not measured or when
     *                            too few rounds ran to state one
     * @param speedupHigh         upper end of that interval
     * @param verdict             what the measurement says, against {@code threshold}: {@code PORT} (the interval lies
     *                            above it), {@code KEEP_JAVA} (below it), {@code INCONCLUSIVE} (it straddles it),
     *                            {@code UNMEASURED} (no benchmark or no interval), {@code FAILED} (the differential test
     *                            failed); null in results written before verdicts existed
     * @param verdictReason       the verdict in words, with the numbers and, when inconclusive, what would settle it
     * @param threshold           the speedup a port must surely exceed to be worth it (default 1.2)
     * @param measuredScore       CPU seconds per day the port saves at the measured speedup (negative: it costs);
     *                            null without a measured speedup or the figures to scale it
     */
    public record PortResult(String crateDir, boolean differentialPassed, Double javaNsPerOp, Double rustNsPerOp,
                             Double speedup, String measuredAt, String benchmark, Double speedupLow, Double speedupHigh,
                             String verdict, String verdictReason, Double threshold, Double measuredScore) {

        /** A result without an interval or a verdict (as results were before verdicts existed). */
        public PortResult(String crateDir, boolean differentialPassed, Double javaNsPerOp, Double rustNsPerOp,
                          Double speedup, String measuredAt, String benchmark) {
            this(crateDir, differentialPassed, javaNsPerOp, rustNsPerOp, speedup, measuredAt, benchmark, null, null, null,
                    null, null, null);
        }

        /** This result judged: the verdict, its reason, the threshold and the measured saving filled in. */
        public PortResult judged(String newVerdict, String reason, double newThreshold, Double newMeasuredScore) {
            return new PortResult(crateDir, differentialPassed, javaNsPerOp, rustNsPerOp, speedup, measuredAt, benchmark,
                    speedupLow, speedupHigh, newVerdict, reason, newThreshold, newMeasuredScore);
        }
    }

    /** This method with a new rank (null: not ranked). */
    public MethodReport withRank(Integer newRank) {
        return new MethodReport(key, className, methodName, descriptor, javaSignature, isStatic, calls, latency, cpu,
                allocation, latencyPath, portability, findings, verdict, rejectedBy, newRank, score, confidence,
                suggestion, callTree, port, code);
    }
}

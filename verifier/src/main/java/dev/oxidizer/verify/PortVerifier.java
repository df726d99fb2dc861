package dev.oxidizer.verify;

import dev.oxidizer.vocabulary.MethodKey;
import dev.oxidizer.model.MeasuredVerdicts;

import dev.oxidizer.model.MethodReport.PortResult;
import dev.oxidizer.stubgen.CargoBuild;
import dev.oxidizer.stubgen.GeneratorException;
import dev.oxidizer.stubgen.PortManifest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Verifies a generated port: builds the crate (cargo, incremental), compiles the Java side, runs the
 * differential test in a forked JVM through the JUnit console launcher, runs the JMH benchmark (Java and
 * Rust in the same fork, same inputs), and writes {@link VerifyResult} into the port folder.
 *
 * <p>Nothing is written outside the port folder: compiled classes, logs and reports go to
 * {@code <port>/target/oxidizer-verify/}. Each forked JVM has a hard timeout.
 *
 * <p>Not thread-safe; one instance verifies one port at a time.
 */
public final class PortVerifier {

    /**
     * How to verify.
     *
     * @param classPath    the application's classes (folders and jars) holding the original method
     * @param libDir       folder with junit-platform-console-standalone and JMH's jars
     * @param javaHome     JDK for the forked JVMs
     * @param cargo        cargo executable
     * @param benchmark    run the JMH benchmark (else only the differential test)
     * @param quick        shorter JMH runs (2 warm-up and 3 measured iterations of 0.5 s)
     * @param timeout      ceiling for each step (cargo, tests, benchmark)
     * @param progress     where step lines go (stderr in the CLI)
     * @param rounds       rounds of the interleaved benchmark (its interval is Student's t over them; at least 3 for one)
     * @param threshold    the speedup a port must surely exceed to be worth it ({@link MeasuredVerdicts})
     */
    public record Options(List<Path> classPath, Path libDir, Path javaHome, String cargo, boolean benchmark, boolean quick,
                          Duration timeout, PrintStream progress, int rounds, double threshold) {
        /** Default rounds: 10 (5 with quick). */
        public Options(List<Path> classPath, Path libDir, Path javaHome, String cargo, boolean benchmark, boolean quick,
                       Duration timeout, PrintStream progress) {
            this(classPath, libDir, javaHome, cargo, benchmark, quick, timeout, progress, quick ? 5 : 10,
                    MeasuredVerdicts.DEFAULT_THRESHOLD);
        }

        public Options {
            if (rounds < 1 || rounds > 1000) {
                throw new IllegalArgumentException("rounds must be 1 to 1000, was " + rounds);
            }
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("threshold must be a speedup above 0, was " + threshold);
            }
            // Absolute: the forked JVMs run in the port folder.
            classPath = classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        }
    }

    private final Options options;

    public PortVerifier(Options options) {
        this.options = options;
    }

    /**
     * Verifies the port in {@code dir}. The result is written even when the differential test fails, so the
     * report can show the failure; a failed differential test is also thrown as {@link VerifyException.Kind#MISMATCH}
     * after writing.
     */
    public VerifyResult verify(Path dir) throws VerifyException {
        GeneratedPort port = GeneratedPort.read(dir);
        try {
            // a result of an earlier run must never pass for this one's
            Files.deleteIfExists(port.dir().resolve(VerifyResult.FILE_NAME));
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot remove the earlier result in " + port.dir() + ": " + e.getMessage(), e);
        }
        List<Path> junit = libs("junit-platform-console-standalone");
        List<Path> jmh = libs("jmh-core", "jopt-simple", "commons-math3");
        List<Path> jmhProcessor = new ArrayList<>(libs("jmh-generator-annprocess"));
        jmhProcessor.addAll(jmh);
        for (Path p : options.classPath()) {
            if (!Files.exists(p)) {
                throw new VerifyException(VerifyException.Kind.BAD_INPUT, "class path entry " + p + " does not exist; pass the folders or jars holding "
                        + MethodKey.parse(port.methodKey()).className());
            }
        }

        step("building the crate " + port.crate() + " (cargo build --release --offline)");
        try {
            String targetEnv = System.getenv("CARGO_TARGET_DIR");
            new CargoBuild(options.cargo(), targetEnv == null ? null : Path.of(targetEnv), options.timeout().toSeconds()).build(port.dir());
        } catch (GeneratorException e) {
            throw new VerifyException(e.kind() == GeneratorException.Kind.BAD_INPUT ? VerifyException.Kind.BAD_INPUT
                    : VerifyException.Kind.TOOL_FAILED, e.getMessage(), e);
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot place the built library: " + e.getMessage(), e);
        }

        step("compiling the wrapper, the differential test and the benchmark");
        Path classes = port.workDir().resolve("classes");
        List<Path> compileCp = new ArrayList<>(options.classPath());
        compileCp.addAll(junit);
        compileCp.addAll(jmh);
        PortCompiler.compile(port.sourceRoots(), compileCp, jmhProcessor, classes);

        List<Path> runCp = new ArrayList<>();
        runCp.add(classes);
        runCp.add(port.resourcesRoot());
        if (Files.isDirectory(port.testResourcesRoot())) {
            runCp.add(port.testResourcesRoot());
        }
        runCp.addAll(options.classPath());
        String java = options.javaHome().resolve("bin").resolve("java").toString();
        String crateProperty = "-Doxidizer." + port.crate() + ".crate=" + port.dir();
        // the wrapper extracts the bundled library into a cache: keep it inside the port's work folder, not the user's home
        String nativeDir = "-Doxidizer.native.dir=" + port.workDir().resolve("native");

        step("running the differential test " + simpleName(port.testClass()));
        Path reports = port.workDir().resolve("junit");
        List<String> junitCmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", crateProperty, nativeDir,
                "-jar", junit.getFirst().toString(), "execute", "--disable-banner", "--details=none",
                "--class-path", PortCompiler.join(runCp), "--select-class", port.testClass(),
                "--reports-dir", reports.toString()));
        ChildJvm.Exit tests = ChildJvm.run(junitCmd, port.dir(), port.workDir().resolve("differential-test.log"),
                options.timeout(), "the differential test");
        JUnitSummary summary = readSummary(reports, tests);
        boolean passed = tests.code() == 0 && summary.failed() == 0 && summary.tests() > 0;

        PairedScores scores = null;
        String how = null;
        Optional<String> paired = port.pairedRunClass();
        if (passed && options.benchmark() && paired.isEmpty()) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, "no " + port.manifest().pairedRunClass()
                    + " under java/src/jmh/java; regenerate the port with 'oxidizer generate' to measure it");
        }
        if (passed && options.benchmark()) {
            long warmupMs = options.quick() ? 1_000 : 3_000;
            long measureMs = options.rounds() * (options.quick() ? 500L : 1_000L);
            step("benchmarking Java against Rust, interleaved in one JVM (" + simpleName(paired.get()) + ", "
                    + options.rounds() + " rounds of " + (measureMs / options.rounds()) + " ms after " + warmupMs + " ms of warm-up)");
            Path result = port.workDir().resolve("paired-result.txt");
            try {
                Files.deleteIfExists(result);
            } catch (IOException e) {
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot remove the old result " + result + ": " + e.getMessage(), e);
            }
            List<Path> benchCp = new ArrayList<>(runCp);
            benchCp.addAll(jmh);
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", crateProperty, nativeDir, "-Xms512m",
                    "-cp", PortCompiler.join(benchCp), paired.get(), Long.toString(warmupMs), Long.toString(measureMs),
                    Integer.toString(options.rounds()), result.toString()));
            ChildJvm.Exit exit = ChildJvm.run(cmd, port.dir(), port.workDir().resolve("benchmark.log"),
                    options.timeout(), "the benchmark");
            if (exit.code() != 0 || !Files.isRegularFile(result)) {
                String why = "the benchmark failed (exit " + exit.code() + "): "
                        + firstException(exit) + "; the generated inputs come from " + port.manifest().inputs().source()
                        + " (see " + PortManifest.FILE_NAME + "); give it inputs the method accepts in setup() of "
                        + port.manifest().benchmarkClass().replace('.', '/') + ".java under java/src/jmh/java; log: " + exit.log();
                // the differential test passed: record that, unmeasured, so the report shows the port and why it has no number
                PortResult unmeasured = MeasuredVerdicts.judge(null, new PortResult(port.dir().toString(), true, null, null, null,
                        Instant.now().toString(), why), options.threshold());
                writeResult(new VerifyResult(VerifyResult.SCHEMA, VerifyResult.SCHEMA_VERSION, port.methodKey(), port.crate(),
                        summary.tests(), summary.failed(), summary.messages(), port.bodyOrigin(), unmeasured), port);
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, why);
            }
            scores = PairedScores.read(result);
            how = String.format(Locale.ROOT, "interleaved in one JVM: %d rounds, %d ABBA pairs of %d calls each; "
                    + "Java %s ns/call, Rust %s ns/call; speedup %.2fx%s; inputs: %s; JDK %s", scores.rounds(), scores.pairs(),
                    scores.callsPerBlock(), fmt(scores.javaNs()), fmt(scores.rustNs()), scores.speedup(),
                    scores.speedupLow() == null ? " (no interval: fewer than 3 rounds)"
                            : String.format(Locale.ROOT, ", 95%% interval %.2f-%.2fx", scores.speedupLow(), scores.speedupHigh()),
                    port.manifest().inputs().source(), options.javaHome().getFileName());
        }

        PortResult pr = new PortResult(port.dir().toString(), passed,
                scores == null ? null : scores.javaNs(), scores == null ? null : scores.rustNs(),
                scores == null ? null : scores.speedup(), Instant.now().toString(), how,
                scores == null ? null : scores.speedupLow(), scores == null ? null : scores.speedupHigh(), null, null, null, null);
        pr = MeasuredVerdicts.judge(null, pr, options.threshold());
        VerifyResult result = new VerifyResult(VerifyResult.SCHEMA, VerifyResult.SCHEMA_VERSION, port.methodKey(), port.crate(),
                summary.tests(), summary.failed(), summary.messages(), port.bodyOrigin(), pr);
        writeResult(result, port);
        if (!passed) {
            String first = summary.messages().isEmpty() ? tests.tail(10) : summary.messages().getFirst();
            boolean notPorted = summary.messages().stream().anyMatch(m -> m.contains("not yet ported"));
            throw new VerifyException(VerifyException.Kind.MISMATCH, notPorted
                    ? "the port is not written yet: " + first
                    : "the port disagrees with Java in " + summary.failed() + " of " + summary.tests() + " tests: " + first
                    + " (full output: " + tests.log() + ")");
        }
        return result;
    }

    private static void writeResult(VerifyResult result, GeneratedPort port) throws VerifyException {
        try {
            result.write(port.dir());
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot write " + port.dir().resolve(VerifyResult.FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /** The first line of the log that names an exception, for a one-line message. */
    private static String firstException(ChildJvm.Exit exit) {
        try {
            for (String line : Files.readAllLines(exit.log())) {
                String l = line.strip();
                if (l.matches("(Exception in thread .*|[\\w.$]+(Exception|Error)(: .*)?)")) {
                    return l.length() > 300 ? l.substring(0, 300) + "..." : l;
                }
            }
        } catch (IOException e) {
            // fall through to the tail
        }
        return exit.tail(3).replace('\n', ' ');
    }

    private JUnitSummary readSummary(Path reports, ChildJvm.Exit tests) throws VerifyException {
        if (!Files.isDirectory(reports)) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "the differential test did not run (exit " + tests.code()
                    + "); last lines of " + tests.log() + ":\n" + tests.tail(15));
        }
        return JUnitSummary.read(reports);
    }

    private List<Path> libs(String... prefixes) throws VerifyException {
        List<Path> found = new ArrayList<>();
        for (String prefix : prefixes) {
            try (var files = Files.list(options.libDir())) {
                Path jar = files.filter(f -> f.getFileName().toString().startsWith(prefix + "-")
                                && f.getFileName().toString().endsWith(".jar")).sorted().findFirst()
                        .orElseThrow(() -> new VerifyException(VerifyException.Kind.TOOL_FAILED, "no " + prefix + "-*.jar in "
                                + options.libDir() + "; rebuild oxidizer (./maven -DskipTests install)"));
                found.add(jar);
            } catch (IOException e) {
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot list " + options.libDir() + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    private void step(String what) {
        if (options.progress() != null) {
            options.progress().println("verify: " + what);
        }
    }

    private static String simpleName(String binary) {
        return binary.substring(binary.lastIndexOf('.') + 1);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.1f", v);
    }
}

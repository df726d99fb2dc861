package dev.oxidizer.verify;

import dev.oxidizer.model.MethodReport.PortResult;
import dev.oxidizer.stubgen.CargoBuild;
import dev.oxidizer.stubgen.GeneratorException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
     */
    public record Options(List<Path> classPath, Path libDir, Path javaHome, String cargo, boolean benchmark, boolean quick,
                          Duration timeout, PrintStream progress) {
        public Options {
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
        List<Path> junit = libs("junit-platform-console-standalone");
        List<Path> jmh = libs("jmh-core", "jopt-simple", "commons-math3");
        List<Path> jmhProcessor = new ArrayList<>(libs("jmh-generator-annprocess"));
        jmhProcessor.addAll(jmh);
        for (Path p : options.classPath()) {
            if (!Files.exists(p)) {
                throw new VerifyException(VerifyException.Kind.BAD_INPUT, "class path entry " + p + " does not exist; pass the folders or jars holding "
                        + port.methodKey().substring(0, port.methodKey().indexOf('#')));
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

        JmhScores scores = null;
        String how = null;
        Optional<String> bench = port.benchmarkClass();
        if (passed && options.benchmark() && bench.isPresent()) {
            step("benchmarking Java against Rust (" + simpleName(bench.get()) + ", JMH" + (options.quick() ? ", quick" : "") + ")");
            Path json = port.workDir().resolve("jmh-result.json");
            List<String> run = new ArrayList<>(List.of("-f", "1"));
            run.addAll(options.quick() ? List.of("-wi", "2", "-w", "500ms", "-i", "3", "-r", "500ms")
                    : List.of("-wi", "3", "-w", "1s", "-i", "5", "-r", "1s"));
            List<Path> benchCp = new ArrayList<>(runCp);
            benchCp.addAll(jmh);
            List<String> jmhCmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", crateProperty, nativeDir,
                    "-cp", PortCompiler.join(benchCp), "org.openjdk.jmh.Main", "^" + bench.get().replace(".", "\\.") + "\\.",
                    "-rf", "json", "-rff", json.toString()));
            jmhCmd.addAll(run);
            ChildJvm.Exit exit = ChildJvm.run(jmhCmd, port.dir(), port.workDir().resolve("benchmark.log"),
                    options.timeout(), "the benchmark");
            if (exit.code() != 0 || !Files.isRegularFile(json)) {
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "the benchmark failed (exit " + exit.code() + "); last lines of "
                        + exit.log() + ":\n" + exit.tail(15));
            }
            String thrown = firstBenchmarkFailure(exit.log());
            if (thrown != null) {
                // JMH exits 0 when a benchmark method throws; its inputs are usually what needs editing.
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "the benchmark threw " + thrown + "; give it inputs the method accepts in "
                        + bench.get().replace('.', '/') + ".java under java/src/jmh/java (setup()), then verify again; log: " + exit.log());
            }
            scores = JmhScores.read(json);
            how = "JMH 1 fork, " + String.join(" ", run.subList(2, run.size())) + ", average time; Java "
                    + fmt(scores.javaNs()) + " ± " + fmt(scores.javaErrorNs()) + " ns/op, Rust "
                    + fmt(scores.rustNs()) + " ± " + fmt(scores.rustErrorNs()) + " ns/op; JDK "
                    + options.javaHome().getFileName();
        }

        PortResult pr = new PortResult(port.dir().toString(), passed,
                scores == null ? null : scores.javaNs(), scores == null ? null : scores.rustNs(),
                scores == null ? null : scores.speedup(), Instant.now().toString(), how);
        VerifyResult result = new VerifyResult(VerifyResult.SCHEMA, VerifyResult.SCHEMA_VERSION, port.methodKey(), port.crate(),
                summary.tests(), summary.failed(), summary.messages(),
                scores == null ? null : scores.javaErrorNs(), scores == null ? null : scores.rustErrorNs(), pr);
        try {
            result.write(port.dir());
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot write " + port.dir().resolve(VerifyResult.FILE_NAME) + ": " + e.getMessage(), e);
        }
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

    /** The first exception line after a JMH {@code <failure>} marker, or null when no iteration failed. */
    static String firstBenchmarkFailure(Path log) throws VerifyException {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("<failure>")) {
                    for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) {
                        String l = lines.get(j).strip();
                        if (!l.isEmpty()) {
                            return "in " + lines.stream().limit(i).filter(x -> x.startsWith("# Benchmark: ")).reduce((a, b) -> b)
                                    .map(x -> x.substring("# Benchmark: ".length())).orElse("a benchmark") + ": " + l;
                        }
                    }
                    return "an exception";
                }
            }
            return null;
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot read " + log + ": " + e.getMessage(), e);
        }
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
        return Double.isNaN(v) ? "?" : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}

package dev.oxidizer.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Real builds and runs for the pattern ITs: cargo with a shared target folder, javac with -Werror, processes with timeouts. */
final class ItSupport {
    private ItSupport() {
    }

    /** Output of a finished process. */
    record Run(int exitCode, String stdout, String stderr, List<String> command) {
        String describe() {
            return "command " + command + " exited " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /** A fresh folder for one test under target/it-work. */
    static Path workDir(String name) throws IOException {
        Path root = Path.of(System.getProperty("oxidizer.it.work", "target/it-work"));
        Files.createDirectories(root);
        return Files.createTempDirectory(root.toAbsolutePath(), name + "-");
    }

    /** The cargo target folder all IT crates share, so std and the release profile are compiled once per crate only. */
    static Path cargoTarget() {
        return Path.of(System.getProperty("oxidizer.it.cargoTarget", "target/it-cargo-target")).toAbsolutePath();
    }

    /** Runs {@code command} in {@code dir}; kills it after {@code timeout}, failing the test with its output. */
    static Run run(List<String> command, Path dir, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("it-out", ".txt");
        Path err = Files.createTempFile("it-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Run r = new Run(done ? p.exitValue() : -1, Files.readString(out), Files.readString(err), command);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        if (!done) {
            fail("timed out after " + timeout + ": " + r.describe());
        }
        return r;
    }

    /**
     * Environment for cargo in the ITs: the shared target folder, and the release profile without LTO (the
     * generated Cargo.toml asks for fat LTO and one codegen unit, which triples build time on two shared cores and
     * changes nothing the tests check; users still get it).
     */
    static Map<String, String> cargoEnv() {
        return Map.of("CARGO_TARGET_DIR", cargoTarget().toString(), "CARGO_PROFILE_RELEASE_LTO", "off",
                "CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "4");
    }

    /** {@code cargo build --release --offline} in {@code crate} with {@link #cargoEnv()}; fails with cargo's output. */
    static void cargoBuild(Path crate) throws IOException, InterruptedException {
        Run r = run(List.of("cargo", "build", "--release", "--offline", "--quiet"), crate, cargoEnv(), Duration.ofMinutes(4));
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stderr().isBlank(), () -> "cargo printed warnings:\n" + r.describe());
    }

    /** Path of a library the shared target folder holds after {@link #cargoBuild}. */
    static Path library(String crate) {
        return cargoTarget().resolve("release").resolve(System.mapLibraryName(crate));
    }

    /** Path of a binary the shared target folder holds after {@link #cargoBuild}. */
    static Path binary(String name) {
        return cargoTarget().resolve("release").resolve(name);
    }

    /**
     * Compiles every {@code .java} under {@code sourceRoots} with {@code -Xlint:all -Werror} into {@code classes};
     * fails with the diagnostics.
     */
    static void compileJava(Path classes, Path... sourceRoots) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> sources = new ArrayList<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            StringWriter log = new StringWriter();
            boolean ok = javac.getTask(log, files, diagnostics,
                    List.of("-Xlint:all", "-Werror", "-d", classes.toString(), "--release", "25"), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
                StringBuilder sb = new StringBuilder("javac -Xlint:all -Werror failed:\n").append(log);
                diagnostics.getDiagnostics().forEach(d -> sb.append(d).append('\n'));
                fail(sb.toString());
            }
        }
    }

    /** Writes a test driver source under {@code root}. */
    static void writeSource(Path root, String pkg, String simpleName, String source) throws IOException {
        Path file = root.resolve(pkg.replace('.', '/')).resolve(simpleName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    /** Loads driver {@code className} (a {@code Function<Path, Map<String, Object>>}) from {@code classes}. */
    @SuppressWarnings("unchecked")
    static Function<Path, Map<String, Object>> driver(URLClassLoader loader, String className) throws ReflectiveOperationException {
        return (Function<Path, Map<String, Object>>) loader.loadClass(className).getConstructor().newInstance();
    }

    static URLClassLoader loader(Path classes) throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ItSupport.class.getClassLoader());
    }

    /** JAVA_HOME of the JVM running the tests (JDK 25). */
    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}

package dev.oxidizer.maven;

import dev.oxidizer.stubgen.ClassFileMethodReader;
import dev.oxidizer.stubgen.ClassPathReader;
import dev.oxidizer.stubgen.GeneratedFiles;
import dev.oxidizer.stubgen.GeneratorOptions;
import dev.oxidizer.stubgen.OutputWriter;
import dev.oxidizer.stubgen.StubGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path a user takes, for real: a small Maven application ({@code com.acme:acme-stats}), a port of one of its
 * methods generated with the real generator (crate plus {@code java/pom.xml}), a Rust body written in, then a forked
 * {@code mvn -o package} over the application and the port's module, with this plugin taken from the local repository
 * (maven-invoker-plugin installed it there). Then: a second build runs no cargo; the jars, copied to another folder,
 * pass the differential test in a JVM whose PATH has no cargo and whose home is fresh; a missing cargo fails the
 * build with what to do, or is skipped when configured.
 *
 * <p>The tests run in order on one build (forked Maven builds cost 15-40 s each on a busy machine).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedModuleIT {
    private static final String CRATE = "stats_sum_of_squares";
    private static final String VERSION = System.getProperty("oxidizer.it.version");
    private static final String PLATFORM = NativePlatform.current();
    private static final String LIBRARY = System.mapLibraryName(CRATE);

    @TempDir
    static Path work;
    static Path port;
    static Path module;

    @Test
    @Order(1)
    void generateWritesAModuleWithNoAbsolutePathAndTheApplicationAsTestDependency() throws Exception {
        Path app = work.resolve("acme-stats");
        Files.createDirectories(app.resolve("src/main/java/com/acme"));
        Files.writeString(app.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>acme-stats</artifactId>
                  <version>1.0.0</version>
                  <properties>
                    <maven.compiler.release>25</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                    </plugins>
                  </build>
                </project>
                """);
        Path source = app.resolve("src/main/java/com/acme/Stats.java");
        Files.writeString(source, """
                package com.acme;

                public final class Stats {
                    private Stats() {
                    }

                    public static double sumOfSquares(double[] values) {
                        double s = 0;
                        for (double v : values) {
                            s += v * v;
                        }
                        return s;
                    }
                }
                """);
        Path classes = app.resolve("target/classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(), source.toString()));

        port = work.resolve("ports/sum");
        GeneratedFiles g = StubGenerator.generate(new ClassFileMethodReader(new ClassPathReader(classes.toString()))
                .read("com.acme.Stats#sumOfSquares"), GeneratorOptions.defaults());
        OutputWriter.write(g, port, false);
        module = port.resolve("java");
        String pom = Files.readString(module.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>oxidizer-maven-plugin</artifactId>") && pom.contains("<crate>${project.basedir}/..</crate>"), pom);
        assertTrue(pom.replaceAll("\\s+", " ").contains("<groupId>com.acme</groupId> <artifactId>acme-stats</artifactId> <version>1.0.0</version> <scope>test</scope>"), pom);
        for (Map.Entry<String, String> f : g.files().entrySet()) {
            assertFalse(f.getValue().contains(work.toString()), f.getKey() + " holds the absolute path " + work);
        }

        Path lib = port.resolve("src/lib.rs");
        String text = Files.readString(lib);
        String signature = g.plan().rustSignature() + " {\n";
        int from = text.indexOf(signature) + signature.length();
        assertTrue(from > signature.length(), text);
        Files.writeString(lib, text.substring(0, from) + "    Ok(values.iter().map(|v| v * v).sum())" + text.substring(text.indexOf("\n}\n", from)));
        Files.writeString(work.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>acme-all</artifactId>
                  <version>1.0.0</version>
                  <packaging>pom</packaging>
                  <modules>
                    <module>acme-stats</module>
                    <module>ports/sum/java</module>
                  </modules>
                </project>
                """);
    }

    @Test
    @Order(2)
    void mvnPackageOfflineBuildsTestsAndBundlesTheLibrary() throws Exception {
        assertTrue(!Files.exists(port.resolve("Cargo.lock")), "the generator writes no Cargo.lock");
        Run build = mvn(work, "package");
        assertEquals(0, build.exit, build.output);
        assertTrue(build.output.contains("has no Cargo.lock, which --locked needs; generating it offline"), build.output);
        assertTrue(Files.isRegularFile(port.resolve("Cargo.lock")));
        assertTrue(build.output.contains("oxidizer: cargo build --release --offline --locked"), build.output);
        assertTrue(build.output.contains("Running com.acme.StatsSumOfSquaresRustDifferentialTest"), build.output);
        assertTrue(build.output.contains("oxidizer: cargo test --offline --locked"), build.output);
        assertTrue(build.output.contains("test result: ok."), "the crate's Rust tests ran:\n" + build.output);

        Path built = port.resolve("target/release").resolve(LIBRARY);
        String sha = sha256(Files.readAllBytes(built));
        String resource = "native/" + CRATE + "/" + PLATFORM + "/" + LIBRARY;
        try (JarFile jar = new JarFile(module.resolve("target/" + artifact("")).toFile())) {
            assertEquals(sha, sha256(jar.getInputStream(jar.getEntry(resource)).readAllBytes()));
            assertEquals(sha + "  " + LIBRARY, new String(jar.getInputStream(jar.getEntry(resource + ".sha256")).readAllBytes(), StandardCharsets.US_ASCII).strip());
            assertTrue(jar.getEntry("com/acme/StatsSumOfSquaresRust.class") != null);
        }
        try (JarFile platformJar = new JarFile(module.resolve("target/" + artifact("-" + PLATFORM)).toFile())) {
            List<String> names = platformJar.stream().map(e -> e.getName()).filter(n -> !n.startsWith("META-INF/")).sorted().toList();
            assertEquals(List.of("native/", "native/" + CRATE + "/", "native/" + CRATE + "/" + PLATFORM + "/", resource, resource + ".sha256"), names);
        }
        assertTrue(Files.isRegularFile(module.resolve("target/" + artifact("-tests"))));
        Path extracted = module.resolve("target/native-cache").resolve(CRATE).resolve(sha.substring(0, 16)).resolve(LIBRARY);
        assertEquals(sha, sha256(Files.readAllBytes(extracted)), "the differential test loaded the bundled library from the module's own cache");
    }

    @Test
    @Order(3)
    void aSecondBuildOfAnUnchangedCrateRunsNoCargo() throws Exception {
        Path bundled = module.resolve("target/classes/native/" + CRATE + "/" + PLATFORM + "/" + LIBRARY);
        var before = Files.getLastModifiedTime(bundled);
        Run again = mvn(work, "package");
        assertEquals(0, again.exit, again.output);
        assertTrue(again.output.contains("oxidizer: build of crate " + CRATE + " is up to date (fingerprint "), again.output);
        assertTrue(again.output.contains("oxidizer: test of crate " + CRATE + " is up to date"), again.output);
        assertFalse(again.output.contains("oxidizer: cargo build"), again.output);
        assertFalse(again.output.contains("oxidizer: cargo test"), again.output);
        assertEquals(before, Files.getLastModifiedTime(bundled), "the bundled library was not copied again");

        // editing the Rust source is seen, and named
        Path lib = port.resolve("src/lib.rs");
        Files.writeString(lib, Files.readString(lib) + "\n// touched\n");
        Run changed = mvn(work, "generate-resources", "-pl", "ports/sum/java");
        assertEquals(0, changed.exit, changed.output);
        assertTrue(changed.output.contains("oxidizer: build of crate " + CRATE + ": changed src/lib.rs"), changed.output);
        assertTrue(changed.output.contains("oxidizer: cargo build --release --offline --locked"), changed.output);
        System.out.printf("GeneratedModuleIT: mvn -o package: first %.1f s, unchanged crate %.1f s%n", seconds(0), seconds(1));
    }

    @Test
    @Order(4)
    void theJarsInAnotherFolderPassTheDifferentialTestWithNoCargoOnThePath() throws Exception {
        Path elsewhere = work.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        List<Path> jars = List.of(module.resolve("target/" + artifact("")), module.resolve("target/" + artifact("-tests")),
                work.resolve("acme-stats/target/acme-stats-1.0.0.jar"));
        List<String> cp = new ArrayList<>();
        for (Path j : jars) {
            cp.add(Files.copy(j, elsewhere.resolve(j.getFileName()), StandardCopyOption.REPLACE_EXISTING).getFileName().toString());
        }
        Path console;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("oxidizer.it.lib")))) {
            console = files.filter(f -> f.getFileName().toString().startsWith("junit-platform-console-standalone")).findFirst().orElseThrow();
        }
        Path home = work.resolve("fresh-home");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + home,
                "-jar", console.toString(), "execute", "--disable-banner", "--details=summary",
                "--class-path", String.join(File.pathSeparator, cp), "--select-class", "com.acme.StatsSumOfSquaresRustDifferentialTest")
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", java.getParent().toString());
        Run run = run(pb, 300);
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("1 tests successful") && run.output.contains("0 tests failed"), run.output);
        Path cache = home.resolve(".cache/oxidizer/native").resolve(CRATE);
        try (Stream<Path> files = Files.walk(cache)) {
            assertEquals(List.of(LIBRARY), files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList(),
                    "the library was extracted from the jar into the fresh home's cache");
        }
    }

    @Test
    @Order(5)
    void aMissingCargoFailsTheBuildWithWhatToDoOrIsSkippedWhenConfigured() throws Exception {
        Run missing = mvn(work, "generate-resources", "-pl", "ports/sum/java", "-Doxidizer.cargo=/nonexistent/cargo");
        assertNotEquals(0, missing.exit, missing.output);
        assertTrue(missing.output.contains("oxidizer: cannot run '/nonexistent/cargo'") && missing.output.contains("https://rustup.rs")
                && missing.output.contains("-Doxidizer.skipIfCargoMissing"), missing.output);
        Run skipped = mvn(work, "generate-resources", "-pl", "ports/sum/java", "-Doxidizer.cargo=/nonexistent/cargo",
                "-Doxidizer.skipIfCargoMissing=true");
        assertEquals(0, skipped.exit, skipped.output);
        assertTrue(skipped.output.contains("[WARNING] oxidizer: cannot run '/nonexistent/cargo'") && skipped.output.contains("skipped (skipIfCargoMissing)"),
                skipped.output);
    }

    @Test
    @Order(6)
    void theLintGoalPassesTheGeneratedCrateUntouchedAndFailsAnUnformattedOneWithRustfmtsDiff() throws Exception {
        // No 'cargo fmt' first: the generated ffi.rs, Cargo.toml and lib.rs (with the body written above) pass as they are.
        String goal = "dev.oxidizer:oxidizer-maven-plugin:" + VERSION + ":lint";
        Run clean = mvn(work, goal, "-pl", "ports/sum/java");
        assertEquals(0, clean.exit, clean.output);
        assertTrue(clean.output.contains("oxidizer: cargo fmt --check") && clean.output.contains("clippy"), clean.output);

        Path lib = port.resolve("src/lib.rs");
        Files.writeString(lib, Files.readString(lib) + "\npub fn   badly_spaced( ) -> i32 { 1 }\n");
        Run dirty = mvn(work, goal, "-pl", "ports/sum/java", "-Doxidizer.lint.clippy=false");
        assertNotEquals(0, dirty.exit, dirty.output);
        assertTrue(dirty.output.contains("'cargo fmt --check' failed in " + port) && dirty.output.contains("badly_spaced"), dirty.output);
    }

    // ---- support

    record Run(int exit, String output, double seconds) {}

    private static final List<Double> PACKAGE_SECONDS = new ArrayList<>();

    private static double seconds(int i) {
        return PACKAGE_SECONDS.size() > i ? PACKAGE_SECONDS.get(i) : Double.NaN;
    }

    private static String artifact(String classifier) {
        return "stats-sum-of-squares-0.1.0-SNAPSHOT" + classifier + ".jar";
    }

    /** Forks {@code mvn -B -o} with this build's local repository (where the plugin was installed) in {@code dir}. */
    private static Run mvn(Path dir, String... args) throws Exception {
        String home = System.getProperty("oxidizer.it.mavenHome");
        Path mvn = home != null && Files.isRegularFile(Path.of(home, "bin", "mvn")) ? Path.of(home, "bin", "mvn") : Path.of("mvn");
        List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-o",
                "-Dmaven.repo.local=" + System.getProperty("oxidizer.it.localRepository")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("MAVEN_OPTS", "-Xmx512m");
        pb.environment().remove("CARGO_TARGET_DIR");
        Run r = run(pb, 900);
        if (args[0].equals("package")) {
            PACKAGE_SECONDS.add(r.seconds);
        }
        return r;
    }

    private static Run run(ProcessBuilder pb, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        pb.redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", pb.command()) + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log), (System.nanoTime() - start) / 1e9);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package dev.oxidizer.cli;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.model.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.oxidizer.cli.OxidizerCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {
    @TempDir
    Path dir;
    Path classes;

    @BeforeEach
    void compileFixture() throws Exception {
        classes = GeneratorFixture.compile(dir);
    }

    @Test
    void writesTheCrateAndTheWrapperForAMethodOnTheClassPath() {
        Path out = dir.resolve("out");
        OxidizerCliTest.Run r = run("generate", "--classpath", classes.toString(), "--method", "acme.math.Stats#mean", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("Rust:   pub fn mean(values: &[f64]) -> Result<f64, PortError>"), r.out());
        assertTrue(r.out().contains("Memory: arena (no latency was measured"), r.out());
        for (String f : List.of("Cargo.toml", "src/lib.rs", "src/ffi.rs", "include/stats_mean.h", "README.md", ".oxidizer-manifest",
                "java/src/main/java/acme/math/StatsMeanRust.java", "java/src/test/java/acme/math/StatsMeanRustDifferentialTest.java",
                "java/src/jmh/java/acme/math/StatsMeanRustBenchmark.java")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void refusesAnUnsupportedSignatureWithOneLinePerProblemAndWritesNothing() {
        Path out = dir.resolve("out");
        OxidizerCliTest.Run r = run("generate", "-cp", classes.toString(), "--method", "acme.math.Stats#count", "-o", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("""
                oxidizer generate: cannot port acme.math.Stats#count(Ljava/util/List;)I: parameter 1 'names' has type \
                java.util.List<java.lang.String>, which cannot cross to Rust (a collection of objects has no memory layout \
                Rust can read; pass a primitive array such as double[] instead); supported: boolean, byte, char, short, int, \
                long, float, double, one-dimensional arrays of these, String (and void as the return type)
                oxidizer generate: nothing was written""", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void listsTheOverloadsOfAnAmbiguousName() {
        OxidizerCliTest.Run r = run("generate", "-cp", classes.toString(), "--method", "acme.math.Stats#clamp", "-o", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("oxidizer generate: 'acme.math.Stats#clamp' is ambiguous: 2 overloads; name one with its descriptor: "
                + "acme.math.Stats#clamp(I)I, acme.math.Stats#clamp(J)J", r.err().strip());
    }

    @Test
    void changingTheMemoryModeKeepsTheEditedBodyWithoutForce() throws Exception {
        Path out = dir.resolve("out");
        String[] base = {"generate", "-cp", classes.toString(), "--method", "acme.math.Stats#mean", "-o", out.toString()};
        assertEquals(ExitCodes.OK, run(base).code());
        String body = Files.readString(out.resolve("src/lib.rs")).replace("Err(PortError::not_yet_ported(\"mean\"))",
                "Ok(values.iter().sum::<f64>() / values.len() as f64)");
        Files.writeString(out.resolve("src/lib.rs"), body);
        String[] critical = java.util.Arrays.copyOf(base, base.length + 2);
        critical[base.length] = "--memory";
        critical[base.length + 1] = "critical";
        OxidizerCliTest.Run r = run(critical);
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("kept        src/lib.rs"), r.out());
        assertTrue(r.out().contains("Kept:   your edited src/lib.rs"), r.out());
        assertEquals(body, Files.readString(out.resolve("src/lib.rs")));
        assertTrue(Files.readString(out.resolve("oxidizer-port.json")).contains("\"memory\" : \"critical\""));
    }

    @Test
    void aTruncatedMethodDescriptorIsABadOptionWithOneClearLine() {
        OxidizerCliTest.Run r = run("generate", "-cp", classes.toString(), "--method", "acme.math.Stats#mean(", "-o",
                dir.resolve("o").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("'(' in 'acme.math.Stats#mean(' is not a JVM method descriptor"), r.err());
        assertTrue(r.err().contains("accepted: pkg.Class#name(descriptor)"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void refusesToOverwriteAnEditedFileWithoutForce() throws Exception {
        Path out = dir.resolve("out");
        String[] args = {"generate", "-cp", classes.toString(), "--method", "acme.math.Stats#clamp(I)I", "-o", out.toString()};
        assertEquals(ExitCodes.OK, run(args).code());
        assertEquals(ExitCodes.OK, run(args).code(), "regenerating untouched output is fine");
        Files.writeString(out.resolve("src/ffi.rs"), "// my shim\n");
        OxidizerCliTest.Run r = run(args);
        assertEquals(ExitCodes.REFUSED, r.code());
        assertTrue(r.err().startsWith("oxidizer generate: refusing to overwrite " + out.toAbsolutePath().normalize().resolve("src/ffi.rs")
                + ": was edited since it was generated; pass --force"), r.err());
        assertEquals("// my shim\n", Files.readString(out.resolve("src/ffi.rs")));
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(ExitCodes.OK, run(forced).code());
        assertTrue(Files.readString(out.resolve("src/ffi.rs")).contains("extern \"C\""));
    }

    @Test
    void picksACandidateFromAReportAndUsesItsMeasuredLatency() throws Exception {
        MethodReport m = new MethodReport("acme.math.Stats#mean([D)D", "acme.math.Stats", "mean", "([D)D", "static double mean(double[])",
                true, null, new MethodReport.Latency(100, "all", 900, 800, 1000, 1200, 1500, 2000, 90_000, null), null, null, null,
                null, List.of(), Verdict.CANDIDATE, null, 1, 12.5, MethodReport.Confidence.HIGH, null, null, null);
        Report report = new Report(Report.SCHEMA, Report.SCHEMA_VERSION, "2026-01-01T00:00:00Z", "test", null, "agent", null,
                List.of(), null, null, null, List.of(), List.of(m));
        Path file = dir.resolve("report.json");
        ReportJson.write(report, file);
        Path out = dir.resolve("out");
        OxidizerCliTest.Run r = run("generate", "--report", file.toString(), "--candidate", "1", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("Memory: critical (measured p99 latency 1200 ns is at or below the critical-call limit of 100000 ns)"), r.out());
        assertTrue(r.out().contains("pub fn mean(arg0: &mut [f64])"), "without class files every array is assumed written:\n" + r.out());

        OxidizerCliTest.Run withCp = run("generate", "--report", file.toString(), "--candidate", "acme.math.Stats#mean([D)D",
                "-cp", classes.toString(), "-o", dir.resolve("out2").toString());
        assertEquals(ExitCodes.OK, withCp.code(), withCp.err());
        assertTrue(withCp.out().contains("pub fn mean(values: &[f64])"), withCp.out());

        OxidizerCliTest.Run noSuch = run("generate", "--report", file.toString(), "--candidate", "3", "-o", dir.resolve("o3").toString());
        assertEquals(ExitCodes.BAD_INPUT, noSuch.code());
        assertEquals("oxidizer generate: no candidate of rank 3 in " + file + "; it has 1 candidate(s): pass a rank from 1 to 1 or a method key",
                noSuch.err().strip());
    }

    @Test
    void rejectsBadOptionCombinationsAsUsageErrors() {
        Path out = dir.resolve("o");
        assertEquals("oxidizer generate: name the method either with --report FILE --candidate RANK|KEY or with --classpath CP"
                + " --method 'pkg.Class#name(descriptor)'", run("generate", "-o", out.toString()).err().strip());
        OxidizerCliTest.Run memory = run("generate", "-cp", classes.toString(), "--method", "acme.math.Stats#mean", "--memory", "fast", "-o", out.toString());
        assertEquals(ExitCodes.USAGE, memory.code());
        assertEquals("oxidizer generate: --memory fast is not accepted; expected auto, critical or arena", memory.err().strip());
        OxidizerCliTest.Run pattern = run("generate", "-cp", classes.toString(), "--method", "acme.math.Stats#mean", "--pattern", "queue", "-o", out.toString());
        assertEquals(ExitCodes.USAGE, pattern.code());
        assertTrue(pattern.err().startsWith("oxidizer generate: --pattern queue is described by -P options, not by --report/--method"), pattern.err());
        OxidizerCliTest.Run missing = run("generate", "--pattern", "queue", "-P", "class=Orders", "-o", out.toString());
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("needs option 'package'"), missing.err());
        OxidizerCliTest.Run unknown = run("generate", "--pattern", "bogus", "-o", out.toString());
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("accepted: queue, sidecar, embed-jvm, native"), unknown.err());
        assertFalse(Files.exists(out), "nothing written on a refused pattern");
    }

    @Test
    void hostIsADeprecatedNameOfEmbedJvmAndSaysSoInOneLine(@TempDir Path dir) {
        OxidizerCliTest.Run current = run("generate", "--pattern", "embed-jvm", "-o", dir.resolve("a").toString(),
                "-P", "main-class=com.acme.Main");
        assertEquals(ExitCodes.OK, current.code(), current.err());
        assertTrue(current.err().isBlank(), current.err());
        assertTrue(current.out().contains("Generated the embed-jvm pattern"), current.out());
        OxidizerCliTest.Run old = run("generate", "--pattern", "host", "-o", dir.resolve("b").toString(),
                "-P", "main-class=com.acme.Main");
        assertEquals(ExitCodes.OK, old.code(), old.err());
        assertEquals(1, old.err().strip().lines().count(), old.err());
        assertTrue(old.err().contains("'embed-jvm'") && old.err().contains("deprecated"), old.err());
        assertTrue(Files.isRegularFile(dir.resolve("b/src/main.rs")));
    }

    @Test
    void writesAQueuePatternFromOptions(@TempDir Path dir) {
        Path out = dir.resolve("queue");
        OxidizerCliTest.Run r = run("generate", "--pattern", "queue", "-o", out.toString(), "-P", "package=com.acme",
                "-P", "class=Orders", "-P", "item=long id, double price");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        for (String f : List.of("Cargo.toml", "src/ring.rs", "java/com/acme/Orders.java", "bench.sh")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing:\n" + r.out());
        }
        OxidizerCliTest.Run again = run("generate", "--pattern", "queue", "-o", out.toString(), "-P", "package=com.acme",
                "-P", "class=Orders", "-P", "item=long id, double price");
        assertEquals(ExitCodes.OK, again.code(), "regenerating unchanged files is allowed: " + again.err());
    }
}

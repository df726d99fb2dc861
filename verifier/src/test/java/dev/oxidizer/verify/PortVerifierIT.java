package dev.oxidizer.verify;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.stubgen.ClassFileMethodReader;
import dev.oxidizer.stubgen.ClassPathReader;
import dev.oxidizer.stubgen.GeneratorOptions;
import dev.oxidizer.stubgen.MemoryMode;
import dev.oxidizer.stubgen.OutputWriter;
import dev.oxidizer.stubgen.StubGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generates a real port of a small fixture method, writes Rust bodies (right and wrong), and verifies them
 * for real: cargo, javac, the differential test in a forked JVM, JMH in a forked JVM.
 */
class PortVerifierIT {
    static final String KEY = "fixture.Sums#sumOfSquares([I)J";
    static final String SOURCE = """
            package fixture;
            public final class Sums {
                private Sums() {}
                /** Sum of the squares, wrapping like Java's long arithmetic. */
                public static long sumOfSquares(int[] values) {
                    long s = 0;
                    for (int v : values) {
                        s += (long) v * v;
                    }
                    return s;
                }
            }
            """;
    static final String RIGHT_BODY = "Ok(values.iter().fold(0i64, |s, &v| s.wrapping_add((v as i64).wrapping_mul(v as i64))))";
    static final String WRONG_BODY = "Ok(values.iter().map(|&v| v as i64).sum::<i64>().wrapping_add(1))";

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compileFixture() throws Exception {
        Path src = work.resolve("src/fixture/Sums.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        classes = work.resolve("classes");
        Files.createDirectories(classes);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "fixture did not compile");
    }

    static Path generate(String name, String body) throws Exception {
        Path out = work.resolve(name);
        var spec = new ClassFileMethodReader(new ClassPathReader(classes.toString())).read(KEY);
        var options = GeneratorOptions.defaults().withMemory(MemoryMode.CRITICAL);
        OutputWriter.write(StubGenerator.generate(spec, options), out, false);
        Path lib = out.resolve("src/lib.rs");
        String rust = Files.readString(lib);
        var stub = Pattern.compile("(?s)(pub fn sum_of_squares\\(values: &\\[i32\\]\\) -> Result<i64, PortError> \\{).*?\\n}\\n");
        var m = stub.matcher(rust);
        assertTrue(m.find(), "generated lib.rs has an unexpected stub:\n" + rust);
        Files.writeString(lib, m.replaceFirst("$1\n    " + java.util.regex.Matcher.quoteReplacement(body) + "\n}\n"));
        return out;
    }

    static PortVerifier verifier(boolean benchmark, ByteArrayOutputStream progress) {
        return new PortVerifier(new PortVerifier.Options(List.of(classes), Path.of(System.getProperty("oxidizer.verify.lib")),
                Path.of(System.getProperty("java.home")), "cargo", benchmark, true, Duration.ofMinutes(5),
                new PrintStream(progress, true)));
    }

    @Test
    void aRightPortPassesAndIsMeasuredSideBySide() throws Exception {
        Path port = generate("right", RIGHT_BODY);
        var progress = new ByteArrayOutputStream();
        VerifyResult r = verifier(true, progress).verify(port);
        assertEquals(KEY, r.methodKey(), progress.toString());
        assertTrue(r.port().differentialPassed());
        assertTrue(r.testsRun() >= 1 && r.testsFailed() == 0, r.toString());
        assertNotNull(r.port().speedup(), "no benchmark result: " + r);
        assertTrue(r.port().javaNsPerOp() > 0 && r.port().rustNsPerOp() > 0, r.toString());
        // interleaved rounds (5 with quick): a 95% interval around the speedup, and a verdict drawn from it
        assertNotNull(r.port().speedupLow(), r.toString());
        assertTrue(r.port().speedupLow() <= r.port().speedup() && r.port().speedup() <= r.port().speedupHigh(), r.toString());
        assertEquals(dev.oxidizer.model.MeasuredVerdicts.kind(r.port(), 1.2).name(), r.port().verdict());
        assertTrue(r.port().benchmark().startsWith("interleaved in one JVM: 5 rounds"), r.port().benchmark());
        assertEquals("hand", r.bodyOrigin(), "lib.rs was edited after generation");
        assertEquals(r, VerifyResult.read(port), "the file written is the result returned");

        // The result lands in a report by method key.
        var method = new MethodReport(KEY, "fixture.Sums", "sumOfSquares", "([I)J", null, true, null, null, null, null, null,
                null, List.of(), dev.oxidizer.model.Verdict.CANDIDATE, null, 1, 1.0, MethodReport.Confidence.LOW, null, null, null);
        Report report = new Report(Report.SCHEMA, Report.SCHEMA_VERSION, "t", "t", null, "agent", null, null, null, null, null,
                null, List.of(method));
        Report updated = ReportPorts.apply(report, List.of(r));
        assertEquals(r.port().speedup(), updated.methods().getFirst().port().speedup());
        assertEquals(r.port().verdict(), updated.methods().getFirst().port().verdict());
    }

    @Test
    void aWrongPortIsAMismatchAndTheFailureIsRecorded() throws Exception {
        Path port = generate("wrong", WRONG_BODY);
        var e = assertThrows(VerifyException.class, () -> verifier(false, new ByteArrayOutputStream()).verify(port));
        assertEquals(VerifyException.Kind.MISMATCH, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("disagrees with Java"), e.getMessage());
        VerifyResult recorded = VerifyResult.read(port);
        assertFalse(recorded.port().differentialPassed());
        assertTrue(recorded.testsFailed() > 0 && !recorded.failures().isEmpty(), recorded.toString());
    }

    @Test
    void aMissingClassPathEntryIsBadInput() throws Exception {
        Path port = generate("cp", RIGHT_BODY);
        var v = new PortVerifier(new PortVerifier.Options(List.of(work.resolve("no-such-dir")),
                Path.of(System.getProperty("oxidizer.verify.lib")), Path.of(System.getProperty("java.home")), "cargo", false, true,
                Duration.ofMinutes(5), null));
        var e = assertThrows(VerifyException.class, () -> v.verify(port));
        assertEquals(VerifyException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("no-such-dir") && e.getMessage().contains("fixture.Sums"), e.getMessage());
    }
}

package dev.oxidizer.cli;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    private static final String KEY = "com.acme.Stats#summarize([D)D";

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = OxidizerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Report report(String className) {
        MethodReport m = new MethodReport(className + "#summarize([D)D", className, "summarize", "([D)D",
                "static double summarize(double[])", true,
                new MethodReport.Calls(120_000, 0, 1.7e7, "agent", 4),
                new MethodReport.Latency(120_000, "all", 5_000, 4_000, 8_000, 9_000, 9_500, 12_000, 6e8, null),
                new MethodReport.Cpu(20, 30, 5.5e8, 0.92, 0, 0, 0, 0), null,
                new MethodReport.LatencyPath(true, "*.handle", 1.0),
                new MethodReport.Portability(true, "fn summarize(values: &[f64]) -> f64", List.of()),
                List.of(new Finding("calls-per-day", "Called often enough", Outcome.PASS, 90, "17M calls/day",
                        "Observed 120,000 calls in 600 s", null, Map.of("callsPerDay", 1.7e7))),
                Verdict.CANDIDATE, null, 1, 321.0, MethodReport.Confidence.HIGH, null,
                new MethodReport.CallTree(className + ".summarize", 30, List.of()), null);
        return new Report(Report.SCHEMA, Report.SCHEMA_VERSION, "2026-11-22T14:00:00Z", "test", "com.acme.Main", "agent",
                new Report.Window("2026-11-22T13:50:00Z", "2026-11-22T14:00:00Z", 600, 1), List.of(), Map.of(),
                new Report.Assumptions(2, 7.5, true), null, List.of(), List.of(m));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesThePageBesideTheInputByDefault(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("service.json");
        ReportJson.write(report("com.acme.Stats"), json);
        Run r = run("report", json.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Path html = dir.resolve("service.html");
        assertEquals(html.toString(), r.out().strip());
        String page = Files.readString(html);
        assertTrue(page.contains("data-key=\"" + KEY + "\""), "the candidate is in the page");
        assertTrue(page.contains("--report " + json.toAbsolutePath()), "the generate command names the input");
        assertEquals(List.of(html, json), files(dir), "nothing else written");
        assertTrue(r.err().contains("1 candidates, 0 not worth porting"), r.err());
    }

    @Test
    void writesToTheNamedFileOrIntoTheNamedFolder(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        ReportJson.write(report("com.acme.Stats"), json);
        Path out = Files.createDirectory(dir.resolve("out"));
        assertEquals(ExitCodes.OK, run("report", json.toString(), "-o", out.resolve("page.html").toString()).code());
        assertEquals(ExitCodes.OK, run("report", json.toString(), "-o", out.toString()).code());
        assertEquals(List.of(out.resolve("page.html"), out.resolve("r.html")), files(out));
        Files.writeString(out.resolve("page.html"), "old");
        assertEquals(ExitCodes.OK, run("report", json.toString(), "--output", out.resolve("page.html").toString()).code());
        assertTrue(Files.readString(out.resolve("page.html")).startsWith("<!DOCTYPE html>"), "replaced");
    }

    @Test
    void escapesHostileNames(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("evil.json");
        ReportJson.write(report("x.<script>alert(1)</script>"), json);
        assertEquals(ExitCodes.OK, run("report", json.toString()).code());
        String page = Files.readString(dir.resolve("evil.html"));
        assertFalse(page.contains("<script>alert(1)"), "name not escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void refusesAFileThatIsNotJsonWithOneLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("recording.jfr"), "FLR\0 not json");
        Run r = run("report", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("oxidizer report: " + bad + ": not JSON"), r.err());
        assertEquals(List.of(bad), files(dir), "nothing written");
    }

    @Test
    void refusesJsonThatIsNotAReportAndAMissingFile(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\"}");
        Run r = run("report", other.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("not an Oxidizer report"), r.err());
        Run missing = run("report", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Run folder = run("report", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, folder.code());
        assertEquals(1, folder.err().strip().lines().count(), folder.err());
        Path newer = Files.writeString(dir.resolve("v9.json"), "{\"schema\":\"oxidizer-report\",\"schemaVersion\":9}");
        Run v9 = run("report", newer.toString());
        assertEquals(ExitCodes.BAD_INPUT, v9.code());
        assertTrue(v9.err().contains("schema version 9 is not supported"), v9.err());
        assertEquals(List.of(other, newer), files(dir));
    }

    @Test
    void refusesEmptyTruncatedAndNullMethodsReportsWithOneLineAndExit4(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.json");
        dev.oxidizer.model.ReportJson.write(report("com.acme.Stats"), good);
        String whole = Files.readString(good);
        Map<String, String> cases = Map.of(
                "empty.json", "",
                "truncated.json", whole.substring(0, whole.length() / 3),
                "null-methods.json", whole.replaceFirst("\"methods\" : \\[", "\"methods\" : null, \"was\" : ["));
        for (var c : cases.entrySet()) {
            Path f = dir.resolve(c.getKey());
            Files.writeString(f, c.getValue());
            Run r = run("report", f.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.code(), c.getKey() + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(r.err().contains("Source") || r.err().contains("--json") || r.err().contains("Jackson"), r.err());
            assertFalse(Files.exists(dir.resolve(c.getKey().replace(".json", ".html"))), "nothing written");
        }
    }

    @Test
    void adviseRefusesBadOptionsAndMissingRecordingsBeforeDoingAnything(@TempDir Path dir) {
        Run top = run("advise", dir.resolve("x.jfr").toString(), "--classpath", dir.toString(), "--top", "30", "-o", dir.resolve("o").toString());
        assertEquals(ExitCodes.USAGE, top.code(), top.err());
        assertTrue(top.err().contains("--top must be 0 to 20"), top.err());
        Run missing = run("advise", dir.resolve("x.jfr").toString(), "--classpath", dir.toString(), "-o", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.code(), missing.err());
        assertTrue(missing.err().contains("x.jfr: no such recording"), missing.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
    }

    @Test
    void refusesToOverwriteTheInput(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        ReportJson.write(report("com.acme.Stats"), json);
        String before = Files.readString(json);
        Run r = run("report", json.toString(), "-o", json.toString());
        assertEquals(ExitCodes.REFUSED, r.code());
        assertTrue(r.err().contains("refusing to overwrite the input report"), r.err());
        assertEquals(before, Files.readString(json));
    }

    @Test
    void aMissingOutputFolderIsAUsageErrorAndCreatesNothing(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        ReportJson.write(report("com.acme.Stats"), json);
        Run r = run("report", json.toString(), "-o", dir.resolve("no/such/page.html").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertEquals(List.of(json), files(dir));
    }
}

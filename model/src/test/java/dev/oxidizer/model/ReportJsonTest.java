package dev.oxidizer.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportJsonTest {

    /** A version-1 report (no savings, no code), as the version-1 fixture holds it. */
    static Report sampleV1() {
        Report r = sample();
        return new Report(r.schema(), 1, r.generatedAt(), r.toolVersion(), r.application(), r.mode(), r.window(), r.recordings(),
                r.thresholds(), r.assumptions(), r.agentOverhead(), r.warnings(),
                r.methods().stream().map(m -> new MethodReport(m.key(), m.className(), m.methodName(), m.descriptor(),
                        m.javaSignature(), m.isStatic(), m.calls(), m.latency(), m.cpu(), m.allocation(), m.latencyPath(),
                        m.portability(), m.findings(), m.verdict(), m.rejectedBy(), m.rank(), m.score(), m.confidence(),
                        m.suggestion(), m.callTree(), m.port())).toList());
    }

    static Report sample() {
        return sample(Report.SCHEMA_VERSION);
    }

    /** The sample as version 3 writes it with a fleet source: measured calls on the method, the source at the root. */
    static Report sampleWithFleet() {
        Report r = sample();
        MethodReport m = r.methods().get(0);
        MethodReport.Calls c = m.calls();
        MethodReport measured = m.withCalls(new MethodReport.Calls(c.observed(), c.exceptional(), 2_400_000, c.source(), c.threads(),
                new MethodReport.Measured(12_000, 24, 3, 5100.0, 4200.0, 9800.0)));
        return new Report(r.schema(), r.schemaVersion(), r.generatedAt(), r.toolVersion(), r.application(), r.mode(), r.window(),
                r.recordings(), r.thresholds(), r.assumptions(), r.agentOverhead(),
                List.of("two sources: calls per day measured by Prometheus at http://prom:9090"), List.of(measured), r.savings(),
                new Report.Fleet("prometheus", "http://prom:9090", "{job=\"orders\"}", "7d", "2026-01-01T00:00:00Z",
                        "2026-01-01T00:07:12Z", 432, 3, 3, 1, 0));
    }

    static Report sample(int version) {
        var finding = new Finding("calls-per-day", "Called often enough", Outcome.PASS, 90, "1.2M calls/day",
                "Observed 1,000 calls in 72 s", null, Map.of("perDay", 1_200_000.0, "observed", 1000.0));
        var method = new MethodReport("a.B#c([D)D", "a.B", "c", "([D)D", "static double c(double[])", true,
                new MethodReport.Calls(1000, 2, 1_200_000, "agent", 4),
                new MethodReport.Latency(1000, "all", 5000, 4000, 8000, 9000, 9500, 12000, 5_000_000, null),
                new MethodReport.Cpu(10, 12, 240_000_000, 0.93, 0, 0, 0, 0), null,
                new MethodReport.LatencyPath(true, "*Handler.handle", 1.0),
                new MethodReport.Portability(true, "fn c(values: &[f64]) -> f64", List.of()),
                List.of(finding), Verdict.CANDIDATE, null, 1, 123.4, MethodReport.Confidence.HIGH,
                new MethodReport.Suggestion("native", null, "short CPU-bound call"),
                new MethodReport.CallTree("a.B.c", 12, List.of(new MethodReport.CallTree("a.B.d", 5, null))), null,
                new MethodReport.Code("application", "public", 0.1, 0.0, 0.25, null));
        return new Report(Report.SCHEMA, version, "2026-01-01T00:00:00Z", "test", "a.Main", "agent",
                new Report.Window("2026-01-01T00:00:00Z", "2026-01-01T00:01:12Z", 72, 1),
                List.of(new Report.Recording("x.jfr", "1@h", 1, false, null)),
                Map.of("calls-per-day.min", new Report.Threshold(10_000, 10_000, "calls/day", "min calls per day")),
                new Report.Assumptions(2.0, 8.0, true), null, List.of(), List.of(method),
                new Report.Savings("sampled CPU time", 123.4, 246.8, 86_400.0, true, "fits"));
    }

    @Test
    void roundTripsEveryFieldAndWritesDeterministically(@TempDir Path dir) throws Exception {
        Report report = sampleWithFleet();
        Path file = dir.resolve("report.json");
        ReportJson.write(report, file);
        Report back = ReportJson.read(file);
        assertEquals(report, back);
        assertEquals(ReportJson.toJson(report), ReportJson.toJson(back));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "an ordinary output file, not the temporary file's owner-only mode");
    }

    @Test
    void refusesNewerSchemaVersionNamingBoth() {
        String json = ReportJson.toJson(sample()).replace("\"schemaVersion\" : " + Report.SCHEMA_VERSION, "\"schemaVersion\" : 99");
        var e = assertThrows(ReportFormatException.class, () -> ReportJson.fromJson(json, "r.json"));
        assertTrue(e.getMessage().contains("r.json") && e.getMessage().contains("99") && e.getMessage().contains("1 to 3"),
                e.getMessage());
    }

    @Test
    void refusesNonReportJsonAndNonJson() {
        var notReport = assertThrows(ReportFormatException.class, () -> ReportJson.fromJson("{\"a\":1}", "a.json"));
        assertTrue(notReport.getMessage().startsWith("a.json: not an Oxidizer report"), notReport.getMessage());
        var notJson = assertThrows(ReportFormatException.class, () -> ReportJson.fromJson("\u0001FR", "b.jfr"));
        assertTrue(notJson.getMessage().startsWith("b.jfr: not JSON"), notJson.getMessage());
    }

    @Test
    void refusesEmptyTruncatedAndNullMethodsWithOneLineEachAndNoParserInternals() throws Exception {
        String whole = ReportJson.toJson(sample());
        var empty = assertThrows(ReportFormatException.class, () -> ReportJson.fromJson("", "e.json"));
        assertEquals("e.json: the file is empty; expected an Oxidizer report written by 'oxidizer analyze -o FILE.json'",
                empty.getMessage());
        var truncated = assertThrows(ReportFormatException.class,
                () -> ReportJson.fromJson(whole.substring(0, whole.length() / 2), "t.json"));
        assertTrue(truncated.getMessage().startsWith("t.json: truncated: the JSON ends at line "), truncated.getMessage());
        var nullMethods = assertThrows(ReportFormatException.class,
                () -> ReportJson.fromJson(whole.replaceFirst("\"methods\" : \\[", "\"methods\" : null, \"x\" : ["), "n.json"));
        assertTrue(nullMethods.getMessage().startsWith("n.json: malformed report: \"methods\" is null; expected a list"),
                nullMethods.getMessage());
        var notObject = assertThrows(ReportFormatException.class, () -> ReportJson.fromJson("[1, 2]", "l.json"));
        assertTrue(notObject.getMessage().contains("a list, not an object"), notObject.getMessage());
        for (var e : List.of(empty, truncated, nullMethods, notObject)) {
            String m = e.getMessage();
            assertTrue(!m.contains("\n") && !m.contains("Source") && !m.contains("REDACTED") && !m.contains("--json")
                    && !m.contains("StreamReadFeature"), m);
        }
    }

    @Test
    void keepsTheVersion1FixtureReadable() throws Exception {
        try (var in = getClass().getResourceAsStream("/fixtures/report-v1.json")) {
            Report r = ReportJson.fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "fixture");
            assertEquals(sampleV1(), r);
            assertEquals(null, r.fleet());
            assertEquals(null, r.methods().get(0).calls().measured());
        }
    }

    @Test
    void readsTheVersion2FixtureWithoutAFleetSource() throws Exception {
        try (var in = getClass().getResourceAsStream("/fixtures/report-v2.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Report r = ReportJson.fromJson(text, "fixture");
            assertEquals(sample(2), r);
            assertEquals(null, r.fleet());
            assertEquals(null, r.methods().get(0).calls().measured());
        }
    }

    @Test
    void keepsTheVersion3FixtureReadableAndWritesItByteForByte() throws Exception {
        try (var in = getClass().getResourceAsStream("/fixtures/report-v3.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Report r = ReportJson.fromJson(text, "fixture");
            assertEquals(sampleWithFleet(), r);
            assertEquals(text, ReportJson.toJson(r));
            assertEquals(3, r.fleet().jvms());
            assertEquals(12_000, r.methods().get(0).calls().measured().calls());
        }
    }
}

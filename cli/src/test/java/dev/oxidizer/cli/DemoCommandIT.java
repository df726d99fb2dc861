package dev.oxidizer.cli;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's main command, as a user runs it: {@code ./oxidizer demo} (quick), end to end through the real
 * launcher: agent, analysis, report, generation, cargo, differential tests, JMH, report again.
 */
class DemoCommandIT {

    @Test
    void theWholeLoopEndsWithAReportHoldingMeasuredPorts(@TempDir Path out) throws Exception {
        // The user's own PATH (cargo lives in ~/.cargo/bin), not the bare fresh-machine PATH LauncherIT uses.
        LauncherIT.Result r = LauncherIT.launch(Map.of("PATH", System.getenv("PATH")), 900, "demo", "--quick", "-o", out.toString());
        assertEquals(0, r.code(), r.all());
        for (int step = 1; step <= DemoCommand.STEPS; step++) {
            assertTrue(r.err().contains("[" + step + "/" + DemoCommand.STEPS + "]"), "step " + step + " not shown: " + r.all());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("checksum=[0-9a-f]{16}")), "the demo's checksum line: " + r.all());
        assertTrue(Files.size(out.resolve("demo.jfr")) > 0, r.all());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 60));

        Report report = ReportJson.read(out.resolve("report.json"));
        assertEquals("agent", report.mode());
        List<MethodReport> ported = report.candidates().stream().filter(m -> m.port() != null).toList();
        assertFalse(ported.isEmpty(), "no candidate was ported and verified: " + r.all());
        for (MethodReport m : ported) {
            assertTrue(m.port().differentialPassed(), m.key() + " failed its differential test: " + r.all());
            assertTrue(m.port().speedup() != null && m.port().speedup() > 0, m.key() + " was not benchmarked: " + m.port());
            assertTrue(html.contains(m.methodName()), "the report does not show " + m.key());
        }
        assertTrue(r.out().contains("Report: " + out.resolve("report.html")), r.all());
    }
}

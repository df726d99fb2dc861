package dev.oxidizer.report;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report whose every free-text field tries to inject markup or script: class, method and frame names,
 * signatures, findings, numbers' names, thresholds, warnings, paths. Each payload would call
 * {@code alert()} if it escaped its context (HTML text, attribute, SVG, script data).
 */
final class HostileNames {
    static final String SCRIPT_TAG = "<script>alert(1)</script>";
    static final String ATTR_BREAK = "\"' onmouseover=\"alert(2)\" x='";
    static final String SCRIPT_END = "</script><script>alert(3)</script><!--";
    static final String SVG_BREAK = "</text></svg><img src=x onerror=alert(4)>";
    static final String LONG = "p" + ".VeryLongPackageSegment".repeat(60) + ".K" + "x".repeat(3000);
    static final String UNICODE = "ünï.Kläss$Ωmega计算🦀";

    static final List<String> CLASS_NAMES = List.of("evil." + SCRIPT_TAG, "evil.A&B" + ATTR_BREAK, "evil." + SCRIPT_END,
            "evil." + SVG_BREAK, LONG, UNICODE);

    private HostileNames() {}

    static Report report() {
        List<MethodReport> methods = new ArrayList<>();
        int rank = 1;
        for (String cls : CLASS_NAMES) {
            String name = "m" + rank + ATTR_BREAK + SCRIPT_END;
            MethodReport base = TestReports.candidate(rank, cls, name, "([D)D", "static double " + SCRIPT_TAG + "(double[])",
                    "fn x(v: &[f64]) -> f64 " + SVG_BREAK, 1e6 * (10 - rank), 5_000, 0.4, 0.9, rank, rank == 1 ? 2.0 : null);
            List<Finding> findings = new ArrayList<>(base.findings());
            Map<String, Double> numbers = new LinkedHashMap<>();
            numbers.put("\"><svg onload=alert(5)>", 1.0);
            findings.add(new Finding("x" + SCRIPT_TAG, "rule " + SCRIPT_END, Outcome.INFO, 1, SVG_BREAK, ATTR_BREAK,
                    SCRIPT_TAG, numbers));
            MethodReport.CallTree tree = new MethodReport.CallTree(cls + "." + name, 100, List.of(
                    new MethodReport.CallTree(SVG_BREAK, 60, List.of(new MethodReport.CallTree(SCRIPT_END, 50, List.of()))),
                    new MethodReport.CallTree(ATTR_BREAK, 30, List.of())));
            methods.add(new MethodReport(base.key(), base.className(), base.methodName(), base.descriptor(), base.javaSignature(),
                    base.isStatic(), base.calls(), base.latency(), base.cpu(), base.allocation(),
                    new MethodReport.LatencyPath(true, SCRIPT_TAG, 0.5), base.portability(), findings, Verdict.CANDIDATE,
                    null, rank, base.score(), base.confidence(),
                    new MethodReport.Suggestion(SCRIPT_TAG, SCRIPT_END, ATTR_BREAK), tree,
                    base.port() == null ? null : new MethodReport.PortResult(SCRIPT_END, true, 10.0, 5.0, 2.0, SCRIPT_TAG, SVG_BREAK)));
            rank++;
        }
        methods.add(TestReports.rejected("evil." + SCRIPT_END, SCRIPT_TAG, "()V", ATTR_BREAK, "cpu-bound", 1e6, 9e5,
                Map.of("\"><script>alert(6)</script>", 0.1)));
        methods.add(TestReports.rejected(UNICODE, "m" + SVG_BREAK, "(" + SCRIPT_TAG + ")V", SCRIPT_END, "x" + SCRIPT_TAG,
                1e6, 9e5, Map.of("n", 1.0)));
        Report base = TestReports.report(SCRIPT_END + SVG_BREAK, methods);
        Map<String, Report.Threshold> thresholds = new LinkedHashMap<>(base.thresholds());
        thresholds.put("x" + SCRIPT_TAG, new Report.Threshold(1, 2, ATTR_BREAK, SCRIPT_END));
        return new Report(base.schema(), base.schemaVersion(), SCRIPT_TAG, ATTR_BREAK, base.application(), SCRIPT_TAG,
                new Report.Window(SCRIPT_TAG, SCRIPT_END, 600, 1),
                List.of(new Report.Recording(SCRIPT_END, ATTR_BREAK, 1, true, SVG_BREAK)), thresholds, base.assumptions(),
                base.agentOverhead(), List.of(SCRIPT_TAG, SCRIPT_END, SVG_BREAK, UNICODE), base.methods());
    }
}

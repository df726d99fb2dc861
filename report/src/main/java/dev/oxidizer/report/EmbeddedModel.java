package dev.oxidizer.report;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.model.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The report model as the page embeds it. A report whose JSON fits {@link #FULL_MAX_CHARS} is embedded whole, so
 * {@code JSON.parse} of the element's text gives back the report. A larger one (a service of thousands of methods)
 * is embedded abridged so that the page stays light: candidates whole; rejected methods with their names, calls,
 * latency summary (no histogram), CPU figures, the id of the rule that rejected them, score and port result, but no
 * findings, allocation, latency path, portability, suggestion or call tree (the table on the page shows the failing
 * finding). The page says so, and the JSON report it was rendered from keeps everything.
 *
 * @param json     the model's JSON, not yet escaped for a script element
 * @param abridged whether rejected methods were abridged
 */
record EmbeddedModel(String json, boolean abridged) {
    /** Largest JSON embedded whole: the demo's 136-method report is about 1 MB. */
    static final int FULL_MAX_CHARS = 2_000_000;

    static EmbeddedModel of(Report report) {
        String full = compact(ReportJson.toJson(report));
        if (full.length() <= FULL_MAX_CHARS) {
            return new EmbeddedModel(full, false);
        }
        List<MethodReport> methods = new ArrayList<>();
        for (MethodReport m : report.methods()) {
            methods.add(m.verdict() == Verdict.CANDIDATE ? m : abridge(m));
        }
        return new EmbeddedModel(compact(ReportJson.toJson(report.withMethods(methods))), true);
    }

    /** The same JSON without indentation (a third of an indented report is white space). */
    private static String compact(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the report model's own JSON did not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static MethodReport abridge(MethodReport m) {
        MethodReport.Latency l = m.latency();
        MethodReport.Latency noHistogram = l == null ? null : new MethodReport.Latency(l.timedCount(), l.timingPolicy(),
                l.meanNs(), l.p50Ns(), l.p90Ns(), l.p99Ns(), l.p999Ns(), l.maxNs(), l.totalNs(), null);
        return new MethodReport(m.key(), m.className(), m.methodName(), m.descriptor(), m.javaSignature(), m.isStatic(),
                m.calls(), noHistogram, m.cpu(), null, null, null, List.of(), m.verdict(), m.rejectedBy(),
                m.rank(), m.score(), m.confidence(), null, null, m.port());
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: analyse files with a fixed FFM cost (so results do not depend on the machine) and look up results. */
final class Analyses {
    static final double FFM_NS = 50.0;

    private Analyses() {}

    static Analyzer.Result analyze(AnalyzerConfig config, Path... files) throws AnalysisException {
        return new Analyzer(config).ffmCallNs(FFM_NS).analyze(List.of(files));
    }

    static Report report(AnalyzerConfig config, Path... files) throws AnalysisException {
        return analyze(config, files).report();
    }

    static Report report(Path... files) throws AnalysisException {
        return report(AnalyzerConfig.builder().build(), files);
    }

    static MethodReport method(Report r, String key) {
        return r.methods().stream().filter(m -> m.key().equals(key)).findFirst()
                .orElseGet(() -> fail("no method " + key + " in " + r.methods().stream().map(MethodReport::key).toList()));
    }

    static Finding finding(MethodReport m, String ruleId) {
        return m.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseGet(() -> fail("no finding " + ruleId + " for " + m.key()));
    }

    static Outcome outcome(Report r, String key, String ruleId) {
        return finding(method(r, key), ruleId).outcome();
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.RuleContext;
import dev.oxidizer.model.Report;

import java.util.Map;

/** The rules' view of the analysis: thresholds in force, the FFM call costs, the mode. */
record AnalysisContext(Map<String, Report.Threshold> thresholds, double ffmCallNs, double ffmPlainCallNs, String mode,
                       boolean latencyPathKnown, boolean latencyConfigured) implements RuleContext {
    @Override
    public double threshold(String key) {
        Report.Threshold t = thresholds.get(key);
        if (t == null) {
            throw new IllegalArgumentException("undeclared threshold " + key);
        }
        return t.value();
    }

    @Override
    public double ffmCallNsFor(String descriptor) {
        return Report.Assumptions.plainValues(descriptor) ? ffmPlainCallNs : ffmCallNs;
    }
}

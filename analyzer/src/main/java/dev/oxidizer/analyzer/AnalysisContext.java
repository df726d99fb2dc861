package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.RuleContext;
import dev.oxidizer.model.Report;

import java.util.Map;

/**
 * The rules' view of the analysis: thresholds in force, the FFM call costs (the report's assumptions, so rules and
 * report charge a method the same crossing cost), the mode.
 */
record AnalysisContext(Map<String, Report.Threshold> thresholds, Report.Assumptions assumptions, String mode,
                       boolean latencyPathKnown, boolean latencyConfigured, String ioEventsNote) implements RuleContext {
    @Override
    public double threshold(String key) {
        Report.Threshold t = thresholds.get(key);
        if (t == null) {
            throw new IllegalArgumentException("undeclared threshold " + key);
        }
        return t.value();
    }

    @Override
    public double ffmCallNs() {
        return assumptions.ffmCallNs();
    }

    @Override
    public double ffmCallNsFor(String descriptor) {
        return assumptions.ffmCallNsFor(descriptor);
    }
}

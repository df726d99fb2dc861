package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.Rule;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;

import java.util.List;

/**
 * How sure a verdict is. HIGH: exact counts from the agent, at least {@link #HIGH_SAMPLES} CPU samples, and no rule
 * whose evidence the saving depends on ({@link Rule#unknownLowersConfidence()}) UNKNOWN. MEDIUM: counted calls and at
 * least {@link #MEDIUM_SAMPLES} samples. LOW otherwise.
 */
final class Confidence {
    static final long HIGH_SAMPLES = 50;
    static final long MEDIUM_SAMPLES = 10;

    private Confidence() {}

    static MethodReport.Confidence of(MethodFacts f, List<Rule> rules, List<dev.oxidizer.model.Finding> findings) {
        boolean unknown = false;
        for (int i = 0; i < rules.size(); i++) {
            unknown |= findings.get(i).outcome() == Outcome.UNKNOWN && rules.get(i).unknownLowersConfidence();
        }
        if ("agent".equals(f.callSource()) && f.callsObserved() != null && f.inclusiveSamples() >= HIGH_SAMPLES && !unknown) {
            return MethodReport.Confidence.HIGH;
        }
        if (f.callsObserved() != null && f.inclusiveSamples() >= MEDIUM_SAMPLES) {
            return MethodReport.Confidence.MEDIUM;
        }
        return MethodReport.Confidence.LOW;
    }
}

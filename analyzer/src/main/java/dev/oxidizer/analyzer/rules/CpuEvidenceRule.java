package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.oxidizer.analyzer.rules.Scores.num;

/**
 * {@code cpu-evidence}: a port is recommended only on CPU the method was seen using. FAIL when fewer than
 * {@code cpu-evidence.minSamples} CPU samples went through it: its saving (sampled CPU per day) and every share the other
 * rules take from samples are then too uncertain, and a method with no CPU samples is never "worth porting". This rule
 * runs last, so a method the other rules reject keeps their reason.
 */
public final class CpuEvidenceRule implements Rule {
    public static final String MIN_SAMPLES = "cpu-evidence.minSamples";

    @Override
    public String id() {
        return "cpu-evidence";
    }

    @Override
    public String name() {
        return "Seen using the CPU";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of();
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(new ThresholdSpec(MIN_SAMPLES, 10, "samples",
                "Fewest CPU samples through a method before a port of it is recommended", 1, 1e9));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double min = ctx.threshold(MIN_SAMPLES);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("inclusiveSamples", (double) m.inclusiveSamples());
        numbers.put(MIN_SAMPLES, min);
        String seen = num(m.inclusiveSamples()) + " CPU samples went through it (" + Scores.ns(m.cpuTimeNs()) + " of CPU in a "
                + num(m.windowSeconds()) + " s window)";
        if (m.inclusiveSamples() < min) {
            return new Finding(id(), name(), Outcome.FAIL, Scores.clamp(100 * m.inclusiveSamples() / min),
                    "thin evidence: " + m.inclusiveSamples() + " CPU samples (at least " + num(min) + ")",
                    seen + "; at least " + num(min) + " are needed before its saving or shares mean anything.",
                    "Not enough evidence to recommend a port: record a longer or busier window.", numbers);
        }
        return new Finding(id(), name(), Outcome.PASS, 100, m.inclusiveSamples() + " CPU samples", seen + ".", null, numbers);
    }
}

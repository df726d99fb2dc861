package dev.oxidizer.model;

import java.util.Map;

/**
 * What one rule found for one method.
 *
 * @param ruleId      stable id, e.g. {@code calls-per-day}
 * @param ruleName    human name, e.g. "Called often enough"
 * @param outcome     pass, fail, info or unknown
 * @param score       0-100, how strongly the method meets the rule (100 = clearly)
 * @param summary     one line
 * @param explanation the reasoning with its numbers
 * @param action      what to do next, may be null
 * @param numbers     the figures behind the finding, by name (units in the name: {@code meanNs})
 */
public record Finding(String ruleId, String ruleName, Outcome outcome, int score, String summary,
                      String explanation, String action, Map<String, Double> numbers) {
    public Finding {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100, was " + score);
        }
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
    }
}

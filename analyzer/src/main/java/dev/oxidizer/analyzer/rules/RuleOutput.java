package dev.oxidizer.analyzer.rules;

import dev.oxidizer.model.Finding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one rule says about one method: its finding and the typed values it publishes ({@link Results}).
 *
 * @param finding the finding, never null
 * @param values  published values by key
 */
public record RuleOutput(Finding finding, Map<ResultKey<?>, Object> values) {
    public RuleOutput {
        values = Map.copyOf(values);
    }

    public static RuleOutput of(Finding finding) {
        return new RuleOutput(finding, Map.of());
    }

    /** A copy publishing one more value. */
    public <T> RuleOutput with(ResultKey<T> key, T value) {
        if (value == null) {
            return this;
        }
        Map<ResultKey<?>, Object> m = new LinkedHashMap<>(values);
        m.put(key, key.type().cast(value));
        return new RuleOutput(finding, m);
    }

    /** The value published under {@code key}, or null. */
    public <T> T get(ResultKey<T> key) {
        Object v = values.get(key);
        return v == null ? null : key.type().cast(v);
    }
}

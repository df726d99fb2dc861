package dev.oxidizer.analyzer.rules;

/**
 * A threshold a rule declares.
 *
 * @param key          {@code <rule-id>.<name>}, the key in the config file
 * @param defaultValue documented default
 * @param unit         e.g. {@code calls/day}, {@code ratio}, {@code ns}
 * @param description  one sentence
 * @param min          smallest accepted value
 * @param max          largest accepted value
 */
public record ThresholdSpec(String key, double defaultValue, String unit, String description, double min, double max) {
    public ThresholdSpec {
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("default of " + key + " outside " + min + ".." + max);
        }
    }
}

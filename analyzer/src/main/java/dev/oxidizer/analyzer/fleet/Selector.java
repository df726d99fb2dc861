package dev.oxidizer.analyzer.fleet;

/**
 * The label selector of {@code --selector}, e.g. {@code {job="orders"}} or {@code {job="orders",env=~"prod|eu"}}:
 * braces around label matchers, no metric name (the reader adds the Oxidizer metric names). Checked here for its
 * shape; the server checks the matchers themselves and a rejection is reported as a bad option too.
 *
 * @param text the selector, {@code {}} for every series
 */
public record Selector(String text) {
    /** Every series. */
    public static final Selector ALL = new Selector("{}");

    /** Parses a selector; throws {@link FleetException.Kind#BAD_OPTION} naming the accepted form. */
    public static Selector parse(String text) throws FleetException {
        String t = text == null ? "" : text.trim();
        String why = null;
        if (!t.startsWith("{") || !t.endsWith("}")) {
            why = "it must be label matchers in braces";
        } else if (t.indexOf('{', 1) >= 0 || t.indexOf('}') != t.length() - 1) {
            why = "it holds more than one pair of braces";
        } else if (t.contains("__name__")) {
            why = "it must not select by metric name (__name__); the Oxidizer metrics are chosen by the reader";
        } else if (t.indexOf('\n') >= 0) {
            why = "it spans lines";
        }
        if (why != null) {
            throw new FleetException(FleetException.Kind.BAD_OPTION, "--selector '" + text + "' is not a label selector (" + why
                    + "); accepted: label matchers in braces such as {job=\"orders\"} or {job=\"orders\",env=~\"prod|eu\"}");
        }
        return new Selector(t);
    }

    /** The metric restricted by this selector, e.g. {@code oxidizer_method_calls_total{job="orders"}}. */
    String on(String metric) {
        return metric + text;
    }
}

package dev.oxidizer.stubgen.corpus;

/** The corpus's message patterns, an enum of them as commons-math3's {@code LocalizedFormats}. */
public enum CorpusFormats implements CorpusPattern {
    OVERFLOW_IN_ADDITION("overflow in addition: {0} + {1}"),
    NO_DATA("no data"),
    BAD_WEIGHT("weight {0} at {1} is {2} (positive: {3}, unit {4})");

    private final String template;

    CorpusFormats(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}

package dev.oxidizer.stubgen.corpus;

/**
 * A library's exception made from a pattern and its arguments, as commons-math3's ({@code new
 * MathArithmeticException(LocalizedFormats.OVERFLOW_IN_ADDITION, a, b)}): the message is the pattern filled in with
 * {@link java.text.MessageFormat}, so a port that passed an argument wrongly (a different type, a lost element) gives
 * another message.
 */
public class CorpusMathException extends ArithmeticException {
    private final transient CorpusPattern pattern;

    public CorpusMathException(CorpusPattern pattern, Object... args) {
        super(pattern + ": " + new java.text.MessageFormat(pattern.template(), java.util.Locale.ROOT).format(args)
                + " " + java.util.Arrays.deepToString(args));
        this.pattern = pattern;
    }

    public CorpusPattern pattern() {
        return pattern;
    }
}

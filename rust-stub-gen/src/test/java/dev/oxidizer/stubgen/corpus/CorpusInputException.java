package dev.oxidizer.stubgen.corpus;

/** An application's own unchecked exception, for the corpus methods that throw one (public, as a library's would be). */
public class CorpusInputException extends IllegalArgumentException {
    private final int position;

    public CorpusInputException(String message) {
        this(message, -1);
    }

    public CorpusInputException(String message, int position) {
        super(message + (position >= 0 ? " at " + position : ""));
        this.position = position;
    }

    public CorpusInputException(long value, double limit, char unit, boolean strict) {
        super(value + (strict ? " > " : " >= ") + limit + unit);
        this.position = -1;
    }

    public int position() {
        return position;
    }
}

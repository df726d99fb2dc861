package dev.oxidizer.autoport;

/**
 * A method (or a method it calls) is outside the auto-port subset. The message names the method, the instruction or
 * call, and its source line from the {@code LineNumberTable} ({@code line ?} when the class has none).
 */
public final class Refusal extends Exception {
    private final String method;
    private final int line;
    private final String instruction;

    public Refusal(String method, int line, String instruction, String reason) {
        super("cannot auto-port " + method + ": " + instruction + " at line " + (line < 0 ? "?" : String.valueOf(line))
                + ": " + reason);
        this.method = method;
        this.line = line;
        this.instruction = instruction;
    }

    /** The refused method, as {@code pkg.Class#name(desc)}. */
    public String method() {
        return method;
    }

    /** The source line, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** The instruction or call that is outside the subset, e.g. {@code invokevirtual java/lang/StringBuilder.append}. */
    public String instruction() {
        return instruction;
    }
}

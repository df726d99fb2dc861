package dev.oxidizer.autoport;

/** An application's unchecked exception, for AutoPorterTest (public and top-level, as the wrapper must construct it). */
public class FixtureBadInput extends IllegalArgumentException {
    public FixtureBadInput(String message, int position) {
        super(message + " at " + position);
    }
}

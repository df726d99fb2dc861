package dev.oxidizer.autoport;

/** An application's checked exception, for AutoPorterTest: the wrapper could not throw it without a throws clause. */
public class FixtureCheckedFailure extends Exception {
    public FixtureCheckedFailure(String message) {
        super(message);
    }
}

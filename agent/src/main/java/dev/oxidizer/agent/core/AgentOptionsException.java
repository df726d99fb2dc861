package dev.oxidizer.agent.core;

/** A bad agent option; the message names the option and the accepted form, on one line. */
public final class AgentOptionsException extends Exception {
    public AgentOptionsException(String message) {
        super(message);
    }
}

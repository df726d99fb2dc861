package dev.oxidizer.agent.core;

import java.nio.file.Path;

/**
 * Validates an agent argument string with the agent's own parser ({@link AgentOptions}), for tools that start or
 * attach the agent ({@code oxidizer run}, {@code oxidizer attach}): they refuse bad options before anything starts,
 * with the same one-line message the agent would print. The include default is not known there, so a missing
 * {@code include} is not an error here (the agent decides it from the main class).
 */
public final class OptionsCheck {
    private OptionsCheck() {}

    /**
     * The problem with {@code args}, as one line, or null when the agent accepts them. The output file is checked
     * only when {@code output=} is an absolute path (a relative one belongs to the target's working directory).
     */
    public static String problem(String args) {
        try {
            AgentOptions o = AgentOptions.parse(args, "oxidizer.options.check.**", 0);
            String out = null;
            for (String part : (args == null ? "" : args).split(",")) {
                if (part.trim().startsWith("output=")) {
                    out = part.trim().substring("output=".length()).trim();
                }
            }
            if (out != null && Path.of(out).isAbsolute() && !out.contains("%")) {
                JfrRecording.checkWritable(o.output());
            }
            return null;
        } catch (AgentOptionsException e) {
            return e.getMessage();
        }
    }
}

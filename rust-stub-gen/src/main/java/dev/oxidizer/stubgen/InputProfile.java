package dev.oxidizer.stubgen;

import java.util.List;
import java.util.Map;

/**
 * What the application's own inputs to one method looked like, for the generated test and benchmark: the lengths of its
 * array and String arguments the agent recorded (no content), and the calls it captured when asked to (content: user
 * data, copied into the port's test resources only).
 *
 * @param lengths  recorded lengths by 0-based declared parameter index (a uniform sample, sorted); empty when none
 * @param captures captured calls of this method as lines of the captures format (docs/formats/captures.md) with the
 *                 method's id renumbered 0; empty without capture
 */
public record InputProfile(Map<Integer, List<Integer>> lengths, List<String> captures) {
    public InputProfile {
        lengths = Map.copyOf(lengths);
        captures = List.copyOf(captures);
    }

    /** Nothing recorded: edge values and seeded random inputs only. */
    public static InputProfile none() {
        return new InputProfile(Map.of(), List.of());
    }

    /** The source named in the port manifest. */
    public String source() {
        return !captures.isEmpty() ? "captured" : !lengths.isEmpty() ? "recorded-lengths" : "generated";
    }
}

package dev.oxidizer.agent.core;

import java.util.List;

/**
 * What the agent records about methods' inputs (docs/agent.md, "Inputs"): the lengths of array and String arguments
 * (sampled, on by default; no content) and, only when asked, a capture of real calls of chosen methods.
 *
 * @param lengths       record argument lengths ({@code lengths=on|off})
 * @param capture       methods whose calls are captured ({@code capture=GLOB}, repeatable); empty: no capture
 * @param captureCalls  most calls captured per method
 * @param captureBytes  most bytes of copies per captured method
 * @param captureArray  arrays longer than this many elements are not captured (the call is skipped)
 * @param captureEvery  1 call in this many is considered for capture
 */
public record InputOptions(boolean lengths, List<MethodGlob> capture, int captureCalls, long captureBytes, int captureArray,
                           int captureEvery) {
    public InputOptions {
        capture = List.copyOf(capture);
    }

    /** Whether any method is captured. */
    public boolean capturing() {
        return !capture.isEmpty();
    }

    /** Options in force, as the session records them. */
    String normalized() {
        StringBuilder sb = new StringBuilder(";lengths=" + (lengths ? "on" : "off"));
        if (capturing()) {
            sb.append(";capture=");
            for (int i = 0; i < capture.size(); i++) {
                sb.append(i == 0 ? "" : "|").append(capture.get(i));
            }
            sb.append(";captureCalls=").append(captureCalls).append(";captureBytes=").append(captureBytes)
                    .append(";captureArray=").append(captureArray).append(";captureEvery=").append(captureEvery);
        }
        return sb.toString();
    }
}

package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.ArgumentLengths;
import jdk.jfr.FlightRecorder;

/**
 * Writes the sampled argument lengths as {@code oxidizer.ArgumentLengths} events at each chunk end (a JFR periodic
 * hook), apart from {@link InputRecording} so that nothing of jdk.jfr is loaded before the agent knows JFR is there.
 */
final class ArgumentLengthsHook {
    private ArgumentLengthsHook() {}

    /** Emits one {@code oxidizer.ArgumentLengths} event per sampled parameter (a JFR periodic hook at chunk end). */
    static void emitLengths() {
        for (ArgumentLengths.Stats s : ArgumentLengths.all()) {
            long[] snap = s.snapshot();
            ArgumentLengthsEvent e = new ArgumentLengthsEvent();
            int hash = s.methodKey.indexOf('#');
            int paren = s.methodKey.indexOf('(', hash);
            e.formatVersion = 1;
            e.className = s.methodKey.substring(0, hash);
            e.methodName = s.methodKey.substring(hash + 1, paren);
            e.descriptor = s.methodKey.substring(paren);
            e.parameter = s.parameter + 1;
            e.type = s.type;
            e.samples = snap[0];
            e.nulls = snap[1];
            e.minLength = snap[2];
            e.maxLength = snap[3];
            e.meanLength = snap[0] == 0 ? 0 : (double) snap[4] / snap[0];
            StringBuilder kept = new StringBuilder();
            long[] lengths = java.util.Arrays.copyOfRange(snap, 5, snap.length);
            java.util.Arrays.sort(lengths);
            for (long l : lengths) {
                kept.append(kept.length() == 0 ? "" : ",").append(l);
            }
            e.lengths = kept.toString();
            e.commit();
        }
    }

    /** The periodic hook (one instance, so that it can be removed). */
    private static final Runnable HOOK = ArgumentLengthsHook::emitLengths;

    /** Registers the length events' hook (when the recording starts). */
    static void registerHook() {
        FlightRecorder.addPeriodicEvent(ArgumentLengthsEvent.class, HOOK);
    }

    /** Removes the hook (detach). */
    static void removeHook() {
        FlightRecorder.removePeriodicEvent(HOOK);
    }

}

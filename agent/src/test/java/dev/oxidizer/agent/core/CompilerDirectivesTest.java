package dev.oxidizer.agent.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler directive that keeps C2 off the agent's transformation code, added to this (HotSpot) JVM. */
class CompilerDirectivesTest {
    @Test
    void excludesTheShadedByteBuddyAndThePlannersFromC2AndNothingOfTheProbes() throws Exception {
        assertNull(CompilerDirectives.install(), "added");
        String printed = String.valueOf(CompilerDirectives.diagnosticCommand("compilerDirectivesPrint"));
        assertTrue(printed.contains("matching: dev/oxidizer/agent/shaded/net/bytebuddy/*.*"), printed);
        assertTrue(printed.contains("matching: dev/oxidizer/agent/core/Instrumenter*.*"), printed);
        assertTrue(printed.contains("matching: jdk/jfr/internal/MetadataWriter*.*"), printed);
        assertTrue(!printed.contains("EventWriter"), "JFR's event-writing path stays compiled: " + printed);
        assertTrue(!printed.contains("agent/runtime") && !printed.contains("HdrHistogram")
                && !printed.contains("Calibration"), printed);
        // the C2 block of each of our directives says Exclude:true
        int ours = printed.split("matching: dev/oxidizer/agent/", -1).length - 1;
        assertTrue(ours >= 7, printed);
    }
}

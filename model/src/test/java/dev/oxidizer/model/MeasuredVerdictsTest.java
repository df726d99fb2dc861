package dev.oxidizer.model;

import dev.oxidizer.model.MeasuredVerdicts.Kind;
import dev.oxidizer.model.MethodReport.PortResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasuredVerdictsTest {
    private static PortResult p(boolean passed, Double s, Double low, Double high) {
        return new PortResult("d", passed, 1.0, 1.0, s, "t", "b", low, high, null, null, null, null);
    }

    @Test
    void intervalAgainstThresholdDecides() {
        assertEquals(Kind.PORT, MeasuredVerdicts.kind(p(true, 1.5, 1.21, 1.8), 1.2));
        assertEquals(Kind.INCONCLUSIVE, MeasuredVerdicts.kind(p(true, 1.5, 1.2, 1.8), 1.2), "the lower end must be above");
        assertEquals(Kind.KEEP_JAVA, MeasuredVerdicts.kind(p(true, 1.1, 1.0, 1.2), 1.2), "at or below the threshold");
        assertEquals(Kind.INCONCLUSIVE, MeasuredVerdicts.kind(p(true, 1.1, 0.9, 1.21), 1.2));
        assertEquals(Kind.UNMEASURED, MeasuredVerdicts.kind(p(true, 1.1, null, null), 1.2));
        assertEquals(Kind.UNMEASURED, MeasuredVerdicts.kind(p(true, null, null, null), 1.2));
        assertEquals(Kind.FAILED, MeasuredVerdicts.kind(p(false, 3.0, 2.0, 4.0), 1.2));
        assertEquals(Kind.PORT, MeasuredVerdicts.kind(p(true, 1.15, 1.11, 1.2), 1.1), "the threshold is configurable");
    }

    @Test
    void overlappingIntervalNeverSaysSlower() {
        String reason = MeasuredVerdicts.judge(null, p(true, 0.98, 0.80, 1.25), 1.2).verdictReason();
        assertTrue(reason.startsWith("inconclusive: measured 0.98×") && reason.contains("--rounds 20"), reason);
        String slower = MeasuredVerdicts.judge(null, p(true, 0.6, 0.55, 0.65), 1.2).verdictReason();
        assertTrue(slower.contains("slower than the JIT-compiled Java"), slower);
    }
}

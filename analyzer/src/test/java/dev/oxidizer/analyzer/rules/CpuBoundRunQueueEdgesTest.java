package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Threshold edges of {@code cpu-bound} when the method's threads waited for a core: the ratio is
 * cpu / (wall - runQueue), so the edge moves with the run-queue time, and only the run-queue time is taken out
 * (recorded waits still count against the method). Real saturated recordings are in RunQueueCorrectionTest.
 */
class CpuBoundRunQueueEdgesTest {
    /** 1,000 calls, 1.7 s of wall time, sampled every 10 ms; the ratio left for the rule to compute (null). */
    static MethodFacts facts(double cpuNs, double runQueueNs, long parkNs) {
        long samples = Math.round(cpuNs / 10_000_000);
        double availability = cpuNs / (cpuNs + runQueueNs);
        return new MethodFacts("a.K#m([D)D", "a.K", "m", "([D)D", true, 1000L, 0, 1e7, "agent", 2, 1_700_000.0, 1.7e9,
                5_000_000L, samples, samples, cpuNs, null, parkNs > 0 ? 10 : 0, 0, 0, parkNs, 0, 0, null, true, "a.K.handle",
                1.0, List.of(), null, null, 100, 10_000_000, availability, 0, false, runQueueNs);
    }

    @Test
    void ratioIsCpuOverWallLessTheTimeWaitingForACore() {
        assertEquals(0.7, MethodFacts.cpuBoundRatio(700, 1000, 0), 1e-12);
        assertEquals(0.7, MethodFacts.cpuBoundRatio(700, 1700, 700), 1e-12);
        assertEquals(0.5, MethodFacts.cpuBoundRatio(500, 2000, 1000), 1e-12);
        // Estimates can overshoot: CPU time covering all the time not spent queued is fully CPU-bound, never above 1.
        assertEquals(1.0, MethodFacts.cpuBoundRatio(700, 1000, 400), 1e-12);
        assertEquals(1.0, MethodFacts.cpuBoundRatio(700, 1000, 5000), 1e-12);
        assertEquals(0.0, MethodFacts.cpuBoundRatio(0, 1000, 5000), 1e-12);
        assertTrue(Double.isNaN(MethodFacts.cpuBoundRatio(700, 0, 0)));
    }

    @Test
    void passesAtExactlyTheMinRatioOnceRunQueueTimeIsOutAndFailsJustBelow() {
        CpuBoundRule rule = new CpuBoundRule();
        RuleEdgesTest.Ctx ctx = new RuleEdgesTest.Ctx(rule);
        // 0.7 s on CPU in 1.7 s of wall time: 0.7 s waiting for a core leaves 1.0 s, so exactly 0.7.
        Finding atEdge = rule.evaluate(facts(700_000_000, 700_000_000, 0), ctx);
        assertEquals(Outcome.PASS, atEdge.outcome(), atEdge.explanation());
        assertEquals(0.7, atEdge.numbers().get("cpuBoundRatio"), 1e-12);
        assertEquals(7e8, atEdge.numbers().get("runQueueNs"), 1e-3);
        assertTrue(atEdge.explanation().contains("waiting for a core"), atEdge.explanation());
        Finding below = rule.evaluate(facts(700_000_000, 699_999_999, 0), ctx);
        assertEquals(Outcome.FAIL, below.outcome(), below.explanation());
        assertTrue(below.summary().startsWith("not CPU-bound"), below.summary());
        // Without the run-queue time the same CPU time is far below the threshold (0.41).
        assertEquals(Outcome.FAIL, rule.evaluate(facts(700_000_000, 0, 0), ctx).outcome());
    }

    @Test
    void recordedWaitsAreNotExcusedByRunQueueTime() {
        CpuBoundRule rule = new CpuBoundRule();
        RuleEdgesTest.Ctx ctx = new RuleEdgesTest.Ctx(rule);
        // Waits are judged against the whole wall time (1.7 s): 20 % = 340 ms passes, a nanosecond more fails.
        assertEquals(Outcome.PASS, rule.evaluate(facts(700_000_000, 700_000_000, 340_000_000), ctx).outcome());
        Finding f = rule.evaluate(facts(700_000_000, 700_000_000, 340_000_001), ctx);
        assertEquals(Outcome.FAIL, f.outcome(), f.explanation());
        assertTrue(f.summary().startsWith("wait-bound"), f.summary());
    }

    @Test
    void negativeRunQueueTimeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> facts(700_000_000, -1, 0));
        assertTrue(e.getMessage().contains("runQueueNs"), e.getMessage());
    }
}

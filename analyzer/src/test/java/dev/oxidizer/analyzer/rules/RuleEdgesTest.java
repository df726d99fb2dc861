package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact threshold edges of the rules whose inputs come from sampling (ratios and shares that a real recording
 * cannot hit to the last digit); the same rules on real recordings are in SampledRulesTest.
 */
class RuleEdgesTest {
    static final class Ctx implements RuleContext {
        final Map<String, Double> values = new HashMap<>();
        boolean pathKnown = true;

        Ctx(Rule... rules) {
            for (Rule r : rules) {
                r.thresholds().forEach(t -> values.put(t.key(), t.defaultValue()));
            }
        }

        @Override
        public double threshold(String key) {
            return values.get(key);
        }

        @Override
        public double ffmCallNs() {
            return 50;
        }

        @Override
        public String mode() {
            return "agent";
        }

        @Override
        public boolean latencyPathKnown() {
            return pathKnown;
        }

        @Override
        public boolean latencyConfigured() {
            return true;
        }
    }

    /** 1,000 calls of 1 ms (1 s wall), sampled every 10 ms. */
    static MethodFacts facts(double cpuNs, long parkNs, Boolean onPath, Double share, int threads, double agentShare) {
        long samples = Math.round(cpuNs / 10_000_000);
        return new MethodFacts("a.K#m([D)D", "a.K", "m", "([D)D", true, 1000L, 0, 1e7, "agent", threads, 1_000_000.0, 1e9,
                2_000_000L, samples, samples, cpuNs, Math.min(1, cpuNs / 1e9), parkNs > 0 ? 10 : 0, 0, 0, parkNs, 0, 0, null,
                onPath, onPath == null ? null : "a.K.handle", share, List.of(), null, null, 100, 10_000_000, 1.0, agentShare, false);
    }

    @Test
    void cpuBoundPassesAtExactlyTheMinRatioAndFailsJustBelow() {
        CpuBoundRule rule = new CpuBoundRule();
        Ctx ctx = new Ctx(rule);
        assertEquals(Outcome.PASS, rule.evaluate(facts(700_000_000, 0, true, 1.0, 4, 0), ctx).outcome());
        Finding below = rule.evaluate(facts(699_999_999, 0, true, 1.0, 4, 0), ctx);
        assertEquals(Outcome.FAIL, below.outcome());
        assertTrue(below.summary().startsWith("not CPU-bound"), below.summary());
    }

    @Test
    void cpuBoundFailsWhenWaitsExceedTheirShareEvenIfTheRatioPasses() {
        CpuBoundRule rule = new CpuBoundRule();
        Ctx ctx = new Ctx(rule);
        assertEquals(Outcome.PASS, rule.evaluate(facts(900_000_000, 200_000_000, true, 1.0, 4, 0), ctx).outcome());
        Finding f = rule.evaluate(facts(900_000_000, 200_000_001, true, 1.0, 4, 0), ctx);
        assertEquals(Outcome.FAIL, f.outcome());
        assertTrue(f.summary().startsWith("wait-bound"), f.summary());
        assertTrue(f.action().contains("parking or sleeping"), f.action());
    }

    @Test
    void cpuBoundIsUnknownWhenInstrumentationDominatesItsSamples() {
        CpuBoundRule rule = new CpuBoundRule();
        Ctx ctx = new Ctx(rule);
        assertEquals(Outcome.PASS, rule.evaluate(facts(900_000_000, 0, true, 1.0, 4, 0.2499), ctx).outcome());
        assertEquals(Outcome.UNKNOWN, rule.evaluate(facts(900_000_000, 0, true, 1.0, 4, 0.25), ctx).outcome());
    }

    @Test
    void latencyPathPassesAtExactlyTheMinShare() {
        LatencyPathRule rule = new LatencyPathRule();
        Ctx ctx = new Ctx(rule);
        assertEquals(Outcome.PASS, rule.evaluate(facts(9e8, 0, true, 0.2, 4, 0), ctx).outcome());
        assertEquals(Outcome.FAIL, rule.evaluate(facts(9e8, 0, true, 0.1999, 4, 0), ctx).outcome());
        assertEquals(Outcome.UNKNOWN, rule.evaluate(facts(9e8, 0, null, null, 4, 0), ctx).outcome());
        ctx.pathKnown = false;
        assertEquals(Outcome.UNKNOWN, rule.evaluate(facts(9e8, 0, true, 0.5, 4, 0), ctx).outcome());
    }

    @Test
    void parallelismHintAppliesUpToMaxThreadsAndFromMinMean() {
        ParallelismRule rule = new ParallelismRule();
        Ctx ctx = new Ctx(rule);
        Finding two = rule.evaluate(facts(9e8, 0, true, 1.0, 2, 0), ctx);
        assertEquals(Outcome.INFO, two.outcome());
        assertEquals(80, two.score());
        assertEquals(10, rule.evaluate(facts(9e8, 0, true, 1.0, 3, 0), ctx).score());
        ctx.values.put(ParallelismRule.MIN_MEAN_NS, 1_000_001.0);
        assertEquals(10, rule.evaluate(facts(9e8, 0, true, 1.0, 2, 0), ctx).score());
    }

    @Test
    void granularityPicksTheNearestCallerThatPasses() {
        GranularityRule rule = new GranularityRule();
        Ctx ctx = new Ctx(rule);
        MethodFacts tiny = new MethodFacts("a.K#t(I)I", "a.K", "t", "(I)I", true, 1000L, 0, 1e9, "agent", 1, 20.0, 2e4, 30L, 0, 0,
                0, null, 0, 0, 0, 0, 0, 0, null, true, null, 1.0,
                List.of(new MethodFacts.Caller("a.K#near(I)I", 1, 5, 900.0), new MethodFacts.Caller("a.K#far(I)I", 2, 5, 5000.0)),
                "a.K#near(I)I", null, 100, 10_000_000, 1.0, 0, false);
        Finding f = rule.evaluate(tiny, ctx);
        assertEquals(Outcome.FAIL, f.outcome());
        assertTrue(f.action().startsWith("Port the coarser caller a.K#far(I)I"), f.action());
    }

    @Test
    void aTrivialMethodTheAgentCountedWithoutTimingFailsGranularityAndNamesTheCoarserCaller() {
        GranularityRule rule = new GranularityRule();
        Ctx ctx = new Ctx(rule);
        MethodFacts trivial = new MethodFacts("a.K#t(I)I", "a.K", "t", "(I)I", true, 1000L, 0, 1e9, "agent", 1, null, null,
                null, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, null, true, null, 1.0,
                List.of(new MethodFacts.Caller("a.K#far(I)I", 2, 5, 5000.0)), "a.K#near(I)I", null, 100, 10_000_000, 1.0, 0,
                true);
        Finding f = rule.evaluate(trivial, ctx);
        assertEquals(Outcome.FAIL, f.outcome());
        assertTrue(f.summary().startsWith("trivial"), f.summary());
        assertTrue(f.action().startsWith("Port the coarser caller a.K#far(I)I"), f.action());
        // Not timed and not trivial: unknown, as before.
        MethodFacts untimed = new MethodFacts("a.K#u(I)I", "a.K", "u", "(I)I", true, 1000L, 0, 1e9, "agent", 1, null, null,
                null, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, null, true, null, 1.0, List.of(), null, null, 100, 10_000_000, 1.0, 0,
                false);
        assertEquals(Outcome.UNKNOWN, rule.evaluate(untimed, ctx).outcome());
    }
}

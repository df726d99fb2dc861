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
    static class Ctx implements RuleContext {
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
    void cpuBoundPassesFailsOrStaysUnknownByTheIntervalOfItsSamples() {
        CpuBoundRule rule = new CpuBoundRule();
        Ctx ctx = new Ctx(rule);
        // 100 samples on 1 s of wall: ratio 1, interval 0.81-1.00: PASS.
        assertEquals(Outcome.PASS, rule.evaluate(facts(1_000_000_000, 0, true, 1.0, 4, 0), ctx).outcome());
        // Exactly the threshold on 70 samples: interval 0.55-0.88: too few samples to decide.
        Finding edge = rule.evaluate(facts(700_000_000, 0, true, 1.0, 4, 0), ctx);
        assertEquals(Outcome.UNKNOWN, edge.outcome(), edge.explanation());
        assertTrue(edge.summary().startsWith("too few samples to decide"), edge.summary());
        // 30 samples: interval 0.20-0.43: FAIL.
        Finding below = rule.evaluate(facts(300_000_000, 0, true, 1.0, 4, 0), ctx);
        assertEquals(Outcome.FAIL, below.outcome(), below.explanation());
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

    /** A method of mean {@code meanNs} and this descriptor, timed, with one caller of mean {@code callerMeanNs}. */
    private static MethodFacts timed(String descriptor, double meanNs, String callerKey, double callerMeanNs) {
        return new MethodFacts("a.K#m" + descriptor, "a.K", "m", descriptor, true, 1000L, 0, 1e9, "agent", 1, meanNs,
                meanNs * 1000, 30L, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, null, true, null, 1.0,
                List.of(new MethodFacts.Caller(callerKey, 1, 5, callerMeanNs)), callerKey, null, 100, 10_000_000, 1.0, 0,
                false);
    }

    @Test
    void granularityChargesThePlainCallToPrimitiveSignaturesAndTheCopyingCallToTheRest() {
        GranularityRule rule = new GranularityRule();
        // copying wrapper 100 ns, plain downcall 5 ns; threshold 5 % of the mean
        Ctx ctx = new Ctx(rule) {
            @Override
            public double ffmCallNs() {
                return 100;
            }

            @Override
            public double ffmCallNsFor(String descriptor) {
                return dev.oxidizer.model.Report.Assumptions.plainValues(descriptor) ? 5 : 100;
            }
        };
        // (JJ)J: 5 ns against 100 ns of mean is exactly 5 %: passes; just below 100 ns fails
        Finding plain = rule.evaluate(timed("(JJ)J", 100, "a.K#c([J)J", 1e6), ctx);
        assertEquals(Outcome.PASS, plain.outcome(), plain.explanation());
        assertEquals(5.0, plain.numbers().get("ffmCallNs"));
        assertTrue(plain.explanation().startsWith("One plain FFM downcall"), plain.explanation());
        assertEquals(Outcome.FAIL, rule.evaluate(timed("(JJ)J", 99.9, "a.K#c([J)J", 1e6), ctx).outcome());
        // ([J)J at the same mean pays the copying call: 100 % of it; its array-taking caller passes at 2 us
        Finding array = rule.evaluate(timed("([J)J", 100, "a.K#c([J)J", 2000), ctx);
        assertEquals(Outcome.FAIL, array.outcome());
        assertEquals(100.0, array.numbers().get("ffmCallNs"));
        assertTrue(array.action().startsWith("Port the coarser caller a.K#c([J)J"), array.action());
        // a caller is judged by its own signature: a primitive caller of 200 ns passes (5 ns is 2.5 %)
        Finding viaPlainCaller = rule.evaluate(timed("([J)J", 100, "a.K#c(J)J", 200), ctx);
        assertTrue(viaPlainCaller.action().startsWith("Port the coarser caller a.K#c(J)J"), viaPlainCaller.action());
    }
}

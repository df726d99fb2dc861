package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threshold edges of the rules added for issue 17: jdk-bound, fan-out, cpu-evidence, bursts and uncounted methods. */
class NewRulesTest {
    static MethodFacts facts(long samples, MethodFacts.CodeMix mix, MethodFacts.CallSpread spread,
                             MethodFacts.Instrumentation instrumentation, long calls, double perDay) {
        return new MethodFacts("a.K#m([D)D", "a.K", "m", "([D)D", true, calls, 0, perDay, "agent", 2, 1_000_000.0, calls * 1e6,
                2_000_000L, 0, samples, samples * 1e7, 1.0, 0, 0, 0, 0, 0, 0, null, true, "a.K.handle", 1.0, List.of(), null, null,
                20, 10_000_000, 1.0, 0, false, 0, 900_000.0, 9, MethodFacts.Origin.APPLICATION, calls * 1e6, mix, spread,
                instrumentation);
    }

    static MethodFacts.CodeMix intrinsics(long k) {
        return new MethodFacts.CodeMix(k, k, 0, List.of(new MethodFacts.FrameShare("java.lang.String.getBytes", k)), List.of(), List.of());
    }

    @Test
    void evidenceIntervalsCoverTheirCounts() {
        double[] none = Evidence.poisson(0);
        assertEquals(0, none[0]);
        assertEquals(3.69, none[1], 0.05); // exact upper 95% bound of a Poisson count of 0: 3.689
        double[] hundred = Evidence.poisson(100);
        assertEquals(81.4, hundred[0], 0.5);
        assertEquals(121.6, hundred[1], 0.6);
        double[] w = Evidence.wilson(50, 100);
        assertEquals(0.404, w[0], 0.002);
        assertEquals(0.596, w[1], 0.002);
        assertEquals(0, Evidence.wilson(0, 0)[0]);
        assertEquals(1, Evidence.wilson(0, 0)[1]);
    }

    @Test
    void jdkBoundFailsOnlyWhenTheWholeIntervalIsAtTheThreshold() {
        JdkBoundRule rule = new JdkBoundRule();
        RuleEdgesTest.Ctx ctx = new RuleEdgesTest.Ctx(rule);
        Finding all = rule.evaluate(facts(40, intrinsics(38), null, null, 1000, 1e7), ctx);
        assertEquals(Outcome.FAIL, all.outcome(), all.explanation());
        assertTrue(all.summary().contains("java.lang.String.getBytes"), all.summary());
        assertTrue(all.explanation().contains("java.lang.String.getBytes 95.0%"), all.explanation());
        // 6 of 10: the interval (0.31-0.83) straddles 0.5.
        assertEquals(Outcome.UNKNOWN, rule.evaluate(facts(10, intrinsics(6), null, null, 1000, 1e7), ctx).outcome());
        // 5 of 100: below.
        assertEquals(Outcome.PASS, rule.evaluate(facts(100, intrinsics(5), null, null, 1000, 1e7), ctx).outcome());
        assertEquals(Outcome.UNKNOWN, rule.evaluate(facts(0, MethodFacts.CodeMix.NONE, null, null, 1000, 1e7), ctx).outcome());
        // The edge: Wilson's low end of k / n at exactly 0.5 fails, just below passes the FAIL test and is UNKNOWN.
        for (long k = 0; k <= 200; k++) {
            double[] ci = Evidence.wilson(k, 200);
            Outcome expected = ci[0] >= 0.5 ? Outcome.FAIL : ci[1] < 0.5 ? Outcome.PASS : Outcome.UNKNOWN;
            assertEquals(expected, rule.evaluate(facts(200, intrinsics(k), null, null, 1000, 1e7), ctx).outcome(), "k=" + k);
        }
    }

    static MethodFacts.Callee callee(String frame, String kind, long samples, Double medianNs) {
        return new MethodFacts.Callee(frame, frame.replace(".", "#").replaceFirst("#", ".") + "()V", kind, samples, medianNs);
    }

    @Test
    void aDispatcherFansOutAndNamesItsHeaviestPortableCallees() {
        FanOutRule rule = new FanOutRule();
        RuleEdgesTest.Ctx ctx = new RuleEdgesTest.Ctx(rule, new GranularityRule());
        List<MethodFacts.Callee> callees = List.of(callee("a.Kernels.blur", "application", 30, 200_000.0),
                callee("org.lib.Zip.compress", "dependency", 25, null), callee("a.Kernels.hash", "application", 20, 90_000.0),
                callee("java.lang.String.getBytes", "jdk", 15, null));
        MethodFacts dispatcher = facts(100, new MethodFacts.CodeMix(15, 15, 25, List.of(), List.of(), callees), null, null, 1000, 1e7);
        RuleOutput out = rule.judge(dispatcher, ctx);
        assertEquals(Outcome.FAIL, out.finding().outcome(), out.finding().explanation());
        assertNotNull(out.get(Results.ALTERNATIVE));
        assertEquals("a.Kernels#blur()V", out.get(Results.ALTERNATIVE).coarserCaller());
        assertTrue(out.get(Results.ALTERNATIVE).reason().contains("a.Kernels#hash()V"), out.get(Results.ALTERNATIVE).reason());
        // A kernel whose callees are small helpers of its own (too fine to port alone: 40 ns median) is one piece of work.
        List<MethodFacts.Callee> helpers = List.of(callee("a.K.round", "application", 30, 40.0), callee("a.K.mix", "application", 30, 40.0),
                callee("a.K.fold", "application", 30, null));
        assertEquals(Outcome.PASS, rule.evaluate(facts(100, new MethodFacts.CodeMix(0, 0, 0, List.of(), List.of(), helpers), null, null,
                1000, 1e7), ctx).outcome());
        // A wrapper of one library class: update and doFinal are one piece of library work, not a fan-out.
        List<MethodFacts.Callee> oneClass = List.of(callee("org.lib.Digest.update", "dependency", 60, null),
                callee("org.lib.Digest.doFinal", "dependency", 20, null), callee("org.lib.Digest.<init>", "dependency", 15, null));
        assertEquals(Outcome.PASS, rule.evaluate(facts(100, new MethodFacts.CodeMix(0, 0, 95, List.of(), List.of(), oneClass), null,
                null, 1000, 1e7), ctx).outcome());
        assertEquals(Outcome.UNKNOWN, rule.evaluate(facts(19, new MethodFacts.CodeMix(15, 15, 25, List.of(), List.of(), callees), null,
                null, 1000, 1e7), ctx).outcome());
    }

    @Test
    void noPortIsRecommendedBelowTheEvidenceMinimum() {
        CpuEvidenceRule rule = new CpuEvidenceRule();
        RuleEdgesTest.Ctx ctx = new RuleEdgesTest.Ctx(rule);
        assertEquals(Outcome.PASS, rule.evaluate(facts(10, MethodFacts.CodeMix.NONE, null, null, 1000, 1e7), ctx).outcome());
        Finding thin = rule.evaluate(facts(9, MethodFacts.CodeMix.NONE, null, null, 1000, 1e7), ctx);
        assertEquals(Outcome.FAIL, thin.outcome());
        assertTrue(thin.summary().startsWith("thin evidence: 9 CPU samples"), thin.summary());
        assertEquals(Outcome.FAIL, rule.evaluate(facts(0, MethodFacts.CodeMix.NONE, null, null, 1000, 1e7), ctx).outcome());
    }

    @Test
    void aStartUpBurstIsNotARate() {
        CallsPerDayRule rule = new CallsPerDayRule();
        RuleEdgesTest.Ctx ctx = new RuleEdgesTest.Ctx(rule);
        long t0 = 1_000_000;
        // 4,096 calls, all in the first of twenty 1 s intervals: 17.7 million a day if projected, a steady rate of 0.
        MethodFacts.CallSpread startUp = new MethodFacts.CallSpread(t0, t0 + 1000, 1, 20_000, List.of(4096L), 1, 20);
        Finding burst = rule.evaluate(facts(20, MethodFacts.CodeMix.NONE, startUp, null, 4096, 4096 * 86_400 / 20.0), ctx);
        assertEquals(Outcome.FAIL, burst.outcome(), burst.explanation());
        assertTrue(burst.summary().startsWith("burst, not a rate"), burst.summary());
        assertEquals(0.0, burst.numbers().get("steadyCallsPerDay"));
        // The same count spread over the window is a rate.
        MethodFacts.CallSpread steady = new MethodFacts.CallSpread(t0, t0 + 20_000, 20, 20_000, List.of(210L, 209L, 208L, 207L), 1, 20);
        assertEquals(Outcome.PASS, rule.evaluate(facts(20, MethodFacts.CodeMix.NONE, steady, null, 4096, 4096 * 86_400 / 20.0), ctx)
                .outcome());
        // A burst plus a steady rate above the minimum passes on its steady rate.
        MethodFacts.CallSpread burstAndRate = new MethodFacts.CallSpread(t0, t0 + 20_000, 20, 20_000, List.of(4000L, 30L, 30L, 30L), 1, 20);
        assertEquals(Outcome.PASS, rule.evaluate(facts(20, MethodFacts.CodeMix.NONE, burstAndRate, null, 4570, 4570 * 86_400 / 20.0),
                ctx).outcome());
        // A recording of one interval cannot tell a burst from a rate.
        MethodFacts.CallSpread one = new MethodFacts.CallSpread(t0, t0 + 20_000, 1, 20_000, List.of(4096L), 1, 1);
        assertEquals(Outcome.PASS, rule.evaluate(facts(20, MethodFacts.CodeMix.NONE, one, null, 4096, 4096 * 86_400 / 20.0), ctx)
                .outcome());
        // A slow start-up made the first interval 11 s of a 19 s window, but the window has 9 intervals: still a burst.
        MethodFacts.CallSpread longFirst = new MethodFacts.CallSpread(t0, t0 + 11_000, 1, 19_000, List.of(4096L), 1, 9);
        assertEquals(Outcome.FAIL, rule.evaluate(facts(20, MethodFacts.CodeMix.NONE, longFirst, null, 4096, 4096 * 86_400 / 19.0), ctx)
                .outcome());
        // Fewer than calls-per-day.minBurstCalls in the busiest intervals is a rare method, judged by its count.
        MethodFacts.CallSpread rare = new MethodFacts.CallSpread(t0, t0 + 1000, 1, 20_000, List.of(19L), 1, 20);
        assertEquals(Outcome.PASS, rule.evaluate(facts(20, MethodFacts.CodeMix.NONE, rare, null, 19, 1e6), ctx).outcome());
    }

    @Test
    void aMethodTheAgentDidNotInstrumentHasUnknownCallsNotZero() {
        CallsPerDayRule rule = new CallsPerDayRule();
        RuleEdgesTest.Ctx ctx = new RuleEdgesTest.Ctx(rule);
        Finding f = rule.evaluate(facts(50, MethodFacts.CodeMix.NONE, null,
                new MethodFacts.Instrumentation("none", "huge-method-limit"), 0, 0), ctx);
        assertEquals(Outcome.UNKNOWN, f.outcome(), f.explanation());
        assertTrue(f.explanation().contains("huge-method limit"), f.explanation());
    }
}

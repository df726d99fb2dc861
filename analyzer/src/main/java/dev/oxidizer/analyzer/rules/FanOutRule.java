package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.vocabulary.Advice;
import dev.oxidizer.model.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.oxidizer.analyzer.rules.Scores.num;
import static dev.oxidizer.analyzer.rules.Scores.pct;

/**
 * {@code fan-out}: a method whose time spreads over many callees (a request dispatcher, a pipeline step calling several
 * libraries) is not a port target even when no single callee covers it: porting it means porting every callee, the
 * libraries and the JDK code included. A direct callee counts as separate work when it is library or JDK code, or an
 * application method coarse enough to be a port of its own (its median passes {@code granularity}); small helpers of
 * the method's own code are part of its work. FAIL when at least {@code fan-out.minCallees} separate callees each
 * hold {@code fan-out.minCalleeShare} of its samples, together at least {@code fan-out.minShare}, each judged on the
 * 95 % (Wilson) interval of its share: FAIL when the low ends pass, PASS when the high ends do not, UNKNOWN in between
 * and under {@code fan-out.minSamples} samples. The action names the heaviest portable callees (application code).
 */
public final class FanOutRule implements Rule {
    public static final String MIN_SHARE = "fan-out.minShare";
    public static final String MIN_CALLEES = "fan-out.minCallees";
    public static final String MIN_CALLEE_SHARE = "fan-out.minCalleeShare";
    public static final String MIN_SAMPLES = "fan-out.minSamples";

    @Override
    public String id() {
        return "fan-out";
    }

    @Override
    public String name() {
        return "One piece of work, not a dispatcher";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("jdk.ExecutionSample", "jdk.CPUTimeSample");
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(
                new ThresholdSpec(MIN_SHARE, 0.6, "ratio", "Share of its samples in separate callees above which a method fans out", 0, 1),
                new ThresholdSpec(MIN_CALLEES, 3, "callees", "Fewest separate callees, each above fan-out.minCalleeShare, of a fan-out", 2, 1000),
                new ThresholdSpec(MIN_CALLEE_SHARE, 0.05, "ratio", "Share of its samples a callee must hold to count in a fan-out", 0, 1),
                new ThresholdSpec(MIN_SAMPLES, 20, "samples", "Fewest samples through the method to judge its fan-out", 1, 1e9));
    }

    /**
     * The callees that are separate work (see the class comment) and hold at least the minimum share, heaviest first.
     * Library and JDK callees of one class count as one (a digest's update and doFinal are one piece of library work).
     */
    static List<MethodFacts.Callee> separate(MethodFacts m, RuleContext ctx) {
        long n = m.inclusiveSamples();
        double minCallee = ctx.threshold(MIN_CALLEE_SHARE);
        double maxCallShare = ctx.threshold(GranularityRule.MAX_CALL_SHARE);
        Map<String, MethodFacts.Callee> units = new LinkedHashMap<>();
        for (MethodFacts.Callee c : m.codeMix().callees()) {
            String unit = c.kind().equals("application") ? c.key() : classOf(c.frame());
            units.merge(unit, c, (a, b) -> new MethodFacts.Callee(a.frame(), a.key(), a.kind(), a.samples() + b.samples(), a.medianNs()));
        }
        List<MethodFacts.Callee> out = new ArrayList<>();
        for (MethodFacts.Callee c : units.values().stream().sorted((a, b) -> Long.compare(b.samples(), a.samples())).toList()) {
            // Every callee that may hold the minimum share (the high end of its 95% interval): evaluate() decides
            // on the intervals.
            if (n == 0 || Evidence.wilson(c.samples(), n)[1] < minCallee) {
                continue;
            }
            boolean own = c.kind().equals("application");
            boolean coarse = c.medianNs() != null
                    && GranularityRule.passes(c.medianNs(), ctx.ffmCallNsFor(GranularityRule.descriptorOf(c.key())), maxCallShare);
            if (!own || coarse) {
                out.add(c);
            }
        }
        return out;
    }

    private static String classOf(String frame) {
        int dot = frame.lastIndexOf('.');
        return dot < 0 ? frame : frame.substring(0, dot);
    }

    @Override
    public RuleOutput judge(MethodFacts m, RuleContext ctx) {
        Finding f = evaluate(m, ctx);
        if (f.outcome() != Outcome.FAIL) {
            return RuleOutput.of(f);
        }
        List<MethodFacts.Callee> own = separate(m, ctx).stream().filter(c -> c.kind().equals("application")
                && c.samples() >= ctx.threshold(MIN_CALLEE_SHARE) * m.inclusiveSamples()).toList();
        String reason = "a dispatcher: its time fans out into " + separate(m, ctx).size() + " callees"
                + (own.isEmpty() ? "; none is own code" : "; port its heaviest portable callees instead: "
                + own.stream().limit(3).map(c -> c.key() + " (" + pct(c.samples() / (double) m.inclusiveSamples()) + ")")
                .collect(Collectors.joining(", ")));
        return RuleOutput.of(f).with(Results.ALTERNATIVE,
                new MethodReport.Suggestion(own.isEmpty() ? Advice.KEEP.word : Advice.NATIVE.word, own.isEmpty() ? null : own.getFirst().key(), reason));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        long n = m.inclusiveSamples();
        double minShare = ctx.threshold(MIN_SHARE);
        double minCallees = ctx.threshold(MIN_CALLEES);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("inclusiveSamples", (double) n);
        numbers.put("selfSamples", (double) m.selfSamples());
        numbers.put(MIN_SHARE, minShare);
        if (n < ctx.threshold(MIN_SAMPLES)) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "too few samples (" + n + ") to see where its time goes",
                    "Only " + n + " samples went through the method (at least " + num(ctx.threshold(MIN_SAMPLES)) + " needed).",
                    null, numbers);
        }
        double minCallee = ctx.threshold(MIN_CALLEE_SHARE);
        List<MethodFacts.Callee> separate = separate(m, ctx);
        long inSeparate = separate.stream().mapToLong(MethodFacts.Callee::samples).sum();
        double share = inSeparate / (double) n;
        double[] shareInterval = Evidence.wilson(inSeparate, n);
        // Decided on intervals, so that a callee near 5 % or a share near 60 % does not flip the verdict between runs.
        long surely = separate.stream().filter(c -> Evidence.wilson(c.samples(), n)[0] >= minCallee).count();
        long possibly = separate.size();
        numbers.put("separateCallees", (double) separate.stream().filter(c -> c.samples() >= minCallee * n).count());
        numbers.put("separateShare", share);
        numbers.put("separateShareLow", shareInterval[0]);
        numbers.put("separateShareHigh", shareInterval[1]);
        String list = separate.stream().limit(6)
                .map(c -> c.frame() + " " + pct(c.samples() / (double) n) + (c.kind().equals("application") ? "" : " (" + c.kind() + ")"))
                .collect(Collectors.joining(", "));
        String explanation = pct(share) + " of its " + n + " samples (95% interval " + pct(shareInterval[0]) + "-"
                + pct(shareInterval[1]) + ") are in " + possibly + " separate callees (library or JDK code, or own methods coarse "
                + "enough to port on their own)" + (separate.isEmpty() ? "" : ": " + list)
                + "; its own frame was executing in " + pct(m.selfSamples() / (double) n) + " (fan-out at " + pct(minShare)
                + " over at least " + num(minCallees) + " callees of " + pct(minCallee) + " each).";
        if (surely >= minCallees && shareInterval[0] >= minShare) {
            return new Finding(id(), name(), Outcome.FAIL, Scores.clamp(100 * (1 - share)),
                    "fans out: " + pct(share) + " of its time in " + surely + " callees",
                    explanation + " Porting it means porting all of them, libraries included; the saving is in the callees.",
                    "Port its heaviest portable callees instead, one at a time.", numbers);
        }
        if (possibly >= minCallees && shareInterval[1] >= minShare) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0,
                    "too few samples to decide: " + pct(share) + " of its time in " + possibly + " callees",
                    explanation + " The intervals straddle the thresholds.", "Observe a longer or busier window.", numbers);
        }
        return new Finding(id(), name(), Outcome.PASS, Scores.clamp(100 * (1 - share)),
                "its own work: " + pct(1 - share) + " outside separate callees", explanation, null, numbers);
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.ThresholdSpec;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the candidate list to distinct opportunities. A candidate whose sampled time lies mostly inside
 * another candidate it calls (a thin wrapper, a dispatcher) offers no saving of its own: porting the callee
 * saves the same CPU through a smaller boundary, and listing both would count that saving twice. Such a
 * candidate is rejected with a {@code covered-by-callee} finding naming the callee and the share.
 *
 * <p>Unlike the per-method rules this is a pass over all verdicts, since it needs to know which callees are
 * candidates. The share is measured on the method's sampled call tree: the samples of the first candidate
 * frame on each path below it, over the method's inclusive samples. Frames are matched by class and method
 * name, so overloads of a callee count together.
 */
final class CoveredByCallee {
    static final String ID = "covered-by-callee";
    static final String NAME = "Not just a wrapper around another candidate";
    static final ThresholdSpec MIN_SHARE = new ThresholdSpec(ID + ".minShare", 0.8, "ratio",
            "a candidate with at least this share of its samples inside one candidate callee is left to that callee", 0.5, 1.0);
    /** Fewer inclusive samples than this leave the share too uncertain to reject on. */
    static final long MIN_SAMPLES = 20;

    private CoveredByCallee() {}

    static List<MethodReport> apply(List<MethodReport> methods, double minShare) {
        Map<String, MethodReport> candidateByFrame = new HashMap<>();
        for (MethodReport m : methods) {
            if (m.verdict() == Verdict.CANDIDATE) {
                candidateByFrame.put(m.className() + "." + m.methodName(), m);
            }
        }
        List<MethodReport> out = new ArrayList<>(methods.size());
        for (MethodReport m : methods) {
            MethodReport covered = m.verdict() == Verdict.CANDIDATE ? check(m, candidateByFrame, minShare) : null;
            out.add(covered == null ? m : covered);
        }
        return out;
    }

    private static MethodReport check(MethodReport m, Map<String, MethodReport> candidates, double minShare) {
        MethodReport.CallTree tree = m.callTree();
        if (tree == null || tree.samples() < MIN_SAMPLES) {
            return null;
        }
        Map<String, Long> inCallee = new HashMap<>();
        for (MethodReport.CallTree child : tree.children()) {
            collect(child, m, candidates, inCallee);
        }
        var top = inCallee.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        if (top == null) {
            return null;
        }
        double share = (double) top.getValue() / tree.samples();
        if (share < minShare) {
            return null;
        }
        MethodReport callee = candidates.get(top.getKey());
        String pct = String.format(Locale.ROOT, "%.0f%%", share * 100);
        Finding finding = new Finding(ID, NAME, Outcome.FAIL, 0,
                pct + " of its time is in candidate " + callee.key(),
                pct + " of its " + tree.samples() + " sampled stacks are inside " + callee.key()
                        + ", itself a candidate (threshold " + String.format(Locale.ROOT, "%.0f%%", minShare * 100)
                        + "). Porting that callee saves the same CPU through a smaller boundary; ranking both would count it twice.",
                "Port " + callee.key() + " instead.",
                Map.of("calleeShare", share, "inclusiveSamples", (double) tree.samples(), "minShare", minShare));
        List<Finding> findings = new ArrayList<>(m.findings());
        findings.add(finding);
        return m.withVerdict(findings, Verdict.REJECTED, ID, null, new MethodReport.Suggestion("native", callee.key(),
                "a wrapper around candidate " + callee.key() + " (" + pct + " of its time): port that callee"));
    }

    /** Adds the samples of the first candidate frame on each path (nested candidates are not counted twice). */
    private static void collect(MethodReport.CallTree node, MethodReport self, Map<String, MethodReport> candidates, Map<String, Long> acc) {
        MethodReport c = candidates.get(node.frame());
        if (c != null && c != self) {
            acc.merge(node.frame(), node.samples(), Long::sum);
            return;
        }
        for (MethodReport.CallTree child : node.children()) {
            collect(child, self, candidates, acc);
        }
    }
}

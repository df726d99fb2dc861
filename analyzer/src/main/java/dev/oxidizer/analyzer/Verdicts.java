package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.CpuBoundRule;
import dev.oxidizer.analyzer.rules.GranularityRule;
import dev.oxidizer.analyzer.rules.PortableSignatureRule;
import dev.oxidizer.analyzer.rules.Rule;
import dev.oxidizer.analyzer.rules.RuleContext;
import dev.oxidizer.analyzer.rules.Scores;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Judges each method: one finding per rule, the verdict, the score and confidence, the suggestion; and the ranking. */
final class Verdicts {
    private final List<Rule> rules;
    private final AnalyzerConfig config;

    Verdicts(List<Rule> rules, AnalyzerConfig config) {
        this.rules = rules;
        this.config = config;
    }

    /** Runs every rule on {@code f} and derives the verdict, the score (CPU seconds saved per day), the confidence and the suggestion. */
    MethodReport evaluate(MethodFacts f, Timed t, RuleContext ctx, MethodIndex index, Set<String> present) {
        double ffmNs = ctx.ffmCallNsFor(f.descriptor());
        List<Finding> findings = new ArrayList<>();
        for (Rule r : rules) {
            Finding finding;
            if (!r.requiredEvents().isEmpty() && r.requiredEvents().stream().noneMatch(present::contains)) {
                findings.add(new Finding(r.id(), r.name(), Outcome.UNKNOWN, 0, "needed events are not in the input",
                        "This rule needs one of " + String.join(", ", r.requiredEvents()) + "; the input has none of them.",
                        "Record them (the Oxidizer agent enables all of them).", Map.of()));
                continue;
            }
            try {
                finding = r.evaluate(f, ctx);
            } catch (RuntimeException e) {
                finding = new Finding(r.id(), r.name(), Outcome.UNKNOWN, 0, "rule failed: " + e,
                        "The rule threw " + e + "; this is a bug in the rule.", null, Map.of());
            }
            findings.add(finding);
        }
        String rejectedBy = findings.stream().filter(x -> x.outcome() == Outcome.FAIL).map(Finding::ruleId).findFirst().orElse(null);
        Verdict verdict = rejectedBy == null ? Verdict.CANDIDATE : Verdict.REJECTED;
        Finding cpuFinding = findings.stream().filter(x -> x.ruleId().equals("cpu-bound")).findFirst().orElse(null);
        boolean cpuDecided = cpuFinding != null && (cpuFinding.outcome() == Outcome.PASS || cpuFinding.outcome() == Outcome.FAIL);

        // Score: CPU seconds saved per day if the method ran `speedup` times faster, minus the downcalls' cost.
        double speedup = config.speedup();
        double saved;
        boolean instrumentationBound = f.agentSampleShare() >= ctx.threshold(CpuBoundRule.MAX_AGENT_SHARE);
        if (instrumentationBound && f.windowSeconds() > 0) {
            // Its measured time is mostly the agent's probes: estimate its CPU from samples outside them.
            double cpuPerDay = f.cpuTimeNs() / f.windowSeconds() * Analyzer.DAY_SECONDS / 1e9;
            saved = cpuPerDay * (1 - 1 / speedup) - (f.callsPerDay() == null ? 0 : ffmNs * f.callsPerDay() / 1e9);
        } else if (f.callsPerDay() != null && f.meanNs() != null) {
            double ratio = cpuDecided && f.cpuBoundRatio() != null ? f.cpuBoundRatio() : 1.0;
            double cpuPerDay = f.meanNs() * ratio * f.callsPerDay() / 1e9;
            saved = cpuPerDay * (1 - 1 / speedup) - ffmNs * f.callsPerDay() / 1e9;
        } else if (f.windowSeconds() > 0) {
            saved = f.cpuTimeNs() / f.windowSeconds() * Analyzer.DAY_SECONDS / 1e9 * (1 - 1 / speedup);
        } else {
            saved = 0;
        }
        saved = Math.max(0, saved);
        boolean anyUnknown = findings.stream().anyMatch(x -> x.outcome() == Outcome.UNKNOWN && !x.ruleId().equals("latency-path"));
        MethodReport.Confidence confidence;
        if ("agent".equals(f.callSource()) && cpuDecided && f.inclusiveSamples() >= 50 && !anyUnknown) {
            confidence = MethodReport.Confidence.HIGH;
        } else if (cpuDecided && f.inclusiveSamples() >= 10 && f.callsObserved() != null) {
            confidence = MethodReport.Confidence.MEDIUM;
        } else {
            confidence = MethodReport.Confidence.LOW;
        }

        MethodReport.Suggestion suggestion = suggestion(f, findings, verdict, rejectedBy, ctx);
        double allocBytesPerCall = -1;
        MethodReport.Allocation allocation = null;
        if (f.allocBytesPerSecond() != null) {
            Double perCall = f.callsObserved() != null && f.callsObserved() > 0
                    ? f.allocBytesPerSecond() * f.windowSeconds() / f.callsObserved() : null;
            allocation = new MethodReport.Allocation(f.allocBytesPerSecond(), perCall, topAllocClasses(index, f.key()));
        }
        MethodReport.Calls calls = f.callsObserved() == null ? null
                : new MethodReport.Calls(f.callsObserved(), f.exceptional(), f.callsPerDay() == null ? 0 : f.callsPerDay(),
                f.callSource(), f.threads());
        MethodReport.Cpu cpu = new MethodReport.Cpu(f.selfSamples(), f.inclusiveSamples(), f.cpuTimeNs(), f.cpuBoundRatio(),
                f.parkCount(), f.monitorCount(), f.ioCount(), f.waitNs());
        MethodReport.LatencyPath path = f.onLatencyPath() == null || !ctx.latencyPathKnown() ? null
                : new MethodReport.LatencyPath(findings.stream().anyMatch(x -> x.ruleId().equals("latency-path") && x.outcome() == Outcome.PASS),
                f.latencyMatched(), f.latencyShare());
        boolean allowReceiver = ctx.threshold(PortableSignatureRule.ALLOW_RECEIVER) >= 0.5;
        return new MethodReport(f.key(), f.className(), f.methodName(), f.descriptor(),
                Signatures.javaSignature(f.methodName(), f.descriptor(), f.isStatic()), f.isStatic(), calls,
                t == null ? null : t.latency, cpu, allocation, path,
                Signatures.portability(f.methodName(), f.descriptor(), f.isStatic(), allowReceiver), findings, verdict, rejectedBy,
                null, round(saved), confidence, suggestion, f.callTree(), null);
    }

    private List<String> topAllocClasses(MethodIndex index, String key) {
        int[] stacks = index.stacksOf.getOrDefault(key, new int[0]);
        if (stacks.length == 0) {
            return List.of();
        }
        // The allocation entries of this method's stacks, in the order of agg.allocations (so that classes with
        // equal bytes rank as they always did), found through a per-stack index built once per analysis: a scan
        // of every entry per method was quadratic and took seconds with thousands of methods.
        Map<Integer, List<long[]>> byStack = allocationsByStack(index);
        List<long[]> mine = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int s : stacks) {
            List<long[]> entries = seen.add(s) ? byStack.get(s) : null;
            if (entries != null) {
                mine.addAll(entries);
            }
        }
        mine.sort(Comparator.comparingLong(e -> e[0]));
        Map<Integer, Long> byClass = new HashMap<>();
        for (long[] e : mine) {
            byClass.merge((int) e[1], e[2], Long::sum);
        }
        ProfileAggregator agg = index.agg;
        return byClass.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).limit(3)
                .map(e -> agg.allocClasses.get(e.getKey())).toList();
    }

    private MethodIndex allocationsIndexedFor;
    private Map<Integer, List<long[]>> allocationsByStack;

    /** Stack id to its allocation entries {ordinal in agg.allocations, class id, bytes}, built once per index. */
    private Map<Integer, List<long[]>> allocationsByStack(MethodIndex index) {
        if (allocationsIndexedFor != index) {
            Map<Integer, List<long[]>> byStack = new HashMap<>();
            long ordinal = 0;
            for (var e : index.agg.allocations.entrySet()) {
                int sid = (int) (e.getKey() >>> 24);
                byStack.computeIfAbsent(sid, k -> new ArrayList<>())
                        .add(new long[] {ordinal++, e.getKey() & 0xFFFFFF, e.getValue()[0]});
            }
            allocationsByStack = byStack;
            allocationsIndexedFor = index;
        }
        return allocationsByStack;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private MethodReport.Suggestion suggestion(MethodFacts f, List<Finding> findings, Verdict verdict, String rejectedBy,
                                               RuleContext ctx) {
        if (verdict == Verdict.REJECTED) {
            Finding why = findings.stream().filter(x -> x.ruleId().equals(rejectedBy)).findFirst().orElseThrow();
            if (rejectedBy.equals("granularity")) {
                MethodFacts.Caller c = GranularityRule.coarserCaller(f, ctx);
                if (c != null) {
                    return new MethodReport.Suggestion("native", c.key(), "too fine-grained for one downcall per call; port "
                            + "the nearest coarser caller " + c.key() + " (mean " + Scores.ns(c.meanNs()) + ") instead");
                }
            }
            return new MethodReport.Suggestion("host", null, "keep it on the JVM: rejected by " + rejectedBy + " (" + why.summary() + ")");
        }
        double mean = f.meanNs() == null ? 0 : f.meanNs();
        if (mean >= 50_000_000) {
            return new MethodReport.Suggestion("sidecar", null, "calls average " + Scores.ns(mean) + ": a Rust sidecar process costs "
                    + "tens of microseconds per request, negligible here, and keeps a crash or memory blow-up out of the JVM");
        }
        if (f.threads() != null && f.threads() >= 4 && mean >= 1_000_000 && (f.latencyShare() == null || f.latencyShare() < 0.5)) {
            return new MethodReport.Suggestion("queue", null, "long calls (" + Scores.ns(mean) + ") from " + f.threads()
                    + " threads, mostly off the latency path: hand the work to a Rust worker pool through a queue and collect results asynchronously");
        }
        return new MethodReport.Suggestion("native", null, "CPU-bound work of " + (mean > 0 ? Scores.ns(mean) : "unknown length")
                + " per call: call a Rust function in-process through an FFM downcall");
    }

    /** Candidates by descending score (then key), ranked from 1, followed by the rejected methods. */
    static List<MethodReport> rank(List<MethodReport> reports) {
        Comparator<MethodReport> byScore = Comparator.comparingDouble(MethodReport::score).reversed()
                .thenComparing(MethodReport::key);
        List<MethodReport> candidates = reports.stream().filter(m -> m.verdict() == Verdict.CANDIDATE).sorted(byScore).toList();
        List<MethodReport> rejected = reports.stream().filter(m -> m.verdict() == Verdict.REJECTED).sorted(byScore).toList();
        List<MethodReport> out = new ArrayList<>();
        int rank = 1;
        for (MethodReport m : candidates) {
            out.add(m.withVerdict(m.findings(), m.verdict(), null, rank++, m.suggestion()));
        }
        out.addAll(rejected);
        return out;
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.Results;
import dev.oxidizer.analyzer.rules.Rule;
import dev.oxidizer.analyzer.rules.RuleContext;
import dev.oxidizer.analyzer.rules.RuleOutput;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Verdict;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges each method: runs every rule, takes the verdict from their findings (a candidate when none fails), and
 * assembles the method's report with its score ({@link Scoring}), confidence ({@link Confidence}) and suggestion
 * ({@link Suggestions}). It knows rules only through the {@link Rule} interface and the typed values they publish
 * ({@link Results}), never by id.
 */
final class Verdicts {
    private final List<Rule> rules;
    private final AnalyzerConfig config;

    Verdicts(List<Rule> rules, AnalyzerConfig config) {
        this.rules = rules;
        this.config = config;
    }

    /** Runs every rule on {@code f} and derives the verdict, the score (CPU seconds saved per day), the confidence and the suggestion. */
    MethodReport evaluate(MethodFacts f, Timed t, RuleContext ctx, MethodIndex index, Set<String> present) {
        List<RuleOutput> outputs = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.requiredEvents().isEmpty() && r.requiredEvents().stream().noneMatch(present::contains)) {
                outputs.add(RuleOutput.of(new Finding(r.id(), r.name(), Outcome.UNKNOWN, 0, "needed events are not in the input",
                        "This rule needs one of " + String.join(", ", r.requiredEvents()) + "; the input has none of them.",
                        "Record them (the Oxidizer agent enables all of them).", Map.of())));
                continue;
            }
            RuleOutput out;
            try {
                out = r.judge(f, ctx);
            } catch (RuntimeException e) {
                out = RuleOutput.of(new Finding(r.id(), r.name(), Outcome.UNKNOWN, 0, "rule failed: " + e,
                        "The rule threw " + e + "; this is a bug in the rule.", null, Map.of()));
            }
            outputs.add(out);
        }
        List<Finding> findings = outputs.stream().map(RuleOutput::finding).toList();
        RuleOutput rejecting = outputs.stream().filter(o -> o.finding().outcome() == Outcome.FAIL).findFirst().orElse(null);
        Verdict verdict = rejecting == null ? Verdict.CANDIDATE : Verdict.REJECTED;
        double saved = Scoring.savedPerDay(f, ctx.ffmCallNsFor(f.descriptor()), config.speedup());
        MethodReport.Confidence confidence = Confidence.of(f, rules, findings);
        MethodReport.Suggestion suggestion = Suggestions.of(f, verdict, rejecting);
        MethodReport.Portability portability = outputs.stream().map(o -> o.get(Results.PORTABILITY))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);

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
                : new MethodReport.LatencyPath(outputs.stream().anyMatch(o -> Boolean.TRUE.equals(o.get(Results.ON_LATENCY_PATH))),
                f.latencyMatched(), f.latencyShare());
        return new MethodReport(f.key(), f.className(), f.methodName(), f.descriptor(),
                Signatures.javaSignature(f.methodName(), f.descriptor(), f.isStatic()), f.isStatic(), calls,
                t == null ? null : t.latency, cpu, allocation, path, portability, findings, verdict,
                rejecting == null ? null : rejecting.finding().ruleId(), null, saved, confidence, suggestion, f.callTree(), null,
                code(f));
    }

    /** Whose code the method is and what a port would take. */
    static MethodReport.Code code(MethodFacts f) {
        String visibility = f.modifiers() == null ? null
                : Modifier.isPublic(f.modifiers()) ? "public" : Modifier.isPrivate(f.modifiers()) ? "private"
                : Modifier.isProtected(f.modifiers()) ? "protected" : "package";
        long n = f.inclusiveSamples();
        Double intrinsic = n == 0 ? null : f.codeMix().intrinsicSamples() / (double) n;
        Double dependency = n == 0 ? null : f.codeMix().dependencySamples() / (double) n;
        Double jdk = n == 0 ? null : f.codeMix().jdkSamples() / (double) n;
        double own = n == 0 ? 0 : 1 - dependency - jdk;
        List<String> notes = new ArrayList<>();
        if (f.origin() == MethodFacts.Origin.DEPENDENCY) {
            String pkg = f.className().lastIndexOf('.') > 0 ? f.className().substring(0, f.className().lastIndexOf('.')) : f.className();
            notes.add(("public".equals(visibility) ? "a method of a dependency (" + pkg + "): a port means reimplementing it and "
                    + "calling the port where your code calls the library"
                    : "a " + (visibility == null ? "non-public" : visibility) + " method of a dependency (" + pkg + "): only the "
                    + "library calls it, so a port means forking the library"));
        } else if ("private".equals(visibility) || "package".equals(visibility) || "protected".equals(visibility)) {
            notes.add("a " + visibility + " method: the wrapper replaces its body in its own class (or widen it to call the port from outside)");
        }
        if (dependency != null && dependency > 0 && dependency > own && !f.codeMix().dependencyFrames().isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%.0f%% of its CPU is inside library code (%s), %.0f%% in its own: a port "
                    + "reimplements that library", dependency * 100, f.codeMix().dependencyFrames().getFirst().frame(), own * 100));
        }
        if (intrinsic != null && intrinsic >= 0.2 && !f.codeMix().intrinsicFrames().isEmpty()) {
            notes.add(String.format(Locale.ROOT, "%.0f%% of its CPU is in JDK intrinsics (%s), which a port will not make faster",
                    intrinsic * 100, f.codeMix().intrinsicFrames().getFirst().frame()));
        }
        if (f.instrumentation() != null && !f.instrumentation().counted()) {
            notes.add("not instrumented" + (f.instrumentation().reason() == null ? "" : " (" + f.instrumentation().reason() + ")")
                    + ": calls unknown, judged from its samples");
        }
        return new MethodReport.Code(f.origin() == MethodFacts.Origin.DEPENDENCY ? "dependency" : "application", visibility,
                jdk, intrinsic, dependency, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private List<String> topAllocClasses(MethodIndex index, String key) {
        int[] stacks = index.stacksOf.getOrDefault(key, new int[0]);
        if (stacks.length == 0) {
            return List.of();
        }
        // The allocation entries of this method's stacks, in the order of profile.allocations() (so that classes with
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
        Profile profile = index.profile;
        return byClass.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()).limit(3)
                .map(e -> profile.allocClasses().get(e.getKey())).toList();
    }

    private MethodIndex allocationsIndexedFor;
    private Map<Integer, List<long[]>> allocationsByStack;

    /** Stack id to its allocation entries {ordinal in profile.allocations(), class id, bytes}, built once per index. */
    private Map<Integer, List<long[]>> allocationsByStack(MethodIndex index) {
        if (allocationsIndexedFor != index) {
            Map<Integer, List<long[]>> byStack = new HashMap<>();
            long ordinal = 0;
            for (var e : index.profile.allocations().entrySet()) {
                int sid = (int) (e.getKey() >>> 24);
                byStack.computeIfAbsent(sid, k -> new ArrayList<>())
                        .add(new long[] {ordinal++, e.getKey() & 0xFFFFFF, e.getValue()[0]});
            }
            allocationsByStack = byStack;
            allocationsIndexedFor = index;
        }
        return allocationsByStack;
    }
}

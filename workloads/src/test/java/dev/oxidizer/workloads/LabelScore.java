package dev.oxidizer.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores analyses of one labelled workload against its labels (NAME-labels.json). Each check is counted as passed or
 * missed with a line saying why; {@link #hardMisses()} are the ones no run may have (they hold by design), the rest are
 * scores, reported with their misses.
 *
 * <p>Checks per run: every true candidate is a candidate (a miss names the rule that rejected it); every true candidate
 * ranks above every decoy and library method; each decoy fails its labelled rule; decoys are never candidates (hard,
 * except those labelled {@code knownLimit}); dispatchers ({@code fan-out}) and JDK-bound decoys are never candidates
 * (hard, same exception); library methods and dependency code never rank above a true candidate (hard); no candidate
 * rests on fewer CPU samples than the evidence minimum (hard); the candidates' CPU fits in what the JVMs used (hard, when
 * known). Across runs, among the runs in which a labelled method had at least the evidence minimum of CPU samples: no
 * rule decided PASS in one run and FAIL in another (hard), and its verdict is the same in every run (scored).
 */
final class LabelScore {
    /** One check's result. */
    record Check(String name, boolean passed, boolean hard, String detail) {}

    private final JsonNode labels;
    private final List<String> dependencyPackages = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    /** Per labelled method, per rule: the outcomes of the runs in which the method was above the evidence minimum. */
    private final Map<String, Map<String, List<Outcome>>> outcomes = new LinkedHashMap<>();
    /** Per labelled method: its verdicts in the runs in which it was above the evidence minimum. */
    private final Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
    private long minSamples;

    LabelScore(JsonNode labels) {
        this.labels = labels;
        if (labels.has("dependencyPackages")) {
            labels.get("dependencyPackages").forEach(n -> dependencyPackages.add(n.asText()));
        }
    }

    private List<JsonNode> labelled(String label) {
        List<JsonNode> out = new ArrayList<>();
        labels.get("methods").forEach(m -> {
            if (m.get("label").asText().equals(label)) {
                out.add(m);
            }
        });
        return out;
    }

    private static int position(Report r, String key) {
        for (int i = 0; i < r.methods().size(); i++) {
            if (r.methods().get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void check(String run, String name, boolean passed, boolean hard, String detail) {
        checks.add(new Check(run + ": " + name, passed, hard, detail));
    }

    /** Scores one run's report; {@code minSamples} is the evidence minimum in force. */
    void score(String run, Report r, long minSamples) {
        this.minSamples = minSamples;
        int worstCandidate = -1;
        for (JsonNode c : labelled("candidate")) {
            String key = c.get("key").asText();
            int pos = position(r, key);
            MethodReport m = pos < 0 ? null : r.methods().get(pos);
            boolean ok = m != null && m.verdict() == Verdict.CANDIDATE;
            check(run, "true candidate " + key + " is a candidate", ok, false,
                    m == null ? "not in the report" : ok ? "rank " + m.rank() + ", " + m.confidence()
                            : "rejected by " + m.rejectedBy() + " (" + summary(m, m.rejectedBy()) + ")");
            if (m != null) {
                worstCandidate = Math.max(worstCandidate, pos);
                record(key, m);
            }
        }
        for (String label : List.of("decoy", "library")) {
            for (JsonNode d : labelled(label)) {
                String key = d.get("key").asText();
                int pos = position(r, key);
                if (pos < 0) {
                    // A method the agent leaves out by default (trivial code: labelled leftOutAs) is reported only when
                    // its samples suffice to judge it; absent, it is not recommended either, which is what a decoy needs.
                    String leftOut = d.path("leftOutAs").asText("");
                    check(run, label + " " + key + " is in the report" + (leftOut.isEmpty() ? "" : " or left out as " + leftOut),
                            !leftOut.isEmpty(), false, leftOut.isEmpty() ? "not in the report"
                                    : "not in the report: the agent leaves " + leftOut + " methods out and it had too few samples");
                    continue;
                }
                MethodReport m = r.methods().get(pos);
                record(key, m);
                check(run, "every true candidate ranks above " + label + " " + key, pos > worstCandidate, false,
                        "at " + pos + ", worst true candidate at " + worstCandidate);
                boolean known = d.path("knownLimit").asBoolean(false);
                if (label.equals("decoy")) {
                    String rule = d.get("rejectedBy").asText();
                    Finding f = finding(m, rule);
                    check(run, "decoy " + key + " fails " + rule, f != null && f.outcome() == Outcome.FAIL, false,
                            f == null ? "no such finding" : f.outcome() + ": " + f.summary() + "; verdict " + m.verdict()
                                    + (m.rejectedBy() == null ? "" : " by " + m.rejectedBy()));
                    check(run, "decoy " + key + " is not a candidate" + (known ? " (known limit)" : ""),
                            m.verdict() == Verdict.REJECTED, !known, m.verdict() + (m.rank() == null ? "" : " rank " + m.rank()));
                } else {
                    boolean marked = m.code() != null && m.code().libraryWork() && m.code().portNote() != null
                            && m.code().portNote().contains("library");
                    check(run, "library " + key + " is marked as library work", marked, false,
                            m.code() == null ? "no code section" : String.valueOf(m.code().portNote()));
                    check(run, "library " + key + " never ranks above a true candidate", pos > worstCandidate, true,
                            "at " + pos + ", worst true candidate at " + worstCandidate);
                }
            }
        }
        for (MethodReport m : r.candidates()) {
            check(run, "candidate " + m.key() + " rests on at least " + minSamples + " CPU samples",
                    m.cpu() != null && m.cpu().inclusiveSamples() >= minSamples, true,
                    m.cpu() == null ? "no cpu" : m.cpu().inclusiveSamples() + " samples");
            if (dependencyPackages.stream().anyMatch(p -> m.className().startsWith(p))) {
                int pos = position(r, m.key());
                check(run, "dependency candidate " + m.key() + " ranks below every true candidate", pos > worstCandidate, true,
                        "at " + pos + "; " + (m.code() == null ? "" : m.code().portNote()));
            }
        }
        if (r.savings() != null && r.savings().fits() != null) {
            check(run, "savings fit in the CPU the JVMs used", r.savings().fits(), true, r.savings().note());
        }
    }

    private static String summary(MethodReport m, String rule) {
        Finding f = finding(m, rule);
        return f == null ? "?" : f.summary();
    }

    private static Finding finding(MethodReport m, String rule) {
        return m.findings().stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElse(null);
    }

    private void record(String key, MethodReport m) {
        if (m.cpu() == null || m.cpu().inclusiveSamples() < minSamples) {
            return; // below the evidence minimum: its verdict may change, that is what the minimum is for
        }
        verdicts.computeIfAbsent(key, k -> new ArrayList<>()).add(m.verdict());
        Map<String, List<Outcome>> byRule = outcomes.computeIfAbsent(key, k -> new LinkedHashMap<>());
        for (Finding f : m.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f.outcome());
        }
    }

    /** The cross-run check: a labelled method's rule decided PASS in one run and FAIL in another is a flip. */
    void scoreFlips(String runs) {
        outcomes.forEach((key, byRule) -> byRule.forEach((rule, list) -> {
            if (rule.equals("parallelism") || rule.equals("cpu-evidence")) {
                return; // advisory (INFO); the evidence minimum itself
            }
            Set<Outcome> decided = Set.copyOf(list.stream().filter(o -> o == Outcome.PASS || o == Outcome.FAIL).toList());
            check(runs, "no flip of " + rule + " for " + key, decided.size() < 2, true, list.toString());
        }));
        // The user-facing verdict too: a rule UNKNOWN in one run (never rejects) and FAIL in another is no rule flip,
        // but it turns a candidate into a rejection. Scored, not guaranteed: UNKNOWN near a threshold is honest.
        verdicts.forEach((key, list) -> {
            if (list.size() >= 2) {
                check(runs, "same verdict in every run for " + key, Set.copyOf(list).size() == 1, false, list.toString());
            }
        });
    }

    List<Check> checks() {
        return checks;
    }

    List<Check> hardMisses() {
        return checks.stream().filter(c -> c.hard() && !c.passed()).toList();
    }

    /** One line per missed check, then the totals. */
    String summary(String workload) {
        StringBuilder sb = new StringBuilder();
        long passed = checks.stream().filter(Check::passed).count();
        long hard = checks.stream().filter(Check::hard).count();
        long hardPassed = checks.stream().filter(c -> c.hard() && c.passed()).count();
        sb.append(String.format(Locale.ROOT, "%s: %d/%d checks passed (hard guarantees %d/%d, labelled answers %d/%d)%n", workload,
                passed, checks.size(), hardPassed, hard, passed - hardPassed, checks.size() - hard));
        for (Check c : checks) {
            if (!c.passed()) {
                sb.append(c.hard() ? "  HARD MISS " : "  miss ").append(c.name()).append(": ").append(c.detail()).append('\n');
            }
        }
        return sb.toString();
    }
}

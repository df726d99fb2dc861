package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.rules.Results;
import dev.oxidizer.analyzer.rules.RuleOutput;
import dev.oxidizer.analyzer.rules.Scores;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Verdict;
import dev.oxidizer.vocabulary.Advice;

/**
 * The advice beyond yes or no. A rejected method gets what the rejecting rule published as the alternative
 * ({@link Results#ALTERNATIVE}: a coarser caller, the heaviest portable callees), else {@code keep} (keep it on the JVM;
 * the words are {@link Advice}'s). A candidate gets a
 * pattern by the length of its typical (median) call: {@code sidecar} from 50 ms, {@code queue} from 1 ms on 4 or more
 * threads mostly off the latency path, else {@code native}.
 */
final class Suggestions {
    private Suggestions() {}

    static MethodReport.Suggestion of(MethodFacts f, Verdict verdict, RuleOutput rejecting) {
        if (verdict == Verdict.REJECTED) {
            MethodReport.Suggestion alternative = rejecting.get(Results.ALTERNATIVE);
            if (alternative != null) {
                return alternative;
            }
            return new MethodReport.Suggestion(Advice.KEEP.word, null, Advice.KEEP.definition + ": rejected by " + rejecting.finding().ruleId()
                    + " (" + rejecting.finding().summary() + ")");
        }
        double typical = f.typicalNs() == null ? 0 : f.typicalNs();
        if (typical >= 50_000_000) {
            return new MethodReport.Suggestion(Advice.SIDECAR.word, null, "calls take " + Scores.ns(typical) + " (median): a Rust sidecar process "
                    + "costs tens of microseconds per request, negligible here, and keeps a crash or memory blow-up out of the JVM");
        }
        if (f.threads() != null && f.threads() >= 4 && typical >= 1_000_000 && (f.latencyShare() == null || f.latencyShare() < 0.5)) {
            return new MethodReport.Suggestion(Advice.QUEUE.word, null, "long calls (" + Scores.ns(typical) + " median) from " + f.threads()
                    + " threads, mostly off the latency path: hand the work to a Rust worker pool through a queue and collect results asynchronously");
        }
        return new MethodReport.Suggestion(Advice.NATIVE.word, null, "CPU-bound work of " + (typical > 0 ? Scores.ns(typical) : "unknown length")
                + " per call (median): call a Rust function in-process through an FFM downcall");
    }
}

package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.oxidizer.analyzer.rules.Scores.num;

/**
 * {@code calls-per-day}: the method must be called often enough for a port to pay off. Calls per day are the
 * exact observed calls projected from the observation window to 24 h. PASS at or above
 * {@code calls-per-day.min}; score 50 at the threshold, +25 per factor of ten.
 */
public final class CallsPerDayRule implements Rule {
    public static final String MIN = "calls-per-day.min";

    @Override
    public String id() {
        return "calls-per-day";
    }

    @Override
    public String name() {
        return "Called often enough";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of("oxidizer.MethodProfile", "jdk.MethodTiming");
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(new ThresholdSpec(MIN, 10_000, "calls/day",
                "Fewest projected calls per day for a method to be worth porting", 0, 1e18));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double min = ctx.threshold(MIN);
        if (m.callsPerDay() == null || m.callsObserved() == null) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "no exact call counts in the input",
                    "Neither agent events (oxidizer.MethodProfile) nor jdk.MethodTiming counted this method, so calls per day "
                            + "cannot be projected (samples do not count calls).",
                    "Run with the Oxidizer agent, or on JDK 25 record jdk.MethodTiming with a filter naming this method.",
                    Map.of(MIN, min));
        }
        double perDay = m.callsPerDay();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("observedCalls", (double) m.callsObserved());
        numbers.put("windowSeconds", m.windowSeconds());
        numbers.put("callsPerDay", perDay);
        numbers.put(MIN, min);
        boolean pass = perDay >= min;
        String explanation = "Observed " + num(m.callsObserved()) + " calls in a " + num(m.windowSeconds())
                + " s window (source: " + m.callSource() + "); projected to 24 h that is " + num(perDay)
                + " calls/day against a threshold of " + num(min) + ".";
        return new Finding(id(), name(), pass ? Outcome.PASS : Outcome.FAIL, Scores.logScore(perDay, min, 25),
                num(perDay) + " calls/day " + (pass ? ">=" : "<") + " " + num(min), explanation,
                pass ? null : "Called too rarely for a port to pay off; leave it in Java (or observe a longer, busier window).",
                numbers);
    }
}

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
 *
 * <p>A burst is not a rate: when the calls outside the method's two busiest intervals per run (the agent counts per
 * flush interval) project below the minimum, while the busiest intervals hold at least
 * {@code calls-per-day.minBurstCalls} calls and most of them, the calls came in a burst (start-up, a cache warm-up, a
 * batch) and the FAIL says so: its steady rate is what the remaining calls project. A method the agent left
 * uninstrumented (instrumentation form {@code none}) has unknown calls, not zero: UNKNOWN, naming the reason.
 */
public final class CallsPerDayRule implements Rule {
    public static final String MIN = "calls-per-day.min";
    public static final String MIN_BURST_CALLS = "calls-per-day.minBurstCalls";

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
                "Fewest projected calls per day for a method to be worth porting", 0, 1e18),
                new ThresholdSpec(MIN_BURST_CALLS, 20, "calls",
                        "Fewest calls in a method's busiest intervals for them to be called a burst (start-up) rather than a rate", 1, 1e12));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        double min = ctx.threshold(MIN);
        if (m.instrumentation() != null && !m.instrumentation().counted()) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "not instrumented: calls unknown",
                    "The agent did not instrument this method" + (m.instrumentation().reason() == null ? ""
                            : " (" + reason(m.instrumentation().reason()) + ")") + ", so its calls are unknown (not zero); it is judged "
                            + "from its samples only.",
                    "Exclude other methods so that this one fits, or split it so that it fits the JIT's limits.", Map.of(MIN, min));
        }
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
        MethodFacts.CallSpread spread = m.callSpread();
        if (pass && spread != null && m.windowSeconds() > 0) {
            long burst = Math.min(spread.burstCalls(), m.callsObserved());
            double steadyPerDay = (m.callsObserved() - burst) * perDay / Math.max(1, m.callsObserved());
            // A burst shows against the rest of the window: calls in more intervals than the busiest ones, all in a
            // short part of it, or in few of the window's intervals (a slow start-up can make the first interval long).
            // A recording of one or two intervals cannot tell a burst from a rate.
            boolean distinguishable = spread.intervalsWithCalls() > 2L * Math.max(1, spread.sessions()) || spread.spanShare() < 0.5
                    || spread.windowIntervals() >= 3 * spread.intervalsWithCalls();
            if (distinguishable && steadyPerDay < min && burst >= ctx.threshold(MIN_BURST_CALLS) && burst * 2 > m.callsObserved()) {
                numbers.put("burstCalls", (double) burst);
                numbers.put("steadyCallsPerDay", steadyPerDay);
                numbers.put("intervalsWithCalls", (double) spread.intervalsWithCalls());
                return new Finding(id(), name(), Outcome.FAIL, Scores.logScore(Math.max(steadyPerDay, 1), min, 25),
                        "burst, not a rate: " + num(burst) + " of its " + num(m.callsObserved()) + " calls in its busiest interval(s)",
                        "Observed " + num(m.callsObserved()) + " calls in a " + num(m.windowSeconds()) + " s window, but " + num(burst)
                                + " of them came in its busiest interval(s) (" + spread.intervalsWithCalls() + " interval(s) with calls in all): "
                                + "a burst such as start-up or a warm-up, which does not repeat through the day. The other calls "
                                + "project to " + num(steadyPerDay) + " calls/day against a threshold of " + num(min)
                                + " (the whole window would project " + num(perDay) + ").",
                        "Its calls come in a burst (start-up, warm-up): a port would pay off only if the burst itself is slow "
                                + "enough to matter; record a longer steady window to be sure.", numbers);
            }
        }
        String explanation = "Observed " + num(m.callsObserved()) + " calls in a " + num(m.windowSeconds())
                + " s window (source: " + m.callSource() + "); projected to 24 h that is " + num(perDay)
                + " calls/day against a threshold of " + num(min) + ".";
        return new Finding(id(), name(), pass ? Outcome.PASS : Outcome.FAIL, Scores.logScore(perDay, min, 25),
                num(perDay) + " calls/day " + (pass ? ">=" : "<") + " " + num(min), explanation,
                pass ? null : "Called too rarely for a port to pay off; leave it in Java (or observe a longer, busier window).",
                numbers);
    }

    private static String reason(String code) {
        return switch (code) {
            case "huge-method-limit" -> "it would have exceeded the JIT's huge-method limit of 8,000 bytes of bytecode, "
                    + "and so would never have been compiled";
            case "budget" -> "the agent's overhead budget was spent";
            case "scope" -> "outside the agent's scope: its signature cannot cross FFM as plain values (agent option scope=all "
                    + "instruments it)";
            case "trivial" -> "a trivial method, which the agent leaves out (agent option trivial=count counts it)";
            default -> code;
        };
    }
}

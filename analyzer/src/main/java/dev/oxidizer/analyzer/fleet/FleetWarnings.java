package dev.oxidizer.analyzer.fleet;

import dev.oxidizer.analyzer.rules.Scores;
import dev.oxidizer.model.Report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The report's warnings about its two sources: what each contributed, and the methods only one of them knows. */
public final class FleetWarnings {
    private FleetWarnings() {}

    /** {@code warnings} with the fleet's lines first. */
    public static List<String> add(FleetCalls fleet, List<String> analysedKeys, int recordings, List<String> warnings) {
        Report.Fleet s = fleet.source();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "two sources: calls per day measured by Prometheus at %s (%s, range %s: %s of data "
                        + "from %s to %s, %d JVM run(s) on %d target(s), %d methods); CPU, waits and latency per call from %d "
                        + "recording(s)", s.url(), s.selector(), s.range(), Scores.ns(s.coveredSeconds() * 1e9), s.start(), s.end(),
                s.jvms(), s.instances(), s.methods(), recordings));
        Set<String> analysed = new HashSet<>(analysedKeys);
        long notInFleet = analysedKeys.stream().filter(k -> !fleet.methods().containsKey(k)).count();
        long notInRecordings = fleet.methods().keySet().stream().filter(k -> !analysed.contains(k)).count();
        if (notInFleet > 0) {
            out.add(notInFleet + " analysed method(s) have no Prometheus counter (called fewer than the agents' metricsMinCalls "
                    + "times, over their metricsMaxMethods, or not instrumented in the fleet): their calls per day stay projected "
                    + "from the recordings' window");
        }
        if (notInRecordings > 0) {
            out.add(notInRecordings + " method(s) counted by Prometheus do not appear in the recordings and are not analysed "
                    + "(no CPU or wait evidence for them)");
        }
        out.addAll(fleet.warnings());
        out.addAll(warnings);
        return out;
    }
}

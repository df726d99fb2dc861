package dev.oxidizer.model;

import dev.oxidizer.model.MethodReport.PortResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one place where a measured port decides the advice (docs/report.md, "Measured verdicts").
 *
 * <p>A verified port is judged by the 95% confidence interval of its speedup (Java time over Rust-through-FFM time,
 * measured interleaved in one JVM) against a threshold, 1.2× by default:
 * <ul>
 *   <li>{@code PORT}: the whole interval lies above the threshold; the method is ranked by its measured saving, CPU per
 *       day × (1 − 1/speedup), instead of the estimate at the assumed speedup;</li>
 *   <li>{@code KEEP_JAVA}: the whole interval lies at or below it; the method leaves the ranking ("keep the Java"), with
 *       its measured number;</li>
 *   <li>{@code INCONCLUSIVE}: the interval straddles it; ranked by the saving at the measured point, marked, with the
 *       interval and what would settle it;</li>
 *   <li>{@code UNMEASURED}: passed the differential test but has no interval (not benchmarked, or fewer than 3 rounds);
 *       the estimate stands;</li>
 *   <li>{@code FAILED}: the differential test failed; the estimate stands, the port must be fixed.</li>
 * </ul>
 * Thread-safe (stateless).
 */
public final class MeasuredVerdicts {
    /** The default threshold: a port must surely be at least 1.2× faster to be worth its upkeep. */
    public static final double DEFAULT_THRESHOLD = 1.2;

    /** The verdicts, as written into {@link PortResult#verdict()}. */
    public enum Kind { PORT, KEEP_JAVA, INCONCLUSIVE, UNMEASURED, FAILED }

    private MeasuredVerdicts() {}

    /** The verdict of one port result against {@code threshold}. */
    public static Kind kind(PortResult p, double threshold) {
        if (!p.differentialPassed()) {
            return Kind.FAILED;
        }
        if (p.speedup() == null || p.speedupLow() == null || p.speedupHigh() == null) {
            return Kind.UNMEASURED;
        }
        if (p.speedupLow() > threshold) {
            return Kind.PORT;
        }
        if (p.speedupHigh() <= threshold) {
            return Kind.KEEP_JAVA;
        }
        return Kind.INCONCLUSIVE;
    }

    /**
     * {@code p} with its verdict, the verdict in words and the measured saving filled in. {@code m} gives the CPU per
     * day the saving scales; it may be null (no saving then).
     */
    public static PortResult judge(MethodReport m, PortResult p, double threshold) {
        Kind k = kind(p, threshold);
        Double saving = m == null || p.speedup() == null ? null : measuredSaving(m, p.speedup());
        String t = x(threshold);
        String interval = p.speedupLow() == null ? "" : " (95% interval " + x(p.speedupLow()) + "–" + x(p.speedupHigh()) + ")";
        String reason = switch (k) {
            case FAILED -> "the port disagrees with Java in the differential test: fix src/lib.rs before it is measured";
            case UNMEASURED -> p.speedup() == null
                    ? "the port agrees with Java; it was not benchmarked, so the estimate at the assumed speedup stands"
                    : "measured " + x(p.speedup()) + " without an interval (fewer than 3 rounds); run 'oxidizer verify' again "
                    + "with --rounds 10 to judge it";
            case PORT -> "port it: measured " + x(p.speedup()) + interval + ", surely above the " + t + " threshold"
                    + (saving == null ? "" : "; saves " + seconds(saving) + " of CPU per day at that speedup");
            case KEEP_JAVA -> "keep the Java: measured " + x(p.speedup()) + interval
                    + (p.speedupHigh() < 1 ? ", the port is slower than the JIT-compiled Java" : ", not surely above the " + t + " a port must gain")
                    + (saving == null ? "" : "; it would " + (saving < 0 ? "cost " + seconds(-saving) : "save only " + seconds(saving))
                    + " of CPU per day");
            case INCONCLUSIVE -> "inconclusive: measured " + x(p.speedup()) + " but the 95% interval " + x(p.speedupLow()) + "–"
                    + x(p.speedupHigh()) + " straddles the " + t + " threshold; to settle it run 'oxidizer verify' with more "
                    + "rounds (--rounds 20) or on a quieter machine";
        };
        return p.judged(k.name(), reason, threshold, saving);
    }

    /**
     * The report with every port judged and the candidates re-ranked: measured ports ({@code PORT}, {@code INCONCLUSIVE})
     * by their measured saving, the others by their estimate; {@code KEEP_JAVA} candidates lose their rank and follow
     * the ranked ones. Rejected methods keep their place (their port results are judged too, so the page can show them).
     */
    public static Report apply(Report report, double threshold) {
        List<MethodReport> ranked = new ArrayList<>();
        List<MethodReport> keep = new ArrayList<>();
        List<MethodReport> rejected = new ArrayList<>();
        for (MethodReport m : report.methods()) {
            MethodReport judged = m.port() == null ? m : m.withPort(judge(m, m.port(), threshold));
            if (judged.verdict() != Verdict.CANDIDATE) {
                rejected.add(judged);
            } else if (judged.port() != null && Kind.KEEP_JAVA.name().equals(judged.port().verdict())) {
                keep.add(judged.withRank(null));
            } else {
                ranked.add(judged);
            }
        }
        ranked.sort(Comparator.comparingDouble(MeasuredVerdicts::effectiveSaving).reversed()
                .thenComparing(m -> m.rank() == null ? Integer.MAX_VALUE : m.rank()));
        List<MethodReport> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(ranked.get(i).withRank(i + 1));
        }
        keep.sort(Comparator.comparing(MethodReport::key));
        out.addAll(keep);
        out.addAll(rejected);
        return report.withMethods(out);
    }

    /** The saving a candidate is ranked by: measured where a benchmark measured it, else the analyzer's estimate. */
    public static double effectiveSaving(MethodReport m) {
        PortResult p = m.port();
        if (p != null && p.measuredScore() != null
                && (Kind.PORT.name().equals(p.verdict()) || Kind.INCONCLUSIVE.name().equals(p.verdict()))) {
            return p.measuredScore();
        }
        return m.score();
    }

    /**
     * CPU seconds per day a port at {@code speedup} saves: the method's CPU time per day (mean latency × CPU-bound ratio ×
     * calls per day) × (1 − 1/speedup). The FFM call is inside the measured Rust time, so nothing is subtracted. Null
     * when the report lacks one of the three figures.
     */
    public static Double measuredSaving(MethodReport m, double speedup) {
        if (m.latency() == null || m.calls() == null || m.cpu() == null || m.cpu().cpuBoundRatio() == null
                || m.latency().meanNs() < 0 || speedup <= 0) {
            return null;
        }
        double cpuNsPerDay = m.latency().meanNs() * m.cpu().cpuBoundRatio() * m.calls().perDay();
        return cpuNsPerDay * (1 - 1 / speedup) / 1e9;
    }

    private static String x(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }

    private static String seconds(double s) {
        double a = Math.abs(s);
        if (a >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        if (a >= 60) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}

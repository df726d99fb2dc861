package dev.oxidizer.analyzer.rules;

import java.util.Locale;

/** Shared scoring and number formatting for rules. */
public final class Scores {
    private Scores() {}

    /** 50 at the threshold, +/- {@code perDecade} for each factor of ten above or below, clamped to 0..100. */
    public static int logScore(double value, double threshold, double perDecade) {
        if (value <= 0 || threshold <= 0) {
            return value >= threshold ? 50 : 0;
        }
        return clamp(50 + perDecade * Math.log10(value / threshold));
    }

    /** Rounds and clamps to 0..100. */
    public static int clamp(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(100, Math.round(v)));
    }

    /** Human number: 1,234,567 / 12.3 / 0.012. */
    public static String num(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Human duration from ns: 850 ns / 12.5 us / 3.2 ms / 1.5 s. */
    public static String ns(double ns) {
        double a = Math.abs(ns);
        if (a < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (a < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", ns / 1e3);
        }
        if (a < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    /** Percent with one decimal. */
    public static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }
}

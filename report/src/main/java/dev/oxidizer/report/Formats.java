package dev.oxidizer.report;

import java.util.Locale;

/**
 * Formats figures for people: durations with a unit chosen by magnitude, counts with k/M/G suffixes,
 * ratios as percentages. Locale-independent (always {@code .} as the decimal point), so the report reads
 * the same on every machine. {@code null} and non-finite inputs format as an em dash: an absent figure is
 * never shown as zero.
 */
final class Formats {
    static final String ABSENT = "—";

    private Formats() {}

    /** {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 7.89 s}, {@code 2.1 h}. */
    static String nanos(Double ns) {
        if (!finite(ns)) {
            return ABSENT;
        }
        double v = ns;
        double a = Math.abs(v);
        if (a < 1_000) {
            return trim(v, a < 10 ? 1 : 0) + " ns";
        }
        if (a < 1_000_000) {
            return sig3(v / 1e3) + " µs";
        }
        if (a < 1_000_000_000) {
            return sig3(v / 1e6) + " ms";
        }
        double s = v / 1e9;
        if (Math.abs(s) < 3600) {
            return sig3(s) + " s";
        }
        return sig3(s / 3600) + " h";
    }

    static String nanos(long ns) {
        return nanos((double) ns);
    }

    /** Seconds with a unit: {@code 950 ms}, {@code 72 s}, {@code 3.2 min}, {@code 1.5 h}, {@code 2.0 d}. */
    static String seconds(Double s) {
        if (!finite(s)) {
            return ABSENT;
        }
        double a = Math.abs(s);
        if (a < 1) {
            return nanos(s * 1e9);
        }
        if (a < 120) {
            return sig3(s) + " s";
        }
        if (a < 7200) {
            return sig3(s / 60) + " min";
        }
        if (a < 172_800) {
            return sig3(s / 3600) + " h";
        }
        return sig3(s / 86_400) + " d";
    }

    /** {@code 950}, {@code 12.3k}, {@code 4.5M}, {@code 1.2G}. */
    static String count(Double n) {
        if (!finite(n)) {
            return ABSENT;
        }
        double a = Math.abs(n);
        if (a < 1_000) {
            return trim(n, a < 10 && n != Math.rint(n) ? 2 : 0);
        }
        if (a < 1e6) {
            return sig3(n / 1e3) + "k";
        }
        if (a < 1e9) {
            return sig3(n / 1e6) + "M";
        }
        if (a < 1e12) {
            return sig3(n / 1e9) + "G";
        }
        return sig3(n / 1e12) + "T";
    }

    static String count(long n) {
        return count((double) n);
    }

    /** Exact count with thousands separators: {@code 1,234,567}. */
    static String exact(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A ratio 0..1 as {@code 93%} (one decimal below 10%). */
    static String percent(Double ratio) {
        if (!finite(ratio)) {
            return ABSENT;
        }
        double p = ratio * 100;
        if (p != 0 && Math.abs(p) < 0.1) {
            return p > 0 ? "< 0.1%" : "> -0.1%";
        }
        return trim(p, Math.abs(p) < 10 && p != Math.rint(p) ? 1 : 0) + "%";
    }

    /** Bytes with binary units. */
    static String bytes(Double b) {
        if (!finite(b)) {
            return ABSENT;
        }
        double a = Math.abs(b);
        if (a < 1024) {
            return trim(b, 0) + " B";
        }
        if (a < 1024 * 1024) {
            return sig3(b / 1024) + " KiB";
        }
        if (a < 1024.0 * 1024 * 1024) {
            return sig3(b / (1024 * 1024)) + " MiB";
        }
        return sig3(b / (1024.0 * 1024 * 1024)) + " GiB";
    }

    /**
     * A named figure from a finding, formatted by the unit its name ends with (the model's convention:
     * {@code meanNs}, {@code perDay}, {@code cpuBoundRatio}, {@code share}, {@code bytesPerCall}).
     */
    static String byName(String name, Double value) {
        if (!finite(value)) {
            return ABSENT;
        }
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.endsWith("ns")) {
            return nanos(value);
        }
        if (n.endsWith("seconds") || n.endsWith("secs")) {
            return seconds(value);
        }
        if (n.contains("ratio") || n.contains("share") || n.contains("fraction")) {
            return percent(value) + " (" + plain(value) + ")";
        }
        if (n.endsWith("bytes") || n.contains("bytesper")) {
            return bytes(value);
        }
        if (Math.abs(value) >= 10_000) {
            return count(value) + " (" + String.format(Locale.ROOT, "%,.0f", value) + ")";
        }
        return plain(value);
    }

    /** Up to 3 decimals, trailing zeros dropped: {@code 0.7}, {@code 12}, {@code 3.142}. */
    static String plain(Double v) {
        if (!finite(v)) {
            return ABSENT;
        }
        if (v != 0 && Math.abs(v) < 0.001) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return trim(v, 3);
    }

    /** A coordinate for SVG: one decimal, locale-independent. */
    static String coord(double v) {
        long tenths = Math.round(v * 10);
        long a = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + a / 10 + "." + a % 10;
    }

    static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }

    private static String sig3(double v) {
        double a = Math.abs(v);
        int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
        return trim(v, decimals);
    }

    private static String trim(double v, int decimals) {
        String s = java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        return dropZeros(s);
    }

    /** {@code 1.500} → {@code 1.5}, {@code 2.0} → {@code 2}, {@code -0} → {@code 0}. */
    private static String dropZeros(String s) {
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.equals("-0") ? "0" : s;
    }
}

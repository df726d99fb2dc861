package dev.oxidizer.analyzer.fleet;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range of {@code --range}: a whole number and a unit, {@code s}, {@code m}, {@code h}, {@code d} or {@code w}
 * ({@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}), from 10 seconds to 400 days.
 *
 * @param text    as given
 * @param seconds its length
 */
public record FleetRange(String text, long seconds) {
    public static final long MIN_SECONDS = 10;
    public static final long MAX_SECONDS = 400L * 86_400;
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhdw])");

    /** Parses a range; throws {@link FleetException.Kind#BAD_OPTION} naming the accepted form. */
    public static FleetRange parse(String text) throws FleetException {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        long seconds = -1;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            seconds = n * switch (m.group(2)) {
                case "s" -> 1L;
                case "m" -> 60L;
                case "h" -> 3600L;
                case "d" -> 86_400L;
                default -> 7 * 86_400L;
            };
        }
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new FleetException(FleetException.Kind.BAD_OPTION, "--range '" + text + "' is not a range; accepted: a whole "
                    + "number and a unit s, m, h, d or w, from 10s to 400d, such as 30m, 12h or 7d");
        }
        return new FleetRange(text.trim(), seconds);
    }

    /** As a PromQL duration. */
    String promql() {
        return seconds + "s";
    }
}

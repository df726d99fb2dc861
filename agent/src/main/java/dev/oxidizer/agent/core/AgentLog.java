package dev.oxidizer.agent.core;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The agent's own log file (never the application's stdout or stderr). Lines are appended and flushed at
 * once, so the log survives a crash. If the file cannot be written, messages are dropped: the agent must not
 * disturb the application for the sake of its log.
 */
public final class AgentLog {
    private final Path file;
    private PrintWriter out;
    private int written;
    private static final int MAX_LINES = 10_000;

    public AgentLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void info(String message) {
        write("INFO ", message, null);
    }

    public synchronized void warn(String message, Throwable t) {
        write("WARN ", message, t);
    }

    /**
     * {@code t} as {@link Instant#toString()} writes it (years 0 to 9999), without {@code java.time.format}: the first
     * log line is written while the application waits for the agent, and loading and initialising the formatter cost
     * that start about 30 ms (docs/performance.md). Days to a civil date: H. Hinnant's {@code civil_from_days}.
     */
    static String timestamp(Instant t) {
        long secs = t.getEpochSecond();
        long days = Math.floorDiv(secs, 86_400);
        int secOfDay = (int) Math.floorMod(secs, 86_400);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder b = new StringBuilder(30);
        pad(b, year, 4).append('-');
        pad(b, month, 2).append('-');
        pad(b, day, 2).append('T');
        pad(b, secOfDay / 3600, 2).append(':');
        pad(b, secOfDay / 60 % 60, 2).append(':');
        pad(b, secOfDay % 60, 2);
        int nano = t.getNano();
        if (nano > 0) { // as ISO_INSTANT: groups of three digits, as many as needed
            b.append('.');
            if (nano % 1_000_000 == 0) {
                pad(b, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                pad(b, nano / 1000, 6);
            } else {
                pad(b, nano, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder b, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }

    private void write(String level, String message, Throwable t) {
        if (written >= MAX_LINES) {
            return;
        }
        try {
            if (out == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            }
            out.println(timestamp(Instant.now()) + " " + level + message);
            if (t != null) {
                StringWriter sw = new StringWriter();
                t.printStackTrace(new PrintWriter(sw));
                out.print(sw);
            }
            out.flush();
            written++;
        } catch (IOException | RuntimeException e) {
            written = MAX_LINES; // give up quietly
        }
    }
}

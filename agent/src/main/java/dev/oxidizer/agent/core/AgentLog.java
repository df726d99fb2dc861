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
            out.println(Instant.now() + " " + level + message);
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

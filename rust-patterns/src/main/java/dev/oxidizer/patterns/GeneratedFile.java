package dev.oxidizer.patterns;

import java.util.Objects;

/**
 * One file a pattern produces, in memory, before anything is written.
 *
 * @param path       relative path with '/' separators, never absolute, never containing '..'
 * @param content    the file's text (UTF-8 when written)
 * @param executable whether the file is a script to mark executable
 */
public record GeneratedFile(String path, String content, boolean executable) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("generated path must be relative and normalized, got '" + path + "'");
        }
    }

    public GeneratedFile(String path, String content) {
        this(path, content, false);
    }
}

package dev.oxidizer.stubgen;

/**
 * An indentation-aware text builder for generated sources: {@link #block} re-indents a text block to the current
 * level, {@link #open}/{@link #close} nest. Lines never carry trailing spaces; output always ends with a newline.
 * Not thread-safe.
 */
final class SourceBuilder {
    private final StringBuilder out = new StringBuilder();
    private final String unit;
    private int depth;

    SourceBuilder(String unit) {
        this.unit = unit;
    }

    /** Appends one line at the current indentation (an empty string gives an empty line). */
    SourceBuilder line(String text) {
        if (text.isEmpty()) {
            out.append('\n');
        } else {
            out.append(unit.repeat(depth)).append(text).append('\n');
        }
        return this;
    }

    /** Appends every line of {@code text} (typically a text block) at the current indentation. */
    SourceBuilder block(String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String l : t.split("\n", -1)) {
            line(l.stripTrailing());
        }
        return this;
    }

    /** Appends {@code text} then indents one level. */
    SourceBuilder open(String text) {
        line(text);
        depth++;
        return this;
    }

    /** Dedents one level then appends {@code text}. */
    SourceBuilder close(String text) {
        if (depth == 0) {
            throw new IllegalStateException("close() without open()");
        }
        depth--;
        return line(text);
    }

    /** Indents one level without a line. */
    SourceBuilder indent() {
        depth++;
        return this;
    }

    /** Dedents one level without a line. */
    SourceBuilder dedent() {
        if (depth == 0) {
            throw new IllegalStateException("dedent() without indent()");
        }
        depth--;
        return this;
    }

    /** The column the next line starts at. */
    int column() {
        return unit.length() * depth;
    }

    SourceBuilder blank() {
        return line("");
    }

    String build() {
        if (depth != 0) {
            throw new IllegalStateException("unbalanced open()/close(): depth " + depth);
        }
        return out.toString();
    }
}

package dev.oxidizer.patterns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed text of generated files, and the filling of its {@code @@name@@} placeholders.
 *
 * <p>Fixed text lives in class path resources {@code dev/oxidizer/patterns/<pattern>/<file>.template} (read with
 * {@link #resource}); a template named {@code *.fragment.template} is a piece of a file that an emitter places into
 * another. Emitters keep only what varies. Fills {@code @@name@@} placeholders. Chosen over {@code String.formatted} because generated Rust
 * and Java are full of {@code %} and braces; a placeholder left unfilled is a generator bug and fails loudly.
 */
final class Template {
    private static final Pattern LEFT = Pattern.compile("@@[A-Za-z_]+@@");
    private static final Pattern BLANK = Pattern.compile("(?m)^[ \t]+$");

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Template() {
    }

    /**
     * The text of resource {@code dev/oxidizer/patterns/<name>.template}, as UTF-8.
     *
     * @throws IllegalStateException when the generator's jar lacks it (a packaging bug)
     */
    static String resource(String name) {
        return CACHE.computeIfAbsent(name, Template::load);
    }

    private static String load(String name) {
        String path = name + ".template";
        try (InputStream in = Template.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template dev/oxidizer/patterns/" + path + " is missing from the generator's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param pairs name, value, name, value, ... */
    static String fill(String template, String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("pairs must be name/value pairs");
        }
        String out = template;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1].isEmpty()) {
                // A placeholder alone on its line that expands to nothing takes its line with it.
                out = Pattern.compile("(?m)^[ \\t]*@@" + pairs[i] + "@@\\n").matcher(out).replaceAll("");
            }
            out = out.replace("@@" + pairs[i] + "@@", pairs[i + 1]);
        }
        // A placeholder filled with "" on an indented line leaves only spaces: drop them.
        out = BLANK.matcher(out).replaceAll("");
        Matcher m = LEFT.matcher(out);
        if (m.find()) {
            throw new IllegalStateException("generator bug: placeholder " + m.group() + " left unfilled");
        }
        return out;
    }

    /** Indents every non-empty line of {@code text} by {@code spaces}. */
    static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            if (!line.isEmpty()) {
                sb.append(pad).append(line);
            }
        }
        return sb.toString();
    }
}

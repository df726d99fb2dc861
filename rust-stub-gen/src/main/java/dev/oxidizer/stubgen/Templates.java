package dev.oxidizer.stubgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed text of generated files: class path resources {@code dev/oxidizer/stubgen/<name>} (by convention
 * {@code <file>.template}), with {@code {{name}}} placeholders. Emitters keep only what varies and fill it in here.
 *
 * <p>{@link #fill} fails on a placeholder it has no value for and on a value nobody asked for, so a template and its
 * emitter cannot drift apart silently. Values are inserted as they are (no escaping): the emitter escapes what the
 * target language needs. Thread-safe; each resource is read once.
 */
final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    /**
     * The text of resource {@code name}, UTF-8.
     *
     * @throws IllegalStateException when the generator's jar lacks it (a packaging bug)
     */
    static String text(String name) {
        return CACHE.computeIfAbsent(name, Templates::load);
    }

    /**
     * Resource {@code name} with every {@code {{key}}} replaced by {@code values.get(key)}.
     *
     * @throws IllegalStateException when a placeholder has no value or a value has no placeholder
     */
    static String fill(String name, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text(name));
        StringBuilder out = new StringBuilder();
        java.util.Set<String> used = new java.util.HashSet<>();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException(name + ": no value for {{" + m.group(1) + "}}");
            }
            used.add(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            throw new IllegalStateException(name + ": no placeholder for " + values.keySet().stream().filter(k -> !used.contains(k)).toList());
        }
        return out.toString();
    }

    private static String load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template dev/oxidizer/stubgen/" + name + " is missing from the generator's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

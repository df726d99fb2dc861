package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Names;

import dev.oxidizer.vocabulary.Prim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link PatternSpec} from textual options, as a command line gives them ({@code --class Orders
 * --item "long id, int qty"} arrives as {@code class=Orders, item=long id, int qty}). Every problem is an
 * {@link IllegalArgumentException} naming the option and what it accepts.
 *
 * <table>
 *   <caption>Options per pattern</caption>
 *   <tr><th>pattern</th><th>required</th><th>optional (default)</th></tr>
 *   <tr><td>queue</td><td>package, class, item ("long id, double price")</td>
 *       <td>crate (class in snake_case), producers: multi|single (multi)</td></tr>
 *   <tr><td>sidecar</td><td>package, class, input (an array such as double[], or a record such as
 *       "long id, double spot"), result (e.g. long)</td>
 *       <td>crate (class in snake_case)</td></tr>
 *   <tr><td>embed-jvm (alias: host, deprecated)</td><td>main-class</td>
 *       <td>entry (main), returns: void|int (void), crate (simple class name in snake_case + "_host")</td></tr>
 * </table>
 */
public final class PatternOptions {
    private static final Map<PatternKind, Set<String>> ACCEPTED = Map.of(
            PatternKind.QUEUE, Set.of("package", "class", "crate", "item", "producers"),
            PatternKind.SIDECAR, Set.of("package", "class", "crate", "input", "result"),
            PatternKind.EMBED_JVM, Set.of("crate", "main-class", "entry", "returns"));

    private PatternOptions() {
    }

    /** The option names {@code kind} accepts. */
    public static Set<String> accepted(PatternKind kind) {
        return new TreeSet<>(ACCEPTED.get(kind));
    }

    /**
     * Builds the spec for {@code kind} from {@code options}.
     *
     * @throws IllegalArgumentException on an unknown, missing or invalid option; the message names it
     */
    public static PatternSpec toSpec(PatternKind kind, Map<String, String> options) {
        Map<String, String> o = new LinkedHashMap<>(options);
        List<String> unknown = new ArrayList<>();
        for (String key : o.keySet()) {
            if (!ACCEPTED.get(kind).contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("option(s) " + unknown + " do not apply to pattern '" + kind.id()
                    + "'; accepted: " + accepted(kind));
        }
        return switch (kind) {
            case QUEUE -> new QueueSpec(required(o, kind, "package"), required(o, kind, "class"),
                    crate(o, required(o, kind, "class")), RecordLayout.parse(required(o, kind, "item")),
                    producers(o.getOrDefault("producers", "multi")));
            case SIDECAR -> {
                String input = required(o, kind, "input");
                String pkg = required(o, kind, "package");
                String cls = required(o, kind, "class");
                Prim result = Prim.parse(required(o, kind, "result"));
                yield input.trim().endsWith("[]")
                        ? new SidecarSpec(pkg, cls, crate(o, cls), arrayElement(input), result)
                        : SidecarSpec.ofRecord(pkg, cls, crate(o, cls), record(input), result);
            }
            case EMBED_JVM -> {
                String main = required(o, kind, "main-class");
                String simple = main.substring(main.lastIndexOf('.') + 1).replace('$', '_');
                yield new EmbedJvmSpec(o.getOrDefault("crate", Names.snake(simple) + "_host"), main,
                        o.getOrDefault("entry", "main"), returnsInt(o.getOrDefault("returns", "void")));
            }
        };
    }

    private static String required(Map<String, String> o, PatternKind kind, String key) {
        String v = o.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("pattern '" + kind.id() + "' needs option '" + key + "'; accepted: "
                    + accepted(kind));
        }
        return v.trim();
    }

    private static String crate(Map<String, String> o, String className) {
        return o.getOrDefault("crate", Names.snake(className));
    }

    private static boolean producers(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "multi" -> true;
            case "single" -> false;
            default -> throw new IllegalArgumentException("producers '" + v + "' not accepted; accepted: multi, single");
        };
    }

    private static boolean returnsInt(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "int" -> true;
            case "void" -> false;
            default -> throw new IllegalArgumentException("returns '" + v + "' not accepted; accepted: void, int");
        };
    }

    private static Prim arrayElement(String v) {
        String t = v.trim();
        return Prim.parse(t.substring(0, t.length() - 2));
    }

    private static RecordLayout record(String v) {
        if (!v.trim().contains(" ")) {
            throw new IllegalArgumentException("input '" + v + "' is neither a primitive array nor a record; accepted: "
                    + "byte[], short[], char[], int[], long[], float[], double[], or fields like 'long id, double spot'");
        }
        return RecordLayout.parse(v);
    }
}

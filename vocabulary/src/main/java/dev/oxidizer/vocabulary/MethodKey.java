package dev.oxidizer.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * A method key, {@code binary.ClassName#name(descriptor)} (e.g. {@code pkg.Outer$Inner#twice([DI)D}): how the agent,
 * the report, the generator's manifest and {@code verify} name one method. {@link #parse} also accepts a selector
 * without the descriptor ({@code pkg.Class#name}), which names every overload.
 *
 * @param className  binary class name, {@code .}-separated, nested classes after {@code $}
 * @param methodName method name
 * @param descriptor JVM method descriptor, or null for a selector that leaves it out
 */
public record MethodKey(String className, String methodName, String descriptor) {
    /** What {@link #parse} accepts, quoted in its errors. */
    public static final String ACCEPTED = "accepted: pkg.Class#name(descriptor) or pkg.Class#name, nested classes as"
            + " Outer$Inner, e.g. 'com.acme.Stats#mean([DI)D'";

    /**
     * Parses a key or selector.
     *
     * @throws IllegalArgumentException one sentence naming what is wrong and {@link #ACCEPTED}
     */
    public static MethodKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the method is empty; " + ACCEPTED);
        }
        int hash = text.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no '#' between the class and the method name; " + ACCEPTED);
        }
        String cls = text.substring(0, hash);
        String rest = text.substring(hash + 1);
        if (cls.isEmpty() || cls.startsWith(".") || cls.endsWith(".") || cls.contains("..") || cls.contains("/")
                || cls.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + cls + "' in '" + text + "' is not a binary class name; " + ACCEPTED);
        }
        int paren = rest.indexOf('(');
        String name = paren < 0 ? rest : rest.substring(0, paren);
        if (name.isEmpty() || name.chars().anyMatch(c -> ".;[/<>".indexOf(c) >= 0 || Character.isWhitespace(c))
                && !name.equals("<init>") && !name.equals("<clinit>")) {
            throw new IllegalArgumentException("'" + name + "' in '" + text + "' is not a method name; " + ACCEPTED);
        }
        if (paren < 0) {
            return new MethodKey(cls, name, null);
        }
        String descriptor = rest.substring(paren);
        String problem = descriptorProblem(descriptor);
        if (problem != null) {
            throw new IllegalArgumentException("'" + descriptor + "' in '" + text + "' is not a JVM method descriptor ("
                    + problem + "); expected e.g. ([DI)D for (double[], int) returning double; " + ACCEPTED);
        }
        return new MethodKey(cls, name, descriptor);
    }

    /** {@code className#methodName(descriptor)}, or without the descriptor when it is null. */
    @Override
    public String toString() {
        return className + "#" + methodName + (descriptor == null ? "" : descriptor);
    }

    /** The class's binary name parts, outermost first: {@code pkg.A$Inner} gives {@code [A, Inner]}. */
    public List<String> nestedClassNames() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        List<String> parts = new ArrayList<>();
        for (String p : simple.split("\\$")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            parts.add(simple);
        }
        return parts;
    }

    /** The package, empty for the unnamed package. */
    public String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /**
     * The field descriptors of a method descriptor's parameters then its return type (last).
     *
     * @throws IllegalArgumentException when {@code descriptor} is not a method descriptor
     */
    public static List<String> types(String descriptor) {
        String problem = descriptorProblem(descriptor);
        if (problem != null) {
            throw new IllegalArgumentException("'" + descriptor + "' is not a JVM method descriptor: " + problem);
        }
        List<String> out = new ArrayList<>();
        int close = descriptor.indexOf(')');
        int i = 1;
        while (i < close) {
            int end = fieldEnd(descriptor, i);
            out.add(descriptor.substring(i, end));
            i = end;
        }
        out.add(descriptor.substring(close + 1));
        return out;
    }

    /** Why {@code d} is not a method descriptor, or null when it is one. */
    public static String descriptorProblem(String d) {
        if (d == null || !d.startsWith("(")) {
            return "it must start with '('";
        }
        int close = d.indexOf(')');
        if (close < 0) {
            return "it has no ')'";
        }
        int i = 1;
        while (i < close) {
            int end = fieldEnd(d, i);
            if (end < 0 || end > close) {
                return "bad parameter type at character " + (i + 1);
            }
            if (d.charAt(i) == 'V') {
                return "a parameter cannot be void";
            }
            i = end;
        }
        String ret = d.substring(close + 1);
        if (ret.isEmpty()) {
            return "no return type after ')'";
        }
        if (!ret.equals("V") && fieldEnd(ret, 0) != ret.length()) {
            return "bad return type '" + ret + "'";
        }
        return null;
    }

    /** End index of the field descriptor starting at {@code i}, or -1 when there is none. */
    private static int fieldEnd(String d, int i) {
        int j = i;
        while (j < d.length() && d.charAt(j) == '[') {
            j++;
        }
        if (j >= d.length() || j - i > 255) {
            return -1;
        }
        char c = d.charAt(j);
        if (c == 'L') {
            int semi = d.indexOf(';', j);
            return semi <= j + 1 ? -1 : semi + 1;
        }
        if (c == 'V') {
            return j == i ? j + 1 : -1;
        }
        return Prim.ofDescriptor(c) != null ? j + 1 : -1;
    }
}

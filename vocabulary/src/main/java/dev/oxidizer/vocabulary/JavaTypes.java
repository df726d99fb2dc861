package dev.oxidizer.vocabulary;

/**
 * How a Java type, given as a field descriptor, crosses an FFM downcall to Rust: primitives by value, one-dimensional
 * primitive arrays as slices ({@code &[T]}, or {@code &mut [T]} when the method may write into it, see
 * {@link ArrayWrites}), {@code String} as {@code &str} (UTF-8, pointer and length). Results: the primitive,
 * {@code Vec<T>}, {@code String}, or {@code ()} for void. Anything else does not cross.
 */
public final class JavaTypes {
    /** The accepted types, quoted in every refusal. */
    public static final String SUPPORTED = "supported: boolean, byte, char, short, int, long, float, double, "
            + "one-dimensional arrays of these, String (and void as the return type)";

    private JavaTypes() {}

    /** The primitive a descriptor is, null otherwise. */
    public static Prim primitive(String descriptor) {
        return descriptor.length() == 1 ? Prim.ofDescriptor(descriptor.charAt(0)) : null;
    }

    /** The element of a one-dimensional primitive array descriptor, null otherwise. */
    public static Prim arrayElement(String descriptor) {
        return descriptor.length() == 2 && descriptor.charAt(0) == '[' ? Prim.ofDescriptor(descriptor.charAt(1)) : null;
    }

    public static boolean isString(String descriptor) {
        return descriptor.equals("Ljava/lang/String;");
    }

    /** Rust parameter type, or null when the type does not cross. */
    public static String rustParameter(String descriptor, boolean written) {
        Prim p = primitive(descriptor);
        if (p != null) {
            return p.rust;
        }
        Prim e = arrayElement(descriptor);
        if (e != null) {
            return (written ? "&mut [" : "&[") + e.rust + "]";
        }
        return isString(descriptor) ? "&str" : null;
    }

    /** Rust result type (inside the {@code Result}), or null when the type does not cross. */
    public static String rustResult(String descriptor) {
        if (descriptor.equals("V")) {
            return "()";
        }
        Prim p = primitive(descriptor);
        if (p != null) {
            return p.rust;
        }
        Prim e = arrayElement(descriptor);
        if (e != null) {
            return "Vec<" + e.rust + ">";
        }
        return isString(descriptor) ? "String" : null;
    }

    /**
     * Whether every parameter and the result of a method descriptor ({@code ([DI)D}) cross as plain values
     * ({@link #rustParameter} and {@link #rustResult} both defined): the signature part of the analyzer's
     * {@code portable-signature} rule, which the agent's default scope also applies (docs/agent.md, "Scope").
     * False for a malformed descriptor.
     */
    public static boolean crosses(String methodDescriptor) {
        if (methodDescriptor.isEmpty() || methodDescriptor.charAt(0) != '(') {
            return false;
        }
        int i = 1;
        while (i < methodDescriptor.length() && methodDescriptor.charAt(i) != ')') {
            int end = fieldEnd(methodDescriptor, i);
            if (end < 0 || rustParameter(methodDescriptor.substring(i, end), false) == null) {
                return false;
            }
            i = end;
        }
        if (i >= methodDescriptor.length()) {
            return false;
        }
        String result = methodDescriptor.substring(i + 1);
        return !result.isEmpty() && (result.equals("V") || fieldEnd(result, 0) == result.length())
                && rustResult(result) != null;
    }

    /** The index just after the field descriptor starting at {@code i}, or -1 if there is none. */
    private static int fieldEnd(String d, int i) {
        int j = i;
        while (j < d.length() && d.charAt(j) == '[') {
            j++;
        }
        if (j >= d.length()) {
            return -1;
        }
        if (d.charAt(j) == 'L') {
            int semi = d.indexOf(';', j);
            return semi < 0 ? -1 : semi + 1;
        }
        return Prim.ofDescriptor(d.charAt(j)) != null ? j + 1 : -1;
    }

    /** Java source form of a field descriptor: {@code [[I} → {@code int[][]}, {@code Lp/A$B;} → {@code p.A$B}. */
    public static String readable(String descriptor) {
        int dims = 0;
        while (dims < descriptor.length() && descriptor.charAt(dims) == '[') {
            dims++;
        }
        String base = descriptor.substring(dims);
        if (base.isEmpty()) {
            throw new IllegalArgumentException("not a field descriptor: " + descriptor);
        }
        String name = switch (base.charAt(0)) {
            case 'V' -> "void";
            case 'L' -> base.substring(1, base.length() - 1).replace('/', '.');
            default -> {
                Prim p = Prim.ofDescriptor(base.charAt(0));
                if (p == null) {
                    throw new IllegalArgumentException("not a field descriptor: " + descriptor);
                }
                yield p.java;
            }
        };
        return name + "[]".repeat(dims);
    }

    /**
     * What to do instead, for a type that does not cross ({@link #rustParameter} null): one phrase, the same in the
     * report and in the generator's refusal.
     */
    public static String advice(String descriptor) {
        if (descriptor.startsWith("[[")) {
            return "flatten it into one primitive array and pass its dimensions as int parameters";
        }
        if (descriptor.equals("[Ljava/lang/String;")) {
            return "join the strings into one String with a separator, or pass their UTF-8 bytes as one byte[] and their lengths as an int[]";
        }
        if (descriptor.startsWith("[")) {
            return "pass each field the method needs as its own primitive array";
        }
        String name = readable(descriptor);
        for (Prim p : Prim.values()) {
            if (name.equals("java.lang." + p.boxed)) {
                return "use the primitive " + p.java + "; null cannot cross";
            }
        }
        return switch (name) {
            case "java.util.Map", "java.util.HashMap", "java.util.TreeMap" ->
                    "a map of objects has no memory layout Rust can read; pass parallel primitive arrays of keys and values instead";
            case "java.nio.ByteBuffer" -> "pass its bytes as a byte[] (or its contents as a MemorySegment with its length)";
            case "java.lang.foreign.MemorySegment" -> "already native memory: pass its contents as a primitive array with its length";
            case "java.lang.CharSequence", "java.lang.StringBuilder" -> "pass a String";
            case "java.lang.Object" -> "an Object has no fixed layout; pass the primitives, arrays or Strings the method needs";
            default -> name.startsWith("java.util.") || name.equals("java.lang.Iterable")
                    ? "a collection of objects has no memory layout Rust can read; pass a primitive array such as double[] instead"
                    : "an object has no layout Rust can read; pass the fields the method needs as primitives, arrays or Strings";
        };
    }
}

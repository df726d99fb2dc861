package dev.oxidizer.stubgen;

import java.util.Objects;

/**
 * A Java type as it appears in a method descriptor, with a readable form for messages.
 *
 * @param descriptor JVM descriptor, e.g. {@code [D} or {@code Ljava/util/List;}
 * @param readable   Java source form, with generics when the class file's Signature attribute had them,
 *                   e.g. {@code java.util.List<java.lang.String>}
 */
public record JavaType(String descriptor, String readable) {
    public JavaType {
        Objects.requireNonNull(descriptor, "descriptor");
        readable = readable == null ? readableOf(descriptor) : readable;
    }

    /** A type known only by its descriptor. */
    public static JavaType of(String descriptor) {
        return new JavaType(descriptor, null);
    }

    /** The primitive this type is, or null when it is not a primitive (void is not a primitive). */
    public Prim primitive() {
        return descriptor.length() == 1 ? Prim.ofDescriptor(descriptor.charAt(0)) : null;
    }

    /** The element primitive of a one-dimensional primitive array, else null. */
    public Prim arrayElement() {
        return descriptor.length() == 2 && descriptor.charAt(0) == '[' ? Prim.ofDescriptor(descriptor.charAt(1)) : null;
    }

    public boolean isString() {
        return descriptor.equals("Ljava/lang/String;");
    }

    public boolean isVoid() {
        return descriptor.equals("V");
    }

    /** Java source form of a descriptor, e.g. {@code [[I} becomes {@code int[][]}. */
    public static String readableOf(String descriptor) {
        int dims = 0;
        while (descriptor.charAt(dims) == '[') {
            dims++;
        }
        String base = descriptor.substring(dims);
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
}

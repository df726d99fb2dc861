package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.JavaTypes;
import dev.oxidizer.vocabulary.Prim;
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
        return JavaTypes.primitive(descriptor);
    }

    /** The element primitive of a one-dimensional primitive array, else null. */
    public Prim arrayElement() {
        return JavaTypes.arrayElement(descriptor);
    }

    public boolean isString() {
        return descriptor.equals("Ljava/lang/String;");
    }

    public boolean isVoid() {
        return descriptor.equals("V");
    }

    /** Java source form of a descriptor, e.g. {@code [[I} becomes {@code int[][]} ({@link JavaTypes#readable}). */
    public static String readableOf(String descriptor) {
        return JavaTypes.readable(descriptor);
    }
}

package dev.oxidizer.stubgen;

/**
 * The eight Java primitives and how each crosses the FFM boundary.
 *
 * <p>{@code char} is a UTF-16 code unit, so it maps to Rust {@code u16}, never to Rust {@code char}
 * (a Unicode scalar value). {@code boolean} maps to Rust {@code bool} and C {@code bool}: one byte, 0 or 1.
 */
public enum Prim {
    BOOLEAN('Z', "boolean", "Boolean", "bool", "bool", "JAVA_BOOLEAN", "bool", 1),
    BYTE('B', "byte", "Byte", "i8", "int8_t", "JAVA_BYTE", "i8", 1),
    CHAR('C', "char", "Character", "u16", "uint16_t", "JAVA_CHAR", "u16", 2),
    SHORT('S', "short", "Short", "i16", "int16_t", "JAVA_SHORT", "i16", 2),
    INT('I', "int", "Integer", "i32", "int32_t", "JAVA_INT", "i32", 4),
    LONG('J', "long", "Long", "i64", "int64_t", "JAVA_LONG", "i64", 8),
    FLOAT('F', "float", "Float", "f32", "float", "JAVA_FLOAT", "f32", 4),
    DOUBLE('D', "double", "Double", "f64", "double", "JAVA_DOUBLE", "f64", 8);

    /** Descriptor character. */
    public final char descriptor;
    /** Java keyword. */
    public final String java;
    /** Java wrapper class simple name. */
    public final String boxed;
    /** Rust type. */
    public final String rust;
    /** C type in the generated header. */
    public final String c;
    /** {@code java.lang.foreign.ValueLayout} constant. */
    public final String layout;
    /** Suffix of the crate's free function for {@code Vec} of this type. */
    public final String tag;
    /** Size in bytes. */
    public final int size;

    Prim(char descriptor, String java, String boxed, String rust, String c, String layout, String tag, int size) {
        this.descriptor = descriptor;
        this.java = java;
        this.boxed = boxed;
        this.rust = rust;
        this.c = c;
        this.layout = layout;
        this.tag = tag;
        this.size = size;
    }

    /** The primitive for a descriptor character, null for anything else. */
    public static Prim ofDescriptor(char c) {
        for (Prim p : values()) {
            if (p.descriptor == c) {
                return p;
            }
        }
        return null;
    }

    /** Whether {@code MemorySegment.ofArray} accepts arrays of this type ({@code boolean[]} has no overload). */
    public boolean hasHeapSegment() {
        return this != BOOLEAN;
    }

    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }
}

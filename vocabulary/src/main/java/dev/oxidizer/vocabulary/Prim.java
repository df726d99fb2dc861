package dev.oxidizer.vocabulary;

import java.util.Locale;

/**
 * The eight Java primitives and what each is on the other side: the Rust and C type of a value passed through an FFM
 * downcall, the {@code java.lang.foreign.ValueLayout} constant, the size, and the Rust type of the same value stored in
 * memory shared with another process.
 *
 * <p>{@code char} is a UTF-16 code unit, so it maps to Rust {@code u16}, never to Rust {@code char} (a Unicode scalar
 * value). {@code boolean} passed by a downcall is Rust {@code bool} and C {@code bool} (one byte, 0 or 1, which the JVM
 * guarantees); stored in shared memory it is {@code u8} ({@link #rustStored}), because another process may leave any
 * byte there and a {@code bool} other than 0 or 1 is undefined behaviour in Rust.
 */
public enum Prim {
    BOOLEAN('Z', "boolean", "Boolean", "bool", "u8", "bool", "JAVA_BOOLEAN", "bool", 1),
    BYTE('B', "byte", "Byte", "i8", "i8", "int8_t", "JAVA_BYTE", "i8", 1),
    CHAR('C', "char", "Character", "u16", "u16", "uint16_t", "JAVA_CHAR", "u16", 2),
    SHORT('S', "short", "Short", "i16", "i16", "int16_t", "JAVA_SHORT", "i16", 2),
    INT('I', "int", "Integer", "i32", "i32", "int32_t", "JAVA_INT", "i32", 4),
    LONG('J', "long", "Long", "i64", "i64", "int64_t", "JAVA_LONG", "i64", 8),
    FLOAT('F', "float", "Float", "f32", "f32", "float", "JAVA_FLOAT", "f32", 4),
    DOUBLE('D', "double", "Double", "f64", "f64", "double", "JAVA_DOUBLE", "f64", 8);

    /** Descriptor character. */
    public final char descriptor;
    /** Java keyword. */
    public final String java;
    /** Java wrapper class simple name. */
    public final String boxed;
    /** Rust type of the value passed by a downcall. */
    public final String rust;
    /** Rust type of the value stored in memory another process may write ({@code u8} for boolean). */
    public final String rustStored;
    /** C type in a generated header. */
    public final String c;
    /** {@code java.lang.foreign.ValueLayout} constant. */
    public final String layout;
    /** Suffix of a generated crate's free function for {@code Vec} of this type. */
    public final String tag;
    /** Size and alignment in bytes. */
    public final int size;

    Prim(char descriptor, String java, String boxed, String rust, String rustStored, String c, String layout, String tag,
         int size) {
        this.descriptor = descriptor;
        this.java = java;
        this.boxed = boxed;
        this.rust = rust;
        this.rustStored = rustStored;
        this.c = c;
        this.layout = layout;
        this.tag = tag;
        this.size = size;
    }

    /** The primitive for a descriptor character, null for anything else (including {@code V}). */
    public static Prim ofDescriptor(char c) {
        for (Prim p : values()) {
            if (p.descriptor == c) {
                return p;
            }
        }
        return null;
    }

    /**
     * Parses a Java primitive keyword.
     *
     * @throws IllegalArgumentException naming the accepted keywords
     */
    public static Prim parse(String keyword) {
        String k = keyword == null ? null : keyword.trim().toLowerCase(Locale.ROOT);
        for (Prim p : values()) {
            if (p.java.equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + keyword
                + "' is not a Java primitive type; accepted: boolean, byte, short, char, int, long, float, double");
    }

    /** Whether {@code MemorySegment.ofArray} accepts arrays of this type ({@code boolean[]} has no overload). */
    public boolean hasHeapSegment() {
        return this != BOOLEAN;
    }

    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    /** Java expression widening {@code expr} of this type to its raw bits as an unsigned {@code long}. */
    public String javaBits(String expr) {
        return switch (this) {
            case BOOLEAN -> "(" + expr + " ? 1L : 0L)";
            case BYTE -> "Byte.toUnsignedLong(" + expr + ")";
            case SHORT -> "Short.toUnsignedLong(" + expr + ")";
            case CHAR -> "(long) " + expr;
            case INT -> "Integer.toUnsignedLong(" + expr + ")";
            case LONG -> expr;
            case FLOAT -> "Integer.toUnsignedLong(Float.floatToRawIntBits(" + expr + "))";
            case DOUBLE -> "Double.doubleToRawLongBits(" + expr + ")";
        };
    }

    /**
     * Rust expression widening {@code expr} (of type {@link #rustStored}) to its raw bits as {@code u64}; the same
     * value as {@link #javaBits}.
     */
    public String rustBits(String expr) {
        return switch (this) {
            case BOOLEAN, CHAR -> "(" + expr + " as u64)";
            case BYTE -> "(" + expr + " as u8 as u64)";
            case SHORT -> "(" + expr + " as u16 as u64)";
            case INT -> "(" + expr + " as u32 as u64)";
            case LONG -> "(" + expr + " as u64)";
            case FLOAT -> "(" + expr + ".to_bits() as u64)";
            case DOUBLE -> expr + ".to_bits()";
        };
    }

    /** Java expression turning the {@code long} bits {@code word} back into a value of this type. */
    public String javaFromWord(String word) {
        return switch (this) {
            case BOOLEAN -> "(" + word + " != 0L)";
            case BYTE -> "(byte) " + word;
            case SHORT -> "(short) " + word;
            case CHAR -> "(char) " + word;
            case INT -> "(int) " + word;
            case LONG -> word;
            case FLOAT -> "Float.intBitsToFloat((int) " + word + ")";
            case DOUBLE -> "Double.longBitsToDouble(" + word + ")";
        };
    }
}

package dev.oxidizer.patterns;

import java.util.Locale;

/**
 * The Java primitives a generated pattern can carry, with their Rust and FFM counterparts.
 *
 * <p>{@code boolean} is stored as one byte (0 or 1) and seen by Rust as {@code u8}, never as {@code bool}: memory
 * shared with another process may hold any byte, and a {@code bool} other than 0/1 is undefined behaviour in Rust.
 * {@code char} is a UTF-16 code unit ({@code u16}).
 */
public enum Prim {
    BOOLEAN("boolean", "Boolean", "u8", "JAVA_BOOLEAN", 1),
    BYTE("byte", "Byte", "i8", "JAVA_BYTE", 1),
    SHORT("short", "Short", "i16", "JAVA_SHORT", 2),
    CHAR("char", "Character", "u16", "JAVA_CHAR", 2),
    INT("int", "Integer", "i32", "JAVA_INT", 4),
    LONG("long", "Long", "i64", "JAVA_LONG", 8),
    FLOAT("float", "Float", "f32", "JAVA_FLOAT", 4),
    DOUBLE("double", "Double", "f64", "JAVA_DOUBLE", 8);

    /** Java keyword. */
    public final String java;
    /** Wrapper class simple name. */
    public final String boxed;
    /** Rust type. */
    public final String rust;
    /** {@code java.lang.foreign.ValueLayout} constant. */
    public final String layout;
    /** Size and alignment in bytes. */
    public final int size;

    Prim(String java, String boxed, String rust, String layout, int size) {
        this.java = java;
        this.boxed = boxed;
        this.rust = rust;
        this.layout = layout;
        this.size = size;
    }

    /**
     * Parses a Java primitive keyword.
     *
     * @throws IllegalArgumentException naming the accepted keywords
     */
    public static Prim parse(String keyword) {
        for (Prim p : values()) {
            if (p.java.equals(keyword == null ? null : keyword.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + keyword
                + "' is not a Java primitive type; accepted: boolean, byte, short, char, int, long, float, double");
    }

    /** Java expression widening {@code expr} of this type to its raw bits as an unsigned {@code long}. */
    String javaBits(String expr) {
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

    /** Rust expression widening {@code expr} of this type to its raw bits as {@code u64}; same value as {@link #javaBits}. */
    String rustBits(String expr) {
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

    /** Rust expression turning a value of this type into the {@code u64} bits a completion carries. */
    String rustToWord(String expr) {
        return rustBits(expr);
    }

    /** Java expression turning the {@code long} bits {@code word} back into a (boxed-compatible) value of this type. */
    String javaFromWord(String word) {
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

package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Prim;

/**
 * Java expressions for the inputs the generated tests and benchmarks use: edge values per type (0, ±1, MIN/MAX,
 * NaN, infinities, empty and large arrays, non-ASCII strings) and seeded random values.
 */
final class TestInputs {
    private TestInputs() {}

    /** Edge values of a primitive, first one is the base value. */
    static String edges(Prim p) {
        return switch (p) {
            case BOOLEAN -> "false, true";
            case BYTE -> "(byte) 0, (byte) 1, (byte) -1, Byte.MIN_VALUE, Byte.MAX_VALUE";
            case CHAR -> "'\\0', 'a', '\\u00e9', '\\u65e5', '\\uffff', '\\ud800'";
            case SHORT -> "(short) 0, (short) 1, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE";
            case INT -> "0, 1, -1, 2, 7, Integer.MIN_VALUE, Integer.MAX_VALUE";
            case LONG -> "0L, 1L, -1L, 2L, 7L, Long.MIN_VALUE, Long.MAX_VALUE";
            // a NaN with another payload too: floatToIntBits/doubleToLongBits give one NaN, the raw forms do not
            case FLOAT -> "0f, -0f, 1f, -1f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.NaN,"
                    + " Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0xffc00123)";
            case DOUBLE -> "0d, -0d, 1d, -1d, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,"
                    + " Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0xfff8000000000123L)";
        };
    }

    /** A random value of a primitive from {@code Random r}; integers are small three times out of four. */
    static String random(Prim p) {
        return switch (p) {
            case BOOLEAN -> "r.nextBoolean()";
            case BYTE -> "(byte) r.nextInt()";
            case CHAR -> "(char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0x10000))";
            case SHORT -> "(short) (r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(201) - 100)";
            case INT -> "(r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(201) - 100)";
            case LONG -> "(r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(201) - 100L)";
            case FLOAT -> "(float) (r.nextGaussian() * 1000)";
            case DOUBLE -> "r.nextGaussian() * 1000";
        };
    }

    /** Edge strings: base first. Well-formed UTF-16 only: what crosses as UTF-8 ({@code &str}) arrives unchanged. */
    static final String STRING_EDGES = "\"abc\", \"\", \"a\", \"h\\u00e9llo w\\u00f6rld\", \"\\u65e5\\u672c\\u8a9e\","
            + " \"emoji \\ud83d\\ude00 \\ud834\\udd1e\", \"nul\\u0000inside\", \"x\".repeat(10_000)";

    /**
     * Edge strings for ports that see UTF-16 code units ({@code &[u16]}): also lone high and low surrogates, which a
     * UTF-8 crossing cannot carry ({@code getBytes(UTF_8)} replaces them with {@code ?}), and numbers as text (signs,
     * the int and long limits and one past them, hexadecimal, a list, padding, Arabic-Indic digits, floating-point
     * literals), so that a method parsing its input is compared on inputs it accepts.
     */
    static final String STRING_EDGES_UTF16 = STRING_EDGES + ", \"lone \\ud800 high\", \"lone low \\udc00\", \"\\ud83d\", \"\\ude00\\ud83d\""
            // case mappings: a capital sigma at a word's end and inside one (Java lowers it by its place), a dotted capital
            // I, German sharp s and a ligature (upper case of more than one char)
            + ", \"\\u039f\\u0394\\u039f\\u03a3 \\u03a3\\u03b1\", \"\\u0130stanbul \\u00dfe \\ufb03\""
            // formatted text a parsing method may accept alone: dates, times, key=value pairs, an address
            + ", \"2024-02-29\", \"1969-12-31\", \"12:34:56\", \"2024-02-29T23:59:59\", \"key=value;k2=v2\", \"user@example.org\""
            + ", \"0\", \"-17\", \"+42\", \"2147483647\", \"-2147483648\", \"2147483648\", \"-9223372036854775808\", \"ff\", \"1,2,3\", \" 12 , 7 \","
            + " \"\\u0661\\u0662\""
            // floating-point literals as Java reads them: suffixes, signs, points at either end, exponents, NaN and the
            // infinities (and near misses), hexadecimal, the subnormal and overflow edges, a tie between two doubles
            + ", \"1.5\", \"-0.0\", \".5\", \"5.\", \"1e10\", \"+.5E-3d\", \"2.5f\", \"NaN\", \"-Infinity\", \" 3.25 \", \"infinity\", \"1e\","
            + " \".\", \"0x1.8p1\", \"-0X.8P-2f\", \"0x1p\", \"4.9e-324\", \"2.4703282292062328e-324\", \"1.7976931348623158e308\","
            + " \"1.7976931348623159e308\", \"3.4028235e38\", \"1.4e-45\", \"0x1.fffffffffffff8p1023\", \"9007199254740993\","
            + " \"0x1.0000010000000000001p0\", \"1e-400\"";
}

package dev.oxidizer.autoport;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.List;

/**
 * The JDK methods the subset maps to Rust, each with results identical to Java's (or, for the transcendental
 * {@code Math} functions, within the ulps Java itself allows: those mark the port approximate). One place decides
 * every mapping; anything not here is refused.
 */
final class JdkCalls {
    private JdkCalls() {}

    /** What a mapping may do; implemented by the block translator. Values are opaque stack entries. */
    interface Emitter {
        /** Rust name of the array or string behind a stack entry. */
        String arr(Object e) throws Refusal;

        String code(Object e);

        char kind(Object e);

        Type type(Object e);

        Object origin(Object e);

        /** Records that the call writes into this array. */
        void write(Object e) throws Refusal;

        /** Marks the code as able to throw: returns it with {@code ?}. */
        String fallible(String code) throws Refusal;

        /** A statement with side effects, in program order. */
        void statement(String code);

        /** Pushes a result; {@code pure} results may be folded into later expressions. */
        void value(String code, char kind, boolean pure, Object... reads);

        /** Pushes a newly allocated array made by {@code code}. */
        void newArray(Type t, String code) throws Refusal;

        /** Pushes a new String whose UTF-16 code units {@code code} makes ({@code Vec<u16>}). */
        void newString(String code) throws Refusal;

        /** Whether a stack entry is a String (a parameter, a constant or one the method made). */
        boolean isStringValue(Object e);

        /** Whether a stack entry is a StringBuilder the method made ({@code Vec<u16>}). */
        boolean isBuilderValue(Object e);

        /** Pushes the entry again (a StringBuilder method returning its receiver). */
        void pushSame(Object e);

        /** The text of a String constant ({@code ldc}), or null when the entry is something else. */
        String constantString(Object e);

        /** A Rust {@code String} of a String value's text, for an exception's message. */
        String messageText(Object e) throws Refusal;

        /** The result is within Java's declared ulps rather than bit-identical. */
        void approximate();

        /** The Rust path of a {@code Character} table ({@link CharTables}), which the crate then includes. */
        String charTable(CharTables.Table t);

        /** The Rust path of {@code String.toUpperCase}'s multi-unit mappings, which the crate then includes. */
        String upperSpecialTable();

        /** The code depends on the default locale (the wrapper hands calls in Turkish, Azeri or Lithuanian to Java). */
        void readsDefaultLocale();

        /** The code may hand the call back to Java ({@code jrt::defer}). */
        void mayDefer();
    }

    /** Translates the call, or returns false when it is not in the subset. */
    static boolean translate(Emitter e, MethodInsnNode m, Object recv, List<Object> argsIn) throws Refusal {
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) (List<?>) argsIn;
        String sig = m.owner + "." + m.name + m.desc;
        String a = args.isEmpty() ? null : e.code(args.get(0));
        String b = args.size() < 2 ? null : e.code(args.get(1));
        String c = args.size() < 3 ? null : e.code(args.get(2));
        Object[] all = args.toArray();
        String owner = m.owner;
        if (owner.equals(PRECONDITIONS)) {
            return preconditions(e, m, args);
        }
        if (owner.startsWith("[") && m.name.equals("clone") && m.desc.equals("()Ljava/lang/Object;") && recv != null) {
            Type t = Type.getObjectType(owner);
            if (t.getDimensions() != 1 || FunctionTranslator.elem(t) == null) {
                return false;
            }
            e.newArray(t, e.arr(recv) + ".to_vec()");
            return true;
        }
        if (owner.equals("java/lang/StringBuilder")) {
            return recv != null && e.isBuilderValue(recv) && builder(e, m, recv, args, a, b, c);
        }
        boolean math = owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath");
        if (math) {
            String mm = m.name + m.desc;
            switch (mm) {
                case "abs(I)I", "abs(J)J" -> e.value(a + ".wrapping_abs()", kindOf(m), true, all);
                case "abs(F)F", "abs(D)D" -> e.value(a + ".abs()", kindOf(m), true, all);
                case "max(II)I", "max(JJ)J" -> e.value(a + ".max(" + b + ")", kindOf(m), true, all);
                case "min(II)I", "min(JJ)J" -> e.value(a + ".min(" + b + ")", kindOf(m), true, all);
                case "max(FF)F" -> e.value("jrt::max_f32(" + a + ", " + b + ")", 'F', true, all);
                case "min(FF)F" -> e.value("jrt::min_f32(" + a + ", " + b + ")", 'F', true, all);
                case "max(DD)D" -> e.value("jrt::max_f64(" + a + ", " + b + ")", 'D', true, all);
                case "min(DD)D" -> e.value("jrt::min_f64(" + a + ", " + b + ")", 'D', true, all);
                case "sqrt(D)D" -> e.value(a + ".sqrt()", 'D', true, all);
                case "floor(D)D" -> e.value(a + ".floor()", 'D', true, all);
                case "ceil(D)D" -> e.value(a + ".ceil()", 'D', true, all);
                case "rint(D)D" -> e.value(a + ".round_ties_even()", 'D', true, all);
                case "round(D)J" -> e.value("jrt::round_f64(" + a + ")", 'J', true, all);
                case "round(F)I" -> e.value("jrt::round_f32(" + a + ")", 'I', true, all);
                // the biased exponent field minus the bias: Float/DoubleConsts' MAX_EXPONENT + 1 for NaN and the
                // infinities, MIN_EXPONENT - 1 for zero and subnormals, as Java's
                case "getExponent(D)I" -> e.value("((((" + a + ").to_bits() >> 52) & 0x7ff) as i32 - 1023)", 'I', true, all);
                case "getExponent(F)I" -> e.value("((((" + a + ").to_bits() >> 23) & 0xff) as i32 - 127)", 'I', true, all);
                case "scalb(DI)D" -> e.value("jrt::scalb_f64(" + a + ", " + b + ")", 'D', true, all);
                case "scalb(FI)F" -> e.value("jrt::scalb_f32(" + a + ", " + b + ")", 'F', true, all);
                case "signum(D)D" -> e.value("jrt::signum_f64(" + a + ")", 'D', true, all);
                case "signum(F)F" -> e.value("jrt::signum_f32(" + a + ")", 'F', true, all);
                case "fma(DDD)D" -> e.value(a + ".mul_add(" + b + ", " + c + ")", 'D', true, all);
                case "fma(FFF)F" -> e.value(a + ".mul_add(" + b + ", " + c + ")", 'F', true, all);
                case "toRadians(D)D" -> e.value("(" + a + " * 0.017453292519943295f64)", 'D', true, all);
                case "toDegrees(D)D" -> e.value("(" + a + " * 57.29577951308232f64)", 'D', true, all);
                case "floorDiv(II)I" -> e.value(e.fallible("jrt::floor_div_i32(" + a + ", " + b + ")"), 'I', false);
                case "floorMod(II)I" -> e.value(e.fallible("jrt::floor_mod_i32(" + a + ", " + b + ")"), 'I', false);
                // (long, int): the long forms; floorMod's result fits the int divisor's range
                case "floorDiv(JI)J" -> e.value(e.fallible("jrt::floor_div_i64(" + a + ", " + b + " as i64)"), 'J', false);
                case "floorMod(JI)I" -> e.value(e.fallible("(jrt::floor_mod_i64(" + a + ", " + b + " as i64) as i32)"), 'I', false);
                case "floorDiv(JJ)J" -> e.value(e.fallible("jrt::floor_div_i64(" + a + ", " + b + ")"), 'J', false);
                case "floorMod(JJ)J" -> e.value(e.fallible("jrt::floor_mod_i64(" + a + ", " + b + ")"), 'J', false);
                case "addExact(II)I" -> e.value(e.fallible("jrt::exact_i32(" + a + ".checked_add(" + b + "), \"integer\")"), 'I', false);
                case "subtractExact(II)I" -> e.value(e.fallible("jrt::exact_i32(" + a + ".checked_sub(" + b + "), \"integer\")"), 'I', false);
                case "multiplyExact(II)I" -> e.value(e.fallible("jrt::exact_i32(" + a + ".checked_mul(" + b + "), \"integer\")"), 'I', false);
                case "addExact(JJ)J" -> e.value(e.fallible("jrt::exact_i64(" + a + ".checked_add(" + b + "), \"long\")"), 'J', false);
                case "subtractExact(JJ)J" -> e.value(e.fallible("jrt::exact_i64(" + a + ".checked_sub(" + b + "), \"long\")"), 'J', false);
                case "multiplyExact(JJ)J" -> e.value(e.fallible("jrt::exact_i64(" + a + ".checked_mul(" + b + "), \"long\")"), 'J', false);
                case "exp(D)D", "log(D)D", "log10(D)D", "sin(D)D", "cos(D)D", "tan(D)D", "asin(D)D", "acos(D)D", "atan(D)D",
                     "sinh(D)D", "cosh(D)D", "tanh(D)D", "cbrt(D)D", "expm1(D)D", "log1p(D)D" -> {
                    String f = switch (m.name) {
                        case "log" -> "ln";
                        case "expm1" -> "exp_m1";
                        case "log1p" -> "ln_1p";
                        default -> m.name;
                    };
                    e.approximate();
                    e.value(a + "." + f + "()", 'D', true, all);
                }
                case "atan2(DD)D", "hypot(DD)D" -> {
                    e.approximate();
                    e.value(a + "." + m.name + "(" + b + ")", 'D', true, all);
                }
                case "pow(DD)D" -> {
                    e.approximate();
                    e.value("jrt::pow(" + a + ", " + b + ")", 'D', true, all);
                }
                default -> {
                    if (owner.equals("java/lang/Math") && mm.equals("copySign(DD)D")) {
                        e.value(a + ".copysign(" + b + ")", 'D', true, all);
                    } else {
                        return false;
                    }
                }
            }
            return true;
        }
        switch (sig) {
            // Integer and Long
            case "java/lang/Integer.bitCount(I)I", "java/lang/Long.bitCount(J)I" -> e.value("(" + a + ".count_ones() as i32)", 'I', true, all);
            case "java/lang/Integer.numberOfLeadingZeros(I)I", "java/lang/Long.numberOfLeadingZeros(J)I" ->
                    e.value("(" + a + ".leading_zeros() as i32)", 'I', true, all);
            case "java/lang/Integer.numberOfTrailingZeros(I)I", "java/lang/Long.numberOfTrailingZeros(J)I" ->
                    e.value("(" + a + ".trailing_zeros() as i32)", 'I', true, all);
            case "java/lang/Integer.rotateLeft(II)I" -> e.value(a + ".rotate_left((" + b + " & 31) as u32)", 'I', true, all);
            case "java/lang/Integer.rotateRight(II)I" -> e.value(a + ".rotate_right((" + b + " & 31) as u32)", 'I', true, all);
            case "java/lang/Long.rotateLeft(JI)J" -> e.value(a + ".rotate_left((" + b + " & 63) as u32)", 'J', true, all);
            case "java/lang/Long.rotateRight(JI)J" -> e.value(a + ".rotate_right((" + b + " & 63) as u32)", 'J', true, all);
            case "java/lang/Integer.reverse(I)I", "java/lang/Long.reverse(J)J" -> e.value(a + ".reverse_bits()", kindOf(m), true, all);
            case "java/lang/Integer.reverseBytes(I)I", "java/lang/Long.reverseBytes(J)J" -> e.value(a + ".swap_bytes()", kindOf(m), true, all);
            case "java/lang/Integer.highestOneBit(I)I" -> e.value("jrt::highest_one_bit_i32(" + a + ")", 'I', true, all);
            case "java/lang/Long.highestOneBit(J)J" -> e.value("jrt::highest_one_bit_i64(" + a + ")", 'J', true, all);
            case "java/lang/Integer.lowestOneBit(I)I", "java/lang/Long.lowestOneBit(J)J" ->
                    e.value("(" + a + " & " + a + ".wrapping_neg())", kindOf(m), true, all);
            case "java/lang/Integer.signum(I)I" -> e.value(a + ".signum()", 'I', true, all);
            case "java/lang/Long.signum(J)I" -> e.value("(" + a + ".signum() as i32)", 'I', true, all);
            case "java/lang/Integer.compare(II)I", "java/lang/Long.compare(JJ)I" ->
                    e.value("jrt::lcmp(" + a + " as i64, " + b + " as i64)", 'I', true, all);
            case "java/lang/Integer.compareUnsigned(II)I" -> e.value("jrt::lcmp(" + a + " as u32 as i64, " + b + " as u32 as i64)", 'I', true, all);
            case "java/lang/Long.compareUnsigned(JJ)I" ->
                    e.value("((" + a + " as u64 > " + b + " as u64) as i32 - (" + a + " as u64 < " + b + " as u64) as i32)", 'I', true, all);
            case "java/lang/Character.forDigit(II)C" -> e.value("jrt::for_digit(" + a + ", " + b + ")", 'I', true, all);
            case "java/lang/Character.compare(CC)I", "java/lang/Short.compare(SS)I", "java/lang/Byte.compare(BB)I",
                 "java/lang/Boolean.compare(ZZ)I" -> e.value("(" + a + " - " + b + ")", 'I', true, all);
            case "java/lang/Byte.toUnsignedInt(B)I" -> e.value("(" + a + " & 0xFF)", 'I', true, all);
            case "java/lang/Byte.toUnsignedLong(B)J" -> e.value("((" + a + " & 0xFF) as i64)", 'J', true, all);
            case "java/lang/Short.toUnsignedInt(S)I" -> e.value("(" + a + " & 0xFFFF)", 'I', true, all);
            case "java/lang/Short.toUnsignedLong(S)J" -> e.value("((" + a + " & 0xFFFF) as i64)", 'J', true, all);
            case "java/lang/Integer.toHexString(I)Ljava/lang/String;" -> e.newString("jrt::unsigned_text(" + a + " as u32 as u64, 4)");
            case "java/lang/Integer.toOctalString(I)Ljava/lang/String;" -> e.newString("jrt::unsigned_text(" + a + " as u32 as u64, 3)");
            case "java/lang/Integer.toBinaryString(I)Ljava/lang/String;" -> e.newString("jrt::unsigned_text(" + a + " as u32 as u64, 1)");
            case "java/lang/Long.toHexString(J)Ljava/lang/String;" -> e.newString("jrt::unsigned_text(" + a + " as u64, 4)");
            case "java/lang/Long.toOctalString(J)Ljava/lang/String;" -> e.newString("jrt::unsigned_text(" + a + " as u64, 3)");
            case "java/lang/Long.toBinaryString(J)Ljava/lang/String;" -> e.newString("jrt::unsigned_text(" + a + " as u64, 1)");
            case "java/lang/Integer.toString(II)Ljava/lang/String;" -> e.newString("jrt::radix_text(" + a + " as i64, " + b + ")");
            case "java/lang/Long.toString(JI)Ljava/lang/String;" -> e.newString("jrt::radix_text(" + a + ", " + b + ")");
            case "java/lang/Integer.toUnsignedLong(I)J" -> e.value("(" + a + " as u32 as i64)", 'J', true, all);
            case "java/lang/Integer.divideUnsigned(II)I" -> e.value(e.fallible("jrt::udiv_i32(" + a + ", " + b + ")"), 'I', false);
            case "java/lang/Integer.remainderUnsigned(II)I" -> e.value(e.fallible("jrt::urem_i32(" + a + ", " + b + ")"), 'I', false);
            case "java/lang/Long.divideUnsigned(JJ)J" -> e.value(e.fallible("jrt::udiv_i64(" + a + ", " + b + ")"), 'J', false);
            case "java/lang/Long.remainderUnsigned(JJ)J" -> e.value(e.fallible("jrt::urem_i64(" + a + ", " + b + ")"), 'J', false);
            case "java/lang/Integer.min(II)I", "java/lang/Long.min(JJ)J" -> e.value(a + ".min(" + b + ")", kindOf(m), true, all);
            case "java/lang/Integer.max(II)I", "java/lang/Long.max(JJ)J" -> e.value(a + ".max(" + b + ")", kindOf(m), true, all);
            case "java/lang/Integer.sum(II)I", "java/lang/Long.sum(JJ)J" -> e.value(a + ".wrapping_add(" + b + ")", kindOf(m), true, all);
            case "java/lang/Integer.hashCode(I)I" -> e.value(a, 'I', true, all);
            case "java/lang/Long.hashCode(J)I" -> e.value("((" + a + " ^ jrt::lushr(" + a + ", 32)) as i32)", 'I', true, all);
            // Character: surrogates and Java's own whitespace rule
            case "java/lang/Character.isHighSurrogate(C)Z" -> e.value("((" + a + " >= 0xD800 && " + a + " < 0xDC00) as i32)", 'I', true, all);
            case "java/lang/Character.isLowSurrogate(C)Z" -> e.value("((" + a + " >= 0xDC00 && " + a + " < 0xE000) as i32)", 'I', true, all);
            case "java/lang/Character.isSurrogate(C)Z" -> e.value("((" + a + " >= 0xD800 && " + a + " < 0xE000) as i32)", 'I', true, all);
            case "java/lang/Character.isSurrogatePair(CC)Z" -> e.value("((" + a + " >= 0xD800 && " + a + " < 0xDC00 && " + b + " >= 0xDC00 && "
                    + b + " < 0xE000) as i32)", 'I', true, all);
            case "java/lang/Character.toCodePoint(CC)I" -> e.value("(((" + a + " << 10) + " + b + ").wrapping_add(0x10000 - (0xD800 << 10) - 0xDC00))", 'I', true, all);
            case "java/lang/Character.charCount(I)I" -> e.value("(if " + a + " >= 0x10000 { 2i32 } else { 1i32 })", 'I', true, all);
            case "java/lang/Character.isBmpCodePoint(I)Z" -> e.value("((" + a + " as u32 >> 16 == 0) as i32)", 'I', true, all);
            case "java/lang/Character.isValidCodePoint(I)Z" -> e.value("((" + a + " as u32 >> 16 < 0x11) as i32)", 'I', true, all);
            case "java/lang/Character.isSupplementaryCodePoint(I)Z" -> e.value("((" + a + " >= 0x10000 && " + a + " < 0x110000) as i32)", 'I', true, all);
            case "java/lang/Character.highSurrogate(I)C" -> e.value("((jrt::iushr(" + a + ", 10) + (0xD800 - (0x10000 >> 10))) & 0xFFFF)", 'I', true, all);
            case "java/lang/Character.lowSurrogate(I)C" -> e.value("(((" + a + " & 0x3ff) + 0xDC00) & 0xFFFF)", 'I', true, all);
            case "java/lang/Character.isWhitespace(C)Z", "java/lang/Character.isWhitespace(I)Z" ->
                    e.value("(jrt::is_whitespace(" + a + ") as i32)", 'I', true, all);
            case "java/lang/Character.hashCode(C)I" -> e.value(a, 'I', true, all);
            // Character's Unicode classification, case and digits: the generating JDK's own tables (CharTables)
            case "java/lang/Character.isDigit(C)Z", "java/lang/Character.isDigit(I)Z" -> set(e, CharTables.Table.DIGIT, a, all);
            case "java/lang/Character.isLetter(C)Z", "java/lang/Character.isLetter(I)Z" -> set(e, CharTables.Table.LETTER, a, all);
            case "java/lang/Character.isLetterOrDigit(C)Z", "java/lang/Character.isLetterOrDigit(I)Z" ->
                    set(e, CharTables.Table.LETTER_OR_DIGIT, a, all);
            case "java/lang/Character.isAlphabetic(I)Z" -> set(e, CharTables.Table.ALPHABETIC, a, all);
            case "java/lang/Character.isUpperCase(C)Z", "java/lang/Character.isUpperCase(I)Z" -> set(e, CharTables.Table.UPPER_CASE, a, all);
            case "java/lang/Character.isLowerCase(C)Z", "java/lang/Character.isLowerCase(I)Z" -> set(e, CharTables.Table.LOWER_CASE, a, all);
            case "java/lang/Character.isTitleCase(C)Z", "java/lang/Character.isTitleCase(I)Z" -> set(e, CharTables.Table.TITLE_CASE, a, all);
            case "java/lang/Character.isSpaceChar(C)Z", "java/lang/Character.isSpaceChar(I)Z" -> set(e, CharTables.Table.SPACE_CHAR, a, all);
            case "java/lang/Character.isDefined(C)Z", "java/lang/Character.isDefined(I)Z" -> set(e, CharTables.Table.DEFINED, a, all);
            case "java/lang/Character.isJavaIdentifierStart(C)Z", "java/lang/Character.isJavaIdentifierStart(I)Z" ->
                    set(e, CharTables.Table.JAVA_IDENTIFIER_START, a, all);
            case "java/lang/Character.isJavaIdentifierPart(C)Z", "java/lang/Character.isJavaIdentifierPart(I)Z" ->
                    set(e, CharTables.Table.JAVA_IDENTIFIER_PART, a, all);
            case "java/lang/Character.isISOControl(C)Z", "java/lang/Character.isISOControl(I)Z" ->
                    e.value("((" + a + " as u32 <= 0x9F && (" + a + " as u32 <= 0x1F || " + a + " >= 0x7F)) as i32)", 'I', true, all);
            case "java/lang/Character.getType(C)I", "java/lang/Character.getType(I)I" ->
                    e.value("jrt::char_value(" + a + ", &" + e.charTable(CharTables.Table.TYPE) + ")", 'I', true, all);
            case "java/lang/Character.getNumericValue(C)I", "java/lang/Character.getNumericValue(I)I" ->
                    e.value("jrt::char_value(" + a + ", &" + e.charTable(CharTables.Table.NUMERIC_VALUE) + ")", 'I', true, all);
            case "java/lang/Character.digit(CI)I", "java/lang/Character.digit(II)I" ->
                    e.value("jrt::char_digit(" + a + ", " + b + ", &" + e.charTable(CharTables.Table.DIGIT_VALUE) + ")", 'I', true, all);
            // the char forms are (char) of the int forms, as in Character
            case "java/lang/Character.toUpperCase(I)I" -> caseMap(e, CharTables.Table.TO_UPPER, a, false, all);
            case "java/lang/Character.toUpperCase(C)C" -> caseMap(e, CharTables.Table.TO_UPPER, a, true, all);
            case "java/lang/Character.toLowerCase(I)I" -> caseMap(e, CharTables.Table.TO_LOWER, a, false, all);
            case "java/lang/Character.toLowerCase(C)C" -> caseMap(e, CharTables.Table.TO_LOWER, a, true, all);
            case "java/lang/Character.toTitleCase(I)I" -> caseMap(e, CharTables.Table.TO_TITLE, a, false, all);
            case "java/lang/Character.toTitleCase(C)C" -> caseMap(e, CharTables.Table.TO_TITLE, a, true, all);
            // Float and Double
            case "java/lang/Float.floatToRawIntBits(F)I" -> e.value("(" + a + ".to_bits() as i32)", 'I', true, all);
            case "java/lang/Float.floatToIntBits(F)I" -> e.value("jrt::float_bits_f32(" + a + ")", 'I', true, all);
            case "java/lang/Float.intBitsToFloat(I)F" -> e.value("f32::from_bits(" + a + " as u32)", 'F', true, all);
            case "java/lang/Double.doubleToRawLongBits(D)J" -> e.value("(" + a + ".to_bits() as i64)", 'J', true, all);
            case "java/lang/Double.doubleToLongBits(D)J" -> e.value("jrt::float_bits_f64(" + a + ")", 'J', true, all);
            case "java/lang/Double.longBitsToDouble(J)D" -> e.value("f64::from_bits(" + a + " as u64)", 'D', true, all);
            case "java/lang/Double.isNaN(D)Z", "java/lang/Float.isNaN(F)Z" -> e.value("((" + a + " != " + a + ") as i32)", 'I', true, all);
            case "java/lang/Double.isInfinite(D)Z", "java/lang/Float.isInfinite(F)Z" -> e.value("(" + a + ".is_infinite() as i32)", 'I', true, all);
            case "java/lang/Double.isFinite(D)Z", "java/lang/Float.isFinite(F)Z" -> e.value("(" + a + ".is_finite() as i32)", 'I', true, all);
            case "java/lang/Double.compare(DD)I" -> e.value("jrt::compare_f64(" + a + ", " + b + ")", 'I', true, all);
            case "java/lang/Float.compare(FF)I" -> e.value("jrt::compare_f32(" + a + ", " + b + ")", 'I', true, all);
            case "java/lang/Double.hashCode(D)I" -> e.value("{ let h = jrt::float_bits_f64(" + a + "); (h ^ jrt::lushr(h, 32)) as i32 }", 'I', true, all);
            case "java/lang/Float.hashCode(F)I" -> e.value("jrt::float_bits_f32(" + a + ")", 'I', true, all);
            case "java/lang/Double.sum(DD)D", "java/lang/Float.sum(FF)F" -> e.value("(" + a + " + " + b + ")", kindOf(m), true, all);
            case "java/lang/Double.max(DD)D" -> e.value("jrt::max_f64(" + a + ", " + b + ")", 'D', true, all);
            case "java/lang/Double.min(DD)D" -> e.value("jrt::min_f64(" + a + ", " + b + ")", 'D', true, all);
            case "java/lang/Float.max(FF)F" -> e.value("jrt::max_f32(" + a + ", " + b + ")", 'F', true, all);
            case "java/lang/Float.min(FF)F" -> e.value("jrt::min_f32(" + a + ", " + b + ")", 'F', true, all);
            // String over UTF-16 code units
            case "java/lang/String.length()I" -> e.value("jrt::len(&*" + e.arr(recv) + ")", 'I', true, recv);
            case "java/lang/String.isEmpty()Z" -> e.value("(" + e.arr(recv) + ".is_empty() as i32)", 'I', true, recv);
            case "java/lang/String.charAt(I)C" -> e.value(e.fallible("jrt::char_at(&*" + e.arr(recv) + ", " + a + ")"), 'I', false);
            case "java/lang/String.codePointAt(I)I" -> e.value(e.fallible("jrt::code_point_at(&*" + e.arr(recv) + ", " + a + ")"), 'I', false);
            case "java/lang/String.equals(Ljava/lang/Object;)Z" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                e.value("((&*" + e.arr(recv) + " == &*" + e.arr(args.get(0)) + ") as i32)", 'I', true, recv, args.get(0));
            }
            case "java/lang/String.toCharArray()[C" -> e.newArray(Type.getType("[C"), e.arr(recv) + ".to_vec()");
            // parsing: Java's rules (an optional sign, then digits of the radix by Character.digit, Unicode digits
            // included, the value in range), NumberFormatException otherwise
            case "java/lang/Integer.parseInt(Ljava/lang/String;)I", "java/lang/Integer.parseInt(Ljava/lang/String;I)I",
                 "java/lang/Long.parseLong(Ljava/lang/String;)J", "java/lang/Long.parseLong(Ljava/lang/String;I)J" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                boolean isLong = m.owner.equals("java/lang/Long");
                String parse = "jrt::parse_integer(&" + e.arr(args.get(0)) + "[..], " + (args.size() > 1 ? b : "10") + ", "
                        + (isLong ? "i64::MIN as i128, i64::MAX as i128" : "i32::MIN as i128, i32::MAX as i128") + ", &"
                        + e.charTable(CharTables.Table.DIGIT_VALUE) + ")";
                e.value(e.fallible(isLong ? parse : "(" + parse + " as i32)"), isLong ? 'J' : 'I', false);
            }
            // Java's literal grammar (trimmed, NaN, Infinity, hexadecimal, an f/d suffix), correctly rounded
            case "java/lang/Double.parseDouble(Ljava/lang/String;)D", "java/lang/Float.parseFloat(Ljava/lang/String;)F" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                boolean isFloat = m.owner.equals("java/lang/Float");
                e.value(e.fallible("jrt::parse_" + (isFloat ? "float" : "double") + "(&" + e.arr(args.get(0)) + "[..])"),
                        isFloat ? 'F' : 'D', false);
            }
            // Short.parseShort and Byte.parseByte: Integer.parseInt, then their range, as the JDK does
            case "java/lang/Short.parseShort(Ljava/lang/String;)S", "java/lang/Short.parseShort(Ljava/lang/String;I)S",
                 "java/lang/Byte.parseByte(Ljava/lang/String;)B", "java/lang/Byte.parseByte(Ljava/lang/String;I)B" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                String range = m.owner.equals("java/lang/Short") ? "i16::MIN as i32, i16::MAX as i32" : "i8::MIN as i32, i8::MAX as i32";
                e.value(e.fallible("jrt::parse_narrow(&" + e.arr(args.get(0)) + "[..], " + (args.size() > 1 ? b : "10") + ", "
                        + range + ", &" + e.charTable(CharTables.Table.DIGIT_VALUE) + ")"), 'I', false);
            }
            case "java/lang/String.hashCode()I" -> e.value("jrt::string_hash(&*" + e.arr(recv) + ")", 'I', true, recv);
            case "java/lang/String.isBlank()Z" -> e.value("(" + e.arr(recv) + ".iter().all(|&c| jrt::is_whitespace(c as i32)) as i32)", 'I', true, recv);
            case "java/lang/String.compareTo(Ljava/lang/String;)I" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                e.value("jrt::compare_to(&*" + e.arr(recv) + ", &*" + e.arr(args.get(0)) + ")", 'I', true, recv, args.get(0));
            }
            case "java/lang/String.indexOf(I)I" -> e.value("jrt::index_of_char(&*" + e.arr(recv) + ", " + a + ", 0)", 'I', true, recv);
            case "java/lang/String.indexOf(II)I" -> e.value("jrt::index_of_char(&*" + e.arr(recv) + ", " + a + ", " + b + ")", 'I', true, recv);
            case "java/lang/String.lastIndexOf(I)I" -> e.value("jrt::last_index_of_char(&*" + e.arr(recv) + ", " + a + ", i32::MAX)", 'I', true, recv);
            case "java/lang/String.lastIndexOf(II)I" -> e.value("jrt::last_index_of_char(&*" + e.arr(recv) + ", " + a + ", " + b + ")", 'I', true, recv);
            case "java/lang/String.lastIndexOf(Ljava/lang/String;)I", "java/lang/String.lastIndexOf(Ljava/lang/String;I)I" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                e.value("jrt::last_index_of_str(&*" + e.arr(recv) + ", &*" + e.arr(args.get(0)) + ", " + (args.size() > 1 ? b : "i32::MAX") + ")",
                        'I', true, recv, args.get(0));
            }
            case "java/lang/String.indexOf(Ljava/lang/String;)I", "java/lang/String.indexOf(Ljava/lang/String;I)I",
                 "java/lang/String.contains(Ljava/lang/CharSequence;)Z" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                String find = "jrt::index_of_str(&*" + e.arr(recv) + ", &*" + e.arr(args.get(0)) + ", " + (args.size() > 1 ? b : "0") + ")";
                e.value(m.name.equals("contains") ? "((" + find + " >= 0) as i32)" : find, 'I', true, recv, args.get(0));
            }
            case "java/lang/String.startsWith(Ljava/lang/String;)Z", "java/lang/String.startsWith(Ljava/lang/String;I)Z" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                e.value("(jrt::starts_with(&*" + e.arr(recv) + ", &*" + e.arr(args.get(0)) + ", " + (args.size() > 1 ? b : "0") + ") as i32)",
                        'I', true, recv, args.get(0));
            }
            case "java/lang/String.endsWith(Ljava/lang/String;)Z" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                String s0 = e.arr(recv);
                String t0 = e.arr(args.get(0));
                e.value("(jrt::starts_with(&*" + s0 + ", &*" + t0 + ", jrt::len(&*" + s0 + ").wrapping_sub(jrt::len(&*" + t0 + "))) as i32)",
                        'I', true, recv, args.get(0));
            }
            // Strings the method makes: Vec<u16> of their code units
            case "java/lang/String.substring(I)Ljava/lang/String;" ->
                    e.newString(e.fallible("jrt::substring(&*" + e.arr(recv) + ", " + a + ", jrt::len(&*" + e.arr(recv) + "))"));
            case "java/lang/String.substring(II)Ljava/lang/String;" ->
                    e.newString(e.fallible("jrt::substring(&*" + e.arr(recv) + ", " + a + ", " + b + ")"));
            case "java/lang/String.concat(Ljava/lang/String;)Ljava/lang/String;" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                e.newString("[&*" + e.arr(recv) + ", &*" + e.arr(args.get(0)) + "].concat()");
            }
            case "java/lang/String.replace(CC)Ljava/lang/String;" ->
                    e.newString(e.arr(recv) + ".iter().map(|&c| if c as i32 == " + a + " { " + b + " as u16 } else { c }).collect()");
            case "java/lang/String.trim()Ljava/lang/String;" -> e.newString("jrt::trim(&*" + e.arr(recv) + ")");
            // case mapping as Java's in every locale but Turkish, Azeri and Lithuanian: the default locale is checked by
            // the wrapper, an explicit one must be a Locale constant of another language
            case "java/lang/String.toUpperCase()Ljava/lang/String;", "java/lang/String.toUpperCase(Ljava/util/Locale;)Ljava/lang/String;" -> {
                if (!caseLocale(e, m, args)) {
                    return false;
                }
                e.newString("jrt::to_upper_units(&*" + e.arr(recv) + ", &" + e.charTable(CharTables.Table.TO_UPPER) + ", "
                        + e.upperSpecialTable() + ")");
            }
            case "java/lang/String.toLowerCase()Ljava/lang/String;", "java/lang/String.toLowerCase(Ljava/util/Locale;)Ljava/lang/String;" -> {
                if (!caseLocale(e, m, args)) {
                    return false;
                }
                e.mayDefer(); // a capital sigma: Java lowers it by its place in the word
                e.newString("jrt::to_lower_units(&*" + e.arr(recv) + ", &" + e.charTable(CharTables.Table.TO_LOWER) + ")");
            }
            case "java/lang/String.strip()Ljava/lang/String;" -> e.newString("jrt::strip(&*" + e.arr(recv) + ")");
            case "java/lang/String.valueOf([C)Ljava/lang/String;", "java/lang/String.copyValueOf([C)Ljava/lang/String;" ->
                    e.newString(e.arr(args.get(0)) + ".to_vec()");
            case "java/lang/String.valueOf([CII)Ljava/lang/String;", "java/lang/String.copyValueOf([CII)Ljava/lang/String;" ->
                    e.newString(e.fallible("jrt::string_of_range(&*" + e.arr(args.get(0)) + ", " + b + ", " + c + ")"));
            case "java/lang/String.valueOf(C)Ljava/lang/String;", "java/lang/Character.toString(C)Ljava/lang/String;" ->
                    e.newString("vec![" + a + " as u16]");
            case "java/lang/String.valueOf(I)Ljava/lang/String;", "java/lang/Integer.toString(I)Ljava/lang/String;" ->
                    e.newString("jrt::decimal(" + a + " as i64)");
            case "java/lang/Integer.toUnsignedString(I)Ljava/lang/String;" -> e.newString("jrt::decimal(" + a + " as u32 as i64)");
            case "java/lang/Long.toUnsignedString(J)Ljava/lang/String;" -> e.newString("(" + a + " as u64).to_string().encode_utf16().collect()");
            case "java/lang/String.valueOf(J)Ljava/lang/String;", "java/lang/Long.toString(J)Ljava/lang/String;" ->
                    e.newString("jrt::decimal(" + a + ")");
            // String.valueOf(Object) of a builder (javac's `sb + "..."`) or of a String: its text
            case "java/lang/String.valueOf(Ljava/lang/Object;)Ljava/lang/String;" -> {
                if (!e.isBuilderValue(args.get(0)) && !e.isStringValue(args.get(0))) {
                    return false;
                }
                e.newString(e.arr(args.get(0)) + ".to_vec()");
            }
            // the JDK's shortest decimal and layout (jrt::double_text): 1.0E10, 4.9E-324, 0.001
            case "java/lang/String.valueOf(D)Ljava/lang/String;", "java/lang/Double.toString(D)Ljava/lang/String;" ->
                    e.newString("jrt::double_text(" + a + ")");
            case "java/lang/String.valueOf(F)Ljava/lang/String;", "java/lang/Float.toString(F)Ljava/lang/String;" ->
                    e.newString("jrt::float_text(" + a + ")");
            case "java/lang/String.valueOf(Z)Ljava/lang/String;" ->
                    e.newString("(if " + a + " != 0 { \"true\" } else { \"false\" }).encode_utf16().collect()");
            case "java/lang/String.getBytes(Ljava/nio/charset/Charset;)[B" -> {
                // only with a StandardCharsets constant: the encoders' replacement of what they cannot encode by '?'
                // (a lone surrogate; in ASCII and ISO-8859-1 every char above their range, a surrogate pair as one)
                String encoder = e.kind(args.get(0)) == 'H' && e.origin(args.get(0)) instanceof OValue.Static st
                        && isStandardCharset(st.owner(), st.name()) ? switch (st.name()) {
                            case "UTF_8" -> "encode_utf8";
                            case "US_ASCII" -> "encode_ascii";
                            default -> "encode_latin1";
                        } : null;
                if (encoder == null) {
                    return false;
                }
                e.newArray(Type.getType("[B"), "jrt::" + encoder + "(&*" + e.arr(recv) + ")");
            }
            case "java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V" -> {
                Object src = args.get(0);
                Object dst = args.get(2);
                if (e.kind(src) != 'A' || e.kind(dst) != 'A' || e.type(src) == null || !e.type(src).equals(e.type(dst))
                        || e.type(src).getSort() != Type.ARRAY) {
                    return false;
                }
                e.write(dst);
                String d = e.code(args.get(3));
                String n = e.code(args.get(4));
                if (e.origin(src).equals(e.origin(dst))) {
                    e.statement(e.fallible("jrt::arraycopy_within(&mut *" + e.arr(dst) + ", " + b + ", " + d + ", " + n + ")"));
                } else {
                    e.statement(e.fallible("jrt::arraycopy(&*" + e.arr(src) + ", " + b + ", &mut *" + e.arr(dst) + ", " + d + ", " + n + ")"));
                }
            }
            default -> {
                if (owner.equals("java/util/Arrays")) {
                    return arrays(e, m, args);
                }
                return false;
            }
        }
        return true;
    }

    private static boolean arrays(Emitter e, MethodInsnNode m, List<Object> args) throws Refusal {
        Type[] ps = Type.getArgumentTypes(m.desc);
        if (ps.length == 0 || ps[0].getSort() != Type.ARRAY || ps[0].getDimensions() != 1 || FunctionTranslator.elem(ps[0]) == null) {
            return false;
        }
        Object arr = args.get(0);
        String el = FunctionTranslator.elem(ps[0]);
        String conv = el.equals("bool") ? " != 0" : el.equals("i8") || el.equals("u16") || el.equals("i16") ? " as " + el : "";
        switch (m.name + "/" + ps.length) {
            case "fill/2" -> {
                e.write(arr);
                e.statement("jrt::fill(&mut *" + e.arr(arr) + ", " + e.code(args.get(1)) + conv + ")");
            }
            case "fill/4" -> {
                e.write(arr);
                e.statement(e.fallible("jrt::fill_range(&mut *" + e.arr(arr) + ", " + e.code(args.get(1)) + ", " + e.code(args.get(2)) + ", "
                        + e.code(args.get(3)) + conv + ")"));
            }
            case "copyOf/2" -> e.newArray(ps[0], e.fallible("jrt::copy_of(&*" + e.arr(arr) + ", " + e.code(args.get(1)) + ")"));
            case "copyOfRange/3" -> e.newArray(ps[0], e.fallible("jrt::copy_of_range(&*" + e.arr(arr) + ", " + e.code(args.get(1)) + ", "
                    + e.code(args.get(2)) + ")"));
            case "equals/2" -> {
                if (!ps[1].equals(ps[0])) {
                    return false;
                }
                String f = el.equals("f64") ? "jrt::equals_f64" : el.equals("f32") ? "jrt::equals_f32" : "jrt::equals";
                e.value("(" + f + "(&*" + e.arr(arr) + ", &*" + e.arr(args.get(1)) + ") as i32)", 'I', true, arr, args.get(1));
            }
            case "hashCode/1" -> {
                String h = switch (el) {
                    case "i64" -> "jrt::hash_long";
                    case "bool" -> "jrt::hash_bool";
                    case "f32" -> "jrt::hash_f32";
                    case "f64" -> "jrt::hash_f64";
                    default -> "jrt::hash_int";
                };
                e.value("jrt::array_hash(&*" + e.arr(arr) + ", " + h + ")", 'I', true, arr);
            }
            case "sort/1", "sort/3" -> {
                if (el.equals("bool")) {
                    return false;
                }
                e.write(arr);
                String f = el.equals("f64") ? "jrt::sort_f64" : el.equals("f32") ? "jrt::sort_f32" : "jrt::sort";
                String v = e.arr(arr);
                if (ps.length == 1) {
                    e.statement(f + "(&mut *" + v + ")");
                } else {
                    e.statement("{ let r = " + e.fallible("jrt::range(" + e.code(args.get(1)) + ", " + e.code(args.get(2)) + ", " + v + ".len())")
                            + "; " + f + "(&mut " + v + "[r]) }");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Guava's {@code Preconditions}: mapped here instead of translated as application code (their varargs are not). */
    static final String PRECONDITIONS = "com/google/common/base/Preconditions";

    /** Library classes whose methods are mapped here rather than translated from their class files. */
    static boolean isMappedLibrary(String owner) {
        return owner.equals(PRECONDITIONS);
    }

    /**
     * Guava's {@code checkArgument}, {@code checkState} (with no message, a message, or a {@code %s} template of
     * {@code char}, {@code int}, {@code long} and String arguments, formatted as Guava's {@code lenientFormat} does),
     * {@code checkElementIndex}, {@code checkPositionIndex}, {@code checkPositionIndexes}: the exception and message
     * Guava throws, a negative size included ({@code IllegalArgumentException}). {@code checkNotNull} is a null check
     * (see NullChecks).
     */
    private static boolean preconditions(Emitter e, MethodInsnNode m, List<Object> args) throws Refusal {
        Type[] ps = Type.getArgumentTypes(m.desc);
        switch (m.name) {
            case "checkArgument", "checkState" -> {
                if (ps.length == 0 || ps[0].getSort() != Type.BOOLEAN || Type.getReturnType(m.desc).getSort() != Type.VOID) {
                    return false;
                }
                String message;
                if (ps.length == 1) {
                    message = "String::new()";
                } else if (ps.length == 2) {
                    if (!e.isStringValue(args.get(1))) {
                        return false;
                    }
                    message = e.messageText(args.get(1));
                } else {
                    String template = e.constantString(args.get(1));
                    if (template == null) {
                        return false;
                    }
                    message = lenientFormat(e, template, args.subList(2, args.size()), java.util.Arrays.copyOfRange(ps, 2, ps.length));
                    if (message == null) {
                        return false;
                    }
                }
                String kind = m.name.equals("checkArgument") ? "IllegalArgument" : "IllegalState";
                e.statement(e.fallible("jrt::check(" + e.code(args.get(0)) + " != 0, JavaException::" + kind + ", || " + message + ")"));
                return true;
            }
            case "checkElementIndex", "checkPositionIndex" -> {
                String desc;
                if (m.desc.equals("(II)I")) {
                    desc = "\"index\"";
                } else if (m.desc.equals("(IILjava/lang/String;)I") && e.isStringValue(args.get(2))) {
                    desc = "&" + e.messageText(args.get(2));
                } else {
                    return false;
                }
                String f = m.name.equals("checkElementIndex") ? "jrt::check_element_index(" : "jrt::check_position_index(";
                e.value(e.fallible(f + e.code(args.get(0)) + ", " + e.code(args.get(1)) + ", " + desc + ")"), 'I', false);
                return true;
            }
            case "checkPositionIndexes" -> {
                if (!m.desc.equals("(III)V")) {
                    return false;
                }
                e.statement(e.fallible("jrt::check_position_indexes(" + e.code(args.get(0)) + ", " + e.code(args.get(1)) + ", "
                        + e.code(args.get(2)) + ")"));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Guava's {@code lenientFormat} of a constant template, as a Rust {@code String} expression: each {@code %s} takes
     * the next argument's text, arguments left over follow in {@code " [a, b]"}. Null when an argument has no exact text
     * here (only {@code char}, {@code int}, {@code long} and Strings).
     */
    private static String lenientFormat(Emitter e, String template, List<Object> args, Type[] types) throws Refusal {
        List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < args.size()) {
            int at = template.indexOf("%s", start);
            if (at < 0) {
                break;
            }
            parts.add(literal(template.substring(start, at)));
            String text = argText(e, args.get(i), types[i]);
            if (text == null) {
                return null;
            }
            parts.add(text);
            i++;
            start = at + 2;
        }
        parts.add(literal(template.substring(start)));
        if (i < args.size()) {
            parts.add(literal(" ["));
            for (int k = i; k < args.size(); k++) {
                String text = argText(e, args.get(k), types[k]);
                if (text == null) {
                    return null;
                }
                parts.add(k == i ? text : literal(", ") + ", " + text);
            }
            parts.add(literal("]"));
        }
        return "[" + String.join(", ", parts) + "].concat()";
    }

    private static String argText(Emitter e, Object v, Type t) throws Refusal {
        return switch (t.getSort()) {
            case Type.INT, Type.LONG -> "(" + e.code(v) + ").to_string()";
            case Type.CHAR -> "String::from_utf16_lossy(&[(" + e.code(v) + ") as u16])";
            case Type.OBJECT -> e.isStringValue(v) ? e.messageText(v) : null;
            default -> null;
        };
    }

    private static String literal(String s) {
        StringBuilder b = new StringBuilder("String::from_utf16_lossy(&[");
        for (int k = 0; k < s.length(); k++) {
            b.append(k == 0 ? "" : ", ").append((int) s.charAt(k)).append("u16");
        }
        return b.append("])").toString();
    }

    /**
     * A StringBuilder the method made, as the {@code Vec<u16>} of its code units: the appends Java's text of each
     * operand has exactly (no float or double), reads, edits with Java's exceptions, {@code toString}.
     */
    private static boolean builder(Emitter e, MethodInsnNode m, Object recv, List<Object> args, String a, String b, String c)
            throws Refusal {
        String v = e.arr(recv);
        String append = switch (m.name + m.desc) {
            case "append(C)Ljava/lang/StringBuilder;" -> v + ".push((" + a + ") as u16)";
            case "append(I)Ljava/lang/StringBuilder;", "append(J)Ljava/lang/StringBuilder;" ->
                    v + ".extend_from_slice(&jrt::decimal((" + a + ") as i64))";
            case "append(Z)Ljava/lang/StringBuilder;" -> v + ".extend_from_slice(jrt::bool_text(" + a + "))";
            case "append(D)Ljava/lang/StringBuilder;" -> v + ".extend_from_slice(&jrt::double_text(" + a + "))";
            case "append(F)Ljava/lang/StringBuilder;" -> v + ".extend_from_slice(&jrt::float_text(" + a + "))";
            case "append([C)Ljava/lang/StringBuilder;" -> v + ".extend_from_slice(&" + e.arr(args.get(0)) + "[..])";
            case "append([CII)Ljava/lang/StringBuilder;" ->
                    e.fallible("jrt::append_range(&mut " + v + ", &" + e.arr(args.get(0)) + "[..], " + b + ", " + c + ")");
            case "appendCodePoint(I)Ljava/lang/StringBuilder;" -> e.fallible("jrt::append_code_point(&mut " + v + ", " + a + ")");
            case "append(Ljava/lang/String;)Ljava/lang/StringBuilder;", "append(Ljava/lang/CharSequence;)Ljava/lang/StringBuilder;" -> {
                Object s = args.get(0);
                boolean other = e.isStringValue(s) || e.isBuilderValue(s) && !e.arr(s).equals(v);
                yield other ? v + ".extend_from_slice(&" + e.arr(s) + "[..])" : null;
            }
            case "setCharAt(IC)V" -> e.fallible("jrt::set_char_at(&mut " + v + "[..], " + a + ", " + b + ")");
            case "setLength(I)V" -> e.fallible("jrt::set_length(&mut " + v + ", " + a + ")");
            case "deleteCharAt(I)Ljava/lang/StringBuilder;" -> e.fallible("jrt::delete_char_at(&mut " + v + ", " + a + ")");
            case "reverse()Ljava/lang/StringBuilder;" -> "jrt::reverse_units(&mut " + v + "[..])";
            case "insert(IC)Ljava/lang/StringBuilder;" -> e.fallible("jrt::insert_units(&mut " + v + ", " + a + ", &[(" + b + ") as u16])");
            case "insert(II)Ljava/lang/StringBuilder;", "insert(IJ)Ljava/lang/StringBuilder;" ->
                    e.fallible("jrt::insert_units(&mut " + v + ", " + a + ", &jrt::decimal((" + b + ") as i64))");
            case "insert(IZ)Ljava/lang/StringBuilder;" -> e.fallible("jrt::insert_units(&mut " + v + ", " + a + ", jrt::bool_text(" + b + "))");
            case "insert(ID)Ljava/lang/StringBuilder;" -> e.fallible("jrt::insert_units(&mut " + v + ", " + a + ", &jrt::double_text(" + b + "))");
            case "insert(IF)Ljava/lang/StringBuilder;" -> e.fallible("jrt::insert_units(&mut " + v + ", " + a + ", &jrt::float_text(" + b + "))");
            case "insert(ILjava/lang/String;)Ljava/lang/StringBuilder;" -> e.isStringValue(args.get(1))
                    ? e.fallible("jrt::insert_units(&mut " + v + ", " + a + ", &" + e.arr(args.get(1)) + "[..])") : null;
            default -> "";
        };
        if (append == null) {
            return false;
        }
        if (!append.isEmpty()) {
            e.write(recv);
            e.statement(append);
            if (!Type.getReturnType(m.desc).equals(Type.VOID_TYPE)) {
                e.pushSame(recv);
            }
            return true;
        }
        switch (m.name + m.desc) {
            case "toString()Ljava/lang/String;" -> e.newString(v + ".clone()");
            case "length()I" -> e.value("jrt::len(&" + v + "[..])", 'I', true, recv);
            case "isEmpty()Z" -> e.value("(" + v + ".is_empty() as i32)", 'I', true, recv);
            case "charAt(I)C" -> e.value(e.fallible("jrt::char_at(&" + v + "[..], " + a + ")"), 'I', false);
            case "indexOf(Ljava/lang/String;)I" -> {
                if (!e.isStringValue(args.get(0))) {
                    return false;
                }
                e.value("jrt::index_of_str(&" + v + "[..], &" + e.arr(args.get(0)) + "[..], 0)", 'I', true, recv, args.get(0));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The locale of a {@code String.toUpperCase/toLowerCase} call: none (the default, which the wrapper then checks) or
     * a {@code Locale} constant ({@link #isCaseNeutralLocale}); false for any other.
     */
    private static boolean caseLocale(Emitter e, MethodInsnNode m, List<Object> args) {
        if (args.isEmpty()) {
            e.readsDefaultLocale();
            return true;
        }
        return e.kind(args.get(0)) == 'H' && e.origin(args.get(0)) instanceof OValue.Static st && isCaseNeutralLocale(st.owner(), st.name());
    }

    /**
     * A {@code Locale} constant whose language is none of Turkish, Azeri and Lithuanian, the only ones whose case
     * mappings differ from {@code Locale.ROOT}'s ({@code ConditionalSpecialCasing}); every predefined constant is one.
     */
    static boolean isCaseNeutralLocale(String owner, String name) {
        return owner.equals("java/util/Locale") && java.util.Set.of("ROOT", "ENGLISH", "US", "UK", "CANADA", "CANADA_FRENCH",
                "FRENCH", "FRANCE", "GERMAN", "GERMANY", "ITALIAN", "ITALY", "JAPANESE", "JAPAN", "KOREAN", "KOREA", "CHINESE",
                "SIMPLIFIED_CHINESE", "TRADITIONAL_CHINESE", "CHINA", "PRC", "TAIWAN").contains(name);
    }

    /** {@code StandardCharsets.UTF_8}, {@code US_ASCII} or {@code ISO_8859_1}: the charsets {@code getBytes} is mapped for. */
    static boolean isStandardCharset(String owner, String name) {
        return owner.equals("java/nio/charset/StandardCharsets")
                && (name.equals("UTF_8") || name.equals("US_ASCII") || name.equals("ISO_8859_1"));
    }

    /** A {@code Character.isX} test: 1 or 0 from the table. */
    private static void set(Emitter e, CharTables.Table t, String c, Object[] reads) {
        e.value("jrt::in_set(" + c + ", &" + e.charTable(t) + ")", 'I', true, reads);
    }

    /** A case map; the {@code char} forms keep the low 16 bits, as {@code (char)} of the int form does. */
    private static void caseMap(Emitter e, CharTables.Table t, String c, boolean toChar, Object[] reads) {
        String mapped = "jrt::char_case(" + c + ", &" + e.charTable(t) + ")";
        e.value(toChar ? "(" + mapped + " & 0xFFFF)" : mapped, 'I', true, reads);
    }

    private static char kindOf(MethodInsnNode m) {
        return FunctionTranslator.kind(Type.getReturnType(m.desc));
    }
}

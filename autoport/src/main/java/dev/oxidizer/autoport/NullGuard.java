package dev.oxidizer.autoport;

import org.objectweb.asm.Type;

/**
 * What the Java method does first when a parameter is null, for the wrapper to do before the downcall (translated code
 * never sees null): throw {@code exception} with {@code message}, return a constant, or {@code Objects.requireNonNull};
 * or, for a static method that tests the parameter anywhere else ({@link Kind#JAVA}), call the Java method itself, which
 * then does all of it in its own order.
 *
 * @param param      the parameter's index in declaration order
 * @param exception  internal name of the exception thrown ({@link Kind#THROW}, {@link Kind#REQUIRE})
 * @param message    its message, null for none
 * @param value      the constant returned ({@link Kind#RETURN}): a boxed primitive, {@link #NULL}, an {@link EmptyArray}, or
 *                   null for {@code void}
 * @param returnType the method's return type
 */
public record NullGuard(int param, Kind kind, String exception, String message, Object value, Type returnType) {
    /** {@code return null;}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /**
     * {@code THROW}, {@code RETURN}, {@code REQUIRE}: the prologue's statement, repeated by the wrapper. {@code JAVA}: the
     * wrapper hands the whole call to the Java original when this parameter is null (before any other guard), since the
     * method handles null after other work or in a way the wrapper cannot repeat ({@code MathArrays.equals(x, y)}).
     */
    public enum Kind { THROW, RETURN, REQUIRE, JAVA }

    /** {@code return new T[0];} (the method returns an empty constant array). */
    public record EmptyArray(String elementType) {}

    /** The Java statement for the parameter named {@code javaName}, for every kind but {@link Kind#JAVA}. */
    public String javaStatement(String javaName) {
        if (kind == Kind.JAVA) {
            throw new IllegalStateException("a JAVA guard needs the call of the original");
        }
        return javaStatement(javaName, null);
    }

    /**
     * The Java statement for the parameter named {@code javaName}; {@link Kind#JAVA} calls {@code original}, the Java
     * method applied to the wrapper's arguments (a call expression).
     */
    public String javaStatement(String javaName, String original) {
        return switch (kind) {
            case JAVA -> "if (" + javaName + " == null) {\n    " + (returnType.getSort() == Type.VOID
                    ? original + ";\n    return;" : "return " + original + ";") + "\n}";
            case REQUIRE -> "java.util.Objects.requireNonNull(" + javaName + (message == null ? "" : ", " + javaString(message)) + ");";
            case THROW -> "if (" + javaName + " == null) {\n    throw new " + exception.replace('/', '.') + "("
                    + (message == null ? "" : javaString(message)) + ");\n}";
            case RETURN -> "if (" + javaName + " == null) {\n    return" + (value == null ? "" : " " + javaLiteral()) + ";\n}";
        };
    }

    private String javaLiteral() {
        if (value == NULL) {
            return "null";
        }
        if (value instanceof EmptyArray e) {
            return "new " + e.elementType() + "[0]";
        }
        Number n = (Number) value;
        return switch (returnType.getSort()) {
            case Type.BOOLEAN -> n.intValue() != 0 ? "true" : "false";
            case Type.BYTE -> "(byte) " + n.intValue();
            case Type.SHORT -> "(short) " + n.intValue();
            case Type.CHAR -> "(char) " + (n.intValue() & 0xFFFF);
            case Type.INT -> n.intValue() == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : "(" + n.intValue() + ")";
            case Type.LONG -> n.longValue() == Long.MIN_VALUE ? "Long.MIN_VALUE" : "(" + n.longValue() + "L)";
            case Type.FLOAT -> "Float.intBitsToFloat(0x" + Integer.toHexString(Float.floatToRawIntBits(n.floatValue())) + ")";
            default -> "Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits(n.doubleValue())) + "L)";
        };
    }

    static String javaString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 32) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else if (c > 126) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * The value of a {@code static final} primitive field that {@code <clinit>} computes rather than javac folding it
 * into a constant: {@code static final long ZERO_BITS = Double.doubleToRawLongBits(+0.0)}. The expression that
 * produces the value its one {@code putstatic} stores is evaluated here, in Java (so with Java's arithmetic), when it
 * is made of constants, other such fields of the class, arithmetic and conversions, and static methods of
 * {@code Double}, {@code Float}, {@code Integer}, {@code Long} and {@code StrictMath} taking and returning primitives
 * (pure and exact by their specification; not {@code StrictMath.random}) and the exact ones of {@code Math}; anything
 * else, or a jump into the expression, leaves the field a static field (refused). A final field is written only by its
 * class's {@code <clinit>}, so translated code, which runs after it, always reads this value.
 */
final class ComputedConstant implements Opcodes {
    /** The methods of {@code Math} whose results are exact (so the same on every JVM). */
    static final Set<String> EXACT_MATH = Set.of("abs", "min", "max", "sqrt", "floor", "ceil", "rint", "ulp", "scalb",
            "getExponent", "copySign", "signum", "nextUp", "nextDown", "nextAfter", "floorDiv", "floorMod", "toIntExact",
            "addExact", "subtractExact", "multiplyExact", "negateExact");
    /** Classes whose static methods on primitives are pure functions, {@code StrictMath.random} aside. */
    static final Set<String> PURE_OWNERS = Set.of("java/lang/Double", "java/lang/Float", "java/lang/Integer",
            "java/lang/Long", "java/lang/StrictMath");
    private static final int MAX_DEPTH = 8;

    private final ClassNode cn;
    private final int depth;
    private InsnList insns;
    private Set<LabelNode> targets;

    private ComputedConstant(ClassNode cn, int depth) {
        this.cn = cn;
        this.depth = depth;
    }

    /** The field's value (boxed as the JVM's stack holds it: Integer, Long, Float or Double), or null. */
    static Number of(ClassNode cn, String field) {
        return new ComputedConstant(cn, 0).value(field);
    }

    private Number value(String field) {
        FieldNode fn = null;
        for (FieldNode f : cn.fields) {
            if (f.name.equals(field)) {
                fn = f;
            }
        }
        if (fn == null || (fn.access & ACC_STATIC) == 0 || (fn.access & ACC_FINAL) == 0 || depth > MAX_DEPTH) {
            return null;
        }
        if (fn.value instanceof Number n) {
            return n;
        }
        Type t = Type.getType(fn.desc);
        if (t.getSort() < Type.BOOLEAN || t.getSort() > Type.DOUBLE) {
            return null;
        }
        MethodNode clinit = cn.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst().orElse(null);
        if (clinit == null) {
            return null;
        }
        insns = clinit.instructions;
        targets = new HashSet<>();
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            switch (n) {
                case JumpInsnNode j -> targets.add(j.label);
                case TableSwitchInsnNode s -> {
                    targets.add(s.dflt);
                    targets.addAll(s.labels);
                }
                case LookupSwitchInsnNode s -> {
                    targets.add(s.dflt);
                    targets.addAll(s.labels);
                }
                default -> { }
            }
        }
        for (TryCatchBlockNode tc : clinit.tryCatchBlocks) {
            targets.add(tc.handler);
        }
        int put = -1;
        for (int i = 0; i < insns.size(); i++) {
            if (insns.get(i) instanceof FieldInsnNode f && f.getOpcode() == PUTSTATIC && f.owner.equals(cn.name) && f.name.equals(field)) {
                if (put >= 0) {
                    return null;
                }
                put = i;
            }
        }
        if (put < 0) {
            return null;
        }
        try {
            Val v = eval(put - 1);
            return v == null ? null : narrow(v.value(), t);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A value and the index of the first instruction of the expression that computed it. */
    private record Val(Number value, int start) {}

    /** The value the expression ending at instruction {@code p} leaves on the stack, or null when it is not a pure constant one. */
    private Val eval(int p) {
        while (p >= 0 && insns.get(p).getOpcode() < 0) {
            if (insns.get(p) instanceof LabelNode l && targets.contains(l)) {
                return null;
            }
            p--;
        }
        if (p < 0) {
            return null;
        }
        AbstractInsnNode in = insns.get(p);
        int op = in.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) {
            return new Val(op - ICONST_0, p);
        }
        switch (op) {
            case LCONST_0, LCONST_1 -> {
                return new Val((long) (op - LCONST_0), p);
            }
            case FCONST_0, FCONST_1, FCONST_2 -> {
                return new Val((float) (op - FCONST_0), p);
            }
            case DCONST_0, DCONST_1 -> {
                return new Val((double) (op - DCONST_0), p);
            }
            case BIPUSH, SIPUSH -> {
                return new Val(((IntInsnNode) in).operand, p);
            }
            case LDC -> {
                return ((LdcInsnNode) in).cst instanceof Number n ? new Val(n, p) : null;
            }
            case GETSTATIC -> {
                FieldInsnNode f = (FieldInsnNode) in;
                Number n = f.owner.equals(cn.name) ? new ComputedConstant(cn, depth + 1).value(f.name) : null;
                return n == null ? null : new Val(n, p);
            }
            case INVOKESTATIC -> {
                return call((MethodInsnNode) in, p);
            }
            default -> { }
        }
        if (op >= INEG && op <= DNEG || op >= I2L && op <= I2S) {
            Val a = eval(p - 1);
            return a == null ? null : new Val(unary(op, a.value()), a.start());
        }
        if (op >= IADD && op <= DREM || op >= ISHL && op <= LXOR || op >= LCMP && op <= DCMPG) {
            Val b = eval(p - 1);
            Val a = b == null ? null : eval(b.start() - 1);
            return a == null ? null : new Val(binary(op, a.value(), b.value()), a.start());
        }
        return null;
    }

    private Val call(MethodInsnNode m, int p) {
        if (!isPure(m)) {
            return null;
        }
        Type[] ps = Type.getArgumentTypes(m.desc);
        Number[] args = new Number[ps.length];
        int start = p;
        for (int k = ps.length - 1; k >= 0; k--) {
            Val a = eval(start - 1);
            if (a == null) {
                return null;
            }
            args[k] = a.value();
            start = a.start();
        }
        try {
            return new Val(invokePure(m, args), start);
        } catch (ReflectiveOperationException e) {
            return null; // it throws at class initialization (InvocationTargetException): not a constant
        }
    }

    /**
     * Whether {@code m} is a static method of {@link #PURE_OWNERS} (but {@code StrictMath.random()}, the one that is not
     * a function of its arguments) or an exact one of {@code Math}, taking and returning primitives.
     */
    static boolean isPure(MethodInsnNode m) {
        boolean pure = m.getOpcode() == INVOKESTATIC && (PURE_OWNERS.contains(m.owner) && !m.name.equals("random")
                || m.owner.equals("java/lang/Math") && EXACT_MATH.contains(m.name));
        Type ret = Type.getReturnType(m.desc);
        return pure && ret.getSort() >= Type.BOOLEAN && ret.getSort() <= Type.DOUBLE
                && java.util.Arrays.stream(Type.getArgumentTypes(m.desc)).allMatch(t -> t.getSort() >= Type.BOOLEAN && t.getSort() <= Type.DOUBLE);
    }

    /**
     * Calls the {@link #isPure} method {@code m} of this JDK with {@code stackArgs} (as the JVM's stack holds them);
     * its result as the stack holds it.
     *
     * @throws InvocationTargetException when the method throws
     */
    static Number invokePure(MethodInsnNode m, Number[] stackArgs) throws ReflectiveOperationException {
        Type[] ps = Type.getArgumentTypes(m.desc);
        Class<?>[] types = new Class<?>[ps.length];
        Object[] boxed = new Object[ps.length];
        for (int k = 0; k < ps.length; k++) {
            types[k] = primitive(ps[k]);
            boxed[k] = box(stackArgs[k], ps[k]);
        }
        Method method = Class.forName(m.owner.replace('/', '.')).getMethod(m.name, types);
        return stackValue(method.invoke(null, boxed));
    }

    private static Number unary(int op, Number a) {
        return switch (op) {
            case INEG -> -a.intValue();
            case LNEG -> -a.longValue();
            case FNEG -> -a.floatValue();
            case DNEG -> -a.doubleValue();
            case I2L -> (long) a.intValue();
            case I2F -> (float) a.intValue();
            case I2D -> (double) a.intValue();
            case L2I -> (int) a.longValue();
            case L2F -> (float) a.longValue();
            case L2D -> (double) a.longValue();
            case F2I -> (int) a.floatValue();
            case F2L -> (long) a.floatValue();
            case F2D -> (double) a.floatValue();
            case D2I -> (int) a.doubleValue();
            case D2L -> (long) a.doubleValue();
            case D2F -> (float) a.doubleValue();
            case I2B -> (int) (byte) a.intValue();
            case I2C -> (int) (char) a.intValue();
            default -> (int) (short) a.intValue();
        };
    }

    private static Number binary(int op, Number a, Number b) {
        return switch (op) {
            case IADD -> a.intValue() + b.intValue();
            case LADD -> a.longValue() + b.longValue();
            case FADD -> a.floatValue() + b.floatValue();
            case DADD -> a.doubleValue() + b.doubleValue();
            case ISUB -> a.intValue() - b.intValue();
            case LSUB -> a.longValue() - b.longValue();
            case FSUB -> a.floatValue() - b.floatValue();
            case DSUB -> a.doubleValue() - b.doubleValue();
            case IMUL -> a.intValue() * b.intValue();
            case LMUL -> a.longValue() * b.longValue();
            case FMUL -> a.floatValue() * b.floatValue();
            case DMUL -> a.doubleValue() * b.doubleValue();
            case IDIV -> a.intValue() / b.intValue();
            case LDIV -> a.longValue() / b.longValue();
            case FDIV -> a.floatValue() / b.floatValue();
            case DDIV -> a.doubleValue() / b.doubleValue();
            case IREM -> a.intValue() % b.intValue();
            case LREM -> a.longValue() % b.longValue();
            case FREM -> a.floatValue() % b.floatValue();
            case DREM -> a.doubleValue() % b.doubleValue();
            case ISHL -> a.intValue() << b.intValue();
            case LSHL -> a.longValue() << b.intValue();
            case ISHR -> a.intValue() >> b.intValue();
            case LSHR -> a.longValue() >> b.intValue();
            case IUSHR -> a.intValue() >>> b.intValue();
            case LUSHR -> a.longValue() >>> b.intValue();
            case IAND -> a.intValue() & b.intValue();
            case LAND -> a.longValue() & b.longValue();
            case IOR -> a.intValue() | b.intValue();
            case LOR -> a.longValue() | b.longValue();
            case IXOR -> a.intValue() ^ b.intValue();
            case LXOR -> a.longValue() ^ b.longValue();
            case LCMP -> Long.compare(a.longValue(), b.longValue());
            // the JVM's comparisons: -0.0 equals 0.0, NaN gives -1 (fcmpl/dcmpl) or 1 (fcmpg/dcmpg)
            case FCMPL, FCMPG -> Float.isNaN(a.floatValue()) || Float.isNaN(b.floatValue()) ? (op == FCMPG ? 1 : -1)
                    : a.floatValue() == b.floatValue() ? 0 : a.floatValue() < b.floatValue() ? -1 : 1;
            default -> Double.isNaN(a.doubleValue()) || Double.isNaN(b.doubleValue()) ? (op == DCMPG ? 1 : -1)
                    : a.doubleValue() == b.doubleValue() ? 0 : a.doubleValue() < b.doubleValue() ? -1 : 1;
        };
    }

    private static Class<?> primitive(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN -> boolean.class;
            case Type.CHAR -> char.class;
            case Type.BYTE -> byte.class;
            case Type.SHORT -> short.class;
            case Type.INT -> int.class;
            case Type.LONG -> long.class;
            case Type.FLOAT -> float.class;
            default -> double.class;
        };
    }

    private static Object box(Number v, Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN -> v.intValue() != 0;
            case Type.CHAR -> (char) v.intValue();
            case Type.BYTE -> (byte) v.intValue();
            case Type.SHORT -> (short) v.intValue();
            case Type.INT -> v.intValue();
            case Type.LONG -> v.longValue();
            case Type.FLOAT -> v.floatValue();
            default -> v.doubleValue();
        };
    }

    /** A method's result as the JVM's stack holds it (booleans and chars as ints). */
    private static Number stackValue(Object r) {
        return switch (r) {
            case Boolean z -> z ? 1 : 0;
            case Character c -> (int) c;
            case Byte b -> (int) b;
            case Short s -> (int) s;
            default -> (Number) r;
        };
    }

    /** The stored value as the field's type holds it (putstatic of a byte field stores the int's low byte). */
    private static Number narrow(Number v, Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN -> v.intValue() & 1;
            case Type.CHAR -> (int) (char) v.intValue();
            case Type.BYTE -> (int) (byte) v.intValue();
            case Type.SHORT -> (int) (short) v.intValue();
            case Type.INT -> v.intValue();
            case Type.LONG -> v.longValue();
            case Type.FLOAT -> v.floatValue();
            default -> v.doubleValue();
        };
    }
}

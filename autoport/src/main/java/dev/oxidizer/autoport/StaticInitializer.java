package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.util.Printer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs a class's {@code <clinit>} here, instruction by instruction, to find the values it leaves in a table it computes
 * from constants: a table built in a loop ({@code static final int[] CRC = new int[256]; static { for (...) CRC[n] = c; }},
 * or {@code = makeTable()}). The class is never loaded: an interpreter of the pure part of the byte code (arithmetic with
 * Java's own operators, locals, branches and switches, primitive arrays, the class's own static fields, its own static
 * methods, the pure static methods of {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code StrictMath}
 * and the exact ones of {@code Math}, and {@code String}'s {@code length}, {@code charAt}, {@code toCharArray}) runs it.
 * Anything else the initializer does for its other fields (a {@code Math.pow}, an object, another class's field) gives an
 * <em>unknown</em> value instead: arithmetic on it is unknown, an array it is stored into or that is passed to code not
 * run here is <em>tainted</em>, and a branch on it ends the run (the path is unknown). A field left unknown or tainted is
 * refused with the reason, so a table whose values could depend on the environment is never computed; one that is not
 * was computed by code that does the same in every JVM, so its values are the ones the application's class holds.
 *
 * <p>Not thread-safe: one instance per run.
 */
final class StaticInitializer implements Opcodes {
    /** Instructions a run may take (a CRC-32 table takes about 20,000). */
    static final long MAX_STEPS = 20_000_000L;
    /** The largest array a run may allocate, in elements. */
    static final int MAX_ARRAY = 1 << 22;
    private static final int MAX_DEPTH = 32;
    /** JDK classes whose primitive static fields (MAX_VALUE, PI...) are constants. */
    private static final Set<String> CONSTANT_OWNERS = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte", "java/lang/Character", "java/lang/Float", "java/lang/Double", "java/lang/Math", "java/lang/StrictMath");

    /** Thrown when the initializer does something outside the pure subset, with what and where. */
    static final class Impure extends Exception {
        Impure(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A value this run does not know, of one or two JVM stack slots (long and double take two). */
    private record Unknown(boolean wide) {}

    private static final Unknown U1 = new Unknown(false);
    private static final Unknown U2 = new Unknown(true);

    private final ClassNode cn;
    private final Map<String, Object> statics = new HashMap<>();
    /** Arrays some element of which is unknown, or that code not run here may have written (by identity). */
    private final Set<Object> tainted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private long steps;

    private StaticInitializer(ClassNode cn) {
        this.cn = cn;
    }

    /**
     * The value {@code cn}'s {@code <clinit>} leaves in its static field {@code field}.
     *
     * @throws Impure when the initializer is missing, does something outside the pure subset, throws, or runs too long
     */
    static Object valueOf(ClassNode cn, String field) throws Impure {
        if (!cn.superName.equals("java/lang/Object")) {
            // initializing it would run the superclass's initializer first
            throw new Impure("its class extends " + cn.superName.replace('/', '.'));
        }
        MethodNode clinit = method(cn, "<clinit>", "()V");
        if (clinit == null) {
            throw new Impure("its class has no static initializer");
        }
        StaticInitializer run = new StaticInitializer(cn);
        run.invoke(clinit, new Object[0], 0);
        Object v = run.statics.get(field);
        if (v instanceof Unknown) {
            throw new Impure("the static initializer computes it from values not known here (a call, an object or a field of"
                    + " another class)");
        }
        if (v != null && run.tainted.contains(v)) {
            throw new Impure("the static initializer stores a value not known here into it, or passes it to code not run here");
        }
        return v;
    }

    /** Marks {@code v}, and the arrays an {@code Object[]} holds, as possibly written by code not run here. */
    private void taint(Object v) {
        if (v != null && v.getClass().isArray() && tainted.add(v) && v instanceof Object[] os) {
            for (Object o : os) {
                taint(o);
            }
        }
    }

    /** Whether the result of arithmetic or conversion {@code op} takes two stack slots. */
    private static boolean wideResult(int op) {
        if (op >= IADD && op <= LXOR) {
            return op <= DNEG ? (op - IADD) % 2 == 1 : (op - ISHL) % 2 == 1;
        }
        return op == I2L || op == I2D || op == L2D || op == F2L || op == F2D || op == D2L;
    }

    /** How many operands arithmetic, conversion or comparison {@code op} takes; 0 for other instructions. */
    private static int operands(int op) {
        if (op >= INEG && op <= DNEG || op >= I2L && op <= I2S) {
            return 1;
        }
        return op >= IADD && op <= LXOR || op >= LCMP && op <= DCMPG ? 2 : 0;
    }

    private static MethodNode method(ClassNode cn, String name, String desc) {
        for (MethodNode m : cn.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private Impure impure(MethodNode m, AbstractInsnNode in, String what) {
        int line = -1;
        for (AbstractInsnNode n = in; n != null; n = n.getPrevious()) {
            if (n instanceof LineNumberNode ln) {
                line = ln.line;
                break;
            }
        }
        String name = in.getOpcode() >= 0 ? Printer.OPCODES[in.getOpcode()].toLowerCase() : "?";
        return new Impure("the static initializer " + what + " (" + name + (m.name.equals("<clinit>") ? "" : " in " + m.name)
                + (line >= 0 ? " at line " + line : "") + ")");
    }

    /** Runs {@code m} with {@code args} (one entry per parameter); its result, or null for void. */
    private Object invoke(MethodNode m, Object[] args, int depth) throws Impure {
        if (depth > MAX_DEPTH) {
            throw new Impure("the static initializer recurses deeper than " + MAX_DEPTH + " calls");
        }
        Object[] locals = new Object[Math.max(m.maxLocals, 1) + 2];
        int slot = (m.access & ACC_STATIC) != 0 ? 0 : 1;
        Type[] ps = Type.getArgumentTypes(m.desc);
        for (int i = 0; i < ps.length; i++) {
            locals[slot] = args[i];
            slot += ps[i].getSize();
        }
        Object[] stack = new Object[m.maxStack + 2];
        int sp = 0;
        InsnList insns = m.instructions;
        int pc = 0;
        try {
            while (true) {
                if (pc >= insns.size()) {
                    throw new Impure("the static initializer runs off the end of " + m.name);
                }
                AbstractInsnNode in = insns.get(pc);
                int op = in.getOpcode();
                if (op < 0) {
                    pc++;
                    continue;
                }
                if (++steps > MAX_STEPS) {
                    throw new Impure("the static initializer runs longer than " + MAX_STEPS + " instructions");
                }
                int next = pc + 1;
                int arity = operands(op);
                if (arity > 0 && (stack[sp - 1] instanceof Unknown || arity == 2 && stack[sp - 2] instanceof Unknown)) {
                    sp -= arity;
                    stack[sp++] = op >= LCMP || !wideResult(op) ? U1 : U2;
                    pc = next;
                    continue;
                }
                switch (op) {
                    case NOP, CHECKCAST -> { }
                    case ACONST_NULL -> stack[sp++] = null;
                    case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5 -> stack[sp++] = op - ICONST_0;
                    case LCONST_0, LCONST_1 -> stack[sp++] = (long) (op - LCONST_0);
                    case FCONST_0, FCONST_1, FCONST_2 -> stack[sp++] = (float) (op - FCONST_0);
                    case DCONST_0, DCONST_1 -> stack[sp++] = (double) (op - DCONST_0);
                    case BIPUSH, SIPUSH -> stack[sp++] = ((IntInsnNode) in).operand;
                    case LDC -> {
                        Object c = ((LdcInsnNode) in).cst;
                        stack[sp++] = c instanceof Number || c instanceof String ? c : U1;
                    }
                    case ILOAD, LLOAD, FLOAD, DLOAD, ALOAD -> stack[sp++] = locals[((VarInsnNode) in).var];
                    case ISTORE, LSTORE, FSTORE, DSTORE, ASTORE -> locals[((VarInsnNode) in).var] = stack[--sp];
                    case IINC -> {
                        IincInsnNode ii = (IincInsnNode) in;
                        if (!(locals[ii.var] instanceof Unknown)) {
                            locals[ii.var] = (Integer) locals[ii.var] + ii.incr;
                        }
                    }
                    case IALOAD, LALOAD, FALOAD, DALOAD, AALOAD, BALOAD, CALOAD, SALOAD -> {
                        Object i = stack[--sp];
                        Object a = stack[sp - 1];
                        stack[sp - 1] = a instanceof Unknown || i instanceof Unknown || tainted.contains(a)
                                ? (op == LALOAD || op == DALOAD ? U2 : U1) : load(a, (Integer) i);
                    }
                    case IASTORE, LASTORE, FASTORE, DASTORE, AASTORE, BASTORE, CASTORE, SASTORE -> {
                        Object v = stack[--sp];
                        Object i = stack[--sp];
                        Object a = stack[--sp];
                        if (a instanceof Unknown) {
                            taint(v); // stored where this run cannot follow it
                        } else if (i instanceof Unknown || v instanceof Unknown) {
                            taint(a);
                            taint(v);
                        } else {
                            store(a, (Integer) i, v);
                        }
                    }
                    case POP -> sp--;
                    case POP2 -> sp -= wide(stack[sp - 1]) ? 1 : 2;
                    case DUP -> { stack[sp] = stack[sp - 1]; sp++; }
                    case DUP_X1 -> {
                        Object v1 = stack[sp - 1];
                        Object v2 = stack[sp - 2];
                        stack[sp - 2] = v1;
                        stack[sp - 1] = v2;
                        stack[sp++] = v1;
                    }
                    case DUP_X2 -> {
                        Object v1 = stack[sp - 1];
                        Object v2 = stack[sp - 2];
                        if (wide(v2)) {
                            stack[sp - 2] = v1;
                            stack[sp - 1] = v2;
                            stack[sp++] = v1;
                        } else {
                            Object v3 = stack[sp - 3];
                            stack[sp - 3] = v1;
                            stack[sp - 2] = v3;
                            stack[sp - 1] = v2;
                            stack[sp++] = v1;
                        }
                    }
                    case DUP2 -> {
                        if (wide(stack[sp - 1])) {
                            stack[sp] = stack[sp - 1];
                            sp++;
                        } else {
                            stack[sp] = stack[sp - 2];
                            stack[sp + 1] = stack[sp - 1];
                            sp += 2;
                        }
                    }
                    case DUP2_X1, DUP2_X2 -> throw impure(m, in, "uses a stack shuffle javac does not emit for constants");
                    case SWAP -> {
                        Object t = stack[sp - 1];
                        stack[sp - 1] = stack[sp - 2];
                        stack[sp - 2] = t;
                    }
                    case IADD, ISUB, IMUL, IDIV, IREM, ISHL, ISHR, IUSHR, IAND, IOR, IXOR -> {
                        int b = (Integer) stack[--sp];
                        int a = (Integer) stack[sp - 1];
                        stack[sp - 1] = switch (op) {
                            case IADD -> a + b;
                            case ISUB -> a - b;
                            case IMUL -> a * b;
                            case IDIV -> a / b;
                            case IREM -> a % b;
                            case ISHL -> a << b;
                            case ISHR -> a >> b;
                            case IUSHR -> a >>> b;
                            case IAND -> a & b;
                            case IOR -> a | b;
                            default -> a ^ b;
                        };
                    }
                    case LADD, LSUB, LMUL, LDIV, LREM, LAND, LOR, LXOR -> {
                        long b = (Long) stack[--sp];
                        long a = (Long) stack[sp - 1];
                        stack[sp - 1] = switch (op) {
                            case LADD -> a + b;
                            case LSUB -> a - b;
                            case LMUL -> a * b;
                            case LDIV -> a / b;
                            case LREM -> a % b;
                            case LAND -> a & b;
                            case LOR -> a | b;
                            default -> a ^ b;
                        };
                    }
                    case LSHL, LSHR, LUSHR -> {
                        int b = (Integer) stack[--sp];
                        long a = (Long) stack[sp - 1];
                        stack[sp - 1] = op == LSHL ? a << b : op == LSHR ? a >> b : a >>> b;
                    }
                    case FADD, FSUB, FMUL, FDIV, FREM -> {
                        float b = (Float) stack[--sp];
                        float a = (Float) stack[sp - 1];
                        stack[sp - 1] = switch (op) {
                            case FADD -> a + b;
                            case FSUB -> a - b;
                            case FMUL -> a * b;
                            case FDIV -> a / b;
                            default -> a % b;
                        };
                    }
                    case DADD, DSUB, DMUL, DDIV, DREM -> {
                        double b = (Double) stack[--sp];
                        double a = (Double) stack[sp - 1];
                        stack[sp - 1] = switch (op) {
                            case DADD -> a + b;
                            case DSUB -> a - b;
                            case DMUL -> a * b;
                            case DDIV -> a / b;
                            default -> a % b;
                        };
                    }
                    case INEG -> stack[sp - 1] = -(Integer) stack[sp - 1];
                    case LNEG -> stack[sp - 1] = -(Long) stack[sp - 1];
                    case FNEG -> stack[sp - 1] = -(Float) stack[sp - 1];
                    case DNEG -> stack[sp - 1] = -(Double) stack[sp - 1];
                    case I2L -> stack[sp - 1] = (long) (Integer) stack[sp - 1];
                    case I2F -> stack[sp - 1] = (float) (Integer) stack[sp - 1];
                    case I2D -> stack[sp - 1] = (double) (Integer) stack[sp - 1];
                    case L2I -> stack[sp - 1] = (int) (long) (Long) stack[sp - 1];
                    case L2F -> stack[sp - 1] = (float) (Long) stack[sp - 1];
                    case L2D -> stack[sp - 1] = (double) (Long) stack[sp - 1];
                    case F2I -> stack[sp - 1] = (int) (float) (Float) stack[sp - 1];
                    case F2L -> stack[sp - 1] = (long) (float) (Float) stack[sp - 1];
                    case F2D -> stack[sp - 1] = (double) (Float) stack[sp - 1];
                    case D2I -> stack[sp - 1] = (int) (double) (Double) stack[sp - 1];
                    case D2L -> stack[sp - 1] = (long) (double) (Double) stack[sp - 1];
                    case D2F -> stack[sp - 1] = (float) (double) (Double) stack[sp - 1];
                    case I2B -> stack[sp - 1] = (int) (byte) (int) (Integer) stack[sp - 1];
                    case I2C -> stack[sp - 1] = (int) (char) (int) (Integer) stack[sp - 1];
                    case I2S -> stack[sp - 1] = (int) (short) (int) (Integer) stack[sp - 1];
                    case LCMP -> {
                        long b = (Long) stack[--sp];
                        stack[sp - 1] = Long.compare((Long) stack[sp - 1], b);
                    }
                    case FCMPL, FCMPG -> {
                        float b = (Float) stack[--sp];
                        float a = (Float) stack[sp - 1];
                        stack[sp - 1] = Float.isNaN(a) || Float.isNaN(b) ? (op == FCMPG ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0;
                    }
                    case DCMPL, DCMPG -> {
                        double b = (Double) stack[--sp];
                        double a = (Double) stack[sp - 1];
                        stack[sp - 1] = Double.isNaN(a) || Double.isNaN(b) ? (op == DCMPG ? 1 : -1) : a < b ? -1 : a > b ? 1 : 0;
                    }
                    case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE -> {
                        int a = known(m, in, stack[--sp]);
                        boolean t = switch (op) {
                            case IFEQ -> a == 0;
                            case IFNE -> a != 0;
                            case IFLT -> a < 0;
                            case IFGE -> a >= 0;
                            case IFGT -> a > 0;
                            default -> a <= 0;
                        };
                        if (t) {
                            next = insns.indexOf(((JumpInsnNode) in).label);
                        }
                    }
                    case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE -> {
                        int b = known(m, in, stack[--sp]);
                        int a = known(m, in, stack[--sp]);
                        boolean t = switch (op) {
                            case IF_ICMPEQ -> a == b;
                            case IF_ICMPNE -> a != b;
                            case IF_ICMPLT -> a < b;
                            case IF_ICMPGE -> a >= b;
                            case IF_ICMPGT -> a > b;
                            default -> a <= b;
                        };
                        if (t) {
                            next = insns.indexOf(((JumpInsnNode) in).label);
                        }
                    }
                    case IF_ACMPEQ, IF_ACMPNE -> {
                        Object b = stack[--sp];
                        Object a = stack[--sp];
                        if (a instanceof Unknown || b instanceof Unknown) {
                            throw impure(m, in, "branches on a value not known here");
                        }
                        if ((a == b) == (op == IF_ACMPEQ)) {
                            next = insns.indexOf(((JumpInsnNode) in).label);
                        }
                    }
                    case IFNULL, IFNONNULL -> {
                        Object a = stack[--sp];
                        if (a instanceof Unknown) {
                            throw impure(m, in, "branches on a value not known here");
                        }
                        if ((a == null) == (op == IFNULL)) {
                            next = insns.indexOf(((JumpInsnNode) in).label);
                        }
                    }
                    case GOTO -> next = insns.indexOf(((JumpInsnNode) in).label);
                    case TABLESWITCH -> {
                        TableSwitchInsnNode t = (TableSwitchInsnNode) in;
                        int k = known(m, in, stack[--sp]);
                        LabelNode to = k < t.min || k > t.max ? t.dflt : t.labels.get(k - t.min);
                        next = insns.indexOf(to);
                    }
                    case LOOKUPSWITCH -> {
                        LookupSwitchInsnNode t = (LookupSwitchInsnNode) in;
                        int k = known(m, in, stack[--sp]);
                        int i = t.keys.indexOf(k);
                        next = insns.indexOf(i < 0 ? t.dflt : t.labels.get(i));
                    }
                    case IRETURN, LRETURN, FRETURN, DRETURN, ARETURN -> {
                        return stack[sp - 1];
                    }
                    case RETURN -> {
                        return null;
                    }
                    case GETSTATIC -> stack[sp++] = getStatic((FieldInsnNode) in);
                    case PUTSTATIC -> {
                        FieldInsnNode f = (FieldInsnNode) in;
                        Object v = stack[--sp];
                        if (f.owner.equals(cn.name)) {
                            statics.put(f.name, v);
                        } else {
                            taint(v); // another class's code may write it
                        }
                    }
                    case INVOKESTATIC, INVOKEVIRTUAL, INVOKESPECIAL, INVOKEINTERFACE -> {
                        MethodInsnNode mi = (MethodInsnNode) in;
                        Type[] ats = Type.getArgumentTypes(mi.desc);
                        Object[] callArgs = new Object[ats.length];
                        for (int i = ats.length - 1; i >= 0; i--) {
                            callArgs[i] = stack[--sp];
                        }
                        Object recv = op == INVOKESTATIC ? null : stack[--sp];
                        Object r = call(m, mi, recv, callArgs, depth);
                        if (Type.getReturnType(mi.desc).getSort() != Type.VOID) {
                            stack[sp++] = r;
                        }
                    }
                    case INVOKEDYNAMIC -> {
                        org.objectweb.asm.tree.InvokeDynamicInsnNode d = (org.objectweb.asm.tree.InvokeDynamicInsnNode) in;
                        Type[] ats = Type.getArgumentTypes(d.desc);
                        for (int i = ats.length - 1; i >= 0; i--) {
                            taint(stack[--sp]);
                        }
                        Type rt = Type.getReturnType(d.desc);
                        if (rt.getSort() != Type.VOID) {
                            stack[sp++] = rt.getSize() == 2 ? U2 : U1;
                        }
                    }
                    case NEW -> stack[sp++] = U1;
                    case GETFIELD -> stack[sp - 1] = Type.getType(((FieldInsnNode) in).desc).getSize() == 2 ? U2 : U1;
                    case PUTFIELD -> {
                        taint(stack[--sp]); // into an object this run does not follow
                        sp--;
                    }
                    case MULTIANEWARRAY -> {
                        sp -= ((org.objectweb.asm.tree.MultiANewArrayInsnNode) in).dims;
                        stack[sp++] = U1;
                    }
                    case INSTANCEOF -> stack[sp - 1] = U1;
                    case MONITORENTER, MONITOREXIT -> sp--;
                    case NEWARRAY -> {
                        if (stack[sp - 1] instanceof Unknown) {
                            break; // an array of unknown length: unknown
                        }
                        int n = length(m, in, (Integer) stack[sp - 1]);
                        stack[sp - 1] = switch (((IntInsnNode) in).operand) {
                            case T_BOOLEAN -> new boolean[n];
                            case T_CHAR -> new char[n];
                            case T_FLOAT -> new float[n];
                            case T_DOUBLE -> new double[n];
                            case T_BYTE -> new byte[n];
                            case T_SHORT -> new short[n];
                            case T_INT -> new int[n];
                            default -> new long[n];
                        };
                    }
                    case ANEWARRAY -> {
                        if (!(stack[sp - 1] instanceof Unknown)) {
                            stack[sp - 1] = new Object[length(m, in, (Integer) stack[sp - 1])];
                        }
                    }
                    case ARRAYLENGTH -> {
                        if (!(stack[sp - 1] instanceof Unknown)) {
                            stack[sp - 1] = java.lang.reflect.Array.getLength(stack[sp - 1]);
                        }
                    }
                    default -> throw impure(m, in, "throws or jumps in a way not followed here");
                }
                pc = next;
            }
        } catch (RuntimeException e) {
            throw new Impure("the static initializer throws " + e.getClass().getName() + " here (in " + m.name + ")");
        }
    }

    /** An int the run knows, for a branch or switch; a branch on an unknown value ends the run. */
    private int known(MethodNode m, AbstractInsnNode in, Object v) throws Impure {
        if (v instanceof Unknown) {
            throw impure(m, in, "branches on a value not known here");
        }
        return (Integer) v;
    }

    private static Object load(Object a, int i) {
        return switch (a) {
            case int[] x -> x[i];
            case long[] x -> x[i];
            case float[] x -> x[i];
            case double[] x -> x[i];
            case boolean[] x -> x[i] ? 1 : 0;
            case byte[] x -> (int) x[i];
            case char[] x -> (int) x[i];
            case short[] x -> (int) x[i];
            case Object[] x -> x[i];
            default -> throw new ClassCastException("not an array");
        };
    }

    private int length(MethodNode m, AbstractInsnNode in, int n) throws Impure {
        if (n < 0 || n > MAX_ARRAY) {
            throw impure(m, in, "makes an array of " + n + " elements (at most " + MAX_ARRAY + " are computed here)");
        }
        return n;
    }

    /** Category-2 values (long, double) take two of the JVM's stack slots and one here. */
    private static boolean wide(Object v) {
        return v instanceof Long || v instanceof Double;
    }

    private static void store(Object a, int i, Object v) {
        switch (a) {
            case int[] x -> x[i] = (Integer) v;
            case long[] x -> x[i] = (Long) v;
            case float[] x -> x[i] = (Float) v;
            case double[] x -> x[i] = (Double) v;
            case boolean[] x -> x[i] = ((Integer) v & 1) != 0;
            case byte[] x -> x[i] = (byte) (int) (Integer) v;
            case char[] x -> x[i] = (char) (int) (Integer) v;
            case short[] x -> x[i] = (short) (int) (Integer) v;
            case Object[] x -> x[i] = v;
            default -> throw new ClassCastException("not an array");
        }
    }

    private Object getStatic(FieldInsnNode f) {
        Type t = Type.getType(f.desc);
        if (f.owner.equals(cn.name)) {
            if (statics.containsKey(f.name)) {
                return statics.get(f.name);
            }
            for (FieldNode fn : cn.fields) {
                if (fn.name.equals(f.name) && fn.value != null) {
                    return fn.value instanceof Number n ? stackValue(n, t) : fn.value;
                }
            }
            return switch (t.getSort()) {
                case Type.LONG -> 0L;
                case Type.FLOAT -> 0f;
                case Type.DOUBLE -> 0d;
                case Type.ARRAY, Type.OBJECT -> null;
                default -> 0;
            };
        }
        if (CONSTANT_OWNERS.contains(f.owner) && t.getSort() >= Type.BOOLEAN && t.getSort() <= Type.DOUBLE) {
            try {
                java.lang.reflect.Field jf = Class.forName(f.owner.replace('/', '.')).getField(f.name);
                if (Modifier.isFinal(jf.getModifiers()) && Modifier.isStatic(jf.getModifiers())) {
                    Object v = jf.get(null);
                    return v instanceof Character c ? (int) c : v instanceof Number n ? stackValue(n, t) : v;
                }
            } catch (ReflectiveOperationException e) {
                // fall through: not a constant of the JDK
            }
        }
        return t.getSize() == 2 ? U2 : U1; // another class's field: anything
    }

    private static Object stackValue(Number n, Type t) {
        return switch (t.getSort()) {
            case Type.LONG -> n.longValue();
            case Type.FLOAT -> n.floatValue();
            case Type.DOUBLE -> n.doubleValue();
            default -> n.intValue();
        };
    }

    /**
     * Runs a call: the class's own static methods here, the pure JDK ones by reflection; any other call's result is
     * unknown and the arrays it is given are tainted.
     */
    private Object call(MethodNode m, MethodInsnNode mi, Object recv, Object[] args, int depth) throws Impure {
        if (mi.getOpcode() == INVOKESTATIC && mi.owner.equals(cn.name)) {
            MethodNode callee = method(cn, mi.name, mi.desc);
            if (callee != null && (callee.access & (ACC_NATIVE | ACC_ABSTRACT)) == 0) {
                return invoke(callee, args, depth + 1);
            }
        }
        boolean known = !(recv instanceof Unknown) && java.util.Arrays.stream(args).noneMatch(a -> a instanceof Unknown);
        if (known && mi.getOpcode() == INVOKEVIRTUAL && mi.owner.equals("java/lang/String") && recv instanceof String s) {
            switch (mi.name + mi.desc) {
                case "length()I" -> {
                    return s.length();
                }
                case "charAt(I)C" -> {
                    return (int) s.charAt((Integer) args[0]);
                }
                case "toCharArray()[C" -> {
                    return s.toCharArray();
                }
                default -> { }
            }
        }
        Type ret = Type.getReturnType(mi.desc);
        if (!known || !ComputedConstant.isPure(mi)) {
            taint(recv);
            for (Object a : args) {
                taint(a);
            }
            return ret.getSort() == Type.VOID ? null : ret.getSize() == 2 ? U2 : U1;
        }
        Number[] stackArgs = new Number[args.length];
        for (int k = 0; k < args.length; k++) {
            stackArgs[k] = (Number) args[k];
        }
        try {
            return ComputedConstant.invokePure(mi, stackArgs);
        } catch (InvocationTargetException e) {
            throw impure(m, mi, "throws " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw impure(m, mi, "calls a method this JDK does not have");
        }
    }
}

package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Interpreter;

import java.util.List;

/**
 * ASM {@link Interpreter} giving every local and stack slot its exact type and, for references, the set of places it
 * may come from ({@link OValue.Origin}): parameters, receiver fields, allocations, constants. The translator uses the
 * origins to name arrays in Rust and to refuse a variable that may hold two different arrays.
 */
class OriginInterpreter extends Interpreter<OValue> implements Opcodes {
    private final MethodNode method;

    OriginInterpreter(MethodNode method) {
        super(Opcodes.ASM9);
        this.method = method;
    }

    private int index(AbstractInsnNode insn) {
        return method.instructions.indexOf(insn);
    }

    private static Type norm(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Type.INT_TYPE;
            default -> t;
        };
    }

    @Override
    public OValue newValue(Type type) {
        if (type == null) {
            return OValue.TOP;
        }
        if (type.getSort() == Type.VOID) {
            return null;
        }
        return OValue.of(norm(type));
    }

    @Override
    public OValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
        return OValue.of(norm(type), new OValue.Param(local));
    }

    @Override
    public OValue newEmptyValue(int local) {
        return OValue.TOP;
    }

    @Override
    public OValue newExceptionValue(TryCatchBlockNode tcb, org.objectweb.asm.tree.analysis.Frame<OValue> handlerFrame, Type exceptionType) {
        return OValue.of(exceptionType, new OValue.Made(index(tcb.handler)));
    }

    @Override
    public OValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
        return switch (insn.getOpcode()) {
            case ACONST_NULL -> OValue.of(OValue.NULL_TYPE, new OValue.Null());
            case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5, BIPUSH, SIPUSH -> OValue.of(Type.INT_TYPE);
            case LCONST_0, LCONST_1 -> OValue.of(Type.LONG_TYPE);
            case FCONST_0, FCONST_1, FCONST_2 -> OValue.of(Type.FLOAT_TYPE);
            case DCONST_0, DCONST_1 -> OValue.of(Type.DOUBLE_TYPE);
            case LDC -> {
                Object c = ((LdcInsnNode) insn).cst;
                if (c instanceof Integer) {
                    yield OValue.of(Type.INT_TYPE);
                } else if (c instanceof Long) {
                    yield OValue.of(Type.LONG_TYPE);
                } else if (c instanceof Float) {
                    yield OValue.of(Type.FLOAT_TYPE);
                } else if (c instanceof Double) {
                    yield OValue.of(Type.DOUBLE_TYPE);
                } else if (c instanceof String) {
                    yield OValue.of(Type.getType(String.class), new OValue.Made(index(insn)));
                } else if (c instanceof Type t && t.getSort() != Type.METHOD) {
                    yield OValue.of(Type.getType(Class.class), new OValue.Made(index(insn)));
                } else {
                    yield OValue.of(Type.getType(Object.class), new OValue.Made(index(insn)));
                }
            }
            case GETSTATIC -> {
                FieldInsnNode f = (FieldInsnNode) insn;
                yield OValue.of(norm(Type.getType(f.desc)), new OValue.Static(f.owner, f.name));
            }
            case NEW -> OValue.of(Type.getObjectType(((TypeInsnNode) insn).desc), new OValue.Made(index(insn)));
            default -> throw new AnalyzerException(insn, "unexpected opcode " + insn.getOpcode());
        };
    }

    @Override
    public OValue copyOperation(AbstractInsnNode insn, OValue value) {
        return value;
    }

    @Override
    public OValue unaryOperation(AbstractInsnNode insn, OValue value) throws AnalyzerException {
        return switch (insn.getOpcode()) {
            case INEG, IINC, L2I, F2I, D2I, I2B, I2C, I2S, ARRAYLENGTH, INSTANCEOF -> OValue.of(Type.INT_TYPE);
            case FNEG, I2F, L2F, D2F -> OValue.of(Type.FLOAT_TYPE);
            case LNEG, I2L, F2L, D2L -> OValue.of(Type.LONG_TYPE);
            case DNEG, I2D, L2D, F2D -> OValue.of(Type.DOUBLE_TYPE);
            case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE, TABLESWITCH, LOOKUPSWITCH, IRETURN, LRETURN, FRETURN, DRETURN,
                 ARETURN, PUTSTATIC, ATHROW, MONITORENTER, MONITOREXIT, IFNULL, IFNONNULL -> null;
            case GETFIELD -> {
                FieldInsnNode f = (FieldInsnNode) insn;
                boolean onThis = value.origins().contains(new OValue.Param(0));
                yield onThis ? OValue.of(norm(Type.getType(f.desc)), new OValue.Field(f.name))
                        : OValue.of(norm(Type.getType(f.desc)), new OValue.Made(index(insn)));
            }
            case NEWARRAY -> {
                String d = switch (((IntInsnNode) insn).operand) {
                    case T_BOOLEAN -> "[Z";
                    case T_CHAR -> "[C";
                    case T_BYTE -> "[B";
                    case T_SHORT -> "[S";
                    case T_INT -> "[I";
                    case T_FLOAT -> "[F";
                    case T_DOUBLE -> "[D";
                    case T_LONG -> "[J";
                    default -> throw new AnalyzerException(insn, "invalid array type");
                };
                yield OValue.of(Type.getType(d), new OValue.Made(index(insn)));
            }
            case ANEWARRAY -> OValue.of(Type.getType("[" + Type.getObjectType(((TypeInsnNode) insn).desc).getDescriptor()),
                    new OValue.Made(index(insn)));
            case CHECKCAST -> new OValue(Type.getObjectType(((TypeInsnNode) insn).desc), value.origins());
            default -> throw new AnalyzerException(insn, "unexpected opcode " + insn.getOpcode());
        };
    }

    @Override
    public OValue binaryOperation(AbstractInsnNode insn, OValue v1, OValue v2) throws AnalyzerException {
        return switch (insn.getOpcode()) {
            case IALOAD, BALOAD, CALOAD, SALOAD, IADD, ISUB, IMUL, IDIV, IREM, ISHL, ISHR, IUSHR, IAND, IOR, IXOR,
                 LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> OValue.of(Type.INT_TYPE);
            case FALOAD, FADD, FSUB, FMUL, FDIV, FREM -> OValue.of(Type.FLOAT_TYPE);
            case LALOAD, LADD, LSUB, LMUL, LDIV, LREM, LSHL, LSHR, LUSHR, LAND, LOR, LXOR -> OValue.of(Type.LONG_TYPE);
            case DALOAD, DADD, DSUB, DMUL, DDIV, DREM -> OValue.of(Type.DOUBLE_TYPE);
            case AALOAD -> {
                Type at = v1.type();
                Type el = at != null && at.getSort() == Type.ARRAY ? Type.getType(at.getDescriptor().substring(1)) : Type.getType(Object.class);
                yield OValue.of(el, new OValue.Made(index(insn)));
            }
            case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE, PUTFIELD -> null;
            default -> throw new AnalyzerException(insn, "unexpected opcode " + insn.getOpcode());
        };
    }

    @Override
    public OValue ternaryOperation(AbstractInsnNode insn, OValue v1, OValue v2, OValue v3) {
        return null;
    }

    @Override
    public OValue naryOperation(AbstractInsnNode insn, List<? extends OValue> values) {
        if (NullChecks.isRequireNonNull(insn)) {
            return values.get(0);
        }
        // StringBuilder's append, insert, reverse, delete... return the builder itself: a chain stored in a variable
        // (sb = new StringBuilder("p").append(n)) is that one builder
        if (insn instanceof MethodInsnNode m && insn.getOpcode() == INVOKEVIRTUAL && m.owner.equals("java/lang/StringBuilder")
                && Type.getReturnType(m.desc).getInternalName().equals("java/lang/StringBuilder")) {
            return values.get(0);
        }
        Type ret;
        if (insn instanceof MethodInsnNode m) {
            ret = Type.getReturnType(m.desc);
        } else if (insn instanceof InvokeDynamicInsnNode d) {
            ret = Type.getReturnType(d.desc);
        } else {
            ret = Type.getType(((MultiANewArrayInsnNode) insn).desc);
        }
        if (ret.getSort() == Type.VOID) {
            return null;
        }
        Type n = norm(ret);
        return n.getSort() == Type.ARRAY || n.getSort() == Type.OBJECT ? OValue.of(n, new OValue.Made(index(insn))) : OValue.of(n);
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, OValue value, OValue expected) {
    }

    @Override
    public OValue merge(OValue a, OValue b) {
        if (a.equals(b)) {
            return a;
        }
        if (a.type() == null || b.type() == null) {
            return OValue.TOP;
        }
        if (a.type().equals(b.type())) {
            return a.union(b);
        }
        if (a.isReference() && b.isReference()) {
            if (a.type().equals(OValue.NULL_TYPE)) {
                return new OValue(b.type(), b.union(a).origins());
            }
            if (b.type().equals(OValue.NULL_TYPE)) {
                return a.union(b);
            }
            return new OValue(Type.getType(Object.class), a.union(b).origins());
        }
        return OValue.TOP;
    }
}

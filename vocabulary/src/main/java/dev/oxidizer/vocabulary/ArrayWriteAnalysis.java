package dev.oxidizer.vocabulary;

import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.PseudoInstruction;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.classfile.instruction.ThrowInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which array parameters a method body may write into, by following where each parameter's reference goes on the
 * operand stack and through local variables (one linear pass over the code, states carried along branches).
 *
 * <p>A parameter is "written" when an array store targets it, or when it escapes where writes cannot be seen: passed
 * to a method (other than a few known read-only JDK methods, or as the source of {@code System.arraycopy}), stored in
 * a field or an array, captured by a lambda. When the analysis meets anything it does not model (JSR/RET, a stack
 * underflow), it answers "every array parameter is written": it may over-approximate, never under-approximate.
 */
final class ArrayWriteAnalysis {
    /** An operand stack entry: where the value came from (parameter slot, or -1) and its size in slots. */
    private record Value(int origin, int size) {
        static final Value UNKNOWN1 = new Value(-1, 1);
    }

    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    /**
     * Answers, for a call site, which array arguments the callee may write, by analysing the callee's own code.
     */
    interface Callees {
        /**
         * @return 0-based indices (receiver excluded) of the arguments the callee may write, or null when unknown
         *         (not on the class path, overridable, native, too deep)
         */
        Set<Integer> writtenArguments(String ownerInternalName, String name, String descriptor, Opcode opcode);
    }

    private final Set<Integer> paramSlots;
    private final Callees callees;
    private final Set<Integer> written = new HashSet<>();
    private final Map<Integer, Integer> localOrigin = new HashMap<>();
    private final Map<Label, List<Value>> pending = new HashMap<>();
    private final Set<Label> handlers = new HashSet<>();
    private List<Value> stack = new ArrayList<>();
    private boolean reachable = true;

    private ArrayWriteAnalysis(Set<Integer> paramSlots, Callees callees) {
        this.paramSlots = paramSlots;
        this.callees = callees;
        for (int s : paramSlots) {
            localOrigin.put(s, s);
        }
    }

    /**
     * @param code       the method body
     * @param paramSlots local slots of the array parameters
     * @param callees    resolves callees' own writes, or null to treat every call as writing what it is passed
     * @return the slots of those that may be written
     */
    static Set<Integer> writtenParameters(CodeModel code, Set<Integer> paramSlots, Callees callees) {
        ArrayWriteAnalysis a = new ArrayWriteAnalysis(paramSlots, callees);
        try {
            for (CodeElement e : code) {
                if (e instanceof ExceptionCatch ec) {
                    a.handlers.add(ec.handler());
                }
            }
            for (CodeElement e : code) {
                a.step(e);
            }
            return a.written;
        } catch (GiveUp | IndexOutOfBoundsException e) {
            return paramSlots;
        }
    }

    private Value pop() {
        if (stack.isEmpty()) {
            throw new GiveUp();
        }
        return stack.removeLast();
    }

    private void popSlots(int slots) {
        int n = 0;
        while (n < slots) {
            n += pop().size();
        }
    }

    private void push(TypeKind k) {
        if (k != TypeKind.VOID) {
            stack.add(new Value(-1, k.slotSize()));
        }
    }

    private void escape(Value v) {
        if (v.origin() >= 0) {
            written.add(v.origin());
        }
    }

    private void jumpTo(Label target) {
        pending.putIfAbsent(target, new ArrayList<>(stack));
    }

    private void step(CodeElement e) {
        if (e instanceof LabelTarget lt) {
            Label l = lt.label();
            if (handlers.contains(l)) {
                stack = new ArrayList<>(List.of(Value.UNKNOWN1));
                reachable = true;
            } else if (!reachable) {
                List<Value> saved = pending.get(l);
                stack = saved == null ? new ArrayList<>() : new ArrayList<>(saved);
                reachable = true;
            }
            return;
        }
        if (e instanceof PseudoInstruction || !(e instanceof Instruction)) {
            return;
        }
        switch (e) {
            case LoadInstruction li -> {
                Integer origin = li.typeKind() == TypeKind.REFERENCE ? localOrigin.get(li.slot()) : null;
                stack.add(new Value(origin == null ? -1 : origin, li.typeKind().slotSize()));
            }
            case StoreInstruction si -> {
                Value v = pop();
                if (v.origin() >= 0) {
                    localOrigin.put(si.slot(), v.origin());
                } else {
                    localOrigin.remove(si.slot());
                }
            }
            case IncrementInstruction ignored -> { }
            case ConstantInstruction ci -> push(ci.typeKind());
            case ArrayLoadInstruction al -> {
                pop();
                pop();
                push(al.typeKind());
            }
            case ArrayStoreInstruction ignored -> {
                Value value = pop();
                pop();
                escape(pop());
                escape(value);
            }
            case OperatorInstruction op -> operator(op);
            case ConvertInstruction cv -> {
                pop();
                push(cv.toType());
            }
            case StackInstruction st -> stackOp(st.opcode());
            case BranchInstruction br -> {
                switch (br.opcode()) {
                    case GOTO, GOTO_W -> { }
                    case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE -> {
                        pop();
                        pop();
                    }
                    default -> pop();
                }
                jumpTo(br.target());
                if (br.opcode() == Opcode.GOTO || br.opcode() == Opcode.GOTO_W) {
                    reachable = false;
                }
            }
            case LookupSwitchInstruction ls -> {
                pop();
                jumpTo(ls.defaultTarget());
                ls.cases().forEach(c -> jumpTo(c.target()));
                reachable = false;
            }
            case TableSwitchInstruction ts -> {
                pop();
                jumpTo(ts.defaultTarget());
                ts.cases().forEach(c -> jumpTo(c.target()));
                reachable = false;
            }
            case ReturnInstruction ignored -> {
                stack.clear();
                reachable = false;
            }
            case ThrowInstruction ignored -> {
                stack.clear();
                reachable = false;
            }
            case FieldInstruction fi -> field(fi);
            case InvokeInstruction ii -> invoke(ii);
            case InvokeDynamicInstruction indy -> {
                for (int i = 0; i < indy.typeSymbol().parameterCount(); i++) {
                    escape(pop());
                }
                push(TypeKind.from(indy.typeSymbol().returnType()));
            }
            case NewObjectInstruction ignored -> push(TypeKind.REFERENCE);
            case NewPrimitiveArrayInstruction ignored -> {
                pop();
                push(TypeKind.REFERENCE);
            }
            case NewReferenceArrayInstruction ignored -> {
                pop();
                push(TypeKind.REFERENCE);
            }
            case NewMultiArrayInstruction nm -> {
                for (int i = 0; i < nm.dimensions(); i++) {
                    pop();
                }
                push(TypeKind.REFERENCE);
            }
            case TypeCheckInstruction tc -> {
                Value v = pop();
                stack.add(tc.opcode() == Opcode.CHECKCAST ? v : Value.UNKNOWN1);
            }
            case MonitorInstruction ignored -> pop();
            case NopInstruction ignored -> { }
            default -> throw new GiveUp();
        }
    }

    private void operator(OperatorInstruction op) {
        Opcode o = op.opcode();
        String name = o.name();
        boolean unary = name.endsWith("NEG") || o == Opcode.ARRAYLENGTH;
        pop();
        if (!unary) {
            pop();
        }
        boolean intResult = o == Opcode.ARRAYLENGTH || o == Opcode.LCMP || name.startsWith("FCMP") || name.startsWith("DCMP");
        push(intResult ? TypeKind.INT : op.typeKind());
    }

    private void field(FieldInstruction fi) {
        TypeKind k = TypeKind.from(fi.typeSymbol());
        switch (fi.opcode()) {
            case GETSTATIC -> push(k);
            case PUTSTATIC -> escape(pop());
            case GETFIELD -> {
                pop();
                push(k);
            }
            default -> {
                escape(pop());
                pop();
            }
        }
    }

    private void invoke(InvokeInstruction ii) {
        var type = ii.typeSymbol();
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < type.parameterCount(); i++) {
            args.addFirst(pop());
        }
        String owner = ii.owner().asInternalName();
        String name = ii.name().stringValue();
        if (ii.opcode() != Opcode.INVOKESTATIC) {
            Value receiver = pop();
            // array.clone() reads the array; any other method called on it may write it.
            if (!(owner.startsWith("[") && name.equals("clone"))) {
                escape(receiver);
            }
        }
        Set<Integer> calleeWrites = callees == null || name.equals("<init>") ? null
                : callees.writtenArguments(owner, name, type.descriptorString(), ii.opcode());
        for (int i = 0; i < args.size(); i++) {
            boolean readOnly = calleeWrites != null ? !calleeWrites.contains(i) : readOnlyArgument(owner, name, i, type.parameterType(i));
            if (!readOnly) {
                escape(args.get(i));
            }
        }
        push(TypeKind.from(type.returnType()));
    }

    /** JDK methods known not to write the array passed at {@code index}. */
    private static boolean readOnlyArgument(String owner, String name, int index, ClassDesc param) {
        if (param.isPrimitive()) {
            return true;
        }
        return switch (owner) {
            case "java/lang/System" -> name.equals("arraycopy") && index == 0;
            case "java/util/Arrays" -> Set.of("copyOf", "copyOfRange", "equals", "hashCode", "toString", "binarySearch",
                    "stream", "mismatch", "compare", "deepEquals", "deepHashCode", "deepToString").contains(name);
            case "java/lang/String" -> Set.of("<init>", "valueOf", "copyValueOf").contains(name);
            case "java/lang/Math", "java/lang/StrictMath" -> true;
            default -> false;
        };
    }

    private void stackOp(Opcode o) {
        switch (o) {
            case POP -> pop();
            case POP2 -> popSlots(2);
            case DUP -> stack.add(stack.getLast());
            case DUP_X1 -> {
                Value a = pop();
                Value b = pop();
                stack.add(a);
                stack.add(b);
                stack.add(a);
            }
            case DUP_X2 -> {
                Value a = pop();
                List<Value> under = takeSlots(2);
                stack.add(a);
                stack.addAll(under);
                stack.add(a);
            }
            case DUP2 -> {
                List<Value> top = takeSlots(2);
                stack.addAll(top);
                stack.addAll(top);
            }
            case DUP2_X1 -> {
                List<Value> top = takeSlots(2);
                Value b = pop();
                stack.addAll(top);
                stack.add(b);
                stack.addAll(top);
            }
            case DUP2_X2 -> {
                List<Value> top = takeSlots(2);
                List<Value> under = takeSlots(2);
                stack.addAll(top);
                stack.addAll(under);
                stack.addAll(top);
            }
            case SWAP -> {
                Value a = pop();
                Value b = pop();
                stack.add(a);
                stack.add(b);
            }
            default -> throw new GiveUp();
        }
    }

    /** Pops entries covering {@code slots} slots, returned bottom first. */
    private List<Value> takeSlots(int slots) {
        List<Value> out = new ArrayList<>();
        int n = 0;
        while (n < slots) {
            Value v = pop();
            out.addFirst(v);
            n += v.size();
        }
        return out;
    }
}

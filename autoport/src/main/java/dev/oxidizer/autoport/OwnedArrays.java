package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The local variables that hold arrays the method allocates and that take turns holding different ones: a dynamic
 * programme's rows ({@code prev = cur}, or {@code tmp = prev; prev = cur; cur = tmp}), a buffer grown by reallocation.
 *
 * <p>The translator names every other array after the one instruction that made it (its origin), which cannot express a
 * variable holding arrays of several origins, or the array of the previous iteration beside the one the same
 * instruction allocated now. Each slot returned here is a Rust variable of its own that owns its {@code Vec}
 * instead, and {@code astore} into it <em>moves</em> the array ({@code std::mem::take}). A move is exact Java
 * semantics only when the source is not used afterwards (then no two live variables refer to one array, and the
 * array's identity needs no tracking): the translator checks that with {@link #liveAfter} and refuses otherwise.
 *
 * <p>The set is closed under sharing: a slot that may hold an array an owned slot may hold is owned too, so no array
 * is ever read through its origin's name after it has moved. One-dimensional primitive arrays allocated by
 * {@code newarray} or returned by a call (always a fresh array in the subset) take part, and Strings (a String loop
 * variable: {@code s = s.substring(1)}, {@code acc = acc + c}) from anywhere, parameters included: a String is immutable,
 * so where a move would not be exact the translator copies its code units instead. If any value of an owned slot comes
 * from elsewhere (an array parameter, a field, {@code null}), nothing is owned and the translator refuses as before.
 */
final class OwnedArrays implements Opcodes {
    static final OwnedArrays NONE = new OwnedArrays(new BitSet(), Set.of(), null);

    private final BitSet slots;
    private final Set<OValue.Origin> origins;
    /** Per instruction, the slots read on some path after it before being written; null when nothing is owned. */
    private final BitSet[] liveOut;

    private OwnedArrays(BitSet slots, Set<OValue.Origin> origins, BitSet[] liveOut) {
        this.slots = slots;
        this.origins = origins;
        this.liveOut = liveOut;
    }

    /** Whether local {@code slot} is an owning variable. */
    boolean owns(int slot) {
        return slots.get(slot);
    }

    /** Whether an owned variable may hold an array of {@code o} (then only owned variables may name it). */
    boolean moves(OValue.Origin o) {
        return origins.contains(o);
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    /** Whether local {@code slot} may be read after instruction {@code insn} before it is written again. */
    boolean liveAfter(int insn, int slot) {
        return liveOut[insn].get(slot);
    }

    /** The Rust variable of owned {@code slot} holding arrays (or Strings) of {@code type}. */
    static String var(int slot, Type type) {
        return "l" + slot + "v" + (FunctionTranslator.isString(type) ? "str" : FunctionTranslator.elem(type));
    }

    /** Whether {@code type} is one an owned variable may hold: a one-dimensional primitive array or a String. */
    static boolean holdable(Type type) {
        return type != null && (FunctionTranslator.isString(type)
                || type.getSort() == Type.ARRAY && type.getDimensions() == 1 && FunctionTranslator.elem(type) != null);
    }

    static OwnedArrays find(MethodNode mn, Frame<OValue>[] frames) {
        InsnList insns = mn.instructions;
        BitSet slots = new BitSet();
        // Seeds: a slot read while it may hold arrays of several origins, and a slot still holding the array an
        // instruction made when that instruction runs again (the previous row beside the new one).
        for (int i = 0; i < insns.size(); i++) {
            Frame<OValue> f = frames[i];
            if (f == null) {
                continue;
            }
            AbstractInsnNode in = insns.get(i);
            if (in.getOpcode() == ALOAD && f.getLocal(((VarInsnNode) in).var).origins().size() > 1) {
                slots.set(((VarInsnNode) in).var);
            }
            OValue.Made here = new OValue.Made(i);
            for (int k = 0; k < f.getLocals(); k++) {
                if (f.getLocal(k).origins().contains(here)) {
                    slots.set(k);
                }
            }
        }
        if (slots.isEmpty()) {
            return NONE;
        }
        // Closure: every slot that may hold an origin an owned slot may hold.
        Set<OValue.Origin> origins = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Frame<OValue> f : frames) {
                if (f == null) {
                    continue;
                }
                for (int k = slots.nextSetBit(0); k >= 0 && k < f.getLocals(); k = slots.nextSetBit(k + 1)) {
                    grew |= origins.addAll(f.getLocal(k).origins());
                }
                for (int k = 0; k < f.getLocals(); k++) {
                    if (!slots.get(k) && f.getLocal(k).origins().stream().anyMatch(origins::contains)) {
                        slots.set(k);
                        grew = true;
                    }
                }
            }
        }
        Type[] params = Type.getArgumentTypes(mn.desc);
        boolean isStatic = (mn.access & ACC_STATIC) != 0;
        for (OValue.Origin o : origins) {
            boolean ok = switch (o) {
                case OValue.Made m -> freshArray(insns.get(m.insn()), frames, m.insn()) || madeString(insns.get(m.insn()));
                // a String parameter: immutable, so the owning variable may start as a copy of its code units
                case OValue.Param p -> FunctionTranslator.isString(paramType(params, isStatic, p.slot()));
                default -> false;
            };
            if (!ok) {
                return NONE;
            }
        }
        return new OwnedArrays(slots, origins, liveness(mn, frames));
    }

    /** A one-dimensional primitive array the method itself makes: {@code newarray}, or a call returning one. */
    private static boolean freshArray(AbstractInsnNode in, Frame<OValue>[] frames, int i) {
        Type t;
        if (in.getOpcode() == NEWARRAY) {
            Frame<OValue> after = i + 1 < frames.length ? frames[i + 1] : null;
            t = after == null ? null : after.getStack(after.getStackSize() - 1).type();
        } else if (in instanceof MethodInsnNode m) {
            // an array's clone() is declared to return Object
            t = m.owner.startsWith("[") && m.name.equals("clone") ? Type.getObjectType(m.owner) : Type.getReturnType(m.desc);
        } else if (in instanceof InvokeDynamicInsnNode d) {
            t = Type.getReturnType(d.desc);
        } else {
            return false;
        }
        return t != null && t.getSort() == Type.ARRAY && t.getDimensions() == 1 && FunctionTranslator.elem(t) != null;
    }

    /** A String the method makes or names: a constant, {@code new String(...)}, a call or concatenation returning one. */
    private static boolean madeString(AbstractInsnNode in) {
        return switch (in) {
            case org.objectweb.asm.tree.LdcInsnNode l -> l.cst instanceof String;
            case org.objectweb.asm.tree.TypeInsnNode t -> t.getOpcode() == NEW && t.desc.equals("java/lang/String");
            case MethodInsnNode m -> FunctionTranslator.isString(Type.getReturnType(m.desc));
            case InvokeDynamicInsnNode d -> FunctionTranslator.isString(Type.getReturnType(d.desc));
            default -> false;
        };
    }

    /** The declared type of the parameter in local {@code slot}, or null (the receiver, or not a parameter). */
    private static Type paramType(Type[] params, boolean isStatic, int slot) {
        int s = isStatic ? 0 : 1;
        for (Type t : params) {
            if (s == slot) {
                return t;
            }
            s += t.getSize();
        }
        return null;
    }

    /** Backward liveness of every local slot, per instruction (a read anywhere, {@code iinc} included, keeps it live). */
    private static BitSet[] liveness(MethodNode mn, Frame<OValue>[] frames) {
        InsnList insns = mn.instructions;
        int n = insns.size();
        List<List<Integer>> succs = new ArrayList<>(n);
        List<List<Integer>> handlersOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            succs.add(successors(insns, i));
            handlersOf.add(new ArrayList<>());
        }
        for (TryCatchBlockNode t : mn.tryCatchBlocks) {
            int h = insns.indexOf(t.handler);
            for (int i = insns.indexOf(t.start); i < insns.indexOf(t.end); i++) {
                handlersOf.get(i).add(h);
            }
        }
        BitSet[] in = new BitSet[n];
        BitSet[] out = new BitSet[n];
        for (int i = 0; i < n; i++) {
            in[i] = new BitSet();
            out[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                if (frames[i] == null) {
                    continue;
                }
                BitSet o = new BitSet();
                for (int s : succs.get(i)) {
                    o.or(in[s]);
                }
                BitSet x = (BitSet) o.clone();
                AbstractInsnNode node = insns.get(i);
                if (node instanceof VarInsnNode v) {
                    if (v.getOpcode() >= ISTORE && v.getOpcode() <= ASTORE) {
                        x.clear(v.var);
                    } else {
                        x.set(v.var);
                    }
                } else if (node.getOpcode() == IINC) {
                    x.set(((org.objectweb.asm.tree.IincInsnNode) node).var);
                }
                // an exception may leave before the instruction's effect: what the handler reads is live here too
                for (int h : handlersOf.get(i)) {
                    x.or(in[h]);
                    o.or(in[h]);
                }
                if (!x.equals(in[i]) || !o.equals(out[i])) {
                    in[i] = x;
                    out[i] = o;
                    changed = true;
                }
            }
        }
        return out;
    }

    private static List<Integer> successors(InsnList insns, int i) {
        AbstractInsnNode in = insns.get(i);
        List<Integer> s = new ArrayList<>();
        switch (in) {
            case JumpInsnNode j -> {
                s.add(insns.indexOf(j.label));
                if (j.getOpcode() != GOTO) {
                    s.add(i + 1);
                }
            }
            case TableSwitchInsnNode t -> {
                s.add(insns.indexOf(t.dflt));
                for (LabelNode l : t.labels) {
                    s.add(insns.indexOf(l));
                }
            }
            case LookupSwitchInsnNode t -> {
                s.add(insns.indexOf(t.dflt));
                for (LabelNode l : t.labels) {
                    s.add(insns.indexOf(l));
                }
            }
            default -> {
                int op = in.getOpcode();
                boolean ends = (op >= IRETURN && op <= RETURN) || op == ATHROW;
                if (!ends && i + 1 < insns.size()) {
                    s.add(i + 1);
                }
            }
        }
        return s;
    }
}

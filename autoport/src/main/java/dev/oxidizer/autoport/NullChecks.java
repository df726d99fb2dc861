package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Null checks of parameters. Translated code never holds {@code null} (the constant is outside the subset, and the
 * wrapper passes arrays and strings only when they are not null), so {@code p == null} of a parameter is false: the
 * branch taken for null is dead and removed before translation, and {@code Objects.requireNonNull(p)} is {@code p}.
 *
 * <p>For the entry method that is exact only if the wrapper does for a null argument what the Java method does. So a
 * null check of the entry is accepted only in its <em>prologue</em> (before any other instruction that can throw or
 * write): {@code if (p == null) throw new X("constant")}, {@code if (p == null) return constant;} and
 * {@code Objects.requireNonNull(p[, "message"])}, each becoming a {@link NullGuard} the wrapper runs before the
 * downcall, in Java's order. Any other null check of the entry's parameters is refused.
 */
final class NullChecks implements Opcodes {
    private final org.objectweb.asm.tree.ClassNode owner;
    private final MethodNode mn;
    private final Frame<OValue>[] frames;
    private final boolean isStatic;
    private final Set<Integer> nullSlots;
    /** Instruction index of each null check of a parameter (ifnull, ifnonnull, requireNonNull) to its guard, if in the prologue. */
    final Map<Integer, NullGuard> prologue = new HashMap<>();
    final List<NullGuard> guards = new ArrayList<>();

    /** {@code nullSlots}: parameters null in every call of this (specialised) copy; their non-null branches are dead. */
    NullChecks(org.objectweb.asm.tree.ClassNode owner, MethodNode mn, Frame<OValue>[] frames, boolean isStatic, Set<Integer> nullSlots) {
        this.owner = owner;
        this.mn = mn;
        this.frames = frames;
        this.isStatic = isStatic;
        this.nullSlots = nullSlots;
    }

    /**
     * Whether instruction {@code i} tests a parameter for null (the parameter is then known to be non-null, or, for one
     * of {@code nullSlots}, null).
     */
    boolean testsParam(int i) {
        AbstractInsnNode in = mn.instructions.get(i);
        if ((in.getOpcode() != IFNULL && in.getOpcode() != IFNONNULL) || frames[i] == null) {
            return false;
        }
        OValue v = frames[i].getStack(frames[i].getStackSize() - 1);
        return v.origins().size() == 1 && v.origins().iterator().next() instanceof OValue.Param;
    }

    /**
     * {@code Objects.requireNonNull(x[, "message"])}, or Guava's {@code Preconditions.checkNotNull(x[, "message"])},
     * which throws the same {@code NullPointerException} with the same message.
     */
    static boolean isRequireNonNull(AbstractInsnNode in) {
        if (!(in instanceof MethodInsnNode m) || m.getOpcode() != INVOKESTATIC) {
            return false;
        }
        if (m.owner.equals("java/util/Objects") && m.name.equals("requireNonNull")) {
            return m.desc.equals("(Ljava/lang/Object;)Ljava/lang/Object;") || m.desc.equals("(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;");
        }
        return m.owner.equals("com/google/common/base/Preconditions") && m.name.equals("checkNotNull")
                && (m.desc.equals("(Ljava/lang/Object;)Ljava/lang/Object;") || m.desc.equals("(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"));
    }

    /**
     * Removes the branches taken for a null parameter (for one of {@code nullSlots}, those taken for a non-null one):
     * their instructions' frames become null (unreachable).
     */
    void pruneNullBranches() {
        InsnList insns = mn.instructions;
        int n = insns.size();
        boolean[] live = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        work.push(0);
        while (!work.isEmpty()) {
            int i = work.pop();
            if (i >= n || live[i] || frames[i] == null) {
                continue;
            }
            live[i] = true;
            AbstractInsnNode in = insns.get(i);
            int op = in.getOpcode();
            if (in instanceof JumpInsnNode j) {
                int target = insns.indexOf(j.label);
                if (testsParam(i)) {
                    work.push(jumps(i) ? target : i + 1);
                    continue;
                }
                work.push(target);
                if (op != GOTO) {
                    work.push(i + 1);
                }
            } else if (in instanceof TableSwitchInsnNode t) {
                work.push(insns.indexOf(t.dflt));
                t.labels.forEach(l -> work.push(insns.indexOf(l)));
            } else if (in instanceof LookupSwitchInsnNode t) {
                work.push(insns.indexOf(t.dflt));
                t.labels.forEach(l -> work.push(insns.indexOf(l)));
            } else if (!(op == ATHROW || (op >= IRETURN && op <= RETURN))) {
                work.push(i + 1);
            }
        }
        mn.tryCatchBlocks.forEach(tcb -> {
            // handlers are reachable through their ranges: keep a handler if any instruction it covers is live
            int s = insns.indexOf(tcb.start);
            int e = insns.indexOf(tcb.end);
            for (int k = s; k < e; k++) {
                if (live[k]) {
                    markFrom(insns.indexOf(tcb.handler), live);
                    break;
                }
            }
        });
        for (int i = 0; i < n; i++) {
            if (!live[i]) {
                frames[i] = null;
            }
        }
    }

    private void markFrom(int start, boolean[] live) {
        // Conservative: a handler keeps everything after it that the analyzer reached.
        for (int k = start; k < live.length; k++) {
            if (frames[k] != null) {
                live[k] = true;
            }
        }
    }

    /**
     * Walks the entry method's prologue: from the first instruction, parameter null checks whose null branch is a
     * constant exit, until the first instruction of any other kind.
     */
    void findPrologue() {
        InsnList insns = mn.instructions;
        int i = next(0);
        while (i >= 0) {
            AbstractInsnNode in = insns.get(i);
            if (!(in instanceof VarInsnNode v) || v.getOpcode() != ALOAD || paramIndex(mn, isStatic, v.var) < 0) {
                return;
            }
            int j = next(i + 1);
            if (j < 0) {
                return;
            }
            AbstractInsnNode test = insns.get(j);
            if (test.getOpcode() == IFNULL || test.getOpcode() == IFNONNULL) {
                int nullBranch = test.getOpcode() == IFNULL ? insns.indexOf(((JumpInsnNode) test).label) : j + 1;
                NullGuard g = exit(v.var, nullBranch);
                if (g == null) {
                    return;
                }
                prologue.put(j, g);
                guards.add(g);
                i = next(test.getOpcode() == IFNULL ? j + 1 : insns.indexOf(((JumpInsnNode) test).label));
                continue;
            }
            String message = null;
            if (test instanceof LdcInsnNode l && l.cst instanceof String s) {
                message = s;
                j = next(j + 1);
                if (j < 0) {
                    return;
                }
            }
            AbstractInsnNode call = insns.get(j);
            int pop = next(j + 1);
            if (!isRequireNonNull(call) || pop < 0 || insns.get(pop).getOpcode() != POP
                    || (message == null) != ((MethodInsnNode) call).desc.startsWith("(Ljava/lang/Object;)")) {
                return;
            }
            NullGuard g = guard(v.var, NullGuard.Kind.REQUIRE, "java/lang/NullPointerException", message, null);
            prologue.put(j, g);
            guards.add(g);
            i = next(pop + 1);
        }
    }

    /** The constant exit starting at instruction {@code i}, as a guard of {@code slot}; null when it is not one. */
    private NullGuard exit(int slot, int i) {
        InsnList insns = mn.instructions;
        int a = next(i);
        if (a < 0) {
            return null;
        }
        AbstractInsnNode first = insns.get(a);
        if (first.getOpcode() == RETURN) {
            return guard(slot, NullGuard.Kind.RETURN, null, null, null);
        }
        if (first instanceof FieldInsnNode f && f.getOpcode() == GETSTATIC && f.owner.equals(owner.name)) {
            int r = next(a + 1);
            Type ft = Type.getType(f.desc);
            try {
                if (r >= 0 && insns.get(r).getOpcode() == ARETURN && ft.getSort() == Type.ARRAY
                        && StaticTable.find(owner, f.name).values().isEmpty()) {
                    // an empty constant array: the wrapper returns a new empty one (equal, not the same instance)
                    return guard(slot, NullGuard.Kind.RETURN, null, null, new NullGuard.EmptyArray(ft.getElementType().getClassName()));
                }
            } catch (StaticTable.NotATable e) {
                return null;
            }
            return null;
        }
        if (first.getOpcode() == NEW) {
            String cls = ((TypeInsnNode) first).desc;
            int dup = next(a + 1);
            if (dup < 0 || insns.get(dup).getOpcode() != DUP || !FunctionTranslator.throwable(cls)) {
                return null;
            }
            int k = next(dup + 1);
            String message = null;
            if (k >= 0 && insns.get(k) instanceof LdcInsnNode l && l.cst instanceof String s) {
                message = s;
                k = next(k + 1);
            }
            if (k < 0 || !(insns.get(k) instanceof MethodInsnNode init) || init.getOpcode() != INVOKESPECIAL
                    || !init.owner.equals(cls) || !init.name.equals("<init>")
                    || !init.desc.equals(message == null ? "()V" : "(Ljava/lang/String;)V")) {
                return null;
            }
            int thr = next(k + 1);
            return thr >= 0 && insns.get(thr).getOpcode() == ATHROW ? guard(slot, NullGuard.Kind.THROW, cls, message, null) : null;
        }
        int r = next(a + 1);
        if (r < 0) {
            return null;
        }
        int rop = insns.get(r).getOpcode();
        Object value;
        int op = first.getOpcode();
        if (op == ACONST_NULL && rop == ARETURN) {
            value = NullGuard.NULL;
        } else if (op >= ICONST_M1 && op <= ICONST_5 && rop == IRETURN) {
            value = op - ICONST_0;
        } else if ((op == BIPUSH || op == SIPUSH) && rop == IRETURN) {
            value = ((IntInsnNode) first).operand;
        } else if ((op == LCONST_0 || op == LCONST_1) && rop == LRETURN) {
            value = (long) (op - LCONST_0);
        } else if (op >= FCONST_0 && op <= FCONST_2 && rop == FRETURN) {
            value = (float) (op - FCONST_0);
        } else if ((op == DCONST_0 || op == DCONST_1) && rop == DRETURN) {
            value = (double) (op - DCONST_0);
        } else if (first instanceof LdcInsnNode l && l.cst instanceof Number num && rop >= IRETURN && rop <= DRETURN) {
            value = num;
        } else {
            return null;
        }
        return guard(slot, NullGuard.Kind.RETURN, null, null, value);
    }

    /**
     * The static entry tests the parameter at {@code slot} for null after other work: the wrapper hands a call with it
     * null to the Java original ({@link NullGuard.Kind#JAVA}), so the translation may assume it is not. Once per parameter.
     */
    void fallBackToJava(int slot) {
        int p = paramIndex(mn, isStatic, slot);
        if (guards.stream().noneMatch(g -> g.param() == p && g.kind() == NullGuard.Kind.JAVA)) {
            guards.add(guard(slot, NullGuard.Kind.JAVA, null, null, null));
        }
    }

    /**
     * Whether the null check of a parameter at {@code i} ({@link #testsParam}) jumps: the parameter is known non-null,
     * or, for one of {@code nullSlots}, null.
     */
    boolean jumps(int i) {
        return (mn.instructions.get(i).getOpcode() == IFNULL) == nullSlots.contains(testedSlot(i));
    }

    /** The parameter slot instruction {@code i} tests ({@link #testsParam}). */
    int testedSlot(int i) {
        OValue v = frames[i].getStack(frames[i].getStackSize() - 1);
        return ((OValue.Param) v.origins().iterator().next()).slot();
    }

    private NullGuard guard(int slot, NullGuard.Kind kind, String exception, String message, Object value) {
        return new NullGuard(paramIndex(mn, isStatic, slot), kind, exception, message, value, Type.getReturnType(mn.desc));
    }

    /** The first real instruction at or after {@code i}, or -1. */
    private int next(int i) {
        return next(mn.instructions, i);
    }

    /** The first instruction of {@code insns} at or after {@code i} that is not a label, line number or frame; -1 at the end. */
    static int next(InsnList insns, int i) {
        for (int k = i; k < insns.size(); k++) {
            if (insns.get(k).getOpcode() >= 0) {
                return k;
            }
        }
        return -1;
    }

    /** The parameter index (in declaration order) of local {@code slot}. */
    static int paramIndex(MethodNode mn, boolean isStatic, int slot) {
        Type[] ps = Type.getArgumentTypes(mn.desc);
        int s = isStatic ? 0 : 1;
        for (int i = 0; i < ps.length; i++) {
            if (s == slot) {
                return i;
            }
            s += ps[i].getSize();
        }
        return -1;
    }
}

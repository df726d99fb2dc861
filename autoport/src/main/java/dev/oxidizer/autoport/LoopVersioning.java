package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Index-set splitting of counted loops with clamped neighbour indices, and bounds-check hoisting in their interior: a
 * byte-code to byte-code pass run before translation (docs/generator.md, "Loop versioning").
 *
 * <p>A loop {@code for (x = lo; x < hi; x++) body} (javac's shape: the test {@code iload x; hi; if_icmpge exit} at the
 * header, {@code iinc x 1; goto header} as its only back edge, {@code hi} loop-invariant and pure, no try region, x
 * written nowhere else) whose body has <em>cuts</em> (clamps {@code Math.max|min(x + t + a, B)}, or conditional jumps
 * comparing {@code x + t + a} with an invariant {@code B}: javac's compare-and-select and {@code if}) is run as
 * consecutive loops over parts of the same iterations, in increasing order: {@code [lo, S)} with the original body,
 * {@code [S, E)} with every clamp replaced by its {@code x + t + a} argument and every such jump by its fall-through,
 * and {@code [E, hi)} with the original body, where {@code S}/{@code E} are computed once before the loop, in
 * {@code long}, so that on {@code [S, E)} no {@code x + t + a} wraps and every cut is decided that way. The writes,
 * calls and exceptions are those of the original loop in the original order: only which copy of the body runs an
 * iteration changes, and the copies agree on it.
 *
 * <p>In the interior, array accesses whose index is {@code t + x + c} ({@code t} one of a set of invariant terms, e.g.
 * a conditional expression choosing between row offsets) into an invariant array are checked once, before the
 * interior: for the first and the last iteration, in {@code long} (the index is linear in x, so every iteration in
 * between is in bounds too, and Java's wrapped {@code int} index equals the mathematical one when that one is in
 * bounds). When every check passes the interior runs a copy whose such accesses are unchecked (the translator emits
 * {@code jrt::ld_unchecked}/{@code st_unchecked}); otherwise the checked interior runs and throws at the iteration,
 * and after the writes, Java would.
 *
 * <p>Only the innermost loops with cuts are split (an outer loop's clamps are per outer iteration). When a split loop
 * starts at a constant and its bound is invariant in the loop around it, an unchanged copy of that outer loop runs
 * when the split loop would run no iteration at all. Any shape it does not recognise is left alone; the pass never
 * refuses.
 */
final class LoopVersioning implements Opcodes {
    /**
     * The transformed copy of the method, the array instructions of its copies proven in bounds (identity set), how
     * many loops were split and how many array instructions were hoisted.
     */
    record Result(MethodNode method, Set<AbstractInsnNode> unchecked, int loops, int hoisted) {}

    /** {@code -Doxidizer.autoport.loopVersioning=false} turns the pass off (to compare, or to rule it out). */
    static final boolean ENABLED = !"false".equals(System.getProperty("oxidizer.autoport.loopVersioning"));

    private static final int MAX_BODY = 3000;

    /**
     * Where the interior is decided: a clamp {@code max|min(x + t + a, bound)} (or the arguments the other way round),
     * or a conditional jump comparing {@code x + t + a} with an invariant bound whose fall-through (the source's
     * condition, as javac negates it into the jump) holds in the interior. The interior needs
     * {@code x + t + a >= bound + adjust} ({@code low}) or {@code x + t + a <= bound + adjust}; {@code fold} is how
     * the interior's copy replaces the instruction: {@link #POP_ONLY} the bound, {@link #SWAP_POP} it from under the
     * argument, {@link #POP_BOTH} both compared values (the jump is not taken).
     */
    private record Cut(AbstractInsnNode insn, boolean low, long adjust, LoopSym.Term t, long a, LoopSym bound, int fold) {}

    private static final int POP_ONLY = 0;
    private static final int SWAP_POP = 1;
    private static final int POP_BOTH = 2;

    private record Access(AbstractInsnNode insn, int array, int coefX, Set<LoopSym.Term> terms, long c) {}

    private static final class Loop {
        LabelNode header;
        JumpInsnNode test;
        IincInsnNode latch;
        JumpInsnNode back;
        int x;
        int first;
        int last;
        LoopSym hi;
        final List<Cut> clamps = new ArrayList<>();
        final List<Access> accesses = new ArrayList<>();
    }

    private LoopVersioning() {
    }

    /** The method with its qualifying loops split, or null when none qualifies (then translate the original). */
    static Result apply(String ownerName, MethodNode original) {
        MethodNode m = copy(original);
        List<Loop> found = new ArrayList<>();
        for (AbstractInsnNode n : m.instructions) {
            if (n.getOpcode() == GOTO) {
                Loop l = recognise(ownerName, m, (JumpInsnNode) n);
                if (l != null) {
                    found.add(l);
                }
            }
        }
        found.sort(Comparator.comparingInt(l -> l.last - l.first));
        List<Loop> chosen = new ArrayList<>();
        for (Loop l : found) {
            boolean nests = chosen.stream().anyMatch(c -> (c.first >= l.first && c.last <= l.last) || (l.first >= c.first && l.last <= c.last));
            if (!nests) {
                chosen.add(l);
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        Set<LabelNode> guarded = new HashSet<>();
        for (Loop l : chosen) {
            unsplitWhenEmpty(m, l, guarded);
        }
        Set<AbstractInsnNode> unchecked = Collections.newSetFromMap(new IdentityHashMap<>());
        int hoisted = 0;
        for (Loop l : chosen) {
            hoisted += split(m, l, unchecked);
        }
        return new Result(m, unchecked, chosen.size(), hoisted);
    }

    /**
     * When the split loop starts at a constant and its bound is invariant in the loop around it, whether it runs at all
     * is decided once for that whole outer loop: then an unchanged copy of the outer loop runs when it does not (the
     * split's per-iteration setup would otherwise be paid on every outer iteration, and LLVM could no longer remove an
     * outer loop whose inner loops are all empty, as it does for the original). Both copies are the same code, so
     * choosing between them before the outer loop is exact.
     */
    private static void unsplitWhenEmpty(MethodNode m, Loop l, Set<LabelNode> guarded) {
        InsnList insns = m.instructions;
        if (!(prevReal(l.header) instanceof VarInsnNode st) || st.getOpcode() != ISTORE || st.var != l.x) {
            return;
        }
        Integer start = intConstant(prevReal(st));
        if (start == null) {
            return;
        }
        int lf = insns.indexOf(l.header);
        int ll = insns.indexOf(l.back);
        JumpInsnNode outer = null;
        int of = -1;
        for (AbstractInsnNode n : insns) {
            if (n.getOpcode() == GOTO) {
                int gf = insns.indexOf(((JumpInsnNode) n).label);
                int gl = insns.indexOf(n);
                if (gf < lf && gl > ll && gf > of) {
                    outer = (JumpInsnNode) n;
                    of = gf;
                }
            }
        }
        if (outer == null || guarded.contains(outer.label)) {
            return;
        }
        int ol = insns.indexOf(outer);
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode in = insns.get(i);
            boolean inside = i >= of && i <= ol;
            for (LabelNode t : targets(in)) {
                int ti = insns.indexOf(t);
                if ((t == outer.label && in != outer) || (!inside && ti > of && ti <= ol)) {
                    return;
                }
            }
            if (inside && (in.getOpcode() == JSR || in.getOpcode() == RET)) {
                return;
            }
        }
        for (TryCatchBlockNode tc : m.tryCatchBlocks) {
            int s = insns.indexOf(tc.start);
            int e = insns.indexOf(tc.end);
            int hd = insns.indexOf(tc.handler);
            if ((s <= ol + 1 && e > of) || (hd >= of && hd <= ol)) {
                return;
            }
        }
        LoopSym.Term t = l.hi.terms().iterator().next();
        if (t.kind() != LoopSym.Term.ZERO && writtenSlots(insns, of, ol).contains(t.slot())) {
            return;
        }
        guarded.add(outer.label);
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode n : insns) {
            if (n instanceof LabelNode ln) {
                int i = insns.indexOf(ln);
                labels.put(ln, i >= of && i <= ol ? new LabelNode() : ln);
            }
        }
        InsnList pre = new InsnList();
        LabelNode runs = new LabelNode();
        pre.add(new LdcInsnNode(start));
        pre.add(intValue(l.hi));
        pre.add(new JumpInsnNode(IF_ICMPLT, runs));
        for (AbstractInsnNode n = outer.label; n != outer.getNext(); n = n.getNext()) {
            if (!(n instanceof FrameNode)) {
                pre.add(n.clone(labels));
            }
        }
        pre.add(runs);
        insns.insertBefore(outer.label, pre);
    }

    private static Integer intConstant(AbstractInsnNode n) {
        if (n == null) {
            return null;
        }
        int op = n.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) {
            return op - ICONST_0;
        }
        if (op == BIPUSH || op == SIPUSH) {
            return ((org.objectweb.asm.tree.IntInsnNode) n).operand;
        }
        return op == LDC && ((LdcInsnNode) n).cst instanceof Integer i ? i : null;
    }

    private static MethodNode copy(MethodNode o) {
        MethodNode m = new MethodNode(ASM9, o.access, o.name, o.desc, o.signature, o.exceptions == null ? null : o.exceptions.toArray(String[]::new));
        o.accept(m);
        m.maxLocals = o.maxLocals;
        m.maxStack = o.maxStack;
        return m;
    }

    private static AbstractInsnNode prevReal(AbstractInsnNode n) {
        AbstractInsnNode p = n.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode n) {
        AbstractInsnNode p = n.getNext();
        while (p != null && p.getOpcode() < 0) {
            p = p.getNext();
        }
        return p;
    }

    private static List<LabelNode> targets(AbstractInsnNode n) {
        if (n instanceof JumpInsnNode j) {
            return List.of(j.label);
        }
        List<LabelNode> t = new ArrayList<>();
        if (n instanceof TableSwitchInsnNode s) {
            t.add(s.dflt);
            t.addAll(s.labels);
        } else if (n instanceof LookupSwitchInsnNode s) {
            t.add(s.dflt);
            t.addAll(s.labels);
        }
        return t;
    }

    private static boolean pureHeaderInsn(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op < 0 || op == ILOAD || op == ALOAD || op == ARRAYLENGTH || (op >= ICONST_M1 && op <= ICONST_5) || op == BIPUSH
                || op == SIPUSH || (op == LDC && ((LdcInsnNode) n).cst instanceof Integer) || op == IADD || op == ISUB;
    }

    private static Loop recognise(String ownerName, MethodNode m, JumpInsnNode back) {
        InsnList insns = m.instructions;
        LabelNode h = back.label;
        int first = insns.indexOf(h);
        int last = insns.indexOf(back);
        if (first >= last || last - first > MAX_BODY) {
            return null;
        }
        if (!(prevReal(back) instanceof IincInsnNode inc) || inc.incr != 1 || insns.indexOf(inc) <= first) {
            return null;
        }
        int x = inc.var;
        if (!(nextReal(h) instanceof VarInsnNode load) || load.getOpcode() != ILOAD || load.var != x) {
            return null;
        }
        AbstractInsnNode n = load.getNext();
        while (n != null && !(n instanceof JumpInsnNode) && pureHeaderInsn(n)) {
            n = n.getNext();
        }
        if (!(n instanceof JumpInsnNode test) || test.getOpcode() != IF_ICMPGE || insns.indexOf(n) >= last) {
            return null;
        }
        // the exit directly follows the back edge (javac's for loop)
        for (AbstractInsnNode e = back.getNext(); e != test.label; e = e.getNext()) {
            if (e == null || e.getOpcode() >= 0) {
                return null;
            }
        }
        int testAt = insns.indexOf(test);
        int incAt = insns.indexOf(inc);
        for (int i = 0; i < insns.size(); i++) {
            AbstractInsnNode in = insns.get(i);
            boolean inside = i >= first && i <= last;
            for (LabelNode t : targets(in)) {
                int ti = insns.indexOf(t);
                if (t == h && in != back) {
                    return null;
                }
                if (!inside && ti > first && ti <= last) {
                    return null; // a jump into the loop from outside
                }
                if (inside && ti > first && ti <= testAt) {
                    return null; // a jump into the header's test
                }
                if (ti > incAt && ti <= last) {
                    return null; // a jump between the increment and the back edge
                }
            }
            if (inside && (in.getOpcode() == JSR || in.getOpcode() == RET)) {
                return null;
            }
            if (inside && in != inc && ((in instanceof VarInsnNode v && v.getOpcode() >= ISTORE && v.getOpcode() <= ASTORE
                    && (v.var == x || ((v.getOpcode() == LSTORE || v.getOpcode() == DSTORE) && v.var + 1 == x)))
                    || (in instanceof IincInsnNode ii && ii.var == x))) {
                return null;
            }
        }
        int exitAt = insns.indexOf(test.label);
        for (TryCatchBlockNode tc : m.tryCatchBlocks) {
            int s = insns.indexOf(tc.start);
            int e = insns.indexOf(tc.end);
            int hd = insns.indexOf(tc.handler);
            if ((s <= exitAt && e > first) || (hd >= first && hd <= exitAt)) {
                return null;
            }
        }
        Loop l = new Loop();
        l.header = h;
        l.test = test;
        l.latch = inc;
        l.back = back;
        l.x = x;
        l.first = first;
        l.last = last;
        Set<Integer> written = writtenSlots(insns, first, last);
        Iteration it = iteration(ownerName, m, l, written, Set.of());
        if (it == null) {
            return null;
        }
        Frame<LoopSym> tf = it.frameOf(test);
        if (tf == null) {
            return null;
        }
        LoopSym hi = tf.getStack(tf.getStackSize() - 1);
        LoopSym xv = tf.getStack(tf.getStackSize() - 2);
        if (hi == null || !hi.isSingleInvariant() || xv == null || !xv.isXPlusConstant() || xv.c() != 0) {
            return null;
        }
        l.hi = hi;
        for (int i = testAt + 1; i < insns.indexOf(inc); i++) {
            Cut c = cut(insns.get(i), it);
            if (c != null) {
                l.clamps.add(c);
            }
        }
        if (l.clamps.isEmpty()) {
            return null;
        }
        // the interior's array accesses, with the clamps folded as the interior will run them
        Set<AbstractInsnNode> fold = Collections.newSetFromMap(new IdentityHashMap<>());
        l.clamps.forEach(c -> fold.add(c.insn()));
        Iteration inner = iteration(ownerName, m, l, written, fold);
        if (inner != null) {
            for (int i = testAt + 1; i < insns.indexOf(inc); i++) {
                AbstractInsnNode in = insns.get(i);
                int op = in.getOpcode();
                boolean isLoad = op >= IALOAD && op <= SALOAD && op != AALOAD;
                boolean store = op >= IASTORE && op <= SASTORE && op != AASTORE;
                Frame<LoopSym> f = (isLoad || store) ? inner.frameOf(in) : null;
                if (f == null) {
                    continue;
                }
                int top = f.getStackSize() - 1;
                LoopSym arr = f.getStack(isLoad ? top - 1 : top - 2);
                LoopSym idx = f.getStack(isLoad ? top : top - 1);
                if (arr != null && arr.array() >= 0 && !written.contains(arr.array()) && idx != null && idx.lin()) {
                    l.accesses.add(new Access(in, arr.array(), idx.coefX(), idx.terms(), idx.c()));
                }
            }
        }
        return l;
    }

    private static Set<Integer> writtenSlots(InsnList insns, int first, int last) {
        Set<Integer> w = new HashSet<>();
        for (int i = first; i <= last; i++) {
            AbstractInsnNode in = insns.get(i);
            if (in instanceof VarInsnNode v && v.getOpcode() >= ISTORE && v.getOpcode() <= ASTORE) {
                w.add(v.var);
                if (v.getOpcode() == LSTORE || v.getOpcode() == DSTORE) {
                    w.add(v.var + 1);
                }
            } else if (in instanceof IincInsnNode ii) {
                w.add(ii.var);
            }
        }
        return w;
    }

    /** The frames of one iteration (header test and body, analysed as a method of its own), by original instruction. */
    private record Iteration(Map<AbstractInsnNode, Integer> index, Frame<LoopSym>[] frames) {
        Frame<LoopSym> frameOf(AbstractInsnNode original) {
            Integer i = index.get(original);
            return i == null ? null : frames[i];
        }
    }

    private static Iteration iteration(String ownerName, MethodNode m, Loop l, Set<Integer> written, Set<AbstractInsnNode> fold) {
        MethodNode syn = new MethodNode(ASM9, ACC_STATIC | ACC_PRIVATE, "iteration", "()V", null, null);
        syn.maxLocals = m.maxLocals;
        syn.maxStack = m.maxStack + 4;
        InsnList insns = m.instructions;
        LabelNode end = new LabelNode();
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode n : insns) {
            if (n instanceof LabelNode ln) {
                int i = insns.indexOf(ln);
                labels.put(ln, i > l.first && i < l.last ? new LabelNode() : end);
            }
        }
        Map<AbstractInsnNode, Integer> index = new IdentityHashMap<>();
        for (AbstractInsnNode n = l.header.getNext(); n != l.latch; n = n.getNext()) {
            if (n instanceof FrameNode || n instanceof LineNumberNode) {
                continue;
            }
            int op = n.getOpcode();
            if (fold.contains(n)) {
                emitFold(syn.instructions, n, l);
                continue;
            }
            if (op >= IRETURN && op <= ARETURN) {
                syn.instructions.add(new InsnNode(op == LRETURN || op == DRETURN ? POP2 : POP));
                syn.instructions.add(new JumpInsnNode(GOTO, end));
                continue;
            }
            if (op == RETURN) {
                syn.instructions.add(new JumpInsnNode(GOTO, end));
                continue;
            }
            AbstractInsnNode c = n.clone(labels);
            index.put(n, syn.instructions.size());
            syn.instructions.add(c);
        }
        syn.instructions.add(end);
        syn.instructions.add(new InsnNode(RETURN));
        try {
            Frame<LoopSym>[] frames = new Analyzer<>(new LoopSym.Interp(l.x, v -> !written.contains(v))).analyze(ownerName, syn);
            return new Iteration(index, frames);
        } catch (AnalyzerException | RuntimeException e) {
            return null;
        }
    }

    /** A clamp or comparison of x with an invariant bound, or null. */
    private static Cut cut(AbstractInsnNode in, Iteration it) {
        int op = in.getOpcode();
        Frame<LoopSym> f = it.frameOf(in);
        if (f == null) {
            return null;
        }
        if (in instanceof MethodInsnNode mi && op == INVOKESTATIC && mi.desc.equals("(II)I")
                && (mi.name.equals("max") || mi.name.equals("min"))
                && (mi.owner.equals("java/lang/Math") || mi.owner.equals("java/lang/StrictMath") || mi.owner.equals("java/lang/Integer"))) {
            LoopSym a = f.getStack(f.getStackSize() - 2);
            LoopSym b = f.getStack(f.getStackSize() - 1);
            boolean isMax = mi.name.equals("max");
            if (a.isXPlusInvariant() && b.isSingleInvariant()) {
                return new Cut(mi, isMax, 0, a.terms().iterator().next(), a.c(), b, POP_ONLY);
            } else if (b.isXPlusInvariant() && a.isSingleInvariant()) {
                return new Cut(mi, isMax, 0, b.terms().iterator().next(), b.c(), a, SWAP_POP);
            }
            return null;
        }
        LoopSym v1;
        LoopSym v2;
        int cmp;
        int fold;
        if (op >= IF_ICMPLT && op <= IF_ICMPLE) {
            v1 = f.getStack(f.getStackSize() - 2);
            v2 = f.getStack(f.getStackSize() - 1);
            cmp = op - IF_ICMPEQ + IFEQ;
            fold = POP_BOTH;
        } else if (op >= IFLT && op <= IFLE) {
            v1 = f.getStack(f.getStackSize() - 1);
            v2 = LoopSym.constant(0);
            cmp = op;
            fold = POP_ONLY;
        } else {
            return null;
        }
        if (v2.isXPlusInvariant() && v1.isSingleInvariant()) {
            LoopSym t = v1;
            v1 = v2;
            v2 = t;
            cmp = switch (cmp) {
                case IFLT -> IFGT;
                case IFGT -> IFLT;
                case IFLE -> IFGE;
                default -> IFLE;
            };
        }
        if (!v1.isXPlusInvariant() || !v2.isSingleInvariant()) {
            return null;
        }
        // the jump is taken when X cmp B; the interior is where it is not: X >= B (after lt), X >= B + 1 (le),
        // X <= B (gt), X <= B - 1 (ge)
        LoopSym.Term t = v1.terms().iterator().next();
        return switch (cmp) {
            case IFLT -> new Cut(in, true, 0, t, v1.c(), v2, fold);
            case IFLE -> new Cut(in, true, 1, t, v1.c(), v2, fold);
            case IFGT -> new Cut(in, false, 0, t, v1.c(), v2, fold);
            default -> new Cut(in, false, -1, t, v1.c(), v2, fold);
        };
    }

    /** A folded clamp (its result is its {@code x + t + a} argument) or comparison (not taken): pure operands dropped. */
    private static void emitFold(InsnList out, AbstractInsnNode insn, Loop l) {
        for (Cut c : l.clamps) {
            if (c.insn() == insn) {
                switch (c.fold()) {
                    case SWAP_POP -> {
                        out.add(new InsnNode(SWAP));
                        out.add(new InsnNode(POP));
                    }
                    case POP_BOTH -> out.add(new InsnNode(POP2));
                    default -> out.add(new InsnNode(POP));
                }
                return;
            }
        }
        throw new IllegalStateException("no cut at " + insn);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static int split(MethodNode m, Loop l, Set<AbstractInsnNode> unchecked) {
        l.first = m.instructions.indexOf(l.header); // an earlier split moved the instructions
        l.last = m.instructions.indexOf(l.back);
        int sSlot = m.maxLocals;
        int eSlot = m.maxLocals + 1;
        m.maxLocals += 2;
        m.maxStack = Math.max(m.maxStack, 8) + 6;
        InsnList pre = new InsnList();
        // S: the first x from which every clamp returns x + a and no x + a wraps
        List<InsnList> low = new ArrayList<>();
        List<InsnList> high = new ArrayList<>();
        for (Cut c : l.clamps) {
            // shift = t + a: the clamp's argument is x + shift, an int exactly when MIN <= x + shift <= MAX
            low.add(minusShift(longConst((long) Integer.MIN_VALUE), c));
            high.add(minusShift(longConst((long) Integer.MAX_VALUE + 1), c));
            InsnList bound = intValue(c.bound());
            bound.add(new InsnNode(I2L));
            bound.add(new LdcInsnNode(c.adjust() + (c.low() ? 0 : 1)));
            bound.add(new InsnNode(LADD));
            if (c.low()) {
                low.add(minusShift(bound, c)); // x + shift >= B + adjust
            } else {
                high.add(minusShift(bound, c)); // x + shift <= B + adjust, so x < B + adjust - shift + 1
            }
        }
        pre.add(fold(low, "max"));
        pre.add(boundedByHi(l));
        pre.add(new VarInsnNode(ISTORE, sSlot));
        pre.add(fold(high, "min"));
        pre.add(boundedByHi(l));
        pre.add(new VarInsnNode(ISTORE, eSlot));

        LabelNode prologue = new LabelNode();
        LabelNode select = new LabelNode();
        LabelNode fast = new LabelNode();
        LabelNode checked = new LabelNode();
        Set<AbstractInsnNode> fold = Collections.newSetFromMap(new IdentityHashMap<>());
        l.clamps.forEach(c -> fold.add(c.insn()));

        InsnList out = new InsnList();
        // a loop that runs no iteration goes straight to the original one (which exits at once), so that a loop
        // nest with empty inner loops stays as cheap as before (and as removable for LLVM)
        out.add(new VarInsnNode(ILOAD, l.x));
        out.add(intValue(l.hi));
        out.add(new JumpInsnNode(IF_ICMPGE, l.header));
        out.add(pre);
        out.add(prologue);
        out.add(header(l.x, sSlot, select));
        out.add(body(m, l, prologue, Set.of(), null));
        out.add(select);
        if (!l.accesses.isEmpty()) {
            out.add(new VarInsnNode(ILOAD, l.x));
            out.add(new VarInsnNode(ILOAD, eSlot));
            out.add(new JumpInsnNode(IF_ICMPGE, l.header));
            out.add(guard(l, eSlot, checked));
            out.add(fast);
            out.add(header(l.x, eSlot, l.header));
            Set<AbstractInsnNode> hoist = Collections.newSetFromMap(new IdentityHashMap<>());
            l.accesses.forEach(a -> hoist.add(a.insn()));
            out.add(body(m, l, fast, fold, new HoistTarget(hoist, unchecked)));
        }
        out.add(checked);
        out.add(header(l.x, eSlot, l.header));
        out.add(body(m, l, checked, fold, null));
        m.instructions.insertBefore(l.header, out);
        return l.accesses.size();
    }

    private record HoistTarget(Set<AbstractInsnNode> originals, Set<AbstractInsnNode> unchecked) {}

    private static InsnList header(int x, int boundSlot, LabelNode exit) {
        InsnList h = new InsnList();
        h.add(new VarInsnNode(ILOAD, x));
        h.add(new VarInsnNode(ILOAD, boundSlot));
        h.add(new JumpInsnNode(IF_ICMPGE, exit));
        return h;
    }

    /** The body (after the test, up to the latch) cloned, with its own latch back to {@code head}. */
    private static InsnList body(MethodNode m, Loop l, LabelNode head, Set<AbstractInsnNode> fold, HoistTarget hoist) {
        InsnList insns = m.instructions;
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode n : insns) {
            if (n instanceof LabelNode ln) {
                int i = insns.indexOf(ln);
                labels.put(ln, ln == l.header ? head : i > l.first && i <= l.last ? new LabelNode() : ln);
            }
        }
        InsnList out = new InsnList();
        for (AbstractInsnNode n = l.test.getNext(); n != l.latch; n = n.getNext()) {
            if (n instanceof FrameNode) {
                continue;
            }
            if (fold.contains(n)) {
                emitFold(out, n, l);
                continue;
            }
            AbstractInsnNode c = n.clone(labels);
            if (hoist != null && hoist.originals().contains(n)) {
                hoist.unchecked().add(c);
            }
            out.add(c);
        }
        out.add(new IincInsnNode(l.x, 1));
        out.add(new JumpInsnNode(GOTO, head));
        return out;
    }

    /**
     * Jumps to {@code fail} unless every hoisted access is in bounds for the first iteration (x now) and the last
     * (E - 1): per array and term, the smallest constant at the first and the largest at the last, in {@code long}.
     */
    private static InsnList guard(Loop l, int eSlot, LabelNode fail) {
        record Key(int array, LoopSym.Term term, int coefX) {}
        Map<Key, long[]> range = new LinkedHashMap<>();
        for (Access a : l.accesses) {
            for (LoopSym.Term t : a.terms()) {
                long[] r = range.computeIfAbsent(new Key(a.array(), t, a.coefX()), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                r[0] = Math.min(r[0], a.c());
                r[1] = Math.max(r[1], a.c());
            }
        }
        InsnList g = new InsnList();
        for (Map.Entry<Key, long[]> e : range.entrySet()) {
            Key k = e.getKey();
            // t + x + cmin >= 0
            g.add(termLong(k.term()));
            if (k.coefX() == 1) {
                g.add(new VarInsnNode(ILOAD, l.x));
                g.add(new InsnNode(I2L));
                g.add(new InsnNode(LADD));
            }
            g.add(new LdcInsnNode(e.getValue()[0]));
            g.add(new InsnNode(LADD));
            g.add(new InsnNode(LCONST_0));
            g.add(new InsnNode(LCMP));
            g.add(new JumpInsnNode(IFLT, fail));
            // t + (E - 1) + cmax < length
            g.add(termLong(k.term()));
            if (k.coefX() == 1) {
                g.add(new VarInsnNode(ILOAD, eSlot));
                g.add(new InsnNode(I2L));
                g.add(new InsnNode(LADD));
            }
            g.add(new LdcInsnNode(e.getValue()[1] - k.coefX()));
            g.add(new InsnNode(LADD));
            g.add(new VarInsnNode(ALOAD, k.array()));
            g.add(new InsnNode(ARRAYLENGTH));
            g.add(new InsnNode(I2L));
            g.add(new InsnNode(LCMP));
            g.add(new JumpInsnNode(IFGE, fail));
        }
        return g;
    }

    /** The term's int operand, without its sign. */
    private static InsnList termMagnitude(LoopSym.Term t) {
        InsnList i = new InsnList();
        switch (t.kind()) {
            case LoopSym.Term.LOCAL, LoopSym.Term.NEG_LOCAL -> i.add(new VarInsnNode(ILOAD, t.slot()));
            case LoopSym.Term.LENGTH, LoopSym.Term.NEG_LENGTH -> {
                i.add(new VarInsnNode(ALOAD, t.slot()));
                i.add(new InsnNode(ARRAYLENGTH));
            }
            default -> i.add(new InsnNode(ICONST_0));
        }
        return i;
    }

    private static boolean negative(LoopSym.Term t) {
        return t.kind() == LoopSym.Term.NEG_LOCAL || t.kind() == LoopSym.Term.NEG_LENGTH;
    }

    /** The term as Java's int arithmetic computes it (negation wraps, as the loop's isub does). */
    private static InsnList termInt(LoopSym.Term t) {
        InsnList i = termMagnitude(t);
        if (negative(t)) {
            i.add(new InsnNode(INEG));
        }
        return i;
    }

    /** The term's mathematical value, as a long. */
    private static InsnList termLong(LoopSym.Term t) {
        InsnList i = termMagnitude(t);
        i.add(new InsnNode(I2L));
        if (negative(t)) {
            i.add(new InsnNode(LNEG));
        }
        return i;
    }

    /** The Java {@code int} value of a single-term invariant: {@code t + c} with int wrapping, as the loop computes it. */
    private static InsnList intValue(LoopSym v) {
        InsnList i = termInt(v.terms().iterator().next());
        i.add(new LdcInsnNode((int) v.c()));
        i.add(new InsnNode(IADD));
        return i;
    }

    /** {@code value - (t + a)} on longs. */
    private static InsnList minusShift(InsnList value, Cut c) {
        value.add(termLong(c.t()));
        value.add(new InsnNode(LSUB));
        value.add(new LdcInsnNode(c.a()));
        value.add(new InsnNode(LSUB));
        return value;
    }

    private static InsnList longConst(long v) {
        InsnList i = new InsnList();
        i.add(new LdcInsnNode(v));
        return i;
    }

    private static InsnList fold(List<InsnList> values, String op) {
        InsnList i = new InsnList();
        boolean firstValue = true;
        for (InsnList v : values) {
            i.add(v);
            if (!firstValue) {
                i.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Math", op, "(JJ)J", false));
            }
            firstValue = false;
        }
        return i;
    }

    /** On the long on the stack: {@code (int) max(MIN_VALUE, min(value, hi))}. */
    private static InsnList boundedByHi(Loop l) {
        InsnList i = intValue(l.hi);
        i.add(new InsnNode(I2L));
        i.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Math", "min", "(JJ)J", false));
        i.add(new LdcInsnNode((long) Integer.MIN_VALUE));
        i.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Math", "max", "(JJ)J", false));
        i.add(new InsnNode(L2I));
        return i;
    }
}

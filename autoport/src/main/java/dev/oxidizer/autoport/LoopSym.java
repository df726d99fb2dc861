package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * A value of one iteration of a counted loop, as {@link LoopVersioning} sees it: for an {@code int},
 * {@code coefX * x + t + c} where {@code x} is the loop's induction variable, {@code t} one of a set of loop-invariant
 * terms (zero, an invariant {@code int} local, the length of an invariant array local) and {@code c} a constant;
 * for a reference, an invariant array local. Java's {@code int} arithmetic wraps, so the Java value is congruent to
 * this mathematical value modulo 2^32 (equal to it whenever the mathematical value is an {@code int}).
 *
 * @param basic  the value's JVM type, as ASM's {@link BasicInterpreter} computes it
 * @param lin    true for a linear {@code int} value (coefX, terms, c meaningful)
 * @param coefX  0 or 1
 * @param terms  the alternatives for {@code t} (a conditional expression choosing between invariants gives several)
 * @param array  for a reference: the slot of the invariant local it was loaded from, else -1
 */
record LoopSym(BasicValue basic, boolean lin, int coefX, Set<Term> terms, long c, int array) implements Value {
    /**
     * A loop-invariant term: zero, {@code int} local {@code slot}, or {@code arraylength} of array local {@code slot}, or
     * the negation of one of the last two.
     */
    record Term(int kind, int slot) implements Comparable<Term> {
        static final int ZERO = 0;
        static final int LOCAL = 1;
        static final int LENGTH = 2;
        static final int NEG_LOCAL = 3;
        static final int NEG_LENGTH = 4;
        static final Term ZERO_TERM = new Term(ZERO, -1);

        Term negate() {
            return switch (kind) {
                case LOCAL -> new Term(NEG_LOCAL, slot);
                case LENGTH -> new Term(NEG_LENGTH, slot);
                case NEG_LOCAL -> new Term(LOCAL, slot);
                case NEG_LENGTH -> new Term(LENGTH, slot);
                default -> this;
            };
        }

        @Override
        public int compareTo(Term o) {
            return kind != o.kind ? Integer.compare(kind, o.kind) : Integer.compare(slot, o.slot);
        }
    }

    private static final int MAX_TERMS = 8;

    static LoopSym other(BasicValue basic) {
        return basic == null ? null : new LoopSym(basic, false, 0, Set.of(), 0, -1);
    }

    static LoopSym constant(long c) {
        return new LoopSym(BasicValue.INT_VALUE, true, 0, Set.of(Term.ZERO_TERM), c, -1);
    }

    static LoopSym of(int coefX, Term t, long c) {
        return new LoopSym(BasicValue.INT_VALUE, true, coefX, Set.of(t), c, -1);
    }

    @Override
    public int getSize() {
        return basic.getSize();
    }

    /** The value is {@code x + c} exactly (one term, zero). */
    boolean isXPlusConstant() {
        return lin && coefX == 1 && terms.equals(Set.of(Term.ZERO_TERM));
    }

    /** The value is {@code x + t + c} for one invariant term t. */
    boolean isXPlusInvariant() {
        return lin && coefX == 1 && terms.size() == 1;
    }

    /** The value is one invariant term plus a constant. */
    boolean isSingleInvariant() {
        return lin && coefX == 0 && terms.size() == 1;
    }

    private boolean zeroOnly() {
        return terms.equals(Set.of(Term.ZERO_TERM));
    }

    LoopSym plus(LoopSym o, boolean minus) {
        if (!lin || !o.lin || Math.abs(c) > (1L << 40) || Math.abs(o.c) > (1L << 40)) {
            return other(BasicValue.INT_VALUE);
        }
        if (minus) {
            if (o.coefX != 0 || o.terms.size() != 1) {
                return other(BasicValue.INT_VALUE);
            }
            return plus(new LoopSym(BasicValue.INT_VALUE, true, 0, Set.of(o.terms.iterator().next().negate()), -o.c, -1), false);
        }
        int cx = coefX + o.coefX;
        if (cx > 1) {
            return other(BasicValue.INT_VALUE);
        }
        Set<Term> ts = zeroOnly() ? o.terms : o.zeroOnly() ? terms : null;
        return ts == null ? other(BasicValue.INT_VALUE) : new LoopSym(BasicValue.INT_VALUE, true, cx, ts, c + o.c, -1);
    }

    /**
     * Computes {@link LoopSym}s for one iteration of a loop: {@code iload x} is {@code x}; a local not written in the
     * loop is an invariant term; anything the model does not cover is just its basic type.
     */
    static final class Interp extends Interpreter<LoopSym> implements Opcodes {
        private final BasicInterpreter basic = new BasicInterpreter(ASM9) { };
        private final int xSlot;
        private final IntPredicate invariant;

        /**
         * @param xSlot     the induction variable's slot
         * @param invariant which local slots the loop never writes
         */
        Interp(int xSlot, IntPredicate invariant) {
            super(ASM9);
            this.xSlot = xSlot;
            this.invariant = invariant;
        }

        private static BasicValue b(LoopSym v) {
            return v == null ? null : v.basic;
        }

        @Override
        public LoopSym newValue(Type type) {
            return other(basic.newValue(type));
        }

        @Override
        public LoopSym newOperation(AbstractInsnNode insn) throws AnalyzerException {
            int op = insn.getOpcode();
            if (op >= ICONST_M1 && op <= ICONST_5) {
                return constant(op - ICONST_0);
            }
            if (op == BIPUSH || op == SIPUSH) {
                return constant(((IntInsnNode) insn).operand);
            }
            if (op == LDC && ((LdcInsnNode) insn).cst instanceof Integer i) {
                return constant(i);
            }
            return other(basic.newOperation(insn));
        }

        @Override
        public LoopSym copyOperation(AbstractInsnNode insn, LoopSym value) throws AnalyzerException {
            int op = insn.getOpcode();
            if (op == ILOAD) {
                int v = ((VarInsnNode) insn).var;
                if (v == xSlot) {
                    return of(1, Term.ZERO_TERM, 0);
                }
                if (invariant.test(v)) {
                    return of(0, new Term(Term.LOCAL, v), 0);
                }
            }
            if (op == ALOAD && invariant.test(((VarInsnNode) insn).var)) {
                return new LoopSym(BasicValue.REFERENCE_VALUE, false, 0, Set.of(), 0, ((VarInsnNode) insn).var);
            }
            // a local written in the loop and read before this iteration writes it holds a value of an earlier
            // iteration: unknown here, but of the type the load says
            if (op == ILOAD && (value == null || !value.basic.equals(BasicValue.INT_VALUE))) {
                return other(BasicValue.INT_VALUE);
            }
            if (op == LLOAD) {
                return other(BasicValue.LONG_VALUE);
            }
            if (op == FLOAD) {
                return other(BasicValue.FLOAT_VALUE);
            }
            if (op == DLOAD) {
                return other(BasicValue.DOUBLE_VALUE);
            }
            if (op == ALOAD && (value == null || !value.basic.isReference())) {
                return other(BasicValue.REFERENCE_VALUE);
            }
            if (value != null && (op == ILOAD || op == ISTORE || op == ALOAD || op == ASTORE || op == DUP || op == DUP_X1
                    || op == DUP_X2 || op == DUP2 || op == DUP2_X1 || op == DUP2_X2 || op == SWAP)) {
                return value;
            }
            return other(basic.copyOperation(insn, b(value)));
        }

        @Override
        public LoopSym unaryOperation(AbstractInsnNode insn, LoopSym value) throws AnalyzerException {
            int op = insn.getOpcode();
            if (op == IINC && value != null && value.lin) {
                return value.plus(constant(((IincInsnNode) insn).incr), false);
            }
            if (op == ARRAYLENGTH && value != null && value.array >= 0) {
                return of(0, new Term(Term.LENGTH, value.array), 0);
            }
            return other(basic.unaryOperation(insn, b(value)));
        }

        @Override
        public LoopSym binaryOperation(AbstractInsnNode insn, LoopSym v1, LoopSym v2) throws AnalyzerException {
            int op = insn.getOpcode();
            if ((op == IADD || op == ISUB) && v1 != null && v2 != null) {
                return v1.plus(v2, op == ISUB);
            }
            return other(basic.binaryOperation(insn, b(v1), b(v2)));
        }

        @Override
        public LoopSym ternaryOperation(AbstractInsnNode insn, LoopSym v1, LoopSym v2, LoopSym v3) throws AnalyzerException {
            return other(basic.ternaryOperation(insn, b(v1), b(v2), b(v3)));
        }

        @Override
        public LoopSym naryOperation(AbstractInsnNode insn, List<? extends LoopSym> values) throws AnalyzerException {
            return other(basic.naryOperation(insn, values.stream().map(Interp::b).toList()));
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, LoopSym value, LoopSym expected) {
            // the synthetic one-iteration method returns nothing; values returned by the loop do not matter here
        }

        @Override
        public LoopSym merge(LoopSym a, LoopSym b) {
            if (a.equals(b)) {
                return a;
            }
            BasicValue m = basic.merge(a.basic, b.basic);
            if (a.lin && b.lin && a.coefX == b.coefX && a.c == b.c) {
                Set<Term> ts = new TreeSet<>(a.terms);
                ts.addAll(b.terms);
                if (ts.size() <= MAX_TERMS) {
                    return new LoopSym(BasicValue.INT_VALUE, true, a.coefX, Set.copyOf(ts), a.c, -1);
                }
            }
            if (a.array >= 0 && a.array == b.array) {
                return a;
            }
            return other(m);
        }
    }
}

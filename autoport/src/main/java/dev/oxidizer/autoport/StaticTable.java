package dev.oxidizer.autoport;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code private static final} one-dimensional primitive array that {@code <clinit>} fills with constants
 * ({@code static final int[] T = {1, 2, 3}}, javac's {@code newarray; dup; index; value; xastore ...; putstatic}, or
 * {@code "0123456789abcdef".toCharArray()} and the bytes of an ASCII constant) or computes from constants alone (a
 * CRC table built in a loop: {@link StaticInitializer} runs the initializer here) and
 * that no method of its class writes or lets escape (every use is an element read or {@code length}; an empty array may
 * escape, having nothing to write): it becomes a Rust {@code static} slice. Anything else (a table computed from anything but constants, a non-private field another class could write, a
 * table passed to a method) is refused by {@link #find} with the reason.
 *
 * @param values the elements as Rust literals of {@code rustType}'s element type
 */
record StaticTable(String owner, String field, Type type, List<String> values) implements Opcodes {

    /** The Rust declaration, named {@code rustName}. */
    String declaration(String rustName) {
        // one line, as the class file lists the values: rustfmt would wrap long tables, so they are left as written
        return "/// `" + owner.replace('/', '.') + "." + field + "`, a constant table (never written, never escapes).\n"
                + "#[rustfmt::skip]\n"
                + "static " + rustName + ": &[" + FunctionTranslator.elem(type) + "] = &["
                + String.join(", ", values) + "];\n";
    }

    /** Thrown with the reason a field is not a constant table. */
    static final class NotATable extends Exception {
        NotATable(String reason) {
            super(reason, null, false, false);
        }
    }

    static StaticTable find(ClassNode cn, String field) throws NotATable {
        FieldNode fn = null;
        for (FieldNode f : cn.fields) {
            if (f.name.equals(field)) {
                fn = f;
            }
        }
        if (fn == null) {
            throw new NotATable("no such field in " + cn.name.replace('/', '.'));
        }
        Type t = Type.getType(fn.desc);
        if ((fn.access & ACC_STATIC) == 0 || (fn.access & ACC_FINAL) == 0 || (fn.access & ACC_PRIVATE) == 0) {
            throw new NotATable("only private static final arrays can be translated as constant tables (another class could write this one)");
        }
        if (t.getSort() != Type.ARRAY || t.getDimensions() != 1 || FunctionTranslator.elem(t) == null) {
            throw new NotATable("only one-dimensional primitive arrays can be constant tables");
        }
        MethodNode clinit = null;
        for (MethodNode m : cn.methods) {
            if (m.name.equals("<clinit>")) {
                clinit = m;
            }
        }
        if (clinit == null) {
            throw new NotATable("the class has no static initializer");
        }
        List<String> values;
        boolean computed = false;
        try {
            values = initializer(cn, clinit, field, t);
            if (!values.isEmpty()) {
                // new int[256] followed by a loop that fills it: not a list of constants
                onlyRead(cn, clinit, field, false);
            }
        } catch (NotATable notConstants) {
            values = computed(cn, field, t, notConstants);
            computed = true;
        }
        // An empty array has nothing to write: it may escape (BinaryCodec's EMPTY_BYTE_ARRAY is returned).
        if (!values.isEmpty()) {
            for (MethodNode m : cn.methods) {
                // a computed table is written by <clinit>, before any translated code runs: there it must only not escape
                onlyRead(cn, m, field, computed && m.name.equals("<clinit>"));
            }
        }
        return new StaticTable(cn.name, field, t, values);
    }

    /**
     * The elements of a table {@code <clinit>} computes ({@link StaticInitializer}); {@code notConstants} is why it is
     * not a list of constants, said first when it cannot be computed either.
     */
    private static List<String> computed(ClassNode cn, String field, Type t, NotATable notConstants) throws NotATable {
        Object v;
        try {
            v = StaticInitializer.valueOf(cn, field);
        } catch (StaticInitializer.Impure e) {
            throw new NotATable(notConstants.getMessage() + "; nor can it be computed here: " + e.getMessage());
        }
        if (v == null || !v.getClass().descriptorString().equals(t.getDescriptor())) {
            throw new NotATable(notConstants.getMessage() + "; the static initializer leaves it "
                    + (v == null ? "null" : "a " + v.getClass().getSimpleName()));
        }
        String el = FunctionTranslator.elem(t);
        int n = java.lang.reflect.Array.getLength(v);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object e = java.lang.reflect.Array.get(v, i);
            Number num = e instanceof Boolean z ? (Number) (z ? 1 : 0) : e instanceof Character c ? (Number) (int) c : (Number) e;
            out.add(literal(el, num));
        }
        return out;
    }

    /** The constants of {@code <clinit>}'s one assignment of the field, which must be javac's array-initializer sequence. */
    private static List<String> initializer(ClassNode cn, MethodNode clinit, String field, Type t) throws NotATable {
        FieldInsnNode put = null;
        for (AbstractInsnNode n = clinit.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof FieldInsnNode f && f.getOpcode() == PUTSTATIC && f.owner.equals(cn.name) && f.name.equals(field)) {
                if (put != null) {
                    throw new NotATable("the static initializer assigns it twice");
                }
                put = f;
            }
        }
        if (put == null) {
            throw new NotATable("the static initializer does not assign it");
        }
        List<String> fromText = textTable(prev(put), t);
        if (fromText != null) {
            return fromText;
        }
        // Walk backwards: (dup, index, value, xastore)* preceded by (length, newarray).
        List<Number> reversed = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        AbstractInsnNode n = prev(put);
        while (n != null && n.getOpcode() >= IASTORE && n.getOpcode() <= SASTORE) {
            AbstractInsnNode value = prev(n);
            AbstractInsnNode index = prev(value);
            AbstractInsnNode dup = prev(index);
            Number v = constant(value);
            Number i = constant(index);
            if (v == null || !(i instanceof Integer ii) || dup == null || dup.getOpcode() != DUP) {
                throw new NotATable("the static initializer computes it (only a list of constants, {1, 2, 3}, is a constant table)");
            }
            reversed.add(v);
            indices.add(ii);
            n = prev(dup);
        }
        if (n == null || n.getOpcode() != NEWARRAY || !(constant(prev(n)) instanceof Integer len)) {
            throw new NotATable("the static initializer computes it (only a list of constants, {1, 2, 3}, is a constant table)");
        }
        Number[] elements = new Number[len];
        for (int k = reversed.size() - 1; k >= 0; k--) {
            int i = indices.get(k);
            if (i < 0 || i >= len) {
                throw new NotATable("the static initializer writes outside the array");
            }
            elements[i] = reversed.get(k);
        }
        String el = FunctionTranslator.elem(t);
        List<String> out = new ArrayList<>(len);
        for (Number e : elements) {
            out.add(literal(el, e));
        }
        return out;
    }

    /**
     * The elements of a table made from a string constant: {@code "0123456789abcdef".toCharArray()}, or the bytes of an
     * ASCII constant by {@code getBytes(StandardCharsets.US_ASCII / UTF_8 / ISO_8859_1)} or {@code getBytes()} (every
     * charset a JVM may default to encodes ASCII the same way); null when {@code last} ends no such expression.
     */
    private static List<String> textTable(AbstractInsnNode last, Type t) {
        if (!(last instanceof org.objectweb.asm.tree.MethodInsnNode m) || !m.owner.equals("java/lang/String")) {
            return null;
        }
        AbstractInsnNode before = prev(m);
        if (m.name.equals("toCharArray") && m.desc.equals("()[C") && t.getDescriptor().equals("[C")
                && before instanceof LdcInsnNode l && l.cst instanceof String text) {
            return text.chars().mapToObj(c -> literal("u16", c)).toList();
        }
        if (!m.name.equals("getBytes") || !t.getDescriptor().equals("[B")) {
            return null;
        }
        if (m.desc.equals("(Ljava/nio/charset/Charset;)[B") && before instanceof FieldInsnNode cs
                && cs.getOpcode() == GETSTATIC && cs.owner.equals("java/nio/charset/StandardCharsets")
                && (cs.name.equals("US_ASCII") || cs.name.equals("UTF_8") || cs.name.equals("ISO_8859_1"))) {
            before = prev(before);
        } else if (!m.desc.equals("()[B")) {
            return null;
        }
        if (before instanceof LdcInsnNode l && l.cst instanceof String text && text.chars().allMatch(c -> c < 0x80)) {
            return text.chars().mapToObj(c -> literal("i8", c)).toList();
        }
        return null;
    }

    private static String literal(String el, Number v) {
        return switch (el) {
            case "bool" -> v == null || v.intValue() == 0 ? "false" : "true";
            case "i8" -> String.valueOf(v == null ? 0 : (byte) v.intValue());
            case "i16" -> String.valueOf(v == null ? 0 : (short) v.intValue());
            case "u16" -> String.valueOf(v == null ? 0 : (int) (char) v.intValue());
            case "i32" -> String.valueOf(v == null ? 0 : v.intValue());
            case "i64" -> String.valueOf(v == null ? 0 : v.longValue());
            case "f32" -> "f32::from_bits(0x" + Integer.toHexString(v == null ? 0 : Float.floatToRawIntBits(v.floatValue())) + ")";
            default -> "f64::from_bits(0x" + Long.toHexString(v == null ? 0 : Double.doubleToRawLongBits(v.doubleValue())) + ")";
        };
    }

    private static AbstractInsnNode prev(AbstractInsnNode n) {
        AbstractInsnNode p = n == null ? null : n.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static Number constant(AbstractInsnNode n) {
        if (n == null) {
            return null;
        }
        int op = n.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) {
            return op - ICONST_0;
        }
        if (op == LCONST_0 || op == LCONST_1) {
            return (long) (op - LCONST_0);
        }
        if (op >= FCONST_0 && op <= FCONST_2) {
            return (float) (op - FCONST_0);
        }
        if (op == DCONST_0 || op == DCONST_1) {
            return (double) (op - DCONST_0);
        }
        if (op == BIPUSH || op == SIPUSH) {
            return ((IntInsnNode) n).operand;
        }
        if (n instanceof LdcInsnNode l && l.cst instanceof Number num) {
            return num;
        }
        return null;
    }

    /**
     * Every value read from the field in {@code m} is only indexed or measured ({@code <clinit>}'s own assignment aside),
     * or with {@code mayWrite} also written into, never passed, returned or stored elsewhere.
     */
    private static void onlyRead(ClassNode cn, MethodNode m, String field, boolean mayWrite) throws NotATable {
        if (m.instructions.size() == 0) {
            return;
        }
        OValue.Static origin = new OValue.Static(cn.name, field);
        String[] misuse = new String[1];
        OriginInterpreter watcher = new OriginInterpreter(m) {
            private void check(AbstractInsnNode insn, OValue v, String what) {
                if (v != null && v.origins().contains(origin) && misuse[0] == null) {
                    misuse[0] = m.name + " " + what + " (" + FunctionTranslator.describe(insn) + ")";
                }
            }

            @Override
            public OValue unaryOperation(AbstractInsnNode insn, OValue value) throws AnalyzerException {
                if (insn.getOpcode() != ARRAYLENGTH && insn.getOpcode() != IFNULL && insn.getOpcode() != IFNONNULL) {
                    check(insn, value, "lets it escape");
                }
                return super.unaryOperation(insn, value);
            }

            @Override
            public OValue binaryOperation(AbstractInsnNode insn, OValue v1, OValue v2) throws AnalyzerException {
                if (insn.getOpcode() == PUTFIELD) {
                    check(insn, v2, "lets it escape");
                }
                return super.binaryOperation(insn, v1, v2);
            }

            @Override
            public OValue ternaryOperation(AbstractInsnNode insn, OValue v1, OValue v2, OValue v3) {
                if (!mayWrite) {
                    check(insn, v1, "writes it");
                }
                check(insn, v3, "lets it escape");
                return super.ternaryOperation(insn, v1, v2, v3);
            }

            @Override
            public OValue naryOperation(AbstractInsnNode insn, List<? extends OValue> values) {
                for (OValue v : values) {
                    check(insn, v, "passes it to a method");
                }
                return super.naryOperation(insn, values);
            }

            @Override
            public void returnOperation(AbstractInsnNode insn, OValue value, OValue expected) {
                check(insn, value, "returns it");
            }
        };
        try {
            new Analyzer<>(watcher).analyze(cn.name, m);
        } catch (AnalyzerException | RuntimeException e) {
            throw new NotATable("method " + m.name + " of its class could not be analysed: " + e.getMessage());
        }
        if (misuse[0] != null) {
            throw new NotATable("method " + misuse[0] + ", so it is not a constant table");
        }
    }
}

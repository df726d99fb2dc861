package dev.oxidizer.autoport;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.Printer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates one method: ASM's {@link Analyzer} with {@link OriginInterpreter} gives every slot's type and origin;
 * each basic block is executed symbolically into Rust statements (pure expressions are folded, anything that can throw
 * or write is emitted in Java's order); then the blocks are nested into Rust {@code loop}s and labelled blocks along
 * the dominator tree ({@link ControlFlow}), never a dispatch loop.
 */
final class FunctionTranslator implements Opcodes {
    private static final Set<String> EXCEPTIONS = Set.of("java/lang/ArithmeticException", "java/lang/ArrayIndexOutOfBoundsException",
            "java/lang/NegativeArraySizeException", "java/lang/NullPointerException", "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException", "java/lang/IndexOutOfBoundsException", "java/lang/StringIndexOutOfBoundsException",
            "java/lang/UnsupportedOperationException", "java/lang/NumberFormatException", "java/lang/RuntimeException");
    private static final String RET_OPEN = "\u0001RO\u0001";
    private static final String RET_CLOSE = "\u0001RC\u0001";

    private final AutoPorter porter;
    private final ClassNode owner;
    private MethodNode mn;
    private final String key;
    private final AutoPorter.Entry entry;
    private final String rustName;
    private final boolean isStatic;
    private InsnList insns;
    /** Array instructions a hoisted check before their loop proved in bounds ({@link LoopVersioning}). */
    private Set<AbstractInsnNode> unchecked = Set.of();
    private Frame<OValue>[] frames;
    private ControlFlow cfg;
    private int[] lineOf;

    private final Map<String, String> decls = new LinkedHashMap<>();
    private final Set<OValue.Origin> written = new HashSet<>();
    private NullChecks nullChecks;
    /**
     * Parameters (local slots) that are null in this specialised copy: {@code FastMath.log(x)} calls its helper
     * {@code log(x, null)}, whose {@code if (hiPrec != null)} branches are then dead. Their null checks become jumps to
     * the null branch; any other use of them is refused.
     */
    private Set<Integer> nullSlots = Set.of();
    private OwnedArrays owned = OwnedArrays.NONE;
    /** Per translated block: the owned arrays it leaves on the stack for its successors, by depth. */
    private final Map<Integer, Map<Integer, SE>> ownedOnExit = new HashMap<>();
    private int temps;

    /** The entry method: signature from {@code entry}, always {@code Result}. */
    FunctionTranslator(AutoPorter porter, ClassNode owner, MethodNode mn, String key, AutoPorter.Entry entry) {
        this(porter, owner, mn, key, entry, entry.rustFn());
    }

    /**
     * An application method it calls; {@code nullSlots} are the local slots of the array or String parameters every
     * call passes {@code null} to (a specialised copy: they are left out of its signature, see {@link #nullSlots}).
     */
    FunctionTranslator(AutoPorter porter, ClassNode owner, MethodNode mn, String key, String rustName, Set<Integer> nullSlots) {
        this(porter, owner, mn, key, null, rustName);
        this.nullSlots = Set.copyOf(nullSlots);
    }

    private FunctionTranslator(AutoPorter porter, ClassNode owner, MethodNode mn, String key, AutoPorter.Entry entry, String rustName) {
        this.porter = porter;
        this.owner = owner;
        this.mn = mn;
        this.key = key;
        this.entry = entry;
        this.rustName = rustName;
        this.isStatic = (mn.access & ACC_STATIC) != 0;
        this.insns = mn.instructions;
    }

    /** The entry's null checks the wrapper must repeat, in Java's order. */
    List<NullGuard> nullGuards() {
        return nullChecks == null ? List.of() : List.copyOf(nullChecks.guards);
    }

    /** The JDK exception class and its superclasses up to Throwable (internal names). */
    static Set<String> superclasses(String cls) {
        Set<String> s = new HashSet<>();
        s.add(cls);
        switch (cls) {
            case "java/lang/ArrayIndexOutOfBoundsException", "java/lang/StringIndexOutOfBoundsException" -> s.add("java/lang/IndexOutOfBoundsException");
            case "java/lang/NumberFormatException" -> s.add("java/lang/IllegalArgumentException");
            default -> { }
        }
        s.addAll(Set.of("java/lang/RuntimeException", "java/lang/Exception", "java/lang/Throwable"));
        return s;
    }

    static boolean throwable(String internalName) {
        return EXCEPTIONS.contains(internalName);
    }

    /** Whether the wrapper, in the original's package, can hand a call to the Java original (static, not private). */
    boolean canCallOriginal() {
        return isStatic && (mn.access & ACC_PRIVATE) == 0;
    }

    boolean writesParam(int slot) {
        return written.contains(new OValue.Param(slot));
    }

    private String who() {
        return key.replace('/', '.');
    }

    private Refusal refuse(int insn, String instruction, String reason) {
        int line = lineAt(insn);
        if (line < 0 && insn >= 0 && lineAt(-1) < 0) {
            // compiled without line numbers (-g:none): the instruction's place among the method's instead
            int ordinal = 0;
            for (int i = 0; i <= insn && i < insns.size(); i++) {
                if (insns.get(i).getOpcode() >= 0) {
                    ordinal++;
                }
            }
            reason = reason + " (its class file has no line numbers: it is instruction " + ordinal + " of " + mn.name + ")";
        }
        return new Refusal(who(), line, instruction, reason);
    }

    /** The source line of the instruction at (or, for a label, right after) {@code insn}; -1 when unknown. */
    private int lineAt(int insn) {
        if (insn < 0) {
            for (int i = 0; i < insns.size(); i++) {
                if (insns.get(i) instanceof LineNumberNode ln) {
                    return ln.line;
                }
            }
            return -1;
        }
        int i = insn;
        while (i < insns.size() - 1 && insns.get(i).getOpcode() < 0) {
            i++;
        }
        return lineOf[i];
    }

    private Refusal refuse(int insn, String reason) {
        return refuse(insn, describe(insns.get(insn)), reason);
    }

    static String describe(AbstractInsnNode in) {
        int op = in.getOpcode();
        String name = op >= 0 ? Printer.OPCODES[op].toLowerCase() : "?";
        if (in instanceof MethodInsnNode m) {
            return name + " " + m.owner.replace('/', '.') + "." + m.name + m.desc;
        }
        if (in instanceof FieldInsnNode f) {
            return name + " " + f.owner.replace('/', '.') + "." + f.name;
        }
        if (in instanceof TypeInsnNode t) {
            return name + " " + t.desc.replace('/', '.');
        }
        if (in instanceof InvokeDynamicInsnNode d) {
            return name + " " + d.name + d.desc;
        }
        return name;
    }

    // ------------------------------------------------------------------------------------------------------------

    String translate() throws Refusal {
        MethodNode original = mn;
        LoopVersioning.Result versioned = LoopVersioning.ENABLED ? LoopVersioning.apply(owner.name, mn) : null;
        if (versioned != null) {
            mn = versioned.method();
            insns = mn.instructions;
            unchecked = versioned.unchecked();
            try {
                return translateOnce();
            } catch (Refusal r) {
                // the split loops are translated like the original; a refusal is the original's: report it from it
                mn = original;
                insns = mn.instructions;
                unchecked = Set.of();
                decls.clear();
                written.clear();
                nullChecks = null;
                ownedOnExit.clear();
                strTables.clear();
                temps = 0;
            }
        }
        return translateOnce();
    }

    private String translateOnce() throws Refusal {
        lineOf = new int[insns.size()];
        int line = -1;
        for (int i = 0; i < insns.size(); i++) {
            if (insns.get(i) instanceof LineNumberNode ln) {
                line = ln.line;
            }
            lineOf[i] = line;
        }
        if ((mn.access & ACC_SYNCHRONIZED) != 0) {
            throw refuse(-1, "method " + mn.name, "synchronized methods are outside the subset");
        }
        try {
            frames = new Analyzer<>(new OriginInterpreter(mn)).analyze(owner.name, mn);
        } catch (AnalyzerException e) {
            int at = e.node == null ? -1 : insns.indexOf(e.node);
            throw refuse(at, at < 0 ? "method" : describe(e.node), "the analyzer rejected it: " + e.getMessage());
        }
        nullChecks = new NullChecks(owner, mn, frames, isStatic, nullSlots);
        nullChecks.pruneNullBranches();
        owned = OwnedArrays.find(mn, frames);
        if (entry != null) {
            nullChecks.findPrologue();
        }
        cfg = new ControlFlow(mn, frames);
        if (cfg.irreducibleAt >= 0) {
            throw refuse(cfg.irreducibleAt, "goto", "irreducible control flow (a loop with two entries) cannot be structured");
        }
        Map<Integer, BlockCode> code = new LinkedHashMap<>();
        for (int id : cfg.order) {
            code.put(id, new BlockTranslator(cfg.blocks.get(id)).run());
        }
        StringBuilder body = new StringBuilder();
        new Structurer(code, body).doTree(cfg.order.get(0), 1);
        return assemble(body.toString());
    }

    private String assemble(String body) {
        StringBuilder sb = new StringBuilder();
        Type[] ps = Type.getArgumentTypes(mn.desc);
        Type ret = Type.getReturnType(mn.desc);
        List<String> params = new ArrayList<>();
        List<String> prologue = new ArrayList<>();
        int slot = isStatic ? 0 : 1;
        if (!isStatic && entry != null) {
            for (Map.Entry<String, String> f : entry.fieldNames().entrySet()) {
                FieldNode fn = field(f.getKey());
                Type ft = Type.getType(fn.desc);
                params.add(f.getValue() + ": " + paramType(ft, entry.mutableFields().contains(f.getKey()), true));
                if (ft.getSort() != Type.ARRAY && ft.getSort() != Type.OBJECT) {
                    prologue.add("let " + fieldVar(f.getKey()) + ": " + rust(kind(ft)) + " = " + widen(f.getValue(), ft) + ";");
                }
            }
        }
        for (int i = 0; i < ps.length; i++) {
            if (nullSlots.contains(slot)) {
                slot += ps[i].getSize();
                continue;
            }
            String name = paramName(slot, i);
            params.add(name + ": " + paramType(ps[i], writesParam(slot), entry != null));
            if (ps[i].getSort() != Type.ARRAY && ps[i].getSort() != Type.OBJECT) {
                String v = "l" + slot + Character.toLowerCase(kind(ps[i]));
                decls.remove(v);
                prologue.add("let mut " + v + ": " + rust(kind(ps[i])) + " = " + widen(name, ps[i]) + ";");
            } else if (owned.owns(slot) && isString(ps[i])) {
                // a String parameter the method reassigns (s = s.substring(1)): its variable starts as a copy
                String v = OwnedArrays.var(slot, ps[i]);
                decls.remove(v);
                prologue.add("let mut " + v + ": Vec<u16> = " + name + ".to_vec();");
            }
            slot += ps[i].getSize();
        }
        String rt = entry != null ? entryReturnType(ret) : internalReturnType(ret);
        // Translated code keeps one statement of the byte code per line and the names of its slots; rustfmt would only
        // re-wrap long expressions, and the lints name what a faithful translation leaves behind (unused slots,
        // labels of blocks no branch leaves, parentheses of each operand), so both are off for translated bodies only.
        String allow = "#[rustfmt::skip]\n#[allow(unused_mut, unused_variables, unused_assignments, unused_labels, unreachable_code, unused_parens, path_statements, clippy::all)]\n";
        String paramList = "(" + String.join(", ", params) + ")";
        // no "-> ()": clippy's unused_unit
        String returns = rt.equals("()") ? "" : " -> " + rt;
        String signature = paramList + returns;
        if (entry != null) {
            sb.append(entryDispatch(params, rt, returns));
            sb.append("/// The body translated from `").append(who()).append("`: compiled once per instruction-set level.\n");
            sb.append(allow).append("#[inline(always)]\n");
            sb.append("fn ").append(helperBase(rustName)).append("_body").append(signature).append(" {\n");
        } else {
            sb.append("/// Translated from `").append(who()).append("` by `oxidizer generate --auto`.\n");
            sb.append(allow).append("#[inline]\n");
            sb.append("fn ").append(rustName).append(signature).append(" {\n");
        }
        if (entry == null && porter.isRecursive(key)) {
            sb.append("    jrt::stack_guard();\n");
        }
        for (String p : prologue) {
            sb.append("    ").append(p).append('\n');
        }
        for (String d : decls.values()) {
            sb.append("    ").append(d).append('\n');
        }
        sb.append(body.replace(RET_OPEN, "(").replace(RET_CLOSE, ")"));
        sb.append("}\n");
        return sb.toString();
    }

    /**
     * The public entry: Java exceptions the body throws (unwinding, see jrt.rs) become {@code Err}; on x86 CPUs with
     * AVX2 it runs a copy of the body compiled for AVX2 (runtime detection, as the JIT uses the host's instruction set;
     * no FMA, so floating-point results are the baseline copy's bit for bit).
     */
    private String entryDispatch(List<String> params, String rt, String returns) {
        List<String> args = params.stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
        String base = helperBase(rustName);
        // clippy's too_many_arguments (more than 7): the signature mirrors the Java method's, which its author chose
        String allowMany = params.size() > 7 ? "#[allow(clippy::too_many_arguments)]\n" : "";
        return "/// Translated from `" + who() + "` by `oxidizer generate --auto`. Fails with `PortError::Java` where the Java\n"
                + "/// method throws; runs the AVX2 build of the body where the CPU has AVX2.\n"
                + allowMany
                + RustText.signature(0, "pub fn " + rustName, params, " -> Result<" + rt + ", PortError> {")
                + """
                    jrt::catch(|| {
                        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
                        {
                            if jrt::has_avx2() {
                                // SAFETY: this CPU supports AVX2 (detected just above).
                """
                + RustText.returnUnsafe(16, base + "_avx2", args)
                + """
                            }
                        }
                """
                + RustText.call(8, "", base + "_body", args, "")
                + """
                    })
                }

                /// `%1$s_body` compiled for AVX2 (the same instructions' semantics; LLVM may use wider vectors).
                #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
                #[target_feature(enable = "avx2")]
                """.formatted(base)
                + allowMany
                + RustText.signature(0, "unsafe fn " + base + "_avx2", params, returns + " {")
                + RustText.call(4, "", base + "_body", args, "")
                + "}\n\n";
    }

    /**
     * The stem of the entry's helper functions ({@code <stem>_body}, {@code <stem>_avx2}): the entry's name without the
     * trailing underscore that escapes a Rust keyword ({@code mod_} gives {@code mod_body}, not {@code mod__body},
     * which is not snake case).
     */
    static String helperBase(String name) {
        String b = name.replaceAll("_+$", "");
        return b.isEmpty() ? name : b;
    }

    private FieldNode field(String name) {
        for (FieldNode f : owner.fields) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        throw new IllegalStateException("no field " + name + " in " + owner.name);
    }

    private String paramName(int slot, int index) {
        return entry != null ? entry.paramNames().get(index) : "p" + slot;
    }

    private static String fieldVar(String name) {
        return "f_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** A parameter's Rust type: primitives as the generator maps them (entry) or widened like the JVM stack (internal). */
    private static String paramType(Type t, boolean mut, boolean entryAbi) {
        return switch (t.getSort()) {
            case Type.ARRAY -> (mut ? "&mut [" : "&[") + elem(t) + "]";
            case Type.OBJECT -> "&[u16]";
            default -> entryAbi ? exact(t) : rust(kind(t));
        };
    }

    private static String exact(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN -> "bool";
            case Type.BYTE -> "i8";
            case Type.CHAR -> "u16";
            case Type.SHORT -> "i16";
            case Type.INT -> "i32";
            case Type.LONG -> "i64";
            case Type.FLOAT -> "f32";
            case Type.DOUBLE -> "f64";
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static String widen(String v, Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT -> "(" + v + " as i32)";
            default -> v;
        };
    }

    private String entryReturnType(Type ret) {
        return switch (ret.getSort()) {
            case Type.VOID -> "()";
            case Type.ARRAY -> "Vec<" + elem(ret) + ">";
            case Type.OBJECT -> isString(ret) ? "Vec<u16>" : exact(ret);
            default -> exact(ret);
        };
    }

    private String internalReturnType(Type ret) {
        return switch (ret.getSort()) {
            case Type.VOID -> "()";
            case Type.ARRAY -> "Vec<" + elem(ret) + ">";
            case Type.OBJECT -> isString(ret) ? "Vec<u16>" : rust(kind(ret));
            default -> rust(kind(ret));
        };
    }

    /** A String made by the method holds its UTF-16 code units, as a {@code char[]} would. */
    static final Type STRING = Type.getObjectType("java/lang/String");
    private static final Type STRING_UNITS = Type.getType("[C");

    static boolean isString(Type t) {
        return isClass(t, STRING);
    }

    private static boolean isClass(Type t, Type cls) {
        return t != null && t.getSort() == Type.OBJECT && t.getInternalName().equals(cls.getInternalName());
    }

    /** A StringBuilder the method creates: its UTF-16 code units in a {@code Vec<u16>} it appends to. */
    static final Type BUILDER = Type.getObjectType("java/lang/StringBuilder");

    static boolean isBuilder(Type t) {
        return isClass(t, BUILDER);
    }

    static char kind(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> 'I';
            case Type.LONG -> 'J';
            case Type.FLOAT -> 'F';
            case Type.DOUBLE -> 'D';
            default -> 'A';
        };
    }

    static String rust(char kind) {
        return switch (kind) {
            case 'I' -> "i32";
            case 'J' -> "i64";
            case 'F' -> "f32";
            case 'D' -> "f64";
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    /** Rust element type of a one-dimensional primitive array type. */
    static String elem(Type arr) {
        return switch (arr.getDescriptor()) {
            case "[Z" -> "bool";
            case "[B" -> "i8";
            case "[C" -> "u16";
            case "[S" -> "i16";
            case "[I" -> "i32";
            case "[J" -> "i64";
            case "[F" -> "f32";
            case "[D" -> "f64";
            default -> null;
        };
    }

    /** The row type of a two-dimensional primitive array type ({@code [[I} gives {@code [I}), else null. */
    static Type tableRow(Type t) {
        if (t == null || t.getSort() != Type.ARRAY || t.getDimensions() != 2) {
            return null;
        }
        Type row = Type.getType(t.getDescriptor().substring(1));
        return elem(row) == null ? null : row;
    }

    /**
     * The Rust type of a variable holding an array or String the method made: {@code Vec<T>}, {@code Vec<Vec<T>>} for a
     * table, {@code Vec<u16>} (code units) for a String.
     */
    static String vecType(Type t) {
        Type row = tableRow(t);
        return row != null ? "Vec<Vec<" + elem(row) + ">>" : isString(t) ? "Vec<u16>" : "Vec<" + elem(t) + ">";
    }

    /**
     * The {@code multianewarray} that made the table the {@code aaload} at {@code insn} reads a row of, or -1 when it
     * reads anything else (the subset's only arrays of references are the rectangular tables the method makes).
     */
    private int tableOf(int aaload) {
        Frame<OValue> f = frames[aaload];
        if (f == null || f.getStackSize() < 2) {
            return -1;
        }
        OValue base = f.getStack(f.getStackSize() - 2);
        if (base.origins().size() == 1 && base.origins().iterator().next() instanceof OValue.Made m
                && insns.get(m.insn()) instanceof MultiANewArrayInsnNode mi && mi.dims == 2 && tableRow(base.type()) != null) {
            return m.insn();
        }
        return -1;
    }

    /** Whether the {@code aaload} at {@code insn} reads an element of a String table ({@link StrTable}). */
    private boolean isStrTableLoad(int insn) {
        Frame<OValue> f = frames[insn];
        if (insns.get(insn).getOpcode() != AALOAD || f == null || f.getStackSize() < 2) {
            return false;
        }
        OValue base = f.getStack(f.getStackSize() - 2);
        return base.origins().size() == 1 && base.origins().iterator().next() instanceof OValue.Made m && strTables.containsKey(m.insn());
    }

    /**
     * Where the row an {@code aaload} read lives: its table's variable indexed by the row number that instruction
     * checked last ({@code a5[r9]}). A row is never copied, so writes through it reach the table, as in Java.
     */
    private String rowPlace(int aaload) throws Refusal {
        int table = tableOf(aaload);
        if (table < 0) {
            throw refuse(aaload, "arrays of references are outside the subset (two-dimensional primitive tables the method"
                    + " makes with new T[n][m] are in it)");
        }
        return "a" + table + "[r" + aaload + "]";
    }

    // ---- symbolic values -----------------------------------------------------------------------------------------

    /** A pending comparison of two values (lcmp, fcmpl, ...): folded into the branch that tests it. */
    private record Cmp(String a, String b, int op) {}

    /** A {@code new String} or {@code new StringBuilder} before its constructor ran (the {@code NEW} at {@code insn}). */
    private record NewString(int insn, boolean builder) {}

    /**
     * An exception being constructed: {@code new X; dup; <message>; invokespecial <init>}. For an application exception
     * ({@link ApplicationException}) the message is the encoded site and constructor arguments, and {@code chain} its
     * classes.
     */
    private static final class Exc {
        final String cls;
        final boolean application;
        String message;
        List<String> chain;

        Exc(String cls, boolean application) {
            this.cls = cls;
            this.application = application;
        }
    }

    /** A Rust int literal as {@code lit(int)} writes it ({@code 7i32}, {@code (-7i32)}). */
    private static final java.util.regex.Pattern INT_LITERAL = java.util.regex.Pattern.compile("\\(?(-?[0-9]+)i32\\)?");

    /** A byte-array view VarHandle: element type and byte order. */
    private record View(Type element, boolean littleEndian) {}

    /**
     * An object argument of an application exception's constructor (a library's exceptions often take
     * {@code (Localizable pattern, Object... args)}): an enum constant, or a boxed primitive or String as an element of
     * the arguments array. {@code field}: a Rust variable holding its encoding ({@link ApplicationException}). Nothing
     * but such a constructor or array may use it.
     */
    private record ExcArg(String field) {}

    /** An {@code Object[]} of exception arguments being filled in place: the encodings of its elements, null until stored. */
    private record ExcArray(String[] elements) {}

    /**
     * A {@code String[]} the method fills with constants where it makes it ({@code {"M", "CM", "D"}}): being built
     * ({@code var} null) until it is stored, then a constant Rust array {@code var} of their code units. It never
     * escapes, is never written again and is never compared by reference (each is refused), so a constant is exact.
     */
    private record StrTable(String[] elements, String var) {}

    /** The String tables made so far (sealed: {@code var} set), by the index of their {@code anewarray}. */
    private final Map<Integer, StrTable> strTables = new HashMap<>();

    /**
     * A stack entry: Rust code and its kind (I J F D for primitives, A for arrays and strings, X exception under
     * construction, S a Rust String, H a VarHandle, K an exception argument: {@link ExcArg}, {@link ExcArray}), the
     * variables the code reads (to flush it before they change).
     */
    /** {@code null} on its way into a translated method's array or String parameter ({@link #nullSlots}). */
    private static final SE NULL_ARGUMENT = new SE("null", 'N', Set.of(), new OValue.Null(), OValue.NULL_TYPE, null);

    private record SE(String code, char kind, Set<String> deps, OValue.Origin origin, Type type, Object extra) {
        static SE prim(String code, char kind, Set<String> deps) {
            return new SE(code, kind, deps, null, null, null);
        }

        int size() {
            return kind == 'J' || kind == 'D' ? 2 : 1;
        }
    }

    private record BlockCode(List<String> stmts, Term term) {}

    private sealed interface Term {}

    private record Goto(int target) implements Term {}

    private record Cond(String cond, int ifTrue, int ifFalse) implements Term {}

    private record Switch(String expr, LinkedHashMap<Integer, List<Integer>> keysByTarget, int dflt) implements Term {}

    private record Exit(String stmt) implements Term {}

    /** Ends a block whose last call was caught: error variable, normal successor (-1: none), handlers innermost first. */
    private record TryCheck(String error, int normal, List<ControlFlow.Handler> handlers) implements Term {}

    // ---- one basic block -----------------------------------------------------------------------------------------

    private final class BlockTranslator {
        private final ControlFlow.Block block;
        private final List<String> out = new ArrayList<>();
        private final List<SE> stack = new ArrayList<>();
        private int at;
        /** The error variable of the caught call that ends this block, or null. */
        private String caught;

        BlockTranslator(ControlFlow.Block block) {
            this.block = block;
        }

        BlockCode run() throws Refusal {
            Frame<OValue> f = frames[block.start];
            if (returnsStackTop(block.id) && f.getStack(0).origins().size() > 1) {
                // every predecessor returns the reference itself (jumpTo): nothing reaches this block
                return new BlockCode(new ArrayList<>(), new Exit("unreachable!();"));
            }
            if (cfg.handlerBlocks.contains(block.id)) {
                if (f.getStackSize() != 1) {
                    throw refuse(block.start, "exception handler", "a handler entered with more than the exception on the stack");
                }
                stack.add(caughtValue(block.id));
                f = new Frame<>(0, 0);
            }
            for (int d = 0; d < f.getStackSize(); d++) {
                OValue v = f.getStack(d);
                char k = v.type() == null ? '?' : kind(v.type());
                if (k == 'A' && isMergedString(v)) {
                    // c ? "yes" : "no": each predecessor copied its String's code units into the same variable
                    String sv = stringStackVar(d);
                    stack.add(new SE(sv, 'A', Set.of(sv), new OValue.Merged(sv), STRING, null));
                    continue;
                }
                if (k == 'A' && v.origins().stream().anyMatch(owned::moves)) {
                    stack.add(ownedFromPredecessors(d));
                    continue;
                }
                if (k == 'A' && v.origins().size() == 1 && !(v.origins().iterator().next() instanceof OValue.Made mm
                        && insns.get(mm.insn()).getOpcode() == NEW && !isBuilder(v.type()))) {
                    // an array reference is named statically: the same on every path into this block (a[i] = c ? x : y),
                    // and so is the StringBuilder the method made (sb.append(c ? x : y), sb.append(a == b))
                    stack.add(arrayValue(v, block.start));
                    continue;
                }
                if (k == 'A' || k == '?') {
                    throw refuse(block.start, "a reference on the operand stack between blocks",
                            "a conditional expression choosing between arrays or strings is outside the subset");
                }
                String s = stackVar(d, k);
                stack.add(SE.prim(s, k, Set.of(s)));
            }
            Term term = null;
            for (at = block.start; at < block.end; at++) {
                AbstractInsnNode in = insns.get(at);
                if (in.getOpcode() < 0) {
                    continue;
                }
                term = step(in);
                if (term != null) {
                    break;
                }
            }
            if (term == null) {
                term = jumpTo(block.succs.get(0));
            }
            if (caught != null) {
                term = new TryCheck(caught, term instanceof Goto g ? g.target() : -1, cfg.handlers.get(block.id));
            }
            return new BlockCode(out, term);
        }

        /**
         * Whether stack slot {@code v} at a block's start is a String that may come from different places (a
         * conditional expression, {@code c ? "yes" : s}) or is a constant: the predecessors copy it into
         * {@link #stringStackVar}.
         */
        private boolean isMergedString(OValue v) {
            return v.type() != null && isString(v.type()) && !v.origins().isEmpty()
                    && (v.origins().size() > 1 || v.origins().stream().allMatch(o -> o instanceof OValue.Made m && insns.get(m.insn()) instanceof LdcInsnNode));
        }

        /** Whether a successor of this block starts with a merged String ({@link #isMergedString}) at stack depth {@code d}. */
        private boolean mergesString(int d) {
            for (int succ : block.succs) {
                Frame<OValue> f = frames[cfg.blocks.get(succ).start];
                if (f != null && f.getStackSize() > d && isMergedString(f.getStack(d))) {
                    return true;
                }
            }
            return false;
        }

        /** The variable that carries a merged String at stack depth {@code depth} from a block to its successors. */
        private String stringStackVar(int depth) {
            String s = "s" + depth + "t";
            decls.putIfAbsent(s, "let mut " + s + ": Vec<u16> = Vec::new();");
            return s;
        }

        private String stackVar(int depth, char k) {
            String s = "s" + depth + Character.toLowerCase(k);
            decls.putIfAbsent(s, "let mut " + s + ": " + rust(k) + " = " + zero(k) + ";");
            return s;
        }

        private String local(int slot, char k) {
            String s = "l" + slot + Character.toLowerCase(k);
            decls.putIfAbsent(s, "let mut " + s + ": " + rust(k) + " = " + zero(k) + ";");
            return s;
        }

        private static String zero(char k) {
            return switch (k) {
                case 'I' -> "0";
                case 'J' -> "0";
                case 'F' -> "0.0";
                default -> "0.0";
            };
        }

        private SE pop() {
            return stack.remove(stack.size() - 1);
        }

        private void push(SE e) {
            stack.add(e);
        }

        private void pushPrim(String code, char k, Set<String> deps) {
            push(SE.prim(code, k, deps));
        }

        private Set<String> deps(SE... es) {
            Set<String> s = new HashSet<>();
            for (SE e : es) {
                s.addAll(e.deps());
            }
            return s;
        }

        /** Emits {@code let tN = code;} and returns the temporary. */
        private String temp(String code, char k) {
            String t = "t" + (temps++);
            out.add("let " + t + ": " + rust(k) + " = " + code + ";");
            return t;
        }

        /** Emits {@code let tN: String = code;} and returns the temporary. */
        private String stringTemp(String code) {
            String t = "t" + (temps++);
            out.add("let " + t + ": String = " + code + ";");
            return t;
        }

        /** The int a literal of {@link #lit(int)} stands for, or null if {@code code} is not one. */
        private static Integer intLiteral(String code) {
            java.util.regex.Matcher m = INT_LITERAL.matcher(code);
            return m.matches() ? Integer.valueOf(m.group(1)) : null;
        }

        /**
         * A String value's UTF-16 code units as the application-exception protocol writes them ({@code jrt::units_hex}),
         * or null when {@code v} is not a String.
         */
        private String unitsHex(SE v) throws Refusal {
            if (isStringValue(v)) {
                return "jrt::units_hex(&" + arrayVar(v, at) + "[..])";
            }
            return v.kind() == 'S' ? "jrt::units_hex(&" + v.code() + ".encode_utf16().collect::<Vec<u16>>())" : null;
        }

        /**
         * The encoding of an object argument of an application exception ({@link ApplicationException}), in a Rust
         * variable: an enum constant or a boxed primitive ({@link ExcArg}), a String, or (when {@code array}) a filled
         * {@link ExcArray}.
         */
        private String excArgField(SE v, boolean array) throws Refusal {
            if (array) {
                if (!(v.extra() instanceof ExcArray a)) {
                    throw refuse(at, "an application exception's Object[] argument not made in place");
                }
                List<String> parts = new ArrayList<>();
                for (String e : a.elements()) {
                    if (e == null) {
                        throw refuse(at, "an application exception's Object[] argument with a null element");
                    }
                    parts.add(e + ".as_str()");
                }
                return parts.isEmpty() ? "String::new()" : "[" + String.join(", ", parts) + "].join(\"\\u{2}\")";
            }
            if (v.extra() instanceof ExcArg x) {
                return x.field();
            }
            String hex = unitsHex(v);
            if (hex != null) {
                return stringTemp("format!(\"T:{}\", " + hex + ")");
            }
            throw refuse(at, "an application exception's argument other than a primitive, a String, a boxed primitive or an"
                    + " enum constant");
        }

        /** {@code Integer.valueOf(int)} and its siblings: a boxed primitive, only as an application exception's argument. */
        private boolean boxed(MethodInsnNode m, List<SE> args) {
            String tag = switch (m.owner) {
                case "java/lang/Integer" -> "I";
                case "java/lang/Long" -> "J";
                case "java/lang/Short" -> "S";
                case "java/lang/Byte" -> "B";
                case "java/lang/Character" -> "C";
                case "java/lang/Boolean" -> "Z";
                case "java/lang/Float" -> "F";
                case "java/lang/Double" -> "D";
                default -> null;
            };
            if (tag == null || m.getOpcode() != INVOKESTATIC || !m.name.equals("valueOf") || args.size() != 1
                    || !Type.getReturnType(m.desc).getInternalName().equals(m.owner)
                    || Type.getArgumentTypes(m.desc)[0].getSort() > Type.DOUBLE) {
                return false;
            }
            SE v = args.get(0);
            String value = tag.equals("F") || tag.equals("D") ? "(" + v.code() + ").to_bits()" : v.code();
            String t = stringTemp("format!(\"" + tag + ":{}\", " + value + ")");
            push(new SE(t, 'K', Set.of(), null, Type.getObjectType(m.owner), new ExcArg(t)));
            return true;
        }

        private SE materialize(SE e) {
            if (isReferenceKind(e.kind()) || e.deps().isEmpty() && simple(e.code())) {
                return e;
            }
            return SE.prim(temp(e.code(), e.kind()), e.kind(), Set.of());
        }

        /** A stack entry that names a reference (array, String, exception, handle, table...), never a value to copy. */
        private static boolean isReferenceKind(char k) {
            return "AXHSEKQ".indexOf(k) >= 0;
        }

        private static boolean simple(String code) {
            return code.matches("[A-Za-z_][A-Za-z0-9_]*|\\(?-?[0-9][0-9A-Za-z_.+-]*\\)?");
        }

        /** {@code areturn} of an array or String. */
        private Term returnRef(SE v) throws Refusal {
            boolean string = isStringValue(v);
            if (!string && (v.kind() != 'A' || v.type().getSort() != Type.ARRAY)) {
                throw refuse(at, "returning a " + (v.type() == null ? "reference" : v.type().getClassName())
                        + " is outside the subset (primitives, void, primitive arrays and String)");
            }
            if (tableRow(v.type()) != null) {
                throw refuse(at, "returning a two-dimensional table is outside the subset");
            }
            if (isRow(v)) {
                throw refuse(at, "returning a row of a table is outside the subset (return a copy: Arrays.copyOf)");
            }
            String var = arrayVar(v, at);
            boolean made = v.origin() instanceof OValue.Slot || v.origin() instanceof OValue.Merged
                    || v.origin() instanceof OValue.Made m && !(insns.get(m.insn()) instanceof LdcInsnNode);
            // Strings are immutable, so the code units a String parameter or constant holds may be copied out anywhere;
            // a parameter array only from the entry (a called method returning it would alias the caller's array)
            if (!made && !string && entry == null) {
                throw refuse(at, "returning a parameter array from a called method is outside the subset");
            }
            return new Exit("return " + RET_OPEN + (made ? var : var + ".to_vec()") + RET_CLOSE + ";");
        }

        /**
         * The constructor of an application exception: its site ({@link AutoPorter#applicationSite}) and arguments,
         * encoded as {@link ApplicationException} describes, become the message the wrapper decodes.
         */
        private void applicationConstructor(Exc x, String desc, List<SE> args) throws Refusal {
            ApplicationException site;
            try {
                site = porter.applicationSite(x.cls, desc);
            } catch (ApplicationException.Unsupported u) {
                throw refuse(at, "new " + x.cls.replace('/', '.'), u.getMessage());
            }
            Type[] ps = Type.getArgumentTypes(desc);
            List<String> fields = new ArrayList<>();
            for (int k = 0; k < ps.length; k++) {
                SE v = args.get(k);
                fields.add(switch (ps[k].getSort()) {
                    case Type.FLOAT, Type.DOUBLE -> "(" + v.code() + ").to_bits().to_string()";
                    case Type.OBJECT -> {
                        if (!isString(ps[k])) {
                            yield excArgField(v, false) + ".clone()";
                        }
                        String hex = unitsHex(v);
                        if (hex == null) {
                            throw refuse(at, "an application exception constructed from a value other than a String");
                        }
                        yield hex;
                    }
                    case Type.ARRAY -> excArgField(v, true);
                    default -> "(" + v.code() + ").to_string()";
                });
            }
            x.chain = site.chain();
            x.message = "jrt::application_message(" + site.index() + ", \"" + String.join(",", site.chain()) + "\", &["
                    + String.join(", ", fields) + "])";
        }

        /** A row of a table the method made ({@code dp[i]}). */
        private boolean isRow(SE v) {
            return v.origin() instanceof OValue.Made m && insns.get(m.insn()).getOpcode() == AALOAD && !isString(v.type());
        }

        /** A String table being built is complete where it is stored: it becomes the constant array it is from then on. */
        private void sealStrTable(SE e, StrTable t) throws Refusal {
            if (t.var() != null) {
                return; // stored again (for (String s : table) copies it to a variable)
            }
            for (String el : t.elements()) {
                if (el == null) {
                    throw refuse(at, "a String array with elements left null (only tables of constants filled where they are made,"
                            + " {\"M\", \"CM\"}, are in the subset)");
                }
            }
            int made = ((OValue.Made) e.origin()).insn();
            String var = "t" + made;
            List<String> units = new ArrayList<>();
            for (String el : t.elements()) {
                units.add(units(el));
            }
            decls.putIfAbsent(var, "let " + var + ": [&[u16]; " + t.elements().length + "] = [" + String.join(", ", units) + "];");
            strTables.put(made, new StrTable(t.elements(), var));
        }

        /**
         * Whether the null pushed at {@code i} goes straight into an array or String parameter of a translated method:
         * only pushes of other arguments (loads and constants) follow it, in its block, up to an {@code invokestatic} of
         * an application method. That method is then translated for a null there ({@link #nullSlots}).
         */
        private boolean isNullArgument(int i) {
            int after = 0;
            for (int k = i + 1; k < insns.size(); k++) {
                AbstractInsnNode n = insns.get(k);
                if (n.getOpcode() < 0) {
                    if (n instanceof LabelNode && cfg.blockAt(k) != cfg.blockAt(i)) {
                        return false;
                    }
                    continue;
                }
                int op = n.getOpcode();
                if (op >= ACONST_NULL && op <= ALOAD) { // constants and loads: the arguments after it
                    after++;
                    continue;
                }
                if (!(n instanceof MethodInsnNode m) || op != INVOKESTATIC || !porter.isApplicationClass(m.owner)
                        || JdkCalls.isMappedLibrary(m.owner)) {
                    return false;
                }
                Type[] ps = Type.getArgumentTypes(m.desc);
                int arg = ps.length - 1 - after;
                return arg >= 0 && (ps[arg].getSort() == Type.ARRAY || isString(ps[arg]));
            }
            return false;
        }

        /**
         * Two rows of one table in one call would borrow the table twice (a call may write either); a table itself
         * is not passed (no parameter type holds it).
         */
        private void refuseTableArguments(List<SE> args) throws Refusal {
            Set<String> tables = new HashSet<>();
            for (SE a : args) {
                if (a != null && tableRow(a.type()) != null) {
                    throw refuse(at, "passing a two-dimensional table to a method is outside the subset");
                }
                if (a != null && isRow(a) && !tables.add(a.code().substring(0, a.code().indexOf('[')))) {
                    throw refuse(at, "passing two rows of one table to one method is outside the subset");
                }
            }
        }

        /**
         * A String a conditional expression chose ({@link #isMergedString}), a copy made at a block's start, or an element
         * of a String table, a copy too.
         */
        private boolean isMergedStringValue(SE v) {
            return v.origin() instanceof OValue.Merged || v.origin() instanceof OValue.Made m && isStrTableLoad(m.insn());
        }

        /** A String value: a parameter, a constant or one the method made. */
        private static boolean isStringValue(SE v) {
            return v.kind() == 'A' && isString(v.type());
        }

        /** Pushes the String the Rust expression {@code code} makes here ({@code Vec<u16>} of its code units). */
        private void pushNewString(String code) throws Refusal {
            String v = newArrayVar(at, STRING_UNITS);
            out.add(v + " = " + code + ";");
            push(new SE(v, 'A', Set.of(v), new OValue.Made(at), STRING, null));
        }

        /**
         * An unconditional jump. To a block that only returns the reference left on the stack ({@code return c ? x : y}
         * of arrays or strings, which no variable could hold since it may be either), the jump returns it itself.
         */
        private Term jumpTo(int succ) throws Refusal {
            if (stack.size() == 1 && stack.get(0).kind() == 'A' && returnsStackTop(succ)) {
                return returnRef(pop());
            }
            flushStack();
            return new Goto(succ);
        }

        /** Whether block {@code id} is entered with one array or String on the stack and starts by returning it. */
        private boolean returnsStackTop(int id) {
            ControlFlow.Block b = cfg.blocks.get(id);
            Frame<OValue> f = frames[b.start];
            if (f == null || f.getStackSize() != 1 || cfg.handlerBlocks.contains(id)) {
                return false;
            }
            Type t = f.getStack(0).type();
            if (t == null || (t.getSort() != Type.ARRAY && !isString(t))) {
                return false;
            }
            for (int i = b.start; i < b.end; i++) {
                int op = insns.get(i).getOpcode();
                if (op >= 0) {
                    return op == ARETURN;
                }
            }
            return false;
        }

        /** Before {@code var} changes: entries reading it become temporaries holding the old value. */
        private void flushDeps(String var) {
            for (int i = 0; i < stack.size(); i++) {
                if (stack.get(i).deps().contains(var)) {
                    stack.set(i, materialize(stack.get(i)));
                }
            }
        }

        /** At a block's end: what stays on the stack goes into the stack variables the successors read. */
        private void flushStack() throws Refusal {
            List<String> assigns = new ArrayList<>();
            for (int d = 0; d < stack.size(); d++) {
                SE e = stack.get(d);
                if (isStringValue(e) && mergesString(d)) {
                    // a String is immutable: a copy of its code units is the same String, but for its identity
                    assigns.add(stringStackVar(d) + " = (&*" + e.code() + ").to_vec();");
                    continue;
                }
                if (e.origin() instanceof OValue.Slot) {
                    ownedOnExit.computeIfAbsent(block.id, b -> new HashMap<>()).put(d, e);
                    continue;
                }
                if (e.kind() == 'A' && e.origin() != null && !(e.extra() instanceof String)) {
                    continue;
                }
                if (isReferenceKind(e.kind())) {
                    throw refuse(at, "a reference on the operand stack between blocks",
                            "a conditional expression choosing between arrays, strings or exceptions is outside the subset");
                }
                String s = stackVar(d, e.kind());
                if (!e.code().equals(s)) {
                    SE m = e.deps().isEmpty() && simple(e.code()) ? e : SE.prim(temp(e.code(), e.kind()), e.kind(), Set.of());
                    assigns.add(s + " = " + m.code() + ";");
                }
            }
            out.addAll(assigns);
        }

        private String arrayVar(SE e, int insn) throws Refusal {
            if (e.kind() != 'A' || e.origin() == null) {
                throw refuse(insn, "an array whose origin is unknown");
            }
            return originVar(e.origin(), insn);
        }

        private String originVar(OValue.Origin o, int insn) throws Refusal {
            return switch (o) {
                case OValue.Param p -> {
                    if (!isStatic && p.slot() == 0) {
                        throw refuse(insn, "'this' used as a value is outside the subset");
                    }
                    yield paramName(p.slot(), paramIndex(p.slot()));
                }
                case OValue.Field f -> {
                    if (entry == null || !entry.fieldNames().containsKey(f.name())) {
                        throw refuse(insn, "field " + f.name() + " is not passed to the port");
                    }
                    yield entry.fieldNames().get(f.name());
                }
                // an element of a String table is a copy in its own variable, as anything else the method makes
                case OValue.Made m -> insns.get(m.insn()).getOpcode() == AALOAD && !isStrTableLoad(m.insn()) ? rowPlace(m.insn())
                        : (insns.get(m.insn()) instanceof LdcInsnNode ? "c" : "a") + m.insn();
                case OValue.Null n -> throw refuse(insn, "null references are outside the subset");
                case OValue.Slot s -> s.var();
                case OValue.Merged m -> m.var();
                case OValue.Static s -> {
                    String t = porter.declaredTable(s.owner(), s.name());
                    if (t == null) {
                        throw refuse(insn, "static field " + s.owner().replace('/', '.') + "." + s.name() + " is outside the subset");
                    }
                    yield t;
                }
            };
        }

        private int paramIndex(int slot) {
            int i = NullChecks.paramIndex(mn, isStatic, slot);
            if (i >= 0) {
                return i;
            }
            throw new IllegalStateException("slot " + slot + " is not a parameter");
        }

        private SE arrayValue(OValue v, int insn) throws Refusal {
            if (v == null || v.type() == null) {
                throw refuse(insn, "a variable of unknown type");
            }
            if (v.origins().size() != 1) {
                throw refuse(insn, "a variable that may refer to different arrays (" + v.origins().size()
                        + " possible origins) is outside the subset");
            }
            OValue.Origin o = v.origins().iterator().next();
            if (owned.moves(o)) {
                throw refuse(insn, "an array that moves between variables, read where its variable is unknown");
            }
            if (o instanceof OValue.Made m && insns.get(m.insn()) instanceof LabelNode && cfg.handlerBlocks.contains(cfg.blockAt(m.insn()))) {
                return caughtValue(cfg.blockAt(m.insn()));
            }
            if (o instanceof OValue.Null) {
                throw refuse(insn, "null references are outside the subset");
            }
            if (o instanceof OValue.Param p && !isStatic && p.slot() == 0) {
                return new SE("this", 'A', Set.of(), o, v.type(), null);
            }
            if (v.type().getSort() == Type.ARRAY && elem(v.type()) == null && tableRow(v.type()) == null) {
                throw refuse(insn, "arrays of " + v.type().getElementType().getClassName()
                        + " are outside the subset (one-dimensional primitive arrays only)");
            }
            if (isBuilder(v.type()) && !(o instanceof OValue.Made)) {
                throw refuse(insn, "a StringBuilder the method did not create is outside the subset");
            }
            if (v.type().getSort() == Type.OBJECT && !isString(v.type()) && !isBuilder(v.type())) {
                throw refuse(insn, "objects of type " + v.type().getClassName() + " are outside the subset");
            }
            String name = originVar(o, insn);
            return new SE(name, 'A', Set.of(name), o, v.type(), null);
        }

        /** {@code aload} of an owned slot: its own variable, whichever array it holds now. */
        private SE ownedValue(int slot) throws Refusal {
            Type t = frames[at].getLocal(slot).type();
            if (!OwnedArrays.holdable(t)) {
                throw refuse(at, "a variable holding arrays of different types");
            }
            String v = OwnedArrays.var(slot, t);
            decls.putIfAbsent(v, "let mut " + v + ": " + vecType(t) + " = Vec::new();");
            return new SE(v, 'A', Set.of(v), new OValue.Slot(slot, v), t, null);
        }

        /**
         * {@code astore} into an owned slot moves the array: exact only when nothing else refers to it afterwards (the
         * source variable is dead, no copy is left on the stack) and the slot's previous array is not on the stack.
         * A String is copied where it cannot move.
         */
        private void moveInto(int slot, SE e) throws Refusal {
            Type t = e.type();
            if (!OwnedArrays.holdable(t)) {
                throw refuse(at, "a variable holding arrays of different types");
            }
            boolean string = isString(t);
            String src = arrayVar(e, at);
            String dst = OwnedArrays.var(slot, t);
            if (src.equals(dst)) {
                return;
            }
            Frame<OValue> f = frames[at];
            Set<OValue.Origin> moving = f.getStack(f.getStackSize() - 1).origins();
            Set<OValue.Origin> replaced = f.getLocal(slot).origins();
            boolean shared = false;
            for (int d = 0; d < f.getStackSize() - 1; d++) {
                for (OValue.Origin o : f.getStack(d).origins()) {
                    if (replaced.contains(o)) {
                        throw refuse(at, "a variable assigned while the array or String it held is on the operand stack is outside the subset");
                    }
                    shared |= moving.contains(o);
                }
            }
            boolean sourceLive = e.origin() instanceof OValue.Slot from && owned.liveAfter(at, from.slot());
            boolean fresh = e.origin() instanceof OValue.Slot || e.origin() instanceof OValue.Merged
                    || e.origin() instanceof OValue.Made m && !(insns.get(m.insn()) instanceof LdcInsnNode);
            boolean movable = fresh && !shared && !sourceLive;
            // An array must move (a copy would hide later writes through the other reference); a String is immutable,
            // so copying its code units is exact wherever a move is not (the source still used, a constant, a parameter).
            if (!movable && !string) {
                throw refuse(at, sourceLive ? "two variables referring to the same array at once (local " + ((OValue.Slot) e.origin()).slot()
                        + " is used after it is copied to local " + slot + ") are outside the subset"
                        : shared ? "a variable assigned an array while another reference to it is on the operand stack is outside the subset"
                        : "an array the method did not allocate, stored in a variable that holds its own arrays");
            }
            decls.putIfAbsent(dst, "let mut " + dst + ": " + vecType(t) + " = Vec::new();");
            flushDeps(dst);
            if (movable) {
                flushDeps(src);
                out.add(dst + " = std::mem::take(&mut " + src + ");");
            } else {
                out.add(dst + " = " + src + ".to_vec();");
            }
        }

        /** An owned array on the stack at a block's start: the one every predecessor left at {@code depth}. */
        private SE ownedFromPredecessors(int depth) throws Refusal {
            SE found = null;
            for (int p : block.preds) {
                SE e = ownedOnExit.getOrDefault(p, Map.of()).get(depth);
                if (e == null || found != null && !found.code().equals(e.code())) {
                    throw refuse(block.start, "a reference on the operand stack between blocks",
                            "an array that moves between variables, left on the stack by different variables");
                }
                found = e;
            }
            if (found == null) {
                throw refuse(block.start, "a reference on the operand stack between blocks", "an owned array of unknown variable");
            }
            return found;
        }

        /**
         * Refuses when a variable or the operand stack still holds a value the instruction at {@code insn} produced on an
         * earlier run (an array it allocated, a row it read): the new one would take its name.
         */
        private void refuseIfStillHeld(int insn, String reason) throws Refusal {
            OValue.Made o = new OValue.Made(insn);
            Frame<OValue> f = frames[insn];
            for (int i = 0; i < f.getLocals(); i++) {
                if (f.getLocal(i).origins().contains(o) && !owned.owns(i)) {
                    throw refuse(insn, reason);
                }
            }
            // the stack once the instruction has run, without its result: arguments it consumes hold nothing afterwards
            // (out = Arrays.copyOf(out, 2 * n) reads the previous array before the new one exists)
            Frame<OValue> after = insn + 1 < frames.length && frames[insn + 1] != null ? frames[insn + 1] : f;
            int kept = after == f ? f.getStackSize() : after.getStackSize() - 1;
            for (int i = 0; i < kept; i++) {
                if (after.getStack(i).origins().contains(o)) {
                    throw refuse(insn, reason);
                }
            }
        }

        /** The made origin of a new array at {@code insn}: refused when an earlier array of the same site is still held. */
        private String newArrayVar(int insn, Type type) throws Refusal {
            refuseIfStillHeld(insn, "an array allocated in a loop while the previous one is still referenced (and not by a variable"
                    + " that owns its arrays) is outside the subset");
            String name = "a" + insn;
            decls.putIfAbsent(name, "let mut " + name + ": " + vecType(type) + " = Vec::new();");
            flushDeps(name);
            return name;
        }

        /**
         * A call that may throw: it unwinds (jrt.rs), so the value is used directly. As the last instruction of a block
         * inside try regions, it is caught instead: {@code let (vN, mut eN) = jrt::split(jrt::catch(|| code));} and the
         * block ends with a {@link TryCheck} of {@code eN}.
         */
        private String call(String code) throws Refusal {
            if (!cfg.handlers.containsKey(block.id) || at != lastRealIndex()) {
                return code;
            }
            if (caught != null) {
                throw refuse(at, "an instruction that may throw twice inside a try region");
            }
            int n = temps++;
            caught = "e" + n;
            out.add("let (v" + n + ", mut e" + n + ") = jrt::split(jrt::catch(|| " + code + "));");
            return "v" + n;
        }

        /** The exception caught by the handler starting block {@code h}: its variable {@code xH}. */
        private SE caughtValue(int h) {
            String v = "x" + h;
            decls.putIfAbsent(v, "let mut " + v + ": Option<PortError> = None;");
            return new SE(v, 'E', Set.of(), null, null, null);
        }

        private int lastRealIndex() {
            return insns.indexOf(ControlFlow.lastReal(insns, block));
        }

        private String lit(int v) {
            return v == Integer.MIN_VALUE ? "i32::MIN" : v < 0 ? "(" + v + "i32)" : v + "i32";
        }

        private String lit(long v) {
            return v == Long.MIN_VALUE ? "i64::MIN" : v < 0 ? "(" + v + "i64)" : v + "i64";
        }

        private String lit(float v) {
            if (Float.isFinite(v) && !(v == 0 && 1 / v < 0)) {
                return "(" + Float.toString(v).replace("E", "e") + "f32)";
            }
            return "f32::from_bits(0x" + Integer.toHexString(Float.floatToRawIntBits(v)) + ")";
        }

        private String lit(double v) {
            if (Double.isFinite(v) && !(v == 0 && 1 / v < 0)) {
                return "(" + Double.toString(v).replace("E", "e") + "f64)";
            }
            return "f64::from_bits(0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + ")";
        }

        private void binary(String fmt, char k) {
            SE b = pop();
            SE a = pop();
            pushPrim(fmt.replace("$a", a.code()).replace("$b", b.code()), k, deps(a, b));
        }

        private void unary(String fmt, char k) {
            SE a = pop();
            pushPrim(fmt.replace("$a", a.code()), k, a.deps());
        }

        private void throwing(String fmt, char k) throws Refusal {
            SE b = pop();
            SE a = pop();
            String t = temp(call(fmt.replace("$a", a.code()).replace("$b", b.code())), k);
            pushPrim(t, k, Set.of());
        }

        private String cond(int op, SE v) {
            if (v.extra() instanceof Cmp c) {
                return fusedCond(op, c);
            }
            String rel = switch (op) {
                case IFEQ -> "==";
                case IFNE -> "!=";
                case IFLT -> "<";
                case IFGE -> ">=";
                case IFGT -> ">";
                default -> "<=";
            };
            return v.code() + " " + rel + " 0";
        }

        /** {@code xcmp; ifXX}: a direct comparison with Java's NaN outcome (-1 for the l forms, +1 for the g forms). */
        private String fusedCond(int op, Cmp c) {
            String a = c.a();
            String b = c.b();
            boolean lForm = c.op() == FCMPL || c.op() == DCMPL;
            boolean gForm = c.op() == FCMPG || c.op() == DCMPG;
            return switch (op) {
                case IFEQ -> a + " == " + b;
                case IFNE -> a + " != " + b;
                case IFLT -> gForm ? a + " < " + b : lForm ? "!(" + a + " >= " + b + ")" : a + " < " + b;
                case IFGE -> gForm ? "!(" + a + " < " + b + ")" : a + " >= " + b;
                case IFGT -> lForm ? a + " > " + b : gForm ? "!(" + a + " <= " + b + ")" : a + " > " + b;
                default -> lForm ? "!(" + a + " > " + b + ")" : a + " <= " + b;
            };
        }

        private int target(LabelNode l) {
            return cfg.blockAt(insns.indexOf(l));
        }

        private int fallthrough() {
            return cfg.blockAt(at + 1 < insns.size() ? at + 1 : at);
        }

        /** Translates one instruction; returns the block's terminator when {@code in} ends it. */
        private Term step(AbstractInsnNode in) throws Refusal {
            int op = in.getOpcode();
            switch (op) {
                case NOP -> { }
                case ACONST_NULL -> {
                    if (!isNullArgument(at)) {
                        throw refuse(at, "null references are outside the subset (except as an array or String argument of a"
                                + " translated method)");
                    }
                    push(NULL_ARGUMENT);
                }
                case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5 -> pushPrim(lit(op - ICONST_0), 'I', Set.of());
                case LCONST_0, LCONST_1 -> pushPrim(lit((long) (op - LCONST_0)), 'J', Set.of());
                case FCONST_0, FCONST_1, FCONST_2 -> pushPrim(lit((float) (op - FCONST_0)), 'F', Set.of());
                case DCONST_0, DCONST_1 -> pushPrim(lit((double) (op - DCONST_0)), 'D', Set.of());
                case BIPUSH, SIPUSH -> pushPrim(lit(((IntInsnNode) in).operand), 'I', Set.of());
                case LDC -> ldc((LdcInsnNode) in);
                case ILOAD, LLOAD, FLOAD, DLOAD -> {
                    char k = "IJFD".charAt(op - ILOAD);
                    String v = local(((VarInsnNode) in).var, k);
                    pushPrim(v, k, Set.of(v));
                }
                case ALOAD -> {
                    int slot = ((VarInsnNode) in).var;
                    OValue held = frames[at].getLocal(slot);
                    if (held.origins().size() == 1 && held.origins().iterator().next() instanceof OValue.Made made
                            && strTables.containsKey(made.insn())) {
                        StrTable t = strTables.get(made.insn());
                        push(new SE(t.var(), 'Q', Set.of(), made, held.type(), t));
                        break;
                    }
                    if (nullSlots.contains(slot) && held.origins().contains(new OValue.Param(slot))) {
                        int next = NullChecks.next(insns, at + 1);
                        boolean tested = next >= 0 && (insns.get(next).getOpcode() == IFNULL || insns.get(next).getOpcode() == IFNONNULL);
                        if (!tested && !isNullArgument(at)) {
                            throw refuse(at, "a parameter that is null in this call used other than in a null check or as an argument");
                        }
                        push(NULL_ARGUMENT);
                        break;
                    }
                    push(owned.owns(slot) ? ownedValue(slot) : arrayValue(frames[at].getLocal(slot), at));
                }
                case ISTORE, LSTORE, FSTORE, DSTORE -> {
                    char k = "IJFD".charAt(op - ISTORE);
                    String v = local(((VarInsnNode) in).var, k);
                    SE e = pop();
                    flushDeps(v);
                    out.add(v + " = " + e.code() + ";");
                }
                case ASTORE -> {
                    SE e = pop();
                    if (e.kind() == 'Q' && e.extra() instanceof StrTable t) {
                        sealStrTable(e, t);
                        break; // loads of it find it by its anewarray (strTables), whichever variable holds it
                    }
                    if (e.kind() != 'A' && e.kind() != 'E') {
                        throw refuse(at, "storing an exception or handle in a variable is outside the subset");
                    }
                    int slot = ((VarInsnNode) in).var;
                    if (owned.owns(slot)) {
                        moveInto(slot, e);
                    } else if (e.origin() instanceof OValue.Slot) {
                        throw refuse(at, "an array that moves between variables, stored where it cannot move");
                    }
                }
                case IINC -> {
                    IincInsnNode ii = (IincInsnNode) in;
                    String v = local(ii.var, 'I');
                    flushDeps(v);
                    out.add(v + " = " + v + ".wrapping_add(" + lit(ii.incr) + ");");
                }
                case IALOAD, LALOAD, FALOAD, DALOAD, BALOAD, CALOAD, SALOAD -> {
                    SE i = pop();
                    SE a = pop();
                    String arr = arrayVar(a, at);
                    String el = elem(a.type());
                    String t = "t" + (temps++);
                    if (unchecked.contains(in)) {
                        out.add("// SAFETY: the index is in bounds: checked for the loop's first and last iteration before it (loop versioning)");
                        out.add("let " + t + ": " + el + " = " + call("unsafe { jrt::ld_unchecked(&*" + arr + ", " + i.code() + ") }") + ";");
                    } else {
                        out.add("let " + t + ": " + el + " = " + call("jrt::ld(&*" + arr + ", " + i.code() + ")") + ";");
                    }
                    String v = switch (el) {
                        case "bool", "i8", "u16", "i16" -> "(" + t + " as i32)";
                        default -> t;
                    };
                    pushPrim(v, kindOfElem(el), Set.of());
                }
                case AALOAD -> {
                    SE i = pop();
                    SE a = pop();
                    if (a.kind() == 'Q' && a.extra() instanceof StrTable t && t.var() != null) {
                        // a copy of the element's code units (a String is immutable), checked as Java indexes
                        String v = "a" + at;
                        decls.putIfAbsent(v, "let mut " + v + ": Vec<u16> = Vec::new();");
                        flushDeps(v);
                        out.add(v + " = " + call("jrt::ld(&" + t.var() + "[..], " + i.code() + ")") + ".to_vec();");
                        push(new SE(v, 'A', Set.of(v), new OValue.Made(at), STRING, null));
                        break;
                    }
                    String place = rowPlace(at);
                    String table = arrayVar(a, at);
                    // a row this instruction read before, still held, would be renamed by the new row number
                    refuseIfStillHeld(at, "a row of a table read in a loop while the row read there before is still referenced is"
                            + " outside the subset");
                    String r = "r" + at;
                    decls.putIfAbsent(r, "let mut " + r + ": usize = 0;");
                    flushDeps(r);
                    out.add(r + " = " + call("jrt::row(&*" + table + ", " + i.code() + ")") + ";");
                    push(new SE(place, 'A', Set.of(table, r, place), new OValue.Made(at), Type.getType(a.type().getDescriptor().substring(1)), null));
                }
                case IASTORE, LASTORE, FASTORE, DASTORE, BASTORE, CASTORE, SASTORE -> {
                    SE v = pop();
                    SE i = pop();
                    SE a = pop();
                    String arr = arrayVar(a, at);
                    // An index or value that reads the same array (`out[out.length - 1] = x`) is evaluated before the
                    // store borrows it mutably, as Java evaluates it before the store.
                    // (a row borrows its whole table: anything the index or value reads is evaluated first)
                    boolean row = arr.indexOf('[') > 0;
                    if (row || i.deps().contains(arr)) {
                        i = materialize(i);
                    }
                    if (row || v.deps().contains(arr)) {
                        v = materialize(v);
                    }
                    String el = elem(a.type());
                    String val = switch (el) {
                        case "bool" -> "(" + v.code() + " & 1) != 0";
                        case "i8", "u16", "i16" -> v.code() + " as " + el;
                        default -> v.code();
                    };
                    if (a.origin() instanceof OValue.Made m && insns.get(m.insn()) instanceof LdcInsnNode) {
                        throw refuse(at, "writing into a string");
                    }
                    if (a.origin() instanceof OValue.Static) {
                        throw refuse(at, "writing into a static array");
                    }
                    if (a.origin() instanceof OValue.Field fo && !entry.mutableFields().contains(fo.name())) {
                        throw refuse(at, "writing into a receiver field's array the generator passes read-only");
                    }
                    written.add(a.origin());
                    if (unchecked.contains(in)) {
                        out.add("// SAFETY: the index is in bounds: checked for the loop's first and last iteration before it (loop versioning)");
                        out.add(call("unsafe { jrt::st_unchecked(&mut *" + arr + ", " + i.code() + ", " + val + ") }") + ";");
                    } else {
                        out.add(call("jrt::st(&mut *" + arr + ", " + i.code() + ", " + val + ")") + ";");
                    }
                }
                case AASTORE -> {
                    SE v = pop();
                    SE i = pop();
                    SE a = pop();
                    if (a.kind() == 'Q' && a.extra() instanceof StrTable t) {
                        Integer k = intLiteral(i.code());
                        String text = v.kind() == 'A' && v.extra() instanceof String c ? c : null;
                        if (t.var() != null || k == null || k < 0 || k >= t.elements().length || text == null) {
                            throw refuse(at, "a String array is in the subset only as a table of constants filled where it is made"
                                    + " ({\"M\", \"CM\"}), never written afterwards");
                        }
                        t.elements()[k] = text;
                        break;
                    }
                    if (!(a.extra() instanceof ExcArray arr)) {
                        throw refuse(at, "arrays of references are outside the subset (but the Object[] of an application"
                                + " exception's arguments)");
                    }
                    Integer k = intLiteral(i.code());
                    if (k == null || k < 0 || k >= arr.elements().length) {
                        throw refuse(at, "an exception argument stored at an index that is not a constant");
                    }
                    arr.elements()[k] = excArgField(v, false);
                }
                case POP -> {
                    SE e = pop();
                    if (e.kind() == 'X') {
                        throw refuse(at, "an exception created and not thrown");
                    }
                }
                case POP2 -> {
                    SE e = pop();
                    if (e.size() == 1) {
                        pop();
                    }
                }
                case DUP -> {
                    SE e = materialize(pop());
                    push(e);
                    push(e);
                }
                case DUP_X1 -> {
                    SE a = materialize(pop());
                    SE b = materialize(pop());
                    push(a);
                    push(b);
                    push(a);
                }
                case DUP_X2 -> {
                    SE a = materialize(pop());
                    SE b = materialize(pop());
                    if (b.size() == 2) {
                        push(a);
                        push(b);
                        push(a);
                    } else {
                        SE c = materialize(pop());
                        push(a);
                        push(c);
                        push(b);
                        push(a);
                    }
                }
                case DUP2 -> {
                    SE a = materialize(pop());
                    if (a.size() == 2) {
                        push(a);
                        push(a);
                    } else {
                        SE b = materialize(pop());
                        push(b);
                        push(a);
                        push(b);
                        push(a);
                    }
                }
                case DUP2_X1 -> {
                    SE a = materialize(pop());
                    if (a.size() == 2) {
                        SE b = materialize(pop());
                        push(a);
                        push(b);
                        push(a);
                    } else {
                        SE b = materialize(pop());
                        SE c = materialize(pop());
                        push(b);
                        push(a);
                        push(c);
                        push(b);
                        push(a);
                    }
                }
                case DUP2_X2 -> {
                    SE a = materialize(pop());
                    SE b = materialize(pop());
                    if (a.size() == 2 && b.size() == 2) {
                        push(a);
                        push(b);
                        push(a);
                    } else {
                        throw refuse(at, "this form of dup2_x2 is outside the subset");
                    }
                }
                case SWAP -> {
                    SE a = pop();
                    SE b = pop();
                    push(a);
                    push(b);
                }
                case IADD -> binary("$a.wrapping_add($b)", 'I');
                case LADD -> binary("$a.wrapping_add($b)", 'J');
                case ISUB -> binary("$a.wrapping_sub($b)", 'I');
                case LSUB -> binary("$a.wrapping_sub($b)", 'J');
                case IMUL -> binary("$a.wrapping_mul($b)", 'I');
                case LMUL -> binary("$a.wrapping_mul($b)", 'J');
                case IDIV -> throwing("jrt::idiv($a, $b)", 'I');
                case LDIV -> throwing("jrt::ldiv($a, $b)", 'J');
                case IREM -> throwing("jrt::irem($a, $b)", 'I');
                case LREM -> throwing("jrt::lrem($a, $b)", 'J');
                case FADD, DADD -> binary("($a + $b)", op == FADD ? 'F' : 'D');
                case FSUB, DSUB -> binary("($a - $b)", op == FSUB ? 'F' : 'D');
                case FMUL, DMUL -> binary("($a * $b)", op == FMUL ? 'F' : 'D');
                case FDIV, DDIV -> binary("($a / $b)", op == FDIV ? 'F' : 'D');
                case FREM, DREM -> binary("($a % $b)", op == FREM ? 'F' : 'D');
                case INEG -> unary("$a.wrapping_neg()", 'I');
                case LNEG -> unary("$a.wrapping_neg()", 'J');
                case FNEG -> unary("(-$a)", 'F');
                case DNEG -> unary("(-$a)", 'D');
                case ISHL -> binary("$a.wrapping_shl($b as u32)", 'I');
                case LSHL -> binary("$a.wrapping_shl($b as u32)", 'J');
                case ISHR -> binary("$a.wrapping_shr($b as u32)", 'I');
                case LSHR -> binary("$a.wrapping_shr($b as u32)", 'J');
                case IUSHR -> binary("jrt::iushr($a, $b)", 'I');
                case LUSHR -> binary("jrt::lushr($a, $b)", 'J');
                case IAND -> binary("($a & $b)", 'I');
                case LAND -> binary("($a & $b)", 'J');
                case IOR -> binary("($a | $b)", 'I');
                case LOR -> binary("($a | $b)", 'J');
                case IXOR -> binary("($a ^ $b)", 'I');
                case LXOR -> binary("($a ^ $b)", 'J');
                case I2L -> unary("($a as i64)", 'J');
                case I2F -> unary("($a as f32)", 'F');
                case I2D -> unary("($a as f64)", 'D');
                case L2I -> unary("($a as i32)", 'I');
                case L2F -> unary("($a as f32)", 'F');
                case L2D -> unary("($a as f64)", 'D');
                case F2I -> unary("($a as i32)", 'I');
                case F2L -> unary("($a as i64)", 'J');
                case F2D -> unary("($a as f64)", 'D');
                case D2I -> unary("($a as i32)", 'I');
                case D2L -> unary("($a as i64)", 'J');
                case D2F -> unary("($a as f32)", 'F');
                case I2B -> unary("(($a as i8) as i32)", 'I');
                case I2C -> unary("(($a as u16) as i32)", 'I');
                case I2S -> unary("(($a as i16) as i32)", 'I');
                case LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> {
                    SE b = pop();
                    SE a = pop();
                    String code = switch (op) {
                        case LCMP -> "jrt::lcmp(" + a.code() + ", " + b.code() + ")";
                        case FCMPL, DCMPL -> "jrt::fcmpl(" + a.code() + " as f64, " + b.code() + " as f64)";
                        default -> "jrt::fcmpg(" + a.code() + " as f64, " + b.code() + " as f64)";
                    };
                    push(new SE(code, 'I', deps(a, b), null, null, new Cmp(a.code(), b.code(), op)));
                }
                case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE -> {
                    SE v = pop();
                    String c = cond(op, v);
                    flushStack();
                    return new Cond(c, target(((JumpInsnNode) in).label), fallthrough());
                }
                case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE -> {
                    SE b = pop();
                    SE a = pop();
                    String rel = new String[] {"==", "!=", "<", ">=", ">", "<="}[op - IF_ICMPEQ];
                    String c = a.code() + " " + rel + " " + b.code();
                    flushStack();
                    return new Cond(c, target(((JumpInsnNode) in).label), fallthrough());
                }
                case IF_ACMPEQ, IF_ACMPNE -> {
                    SE b = pop();
                    SE a = pop();
                    String same = sameArray(a, b);
                    flushStack();
                    return new Cond(op == IF_ACMPEQ ? same : "!(" + same + ")", target(((JumpInsnNode) in).label), fallthrough());
                }
                case IFNULL, IFNONNULL -> {
                    SE a = pop();
                    if (nullChecks.testsParam(at)) {
                        if (entry != null && !nullChecks.prologue.containsKey(at)) {
                            if (!canCallOriginal()) {
                                throw refuse(at, "a null check of a parameter after other work (or one whose null branch is not a"
                                        + " constant exit) is outside the subset for instance and private methods: the wrapper"
                                        + " rejects null arguments before the call");
                            }
                            // the wrapper calls the Java original when it is null: here it is not
                            nullChecks.fallBackToJava(nullChecks.testedSlot(at));
                        }
                        flushStack();
                        return new Goto(nullChecks.jumps(at) ? target(((JumpInsnNode) in).label) : fallthrough());
                    }
                    if (a.kind() != 'A' || a.origin() instanceof OValue.Param || a.origin() instanceof OValue.Field) {
                        throw refuse(at, "null checks of fields or of variables that may hold different arrays are outside the subset");
                    }
                    flushStack();
                    return new Cond(op == IFNULL ? "false" : "true", target(((JumpInsnNode) in).label), fallthrough());
                }
                case GOTO -> {
                    return jumpTo(target(((JumpInsnNode) in).label));
                }
                case TABLESWITCH, LOOKUPSWITCH -> {
                    SE v = pop();
                    flushStack();
                    LinkedHashMap<Integer, List<Integer>> byTarget = new LinkedHashMap<>();
                    int dflt;
                    if (in instanceof TableSwitchInsnNode t) {
                        dflt = target(t.dflt);
                        for (int k = 0; k < t.labels.size(); k++) {
                            int tg = target(t.labels.get(k));
                            if (tg != dflt) {
                                byTarget.computeIfAbsent(tg, x -> new ArrayList<>()).add(t.min + k);
                            }
                        }
                    } else {
                        LookupSwitchInsnNode t = (LookupSwitchInsnNode) in;
                        dflt = target(t.dflt);
                        for (int k = 0; k < t.labels.size(); k++) {
                            int tg = target(t.labels.get(k));
                            if (tg != dflt) {
                                byTarget.computeIfAbsent(tg, x -> new ArrayList<>()).add(t.keys.get(k));
                            }
                        }
                    }
                    return new Switch(v.code(), byTarget, dflt);
                }
                case IRETURN, LRETURN, FRETURN, DRETURN -> {
                    SE v = pop();
                    return new Exit("return " + RET_OPEN + narrowReturn(v.code()) + RET_CLOSE + ";");
                }
                case ARETURN -> {
                    return returnRef(pop());
                }
                case RETURN -> {
                    return new Exit("return " + RET_OPEN + "()" + RET_CLOSE + ";");
                }
                case ARRAYLENGTH -> {
                    SE a = pop();
                    if (a.kind() == 'Q' && a.extra() instanceof StrTable t) {
                        pushPrim(lit(t.elements().length), 'I', Set.of());
                        break;
                    }
                    String v = arrayVar(a, at);
                    pushPrim("jrt::len(&*" + v + ")", 'I', a.deps().isEmpty() ? Set.of(v) : a.deps());
                }
                case NEWARRAY -> {
                    SE n = pop();
                    Type t = frames[at + 1] != null ? frames[at + 1].getStack(frames[at + 1].getStackSize() - 1).type() : null;
                    if (t == null) {
                        throw refuse(at, "an array of unknown type");
                    }
                    String v = newArrayVar(at, t);
                    out.add(v + " = " + call("jrt::new_array::<" + elem(t) + ">(" + n.code() + ")") + ";");
                    push(new SE(v, 'A', Set.of(v), new OValue.Made(at), t, null));
                }
                case MULTIANEWARRAY -> {
                    MultiANewArrayInsnNode mi = (MultiANewArrayInsnNode) in;
                    Type t = Type.getType(mi.desc);
                    Type row = tableRow(t);
                    if (mi.dims != 2 || row == null) {
                        throw refuse(at, "multi-dimensional arrays other than two-dimensional primitive tables (new T[n][m]) are outside the subset");
                    }
                    SE cols = pop();
                    SE rows = pop();
                    String v = newArrayVar(at, t);
                    out.add(v + " = " + call("jrt::new_table::<" + elem(row) + ">(" + rows.code() + ", " + cols.code() + ")") + ";");
                    push(new SE(v, 'A', Set.of(v), new OValue.Made(at), t, null));
                }
                case ANEWARRAY -> {
                    SE n = pop();
                    Integer len = intLiteral(n.code());
                    if (((TypeInsnNode) in).desc.equals("java/lang/String") && len != null && len >= 0 && len <= 4096) {
                        push(new SE("", 'Q', Set.of(), new OValue.Made(at), Type.getType(String[].class), new StrTable(new String[len], null)));
                        break;
                    }
                    if (!((TypeInsnNode) in).desc.equals("java/lang/Object") || len == null || len < 0 || len > 64) {
                        throw refuse(at, "arrays of references are outside the subset (two-dimensional primitive tables the"
                                + " method makes with new T[n][m] are in it, and an application exception's Object[] of arguments)");
                    }
                    push(new SE("", 'K', Set.of(), new OValue.Made(at), Type.getType(Object[].class), new ExcArray(new String[len])));
                }
                case NEW -> {
                    String cls = ((TypeInsnNode) in).desc;
                    if (cls.equals("java/lang/String")) {
                        push(new SE("", 'X', Set.of(), new OValue.Made(at), STRING, new NewString(at, false)));
                        break;
                    }
                    if (cls.equals("java/lang/StringBuilder")) {
                        push(new SE("", 'X', Set.of(), new OValue.Made(at), BUILDER, new NewString(at, true)));
                        break;
                    }
                    boolean application = !EXCEPTIONS.contains(cls) && porter.isApplicationClassName(cls);
                    if (!EXCEPTIONS.contains(cls) && !application) {
                        throw refuse(at, "objects are outside the subset (only the JDK exceptions the port can throw, and unchecked"
                                + " exceptions of the application, may be created)");
                    }
                    push(new SE("", 'X', Set.of(), new OValue.Made(at), Type.getObjectType(cls), new Exc(cls, application)));
                }
                case ATHROW -> {
                    SE e = pop();
                    List<ControlFlow.Handler> hs = cfg.handlers.getOrDefault(block.id, List.of());
                    if (e.kind() == 'E') {
                        if (!hs.isEmpty()) {
                            throw refuse(at, "rethrowing a caught exception inside another try region is outside the subset");
                        }
                        return new Exit("jrt::rethrow(" + e.code() + ".take());");
                    }
                    if (e.kind() != 'X') {
                        throw refuse(at, "throwing an exception not created here is outside the subset");
                    }
                    Exc x = (Exc) e.extra();
                    String kind = x.application ? "Application" : x.cls.substring(x.cls.lastIndexOf('/') + 1).replace("Exception", "");
                    String msg = x.message == null ? "String::new()" : x.message;
                    Set<String> caughtAs = x.application ? new HashSet<>(x.chain) : superclasses(x.cls);
                    for (ControlFlow.Handler h : hs) {
                        if (h.type() == null || caughtAs.contains(h.type())) {
                            out.add(caughtValue(h.block()).code() + " = Some(jrt::exception(JavaException::" + kind + ", " + msg + "));");
                            return new Goto(h.block());
                        }
                    }
                    return new Exit("jrt::throw(JavaException::" + kind + ", " + msg + ");");
                }
                case GETSTATIC -> getstatic((FieldInsnNode) in);
                case GETFIELD -> {
                    FieldInsnNode f = (FieldInsnNode) in;
                    SE r = pop();
                    if (!(r.origin() instanceof OValue.Param p) || isStatic || p.slot() != 0 || entry == null
                            || !entry.fieldNames().containsKey(f.name) || !f.owner.equals(owner.name)) {
                        throw refuse(at, "reading a field of an object other than the receiver is outside the subset");
                    }
                    Type ft = Type.getType(f.desc);
                    if (ft.getSort() == Type.ARRAY || ft.getSort() == Type.OBJECT) {
                        String name = entry.fieldNames().get(f.name);
                        push(new SE(name, 'A', Set.of(name), new OValue.Field(f.name), ft, null));
                    } else {
                        pushPrim(fieldVar(f.name), kind(ft), Set.of());
                    }
                }
                case PUTFIELD, PUTSTATIC -> throw refuse(at, "writing a field is outside the subset");
                case INVOKESTATIC, INVOKEVIRTUAL, INVOKESPECIAL, INVOKEINTERFACE -> invoke((MethodInsnNode) in);
                case INVOKEDYNAMIC -> indy((InvokeDynamicInsnNode) in);
                case CHECKCAST -> {
                    SE e = pop();
                    String t = ((TypeInsnNode) in).desc;
                    if (e.type() == null || !e.type().getInternalName().equals(t)) {
                        throw refuse(at, "casts between reference types are outside the subset");
                    }
                    push(e);
                }
                default -> throw refuse(at, "this instruction is outside the subset");
            }
            return null;
        }

        private String narrowReturn(String v) {
            if (entry == null) {
                return v;
            }
            return switch (Type.getReturnType(mn.desc).getSort()) {
                case Type.BOOLEAN -> v + " != 0";
                case Type.BYTE -> v + " as i8";
                case Type.CHAR -> v + " as u16";
                case Type.SHORT -> v + " as i16";
                default -> v;
            };
        }

        private String sameArray(SE a, SE b) throws Refusal {
            if (a.kind() != 'A' || b.kind() != 'A') {
                throw refuse(at, "comparing references other than arrays is outside the subset");
            }
            if ((isStringValue(a) || isStringValue(b)) && (a.origin() instanceof OValue.Slot || b.origin() instanceof OValue.Slot)) {
                throw refuse(at, "comparing Strings of a variable that takes turns holding them by reference is outside the subset");
            }
            if (isStringValue(a) && isMergedStringValue(a) || isStringValue(b) && isMergedStringValue(b)) {
                throw refuse(at, "comparing a String a conditional expression chose, or an element of a String table, by reference is"
                        + " outside the subset (it is a copy)");
            }
            if (isRow(a) || isRow(b) || tableRow(a.type()) != null || tableRow(b.type()) != null) {
                throw refuse(at, "comparing tables or their rows by reference is outside the subset");
            }
            if (a.origin().equals(b.origin())) {
                return "true";
            }
            // an owned array is held by one variable at a time (OwnedArrays): two different ones never alias
            boolean aMade = a.origin() instanceof OValue.Made || a.origin() instanceof OValue.Slot;
            boolean bMade = b.origin() instanceof OValue.Made || b.origin() instanceof OValue.Slot;
            if (aMade || bMade) {
                return "false";
            }
            // Two parameters: the same Java array gives the same address (the wrapper refuses aliasing a written one). An
            // empty slice has no address of its own, so two empty arrays count as different ones.
            String x = arrayVar(a, at);
            return "(!" + x + ".is_empty() && std::ptr::eq(" + x + ".as_ptr() as *const u8, " + arrayVar(b, at) + ".as_ptr() as *const u8))";
        }

        private void ldc(LdcInsnNode l) throws Refusal {
            Object c = l.cst;
            switch (c) {
                case Integer i -> pushPrim(lit(i), 'I', Set.of());
                case Long j -> pushPrim(lit(j), 'J', Set.of());
                case Float f -> pushPrim(lit(f), 'F', Set.of());
                case Double d -> pushPrim(lit(d), 'D', Set.of());
                case String s -> {
                    String name = "c" + at;
                    StringBuilder units = new StringBuilder();
                    for (int k = 0; k < s.length(); k++) {
                        units.append(k == 0 ? "" : ", ").append((int) s.charAt(k));
                    }
                    decls.putIfAbsent(name, "let " + name + ": &[u16] = &[" + units + "];");
                    push(new SE(name, 'A', Set.of(), new OValue.Made(at), Type.getType(String.class), s));
                }
                default -> throw refuse(at, "constants of type " + c.getClass().getSimpleName() + " are outside the subset");
            }
        }

        private void getstatic(FieldInsnNode f) throws Refusal {
            if (JdkCalls.isStandardCharset(f.owner, f.name) || JdkCalls.isCaseNeutralLocale(f.owner, f.name)) {
                // a constant the JDK mappings read (String.getBytes(StandardCharsets.UTF_8)), never a value of its own
                push(new SE("", 'H', Set.of(), new OValue.Static(f.owner, f.name), Type.getType(f.desc), null));
                return;
            }
            ClassNode cn = porter.classNode(f.owner);
            if (cn != null) {
                for (FieldNode fn : cn.fields) {
                    if (fn.name.equals(f.name) && (fn.access & ACC_FINAL) != 0) {
                        if (fn.value != null) {
                            ldcValue(fn.value);
                            return;
                        }
                        // a primitive <clinit> computes from constants (static final long ZERO = Double.doubleToRawLongBits(0.0))
                        Number computed = ComputedConstant.of(cn, f.name);
                        if (computed != null) {
                            ldcValue(computed);
                            return;
                        }
                        View v = viewHandle(cn, f.name);
                        if (v != null) {
                            push(new SE("", 'H', Set.of(), new OValue.Static(f.owner, f.name), null, v));
                            return;
                        }
                    }
                }
            }
            if (cn != null && (cn.access & ACC_PUBLIC) != 0 && (cn.access & ACC_ENUM) != 0) {
                for (FieldNode fn : cn.fields) {
                    if (fn.name.equals(f.name) && (fn.access & (ACC_ENUM | ACC_PUBLIC | ACC_STATIC)) == (ACC_ENUM | ACC_PUBLIC | ACC_STATIC)) {
                        // only as an application exception's argument (LocalizedFormats.OVERFLOW_IN_ADDITION): the wrapper
                        // reads the constant by its name
                        String t = stringTemp("\"E:" + Type.getObjectType(f.owner).getClassName() + "." + f.name + "\".to_string()");
                        push(new SE(t, 'K', Set.of(), null, Type.getType(f.desc), new ExcArg(t)));
                        return;
                    }
                }
            }
            Type ft = Type.getType(f.desc);
            if (cn != null && ft.getSort() == Type.ARRAY) {
                try {
                    String name = porter.table(f.owner, f.name);
                    push(new SE(name, 'A', Set.of(), new OValue.Static(f.owner, f.name), ft, null));
                    return;
                } catch (StaticTable.NotATable e) {
                    throw refuse(at, "static array " + f.owner.replace('/', '.') + "." + f.name + " is not a constant table: " + e.getMessage());
                }
            }
            throw refuse(at, "static fields are outside the subset (except constants, primitives <clinit> computes from constants with"
                    + " exact operations, constant tables and byte-array VarHandle views)");
        }

        private void ldcValue(Object v) throws Refusal {
            switch (v) {
                case Integer i -> pushPrim(lit(i), 'I', Set.of());
                case Long j -> pushPrim(lit(j), 'J', Set.of());
                case Float fl -> pushPrim(lit(fl), 'F', Set.of());
                case Double d -> pushPrim(lit(d), 'D', Set.of());
                default -> throw refuse(at, "a constant of type " + v.getClass().getSimpleName() + " is outside the subset");
            }
        }

        /** A field set in {@code <clinit>} to {@code MethodHandles.byteArrayViewVarHandle(T[].class, ByteOrder.X)}. */
        private View viewHandle(ClassNode cn, String field) {
            for (MethodNode m : cn.methods) {
                if (!m.name.equals("<clinit>")) {
                    continue;
                }
                for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
                    if (n instanceof FieldInsnNode put && put.getOpcode() == PUTSTATIC && put.name.equals(field) && put.owner.equals(cn.name)) {
                        AbstractInsnNode call = prevReal(put);
                        AbstractInsnNode order = prevReal(call);
                        AbstractInsnNode type = prevReal(order);
                        if (call instanceof MethodInsnNode mi && mi.owner.equals("java/lang/invoke/MethodHandles")
                                && mi.name.equals("byteArrayViewVarHandle")
                                && order instanceof FieldInsnNode o && o.owner.equals("java/nio/ByteOrder")
                                && type instanceof LdcInsnNode l && l.cst instanceof Type t && t.getSort() == Type.ARRAY
                                && t.getDimensions() == 1 && elem(t) != null) {
                            return new View(t.getElementType(), o.name.equals("LITTLE_ENDIAN"));
                        }
                        return null;
                    }
                }
            }
            return null;
        }

        private AbstractInsnNode prevReal(AbstractInsnNode n) {
            if (n == null) {
                return null;
            }
            AbstractInsnNode p = n.getPrevious();
            while (p != null && p.getOpcode() < 0) {
                p = p.getPrevious();
            }
            return p;
        }

        private void indy(InvokeDynamicInsnNode d) throws Refusal {
            Handle bsm = d.bsm;
            if (!(bsm.getOwner().equals("java/lang/invoke/StringConcatFactory") && d.name.equals("makeConcatWithConstants"))) {
                throw refuse(at, "invokedynamic (lambdas, records, switch on patterns) is outside the subset");
            }
            Type[] args = Type.getArgumentTypes(d.desc);
            List<SE> vals = new ArrayList<>();
            for (int k = args.length - 1; k >= 0; k--) {
                vals.addFirst(pop());
            }
            String recipe = (String) d.bsmArgs[0];
            String exact = exactConcat(recipe, d, args, vals);
            if (exact != null) {
                pushNewString(exact); // a String value like any other (an exception message takes its text from it)
                return;
            }
            StringBuilder fmt = new StringBuilder();
            List<String> fa = new ArrayList<>();
            int argi = 0;
            int consti = 1;
            for (int k = 0; k < recipe.length(); k++) {
                char ch = recipe.charAt(k);
                if (ch == '\u0001') {
                    SE v = vals.get(argi);
                    Type t = args[argi++];
                    fmt.append("{}");
                    fa.add(switch (t.getSort()) {
                        case Type.BOOLEAN -> "(" + v.code() + " != 0)";
                        case Type.CHAR -> "String::from_utf16_lossy(&[" + v.code() + " as u16])";
                        case Type.BYTE, Type.SHORT, Type.INT, Type.LONG -> v.code();
                        case Type.FLOAT, Type.DOUBLE -> "format!(\"{:?}\", " + v.code() + ")";
                        default -> {
                            if (v.kind() == 'A' && v.type().getInternalName().equals("java/lang/String")) {
                                yield "String::from_utf16_lossy(&*" + arrayVar(v, at) + ")";
                            }
                            throw refuse(at, "concatenating a " + t.getClassName() + " is outside the subset");
                        }
                    });
                } else if (ch == '\u0002') {
                    fmt.append(escapeFormat(String.valueOf(d.bsmArgs[consti++])));
                } else {
                    fmt.append(escapeFormat(String.valueOf(ch)));
                }
            }
            push(new SE("format!(\"" + fmt + "\"" + (fa.isEmpty() ? "" : ", " + String.join(", ", fa)) + ")", 'S', Set.of(), null,
                    Type.getType(String.class), null));
        }

        /**
         * The concatenation as UTF-16 code units, exactly as Java makes it ({@code [parts].concat()}; a float or double
         * in the JDK's own shortest form and layout), or null when an operand has no exact text here.
         */
        private String exactConcat(String recipe, InvokeDynamicInsnNode d, Type[] args, List<SE> vals) throws Refusal {
            List<String> parts = new ArrayList<>();
            StringBuilder constant = new StringBuilder();
            int argi = 0;
            int consti = 1;
            for (int k = 0; k < recipe.length(); k++) {
                char ch = recipe.charAt(k);
                if (ch == '\u0001') {
                    if (!constant.isEmpty()) {
                        parts.add(units(constant.toString()));
                        constant.setLength(0);
                    }
                    SE v = vals.get(argi);
                    Type t = args[argi++];
                    parts.add(switch (t.getSort()) {
                        case Type.BOOLEAN -> "jrt::bool_text(" + v.code() + ")";
                        case Type.CHAR -> "&[(" + v.code() + ") as u16][..]";
                        case Type.BYTE, Type.SHORT, Type.INT, Type.LONG -> "&jrt::decimal((" + v.code() + ") as i64)[..]";
                        case Type.FLOAT -> "&jrt::float_text(" + v.code() + ")[..]";
                        case Type.DOUBLE -> "&jrt::double_text(" + v.code() + ")[..]";
                        default -> isStringValue(v) ? "&" + arrayVar(v, at) + "[..]" : null;
                    });
                    if (parts.getLast() == null) {
                        return null;
                    }
                } else if (ch == '\u0002') {
                    constant.append(String.valueOf(d.bsmArgs[consti++]));
                } else {
                    constant.append(ch);
                }
            }
            if (!constant.isEmpty()) {
                parts.add(units(constant.toString()));
            }
            return parts.isEmpty() ? "Vec::<u16>::new()" : "[" + String.join(", ", parts) + "].concat()";
        }

        private static String units(String s) {
            StringBuilder b = new StringBuilder("&[");
            for (int k = 0; k < s.length(); k++) {
                b.append(k == 0 ? "" : ", ").append((int) s.charAt(k)).append("u16");
            }
            return b.append("][..]").toString();
        }

        private String escapeFormat(String s) {
            StringBuilder sb = new StringBuilder();
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '{' -> sb.append("{{");
                    case '}' -> sb.append("}}");
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (ch < 32 || ch > 126) {
                            sb.append(String.format("\\u{%x}", (int) ch));
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
            return sb.toString();
        }

        private String rustString(SE e) throws Refusal {
            if (e.kind() == 'S') {
                return e.code();
            }
            if (e.kind() == 'A' && e.extra() instanceof String s) {
                return "\"" + escapeFormat(s).replace("{{", "{").replace("}}", "}") + "\".to_string()";
            }
            if (isStringValue(e)) {
                return "String::from_utf16_lossy(&*" + arrayVar(e, at) + ")";
            }
            throw refuse(at, "an exception message that is not a string");
        }

        private void invoke(MethodInsnNode m) throws Refusal {
            Type[] ats = Type.getArgumentTypes(m.desc);
            List<SE> args = new ArrayList<>();
            for (int k = ats.length - 1; k >= 0; k--) {
                args.addFirst(pop());
            }
            // Arguments are evaluated before the call borrows any array mutably (`f(&mut *a, jrt::len(&*a))` would not borrow-check).
            args.replaceAll(this::materialize);
            SE recv = m.getOpcode() == INVOKESTATIC ? null : pop();
            if (m.getOpcode() == INVOKESPECIAL && m.name.equals("<init>") && recv != null && recv.extra() instanceof NewString ns) {
                String code = ns.builder() ? switch (m.desc) {
                    case "()V" -> "Vec::new()";
                    case "(I)V" -> call("jrt::builder_with_capacity(" + args.get(0).code() + ")");
                    case "(Ljava/lang/String;)V", "(Ljava/lang/CharSequence;)V" -> {
                        if (!isStringValue(args.get(0))) {
                            throw refuse(at, "a StringBuilder made from something other than a String is outside the subset");
                        }
                        yield arrayVar(args.get(0), at) + ".to_vec()";
                    }
                    default -> throw refuse(at, "StringBuilder constructors other than (), (int) and (String) are outside the subset");
                } : switch (m.desc) {
                    case "([C)V", "(Ljava/lang/String;)V" -> arrayVar(args.get(0), at) + ".to_vec()";
                    case "([CII)V" -> call("jrt::string_of_range(&*" + arrayVar(args.get(0), at) + ", " + args.get(1).code() + ", "
                            + args.get(2).code() + ")");
                    default -> throw refuse(at, "String constructors other than (char[]), (char[], int, int) and (String) are outside the subset");
                };
                String v = newArrayVar(ns.insn(), STRING_UNITS);
                out.add(v + " = " + code + ";");
                // the dup'ed reference left on the stack is the new String or StringBuilder
                SE made = new SE(v, 'A', Set.of(v), new OValue.Made(ns.insn()), ns.builder() ? BUILDER : STRING, null);
                stack.replaceAll(e -> e.extra() == ns ? made : e);
                return;
            }
            if (m.getOpcode() == INVOKESPECIAL && m.name.equals("<init>")) {
                if (recv == null || recv.kind() != 'X') {
                    throw refuse(at, "constructors are outside the subset (only JDK exceptions)");
                }
                Exc x = (Exc) recv.extra();
                if (x.application) {
                    applicationConstructor(x, m.desc, args);
                    return;
                }
                switch (m.desc) {
                    case "()V" -> x.message = null;
                    case "(Ljava/lang/String;)V" -> x.message = rustString(args.get(0));
                    default -> throw refuse(at, "exception constructors other than () and (String) are outside the subset");
                }
                // the dup'ed reference left on the stack is the same exception
                return;
            }
            if (NullChecks.isRequireNonNull(m)) {
                SE v = args.get(0);
                if (v.kind() != 'A' || v.origin() == null || v.origin() instanceof OValue.Field
                        || (v.origin() instanceof OValue.Param && entry != null && !nullChecks.prologue.containsKey(at) && !canCallOriginal())) {
                    throw refuse(at, "Objects.requireNonNull of a parameter after other work is outside the subset for instance"
                            + " and private methods: the wrapper rejects null arguments before the call");
                }
                if (v.origin() instanceof OValue.Param p && entry != null && !nullChecks.prologue.containsKey(at)) {
                    // the wrapper calls the Java original when it is null: here it is not
                    nullChecks.fallBackToJava(p.slot());
                }
                push(v);
                return;
            }
            if (recv != null && recv.kind() == 'H' && m.owner.equals("java/lang/invoke/VarHandle")) {
                viewGet((View) recv.extra(), m, args);
                return;
            }
            List<SE> all = new ArrayList<>(args);
            all.add(recv);
            refuseTableArguments(all);
            if (m.getOpcode() == INVOKESTATIC && porter.isApplicationClass(m.owner) && !JdkCalls.isMappedLibrary(m.owner)) {
                appCall(m, args);
                return;
            }
            if (boxed(m, args)) {
                return;
            }
            if (!JdkCalls.translate(emitJdk, m, recv, new ArrayList<Object>(args))) {
                throw refuse(at, "this JDK method is outside the subset (no Rust mapping with identical results)");
            }
        }

        // Adapter used by JdkCalls.
        private final JdkCalls.Emitter emitJdk = new JdkCalls.Emitter() {
            @Override
            public String arr(Object e) throws Refusal {
                return arrayVar((SE) e, at);
            }

            @Override
            public String code(Object e) {
                return ((SE) e).code();
            }

            @Override
            public char kind(Object e) {
                return ((SE) e).kind();
            }

            @Override
            public Type type(Object e) {
                return ((SE) e).type();
            }

            @Override
            public Object origin(Object e) {
                return ((SE) e).origin();
            }

            @Override
            public void write(Object e) throws Refusal {
                SE s = (SE) e;
                if (s.origin() instanceof OValue.Made m && insns.get(m.insn()) instanceof LdcInsnNode) {
                    throw refuse(at, "writing into a string");
                }
                if (s.origin() instanceof OValue.Static) {
                    throw refuse(at, "writing into a static array");
                }
                written.add(s.origin());
            }

            @Override
            public String fallible(String code) throws Refusal {
                return call(code);
            }

            @Override
            public void statement(String code) {
                for (int i = 0; i < stack.size(); i++) {
                    stack.set(i, materialize(stack.get(i)));
                }
                out.add(code + ";");
            }

            @Override
            public void value(String code, char k, boolean pure, Object... reads) {
                if (pure) {
                    Set<String> d = new HashSet<>();
                    for (Object r : reads) {
                        d.addAll(((SE) r).deps());
                    }
                    pushPrim(code, k, d);
                } else {
                    pushPrim(temp(code, k), k, Set.of());
                }
            }

            @Override
            public void newArray(Type t, String code) throws Refusal {
                String v = newArrayVar(at, t);
                out.add(v + " = " + code + ";");
                push(new SE(v, 'A', Set.of(v), new OValue.Made(at), t, null));
            }

            @Override
            public void newString(String code) throws Refusal {
                pushNewString(code);
            }

            @Override
            public boolean isStringValue(Object e) {
                return BlockTranslator.isStringValue((SE) e);
            }

            @Override
            public boolean isBuilderValue(Object e) {
                SE v = (SE) e;
                return v.kind() == 'A' && isBuilder(v.type()) && v.origin() instanceof OValue.Made;
            }

            @Override
            public void pushSame(Object e) {
                push((SE) e);
            }

            @Override
            public String constantString(Object e) {
                SE v = (SE) e;
                return v.kind() == 'A' && v.extra() instanceof String s ? s : null;
            }

            @Override
            public String messageText(Object e) throws Refusal {
                return rustString((SE) e);
            }

            @Override
            public void approximate() {
                porter.markApproximate();
            }

            @Override
            public String charTable(CharTables.Table t) {
                return porter.charTable(t);
            }

            @Override
            public String upperSpecialTable() {
                return porter.upperSpecialTable();
            }

            @Override
            public void readsDefaultLocale() {
                porter.readsDefaultLocale();
            }

            @Override
            public void mayDefer() {
                porter.mayDefer();
            }
        };

        private void viewGet(View v, MethodInsnNode m, List<SE> args) throws Refusal {
            if (!m.name.equals("get") || args.size() != 2 || args.get(0).kind() != 'A'
                    || !"[B".equals(args.get(0).type().getDescriptor())) {
                throw refuse(at, "only get(byte[], int) of a byte-array view VarHandle is in the subset");
            }
            String arr = arrayVar(args.get(0), at);
            String order = v.littleEndian() ? "le" : "be";
            Type el = v.element();
            int size = el.getSize() == 2 ? 8 : switch (el.getSort()) {
                case Type.SHORT, Type.CHAR -> 2;
                default -> 4;
            };
            String bytes = call("jrt::view::<" + size + ">(&*" + arr + ", " + args.get(1).code() + ")");
            String code = switch (el.getSort()) {
                case Type.LONG -> "i64::from_" + order + "_bytes(" + bytes + ")";
                case Type.INT -> "i32::from_" + order + "_bytes(" + bytes + ")";
                case Type.SHORT -> "(i16::from_" + order + "_bytes(" + bytes + ") as i32)";
                case Type.CHAR -> "(u16::from_" + order + "_bytes(" + bytes + ") as i32)";
                case Type.FLOAT -> "f32::from_bits(u32::from_" + order + "_bytes(" + bytes + "))";
                case Type.DOUBLE -> "f64::from_bits(u64::from_" + order + "_bytes(" + bytes + "))";
                default -> throw refuse(at, "a VarHandle view of " + el.getClassName());
            };
            Type rt = Type.getReturnType(m.desc);
            if (rt.getSort() != el.getSort() && !(kind(rt) == 'I' && kind(el) == 'I')) {
                throw refuse(at, "a VarHandle get whose result type differs from the view's");
            }
            char k = kind(el);
            pushPrim(temp(code, k), k, Set.of());
        }

        private void appCall(MethodInsnNode m, List<SE> args) throws Refusal {
            boolean[] nulls = new boolean[args.size()];
            for (int k = 0; k < args.size(); k++) {
                nulls[k] = args.get(k).kind() == 'N';
            }
            AutoPorter.Sig sig = porter.callee(m.owner, m.name, m.desc, key, lineOf[at], nulls);
            List<String> as = new ArrayList<>();
            Map<OValue.Origin, Boolean> borrowed = new LinkedHashMap<>();
            for (int k = 0; k < args.size(); k++) {
                SE a = args.get(k);
                Type t = sig.params()[k];
                if (nulls[k]) {
                    continue; // the callee's copy for a null here has no such parameter
                }
                if (t.getSort() == Type.ARRAY || t.getSort() == Type.OBJECT) {
                    if (t.getSort() == Type.OBJECT && !isString(t)) {
                        throw refuse(at, "passing a " + t.getClassName() + " to a method is outside the subset");
                    }
                    String v = arrayVar(a, at);
                    boolean mut = sig.paramWritten()[k];
                    Boolean prev = borrowed.put(a.origin(), mut);
                    if (prev != null && (prev || mut)) {
                        throw refuse(at, "passing the same array twice to a method that writes it is outside the subset");
                    }
                    if (mut) {
                        if (a.origin() instanceof OValue.Static) {
                            throw refuse(at, "passing a static array to a method that writes it");
                        }
                        if (a.origin() instanceof OValue.Made mm && insns.get(mm.insn()) instanceof LdcInsnNode) {
                            throw refuse(at, "writing into a string");
                        }
                        written.add(a.origin());
                    }
                    as.add((mut ? "&mut *" : "&*") + v);
                } else {
                    as.add(a.code());
                }
            }
            String c = call(sig.rustName() + "(" + String.join(", ", as) + ")");
            Type rt = sig.ret();
            for (int i = 0; i < stack.size(); i++) {
                stack.set(i, materialize(stack.get(i)));
            }
            switch (rt.getSort()) {
                case Type.VOID -> out.add(c + ";");
                case Type.ARRAY -> {
                    String v = newArrayVar(at, rt);
                    out.add(v + " = " + c + ";");
                    push(new SE(v, 'A', Set.of(v), new OValue.Made(at), rt, null));
                }
                case Type.OBJECT -> {
                    if (!isString(rt)) {
                        throw refuse(at, "a method returning " + rt.getClassName() + " is outside the subset");
                    }
                    pushNewString(c);
                }
                default -> pushPrim(temp(c, kind(rt)), kind(rt), Set.of());
            }
        }
    }

    private static char kindOfElem(String el) {
        return switch (el) {
            case "i64" -> 'J';
            case "f32" -> 'F';
            case "f64" -> 'D';
            default -> 'I';
        };
    }

    // ---- structure -------------------------------------------------------------------------------------------------

    /** Nests the blocks along the dominator tree: loops for loop headers, labelled blocks before merge nodes. */
    private final class Structurer {
        private final Map<Integer, BlockCode> code;
        private final StringBuilder out;

        Structurer(Map<Integer, BlockCode> code, StringBuilder out) {
            this.code = code;
            this.out = out;
        }

        private void line(int depth, String s) {
            out.append("    ".repeat(depth)).append(s).append('\n');
        }

        void doTree(int x, int depth) {
            List<Integer> ys = cfg.mergeChildren(x);
            if (cfg.loopHeader[x]) {
                line(depth, "'l" + x + ": loop {");
                nodeWithin(x, ys, 0, depth + 1);
                line(depth, "}");
            } else {
                nodeWithin(x, ys, 0, depth);
            }
        }

        private void nodeWithin(int x, List<Integer> ys, int k, int depth) {
            if (k == ys.size()) {
                BlockCode bc = code.get(x);
                bc.stmts().forEach(s -> line(depth, s));
                emitTerm(x, bc.term(), depth);
            } else {
                int y = ys.get(k);
                line(depth, "'b" + y + ": {");
                nodeWithin(x, ys, k + 1, depth + 1);
                line(depth, "}");
                doTree(y, depth);
            }
        }

        private void emitTerm(int x, Term t, int depth) {
            switch (t) {
                case Exit e -> line(depth, e.stmt());
                case TryCheck tc -> {
                    line(depth, "if " + tc.error() + ".is_some() {");
                    String kw = "if ";
                    for (ControlFlow.Handler h : tc.handlers()) {
                        String test = h.type() == null ? "true" : "jrt::catches(&" + tc.error() + ", &[\"" + h.type() + "\"])";
                        line(depth + 1, kw + test + " {");
                        line(depth + 2, "x" + h.block() + " = " + tc.error() + ".take();");
                        doBranch(x, h.block(), depth + 2);
                        kw = "} else if ";
                    }
                    line(depth + 1, "} else {");
                    line(depth + 2, "jrt::rethrow(" + tc.error() + ".take());");
                    line(depth + 1, "}");
                    line(depth, "} else {");
                    if (tc.normal() >= 0) {
                        doBranch(x, tc.normal(), depth + 1);
                    } else {
                        line(depth + 1, "unreachable!();");
                    }
                    line(depth, "}");
                }
                case Goto g -> doBranch(x, g.target(), depth);
                case Cond c -> {
                    if (c.ifTrue() == c.ifFalse()) {
                        doBranch(x, c.ifTrue(), depth);
                        return;
                    }
                    line(depth, "if " + c.cond() + " {");
                    doBranch(x, c.ifTrue(), depth + 1);
                    line(depth, "} else {");
                    doBranch(x, c.ifFalse(), depth + 1);
                    line(depth, "}");
                }
                case Switch s -> {
                    line(depth, "match " + s.expr() + " {");
                    for (Map.Entry<Integer, List<Integer>> e : s.keysByTarget().entrySet()) {
                        line(depth + 1, String.join(" | ", e.getValue().stream().map(v -> v + "i32").toList()) + " => {");
                        doBranch(x, e.getKey(), depth + 2);
                        line(depth + 1, "}");
                    }
                    line(depth + 1, "_ => {");
                    doBranch(x, s.dflt(), depth + 2);
                    line(depth + 1, "}");
                    line(depth, "}");
                }
            }
        }

        private void doBranch(int from, int to, int depth) {
            ControlFlow.Block f = cfg.blocks.get(from);
            ControlFlow.Block t = cfg.blocks.get(to);
            if (t.rpo <= f.rpo) {
                line(depth, "continue 'l" + to + ";");
            } else if (cfg.isMerge(to)) {
                line(depth, "break 'b" + to + ";");
            } else {
                doTree(to, depth);
            }
        }
    }
}

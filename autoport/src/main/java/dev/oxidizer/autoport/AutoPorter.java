package dev.oxidizer.autoport;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Translates a JVM method, read from its class file with ASM's tree API, into structured Rust with Java's exact
 * semantics; application methods it calls are translated too. Anything outside the subset (docs/generator.md,
 * "Auto-port") is refused with a {@link Refusal} naming the instruction or call and its source line.
 *
 * <p>Not thread-safe: one instance per translation.
 */
public final class AutoPorter {
    /** Java keywords that are Rust keywords too, and Rust keywords: internal function names avoid them. */
    private static final Set<String> RUST_KEYWORDS = Set.of("as", "break", "const", "continue", "crate", "else", "enum",
            "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
            "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
            "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv",
            "typeof", "unsized", "virtual", "yield", "try", "gen");

    private final ClassSource classes;
    private final Map<String, ClassNode> nodes = new HashMap<>();
    private final Map<String, Sig> done = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Set<String> usedNames = new HashSet<>();
    private final StringBuilder helpers = new StringBuilder();
    private final List<String> order = new ArrayList<>();
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, String> provisionalNames = new HashMap<>();
    private final Map<String, boolean[]> assumed = new HashMap<>();
    private final Set<String> recursive = new HashSet<>();
    private boolean approximate;
    private final Set<CharTables.Table> charTables = java.util.EnumSet.noneOf(CharTables.Table.class);
    private boolean upperSpecial;
    private boolean defaultLocale;
    private boolean deferred;
    private final List<ApplicationException> applicationExceptions = new ArrayList<>();

    public AutoPorter(ClassSource classes) {
        this.classes = Objects.requireNonNull(classes, "classes");
    }

    /**
     * How the entry function is called.
     *
     * @param rustFn     the Rust function's name
     * @param paramNames Rust names of the declared parameters, in order
     * @param fieldNames for instance methods: Rust names of the receiver's fields, by Java field name, in the order
     *                   they come first in the signature
     * @param mutableFields receiver array fields passed as {@code &mut}
     */
    public record Entry(String rustFn, List<String> paramNames, Map<String, String> fieldNames, Set<String> mutableFields) {
        public Entry {
            paramNames = List.copyOf(paramNames);
            fieldNames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldNames));
            mutableFields = Set.copyOf(mutableFields);
        }
    }

    /** Signature of a translated method, as callers see it. */
    record Sig(String rustName, boolean[] paramWritten, Type[] params, Type ret) {}

    /**
     * Translates {@code className#name(descriptor)} (binary class name, e.g. {@code com.acme.Stats}).
     *
     * @throws Refusal when it, or a method it calls, is outside the subset
     */
    public AutoPort port(String className, String name, String descriptor, Entry entry) throws Refusal {
        String owner = className.replace('.', '/');
        usedNames.add(entry.rustFn());
        usedNames.add(FunctionTranslator.helperBase(entry.rustFn()) + "_body");
        usedNames.add(FunctionTranslator.helperBase(entry.rustFn()) + "_avx2");
        String key = key(owner, name, descriptor);
        MethodNode m = method(owner, name, descriptor, key);
        // A recursive call of the entry method calls its internal translation (Java's int-widened ABI, no Result).
        FunctionTranslator t = new FunctionTranslator(this, classNode(owner), m, key, entry);
        String code = t.translate();
        List<String> methods = new ArrayList<>();
        methods.add(key.replace('/', '.'));
        order.forEach(k -> {
            if (!methods.contains(k.replace('/', '.'))) {
                methods.add(k.replace('/', '.'));
            }
        });
        List<Boolean> written = new ArrayList<>();
        Type[] ps = Type.getArgumentTypes(descriptor);
        int slot = (m.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (Type p : ps) {
            written.add(t.writesParam(slot));
            slot += p.getSize();
        }
        if (deferred && written.contains(true)) {
            // the Java method would see the arrays the port wrote before it handed the call back
            throw new Refusal(key.replace('/', '.'), -1, "method " + name, "it writes an array argument and may hand a call back"
                    + " to Java (a capital sigma in toLowerCase)");
        }
        if (defaultLocale || deferred) {
            if (!t.canCallOriginal()) {
                throw new Refusal(key.replace('/', '.'), -1, "method " + name, "the wrapper would hand some calls to the Java method"
                        + " (locale-dependent case mapping), which it can only for static methods that are not private");
            }
        }
        return new AutoPort(code + helpers, written, methods, approximate, t.nullGuards(),
                charTables.isEmpty() && !upperSpecial ? null : CharTables.rust(charTables, upperSpecial), applicationExceptions,
                new AutoPort.HandBack(defaultLocale, deferred));
    }

    /** The Rust module {@code jrt} the translated code calls (Java's semantics of each instruction), as {@code src/jrt.rs}. */
    public static String runtimeSource() {
        try (InputStream in = AutoPorter.class.getResourceAsStream("jrt.rs")) {
            return new String(Objects.requireNonNull(in, "jrt.rs resource").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Rust name of the constant table {@code owner.field} ({@link StaticTable}), declared once after the functions.
     *
     * @throws StaticTable.NotATable when the field is not one
     */
    String table(String owner, String field) throws StaticTable.NotATable {
        String k = owner + "." + field;
        String name = tables.get(k);
        if (name == null) {
            ClassNode cn = classNode(owner);
            if (cn == null) {
                throw new StaticTable.NotATable("its class file is not on the class path");
            }
            StaticTable t = StaticTable.find(cn, field);
            String base = "T_" + field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(java.util.Locale.ROOT);
            name = base;
            for (int i = 2; !usedNames.add(name); i++) {
                name = base + "_" + i;
            }
            tables.put(k, name);
            helpers.append('\n').append(t.declaration(name));
        }
        return name;
    }

    /** The Rust name of a constant table already declared by {@link #table}, or null. */
    String declaredTable(String owner, String field) {
        return tables.get(owner + "." + field);
    }

    void markApproximate() {
        approximate = true;
    }

    /**
     * The site of {@code new internalName(descriptor)} thrown by translated code ({@link ApplicationException}): one
     * per (class, constructor) in the port.
     *
     * @throws ApplicationException.Unsupported when the wrapper could not construct and throw it
     */
    ApplicationException applicationSite(String internalName, String descriptor) throws ApplicationException.Unsupported {
        String binary = internalName.replace('/', '.');
        for (ApplicationException a : applicationExceptions) {
            if (a.className().equals(binary) && a.descriptor().equals(descriptor)) {
                return a;
            }
        }
        List<String> chain = ApplicationException.check(classes, internalName, descriptor);
        ApplicationException a = new ApplicationException(applicationExceptions.size(), binary, descriptor, chain);
        applicationExceptions.add(a);
        return a;
    }

    /** Whether {@code internalName} is a class of the class path (not the JDK's) that may be an application exception. */
    boolean isApplicationClassName(String internalName) {
        return !internalName.startsWith("java/") && !internalName.startsWith("javax/") && !internalName.startsWith("jdk/")
                && classes.read(internalName) != null;
    }

    /** The Rust path of {@code String.toUpperCase}'s multi-unit mappings ({@link CharTables#upperSpecials}). */
    String upperSpecialTable() {
        upperSpecial = true;
        return "jchar::UPPER_SPECIAL";
    }

    /** The code reads the default locale: the wrapper hands calls made in Turkish, Azeri or Lithuanian to Java. */
    void readsDefaultLocale() {
        defaultLocale = true;
    }

    /** The code may hand a call back to Java ({@code jrt::defer}). */
    void mayDefer() {
        deferred = true;
    }

    /** The Rust path of a {@code Character} table; the port's {@code jchar.rs} then holds it. */
    String charTable(CharTables.Table t) {
        charTables.add(t);
        return "jchar::" + t.rustName();
    }

    static String key(String owner, String name, String desc) {
        return owner + "#" + name + desc;
    }

    ClassNode classNode(String owner) {
        return nodes.computeIfAbsent(owner, o -> {
            byte[] b = classes.read(o);
            if (b == null) {
                return null;
            }
            ClassNode cn = new ClassNode();
            new ClassReader(b).accept(cn, 0);
            return cn;
        });
    }

    boolean isApplicationClass(String owner) {
        return !(owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/") || owner.startsWith("sun/"))
                && classNode(owner) != null;
    }

    private MethodNode method(String owner, String name, String desc, String key) throws Refusal {
        ClassNode cn = classNode(owner);
        if (cn == null) {
            throw new Refusal(key.replace('/', '.'), -1, "class " + owner.replace('/', '.'), "its class file is not on the class path");
        }
        for (MethodNode m : cn.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    throw new Refusal(key.replace('/', '.'), -1, "method " + name, "it has no byte code (abstract or native)");
                }
                return m;
            }
        }
        throw new Refusal(key.replace('/', '.'), -1, "method " + name + desc, "no such method in " + owner.replace('/', '.'));
    }

    /**
     * The signature of an application method called from {@code caller}; translates it first when needed.
     *
     * <p>Recursion (self or mutual): a call of a method whose translation is under way gets a provisional signature,
     * its Rust name and an assumption of which array parameters it writes (none at first). When the finished
     * translation writes more than was assumed, everything translated since it began is rolled back and it is translated
     * again with the larger assumption; assumptions only grow, so this ends. Every function a recursive call enters
     * starts with {@code jrt::stack_guard()}, which throws {@code StackOverflowError} before the native stack runs out.
     */
    Sig callee(String owner, String name, String desc, String caller, int line, boolean[] nulls) throws Refusal {
        // a call passing null to an array or String parameter gets its own copy, translated without that parameter
        Set<Integer> nullSlots = new HashSet<>();
        StringBuilder nullSuffix = new StringBuilder();
        int at = 0;
        Type[] declared = Type.getArgumentTypes(desc);
        for (int i = 0; i < declared.length; i++) {
            if (nulls[i]) {
                nullSlots.add(at);
                nullSuffix.append(nullSuffix.isEmpty() ? " with null for parameter " : ", ").append(i + 1);
            }
            at += declared[i].getSize();
        }
        String key = key(owner, name, desc) + nullSuffix;
        Sig s = done.get(key);
        if (s != null) {
            return s;
        }
        Type[] ps = Type.getArgumentTypes(desc);
        if (inProgress.contains(key)) {
            recursive.add(key);
            return new Sig(provisionalNames.get(key), assumed.get(key).clone(), ps, Type.getReturnType(desc));
        }
        MethodNode m = method(owner, name, desc, key(owner, name, desc));
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            throw new Refusal(caller.replace('/', '.'), line, "call of " + owner.replace('/', '.') + "." + name + desc,
                    "only static methods are translated as callees");
        }
        String rustName = internalName(nullSlots.isEmpty() ? name : name + "_null");
        provisionalNames.put(key, rustName);
        assumed.put(key, new boolean[ps.length]);
        int helpersMark = helpers.length();
        int orderMark = order.size();
        Set<String> namesMark = new HashSet<>(usedNames);
        Map<String, String> tablesMark = new HashMap<>(tables);
        Set<String> recursiveMark = new HashSet<>(recursive);
        while (true) {
            inProgress.add(key);
            FunctionTranslator t = new FunctionTranslator(this, classNode(owner), m, key, rustName, nullSlots);
            String code;
            try {
                code = t.translate();
            } finally {
                inProgress.remove(key);
            }
            boolean[] written = new boolean[ps.length];
            boolean grew = false;
            int slot = 0;
            for (int i = 0; i < ps.length; i++) {
                written[i] = t.writesParam(slot);
                grew |= written[i] && !assumed.get(key)[i];
                slot += ps[i].getSize();
            }
            if (grew) {
                // Callers inside this translation passed these arrays read-only: translate it all again.
                for (int i = 0; i < ps.length; i++) {
                    written[i] |= assumed.get(key)[i];
                }
                assumed.put(key, written);
                helpers.setLength(helpersMark);
                for (int k = order.size() - 1; k >= orderMark; k--) {
                    done.remove(order.remove(k));
                }
                usedNames.retainAll(namesMark);
                usedNames.add(rustName);
                tables.keySet().retainAll(tablesMark.keySet());
                recursive.retainAll(recursiveMark);
                continue;
            }
            s = new Sig(rustName, written, ps, Type.getReturnType(desc));
            done.put(key, s);
            order.add(key);
            helpers.append('\n').append(code);
            return s;
        }
    }

    /** Whether a recursive call enters the method with this key: its Rust function then checks the stack first. */
    boolean isRecursive(String key) {
        return recursive.contains(key);
    }

    private String internalName(String javaName) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                sb.append(c);
            } else {
                sb.append('_');
            }
        }
        // littleEndianToInt_Low: one underscore, not two (rustc's non_snake_case lint warns of "__")
        String base = sb.toString().replaceAll("(?<=.)_+", "_");
        if (base.isEmpty() || Character.isDigit(base.charAt(0)) || RUST_KEYWORDS.contains(base)) {
            base = "j_" + base;
        }
        String n = base;
        for (int k = 2; !usedNames.add(n); k++) {
            n = base + "_" + k;
        }
        return n;
    }
}

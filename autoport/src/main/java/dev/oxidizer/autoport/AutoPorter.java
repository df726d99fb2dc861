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
    private boolean approximate;

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
        usedNames.add(entry.rustFn() + "_body");
        usedNames.add(entry.rustFn() + "_avx2");
        String key = key(owner, name, descriptor);
        MethodNode m = method(owner, name, descriptor, key);
        inProgress.add(key);
        FunctionTranslator t = new FunctionTranslator(this, classNode(owner), m, key, entry);
        String code = t.translate();
        inProgress.remove(key);
        List<String> methods = new ArrayList<>();
        methods.add(key.replace('/', '.'));
        order.forEach(k -> methods.add(k.replace('/', '.')));
        List<Boolean> written = new ArrayList<>();
        Type[] ps = Type.getArgumentTypes(descriptor);
        int slot = (m.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (Type p : ps) {
            written.add(t.writesParam(slot));
            slot += p.getSize();
        }
        return new AutoPort(code + helpers, written, methods, approximate);
    }

    /** The Rust module {@code jrt} the translated code calls (Java's semantics of each instruction), as {@code src/jrt.rs}. */
    public static String runtimeSource() {
        try (InputStream in = AutoPorter.class.getResourceAsStream("jrt.rs")) {
            return new String(Objects.requireNonNull(in, "jrt.rs resource").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void markApproximate() {
        approximate = true;
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

    /** The signature of an application method called from {@code caller}; translates it first when needed. */
    Sig callee(String owner, String name, String desc, String caller, int line) throws Refusal {
        String key = key(owner, name, desc);
        Sig s = done.get(key);
        if (s != null) {
            return s;
        }
        if (inProgress.contains(key)) {
            throw new Refusal(caller.replace('/', '.'), line, "invokestatic " + owner.replace('/', '.') + "." + name + desc,
                    "recursive calls are outside the subset (rewrite the recursion as a loop)");
        }
        MethodNode m = method(owner, name, desc, key);
        if ((m.access & Opcodes.ACC_STATIC) == 0) {
            throw new Refusal(caller.replace('/', '.'), line, "call of " + owner.replace('/', '.') + "." + name + desc,
                    "only static methods are translated as callees");
        }
        inProgress.add(key);
        String rustName = internalName(name);
        FunctionTranslator t = new FunctionTranslator(this, classNode(owner), m, key, rustName);
        String code = t.translate();
        inProgress.remove(key);
        Type[] ps = Type.getArgumentTypes(desc);
        boolean[] written = new boolean[ps.length];
        int slot = 0;
        for (int i = 0; i < ps.length; i++) {
            written[i] = t.writesParam(slot);
            slot += ps[i].getSize();
        }
        s = new Sig(rustName, written, ps, Type.getReturnType(desc));
        done.put(key, s);
        order.add(key);
        helpers.append('\n').append(code);
        return s;
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
        String base = sb.toString();
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

package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.JavaTypes;
import dev.oxidizer.vocabulary.MethodKey;
import dev.oxidizer.vocabulary.Names;
import dev.oxidizer.vocabulary.PortNames;
import dev.oxidizer.vocabulary.RustSignature;
import dev.oxidizer.vocabulary.Prim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mapping pass: decides how every parameter, receiver field and the result cross to Rust, and every name the
 * emitters use. Unsupported things are collected with their position (all of them, not only the first) and refused
 * together as {@link GeneratorException.Kind#UNSUPPORTED}.
 */
public final class PortPlanner {
    /** The accepted types, quoted in every refusal. */
    public static final String SUPPORTED = JavaTypes.SUPPORTED;

    /** Local names the wrapper and the shim use; a Java parameter with one of these names gets a suffix. */
    private static final Set<String> RESERVED_JAVA = Set.of("oxResult", "oxOut", "oxArena", "oxThrown", "oxAddress", "oxLength");

    private PortPlanner() {}

    /** Maps {@code spec}; never returns a partial plan. */
    public static PortPlan plan(MethodSpec spec, GeneratorOptions options) throws GeneratorException {
        List<String> problems = new ArrayList<>();
        String what = "cannot port " + spec.key() + ": ";
        if (spec.methodName().startsWith("<")) {
            throw new GeneratorException(GeneratorException.Kind.UNSUPPORTED, what + "constructors and static"
                    + " initializers cannot be ported; port a static method holding the computation instead");
        }
        List<MethodSpec.Param> all = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        if (!spec.isStatic()) {
            if (!spec.receiverProblems().isEmpty()) {
                problems.add(what + "it is an instance method and its receiver cannot be replaced by its fields because "
                        + String.join("; ", spec.receiverProblems())
                        + "; make it static, passing what it needs as parameters, or port a static helper it calls");
            }
            for (MethodSpec.Param f : spec.receiverFields()) {
                all.add(f);
                positions.add("receiver field '" + f.name() + "'");
            }
        }
        int fieldCount = all.size();
        for (int i = 0; i < spec.params().size(); i++) {
            all.add(spec.params().get(i));
            positions.add("parameter " + (i + 1) + " '" + spec.params().get(i).name() + "'");
        }
        List<RustSignature.Param> naming = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            naming.add(new RustSignature.Param(all.get(i).name(), i < fieldCount, all.get(i).type().primitive() != null));
        }
        List<String> rustNames = RustSignature.parameterNames(naming);
        List<PortPlan.Arg> args = new ArrayList<>();
        Set<String> javaNames = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            MethodSpec.Param p = all.get(i);
            boolean field = i < fieldCount;
            String javaName = field ? unique("this" + Names.capitalize(p.name()), javaNames)
                    : unique(RESERVED_JAVA.contains(p.name()) ? p.name() + "_" : p.name(), javaNames);
            if (field && p.name().startsWith("this$")) {
                String outer = spec.traits().enclosingClass() != null ? spec.traits().enclosingClass() : JavaType.readableOf(p.type().descriptor());
                problems.add(what + "it is a method of the inner class " + spec.className().replace('$', '.')
                        + ", and its body uses the enclosing " + outer.replace('$', '.') + " instance (" + outer.substring(outer.lastIndexOf('.') + 1)
                        + ".this), a Java object Rust cannot receive; declare the nested class static and pass what it reads"
                        + " from the enclosing instance as parameters, or port a static method holding the computation");
                continue;
            }
            PortPlan.Arg arg = arg(p, javaName, rustNames.get(i), field ? p.name() : null, positions.get(i), what, problems);
            if (arg != null) {
                args.add(arg);
            }
        }
        JavaType rt = spec.returnType();
        PortPlan.Ret ret = null;
        Prim retPrim = null;
        if (rt.isVoid()) {
            ret = PortPlan.Ret.VOID;
        } else if (rt.primitive() != null) {
            ret = PortPlan.Ret.VALUE;
            retPrim = rt.primitive();
        } else if (rt.arrayElement() != null) {
            ret = PortPlan.Ret.VEC;
            retPrim = rt.arrayElement();
        } else if (rt.isString()) {
            ret = PortPlan.Ret.STRING;
        } else {
            problems.add(what + "the return type " + rt.readable() + " cannot cross to Rust (" + advice(rt) + "); " + SUPPORTED);
        }
        if (!problems.isEmpty()) {
            throw new GeneratorException(GeneratorException.Kind.UNSUPPORTED, problems);
        }
        MethodKey key = new MethodKey(spec.className(), spec.methodName(), spec.descriptor());
        String crate = options.crateName() != null ? options.crateName() : PortNames.crate(key, spec.overloaded());
        String rustFn = PortNames.rustFunction(key);
        String symbol = PortNames.symbol(key);
        String javaClass = options.javaClass() != null ? options.javaClass() : PortNames.javaClass(key, spec.overloaded());
        MemoryMode memory;
        String reason;
        if (options.memory() != null) {
            memory = options.memory();
            reason = "chosen with --memory " + memory.option();
        } else if (spec.measuredP99Ns() != null) {
            boolean shortCall = spec.measuredP99Ns() <= options.criticalMaxNs();
            memory = shortCall ? MemoryMode.CRITICAL : MemoryMode.ARENA;
            reason = "measured p99 latency " + spec.measuredP99Ns() + " ns is " + (shortCall ? "at or below" : "above")
                    + " the critical-call limit of " + options.criticalMaxNs() + " ns";
        } else {
            memory = MemoryMode.ARENA;
            reason = "no latency was measured, so the call is not assumed short (a critical call holds off the GC for"
                    + " its whole duration); use --memory critical for calls known to be short";
        }
        // Classes cannot be defined in the JDK's own packages (the wrapper of java.lang.Math goes to oxidizer.port.java.lang),
        // nor, unsigned, in a signed jar's (BouncyCastle's: a SecurityException when the JVM defines the wrapper)
        String pkg = spec.packageName();
        String javaPackage = pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")
                || spec.traits().signedJar() ? "oxidizer.port." + pkg : pkg;
        return new PortPlan(spec, crate, rustFn, symbol, PortNames.exportPrefix(crate), javaPackage, javaClass,
                List.copyOf(args), ret, retPrim, memory, reason, options.maxUlps(), options.crateDirForJava());
    }

    private static String unique(String name, Set<String> taken) {
        String n = name;
        for (int i = 2; !taken.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    private static PortPlan.Arg arg(MethodSpec.Param p, String javaName, String rustName, String fieldName, String position,
                                    String what, List<String> problems) {
        JavaType t = p.type();
        if (t.primitive() != null) {
            return new PortPlan.Arg(javaName, rustName, t, PortPlan.Shape.VALUE, t.primitive(), fieldName);
        }
        if (t.arrayElement() != null) {
            return new PortPlan.Arg(javaName, rustName, t, p.mutated() ? PortPlan.Shape.SLICE_MUT : PortPlan.Shape.SLICE,
                    t.arrayElement(), fieldName);
        }
        if (t.isString()) {
            return new PortPlan.Arg(javaName, rustName, t, PortPlan.Shape.STR, null, fieldName);
        }
        problems.add(what + position + " has type " + t.readable() + ", which cannot cross to Rust (" + advice(t) + "); " + SUPPORTED);
        return null;
    }

    /** What to do instead of an unsupported type ({@link JavaTypes#advice}). */
    static String advice(JavaType t) {
        return JavaTypes.advice(t.descriptor());
    }
}

package dev.oxidizer.stubgen;

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
    public static final String SUPPORTED = "supported: boolean, byte, char, short, int, long, float, double, "
            + "one-dimensional arrays of these, String (and void as the return type)";

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
        List<PortPlan.Arg> args = new ArrayList<>();
        Set<String> javaNames = new HashSet<>();
        // Names the shim uses for itself: a parameter spelled the same gets a suffix.
        Set<String> rustNames = new HashSet<>(Set.of("ox_out", "ox_outcome"));
        if (!spec.isStatic()) {
            if (!spec.receiverProblems().isEmpty()) {
                problems.add(what + "it is an instance method and its receiver cannot be replaced by its fields because "
                        + String.join("; ", spec.receiverProblems())
                        + "; make it static, passing what it needs as parameters, or port a static helper it calls");
            }
            for (MethodSpec.Param f : spec.receiverFields()) {
                String javaName = unique("this" + Names.capitalize(f.name()), javaNames);
                String rustName = unique("this_" + Names.snake(f.name()), rustNames);
                PortPlan.Arg a = arg(f, javaName, rustName, f.name(), "receiver field '" + f.name() + "'", what, problems);
                if (a != null) {
                    args.add(a);
                }
            }
        }
        for (int i = 0; i < spec.params().size(); i++) {
            MethodSpec.Param p = spec.params().get(i);
            String javaName = unique(RESERVED_JAVA.contains(p.name()) ? p.name() + "_" : p.name(), javaNames);
            String rustName = unique(Names.rustIdentifier(p.name()), rustNames);
            PortPlan.Arg a = arg(p, javaName, rustName, null, "parameter " + (i + 1) + " '" + p.name() + "'", what, problems);
            if (a != null) {
                args.add(a);
            }
        }
        args = avoidCNameCollisions(args);
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
        String method = Names.snake(spec.methodName());
        String overload = spec.overloaded() ? overloadSuffix(spec) : "";
        String crate = options.crateName() != null ? options.crateName()
                : crateName(Names.snake(spec.simpleClassName()) + "_" + method + (overload.isEmpty() ? "" : "_" + Names.snake(overload)));
        String rustFn = Names.rustIdentifier(spec.methodName());
        String symbol = "ox_" + method + "_" + Names.shortHash(spec.key());
        String javaClass = options.javaClass() != null ? options.javaClass()
                : Names.capitalize(spec.simpleClassName().replace("$", "")) + Names.capitalize(spec.methodName().replace("$", "_")) + overload + "Rust";
        if (!Names.isJavaIdentifier(javaClass)) {
            javaClass = "GeneratedRust";
        }
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
        // Classes cannot be defined in the JDK's own packages: the wrapper of java.lang.Math goes to oxidizer.port.java.lang.
        String pkg = spec.packageName();
        String javaPackage = pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("jdk.") || pkg.startsWith("sun.")
                ? "oxidizer.port." + pkg : pkg;
        return new PortPlan(spec, crate, rustFn, symbol, "ox_" + crate + "_", javaPackage, javaClass,
                List.copyOf(args), ret, retPrim, memory, reason, options.maxUlps(), options.crateDirForJava());
    }

    /** A scalar named like another argument's {@code _ptr}/{@code _len} C parameter gets a {@code _v} suffix. */
    private static List<PortPlan.Arg> avoidCNameCollisions(List<PortPlan.Arg> args) {
        Set<String> derived = new HashSet<>();
        for (PortPlan.Arg a : args) {
            if (a.shape() != PortPlan.Shape.VALUE) {
                derived.add(a.rustName() + "_ptr");
                derived.add(a.rustName() + "_len");
            }
        }
        List<PortPlan.Arg> out = new ArrayList<>();
        for (PortPlan.Arg a : args) {
            out.add(a.shape() == PortPlan.Shape.VALUE && derived.contains(a.rustName())
                    ? new PortPlan.Arg(a.javaName(), a.rustName() + "_v", a.type(), a.shape(), a.prim(), a.fieldName()) : a);
        }
        return out;
    }

    /** Parameter types as a name part, e.g. {@code (I[D)} gives {@code IntDoubleArray}; {@code NoArgs} for none. */
    static String overloadSuffix(MethodSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (MethodSpec.Param p : spec.params()) {
            String r = JavaType.readableOf(p.type().descriptor());
            String simple = r.substring(r.lastIndexOf('.') + 1).replace("$", "");
            sb.append(Names.capitalize(simple.replace("[]", "Array")));
        }
        return sb.isEmpty() ? "NoArgs" : sb.toString();
    }

    private static String crateName(String s) {
        String c = s.length() > 48 ? s.substring(0, 48) : s;
        return Character.isLetter(c.charAt(0)) ? c : "ox_" + c;
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

    /** What to do instead of an unsupported type. */
    static String advice(JavaType t) {
        String d = t.descriptor();
        if (d.startsWith("[[")) {
            return "flatten it into one primitive array and pass its dimensions as int parameters";
        }
        if (d.equals("[Ljava/lang/String;")) {
            return "join the strings into one String with a separator, or pass their UTF-8 bytes as one byte[] and their lengths as an int[]";
        }
        if (d.startsWith("[")) {
            return "pass each field the method needs as its own primitive array";
        }
        String name = JavaType.readableOf(d);
        for (Prim p : Prim.values()) {
            if (name.equals("java.lang." + p.boxed)) {
                return "use the primitive " + p.java + "; null cannot cross";
            }
        }
        if (name.startsWith("java.util.") || name.startsWith("java.lang.Iterable")) {
            return "a collection of objects has no memory layout Rust can read; pass a primitive array such as double[] instead";
        }
        if (name.equals("java.lang.CharSequence") || name.equals("java.lang.StringBuilder")) {
            return "pass a String";
        }
        if (name.equals("java.lang.Object")) {
            return "an Object has no fixed layout; pass the primitives, arrays or Strings the method needs";
        }
        return "an object has no layout Rust can read; pass the fields the method needs as primitives, arrays or Strings";
    }
}

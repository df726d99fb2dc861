package dev.oxidizer.stubgen;

import dev.oxidizer.autoport.ApplicationException;
import dev.oxidizer.autoport.AutoPort;
import dev.oxidizer.autoport.AutoPorter;
import dev.oxidizer.autoport.NullGuard;
import dev.oxidizer.autoport.Refusal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code oxidizer generate --auto}: the same crate, wrapper, differential test and benchmark as {@link StubGenerator},
 * with the safe function's body translated from the method's byte code ({@link AutoPorter}) instead of the stub.
 * Strings cross as UTF-16 code units; array parameters are {@code &mut} exactly when the translation writes them; the
 * differential test is bit-exact (0 ulps) unless the method calls transcendental {@code Math} functions.
 *
 * <p>A method outside the subset is refused ({@link GeneratorException.Kind#UNSUPPORTED}) with the instruction or call
 * and its source line; nothing is written, and the stub can still be generated without {@code --auto}.
 */
public final class AutoPortGenerator {
    private AutoPortGenerator() {}

    /**
     * @param classes the class path holding the method's class and the application methods it calls
     */
    public static GeneratedFiles generate(MethodSpec spec, GeneratorOptions options, ClassPathReader classes) throws GeneratorException {
        return generate(spec, options, classes, OriginalArtifact.find(spec).orElse(null), InputProfile.none());
    }

    /**
     * @param classes  the class path holding the method's class and the application methods it calls
     * @param original the artifact holding the original class (for the generated Maven module), null when unknown
     * @param inputs   the application's recorded argument lengths and captured calls, for the test and the benchmark
     */
    public static GeneratedFiles generate(MethodSpec spec, GeneratorOptions options, ClassPathReader classes,
                                          MavenCoordinates original, InputProfile inputs) throws GeneratorException {
        PortPlan names = PortPlanner.plan(spec, options);
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> mutableFields = new HashSet<>();
        for (PortPlan.Arg a : names.fieldArgs()) {
            fields.put(a.fieldName(), a.rustName());
            if (a.shape() == PortPlan.Shape.SLICE_MUT) {
                mutableFields.add(a.fieldName());
            }
        }
        AutoPorter.Entry entry = new AutoPorter.Entry(names.rustFn(),
                names.paramArgs().stream().map(PortPlan.Arg::rustName).toList(), fields, mutableFields);
        AutoPort port;
        try {
            port = new AutoPorter(internal -> read(classes, internal)).port(spec.className(), spec.methodName(), spec.descriptor(), entry);
        } catch (Refusal r) {
            throw new GeneratorException(GeneratorException.Kind.UNSUPPORTED, r.getMessage()
                    + "; without --auto the stub can still be generated (and the body written by hand)");
        } catch (RuntimeException e) {
            throw new GeneratorException(GeneratorException.Kind.UNSUPPORTED, "cannot auto-port " + spec.key()
                    + ": the translator failed (" + e + "); without --auto the stub can still be generated");
        }
        List<MethodSpec.Param> params = new ArrayList<>();
        for (int i = 0; i < spec.params().size(); i++) {
            MethodSpec.Param p = spec.params().get(i);
            params.add(new MethodSpec.Param(p.name(), p.type(), port.paramWritten().get(i)));
        }
        MethodSpec exact = new MethodSpec(spec.className(), spec.methodName(), spec.descriptor(), spec.isStatic(), params,
                spec.returnType(), spec.receiverFields(), spec.receiverProblems(), spec.hasNoArgConstructor(),
                spec.measuredP99Ns(), spec.source(), true, spec.overloaded(), spec.traits());
        GeneratorOptions strict = new GeneratorOptions(options.memory(), options.criticalMaxNs(), options.crateName(),
                options.javaClass(), port.approximate() ? options.maxUlps() : 0, options.crateDirForJava());
        PortPlan plan = PortPlanner.plan(exact, strict).withUtf16Strings();
        GeneratedFiles emitted = StubGenerator.emit(plan, original, inputs, "auto");
        Map<String, String> files = new LinkedHashMap<>(emitted.files());
        files.put("src/lib.rs", new AutoLibEmitter(plan, port).emit());
        files.put("src/jrt.rs", AutoPorter.runtimeSource());
        if (port.charTables() != null) {
            files.put("src/jchar.rs", port.charTables());
        }
        GeneratedFiles out = new GeneratedFiles(plan, files);
        if (!port.nullGuards().isEmpty()) {
            files.put(out.wrapperPath(), withNullGuards(files.get(out.wrapperPath()), plan, port.nullGuards()));
        }
        if (!port.applicationExceptions().isEmpty()) {
            files.put(out.wrapperPath(), withApplicationExceptions(files.get(out.wrapperPath()), port.applicationExceptions()));
        }
        if (port.handBack().any()) {
            files.put(out.wrapperPath(), withHandBack(files.get(out.wrapperPath()), plan, port.handBack()));
        }
        return new GeneratedFiles(plan, files);
    }

    /** Status of {@code JavaException::Deferred} (src/ffi.rs): the port handed the call back. */
    static final int DEFERRED = 28;

    /**
     * The wrapper's method becomes {@code private <name>Port}, and a public method with the original signature calls it,
     * handing the call to the Java original instead while the default locale is Turkish, Azeri or Lithuanian (the case
     * mappings the port knows are every other locale's) and when the port hands it back (status {@value #DEFERRED}).
     */
    static String withHandBack(String wrapper, PortPlan plan, dev.oxidizer.autoport.AutoPort.HandBack handBack) throws GeneratorException {
        String name = plan.method().methodName();
        java.util.regex.Matcher sig = java.util.regex.Pattern.compile("(?m)^( *)public static (.+?) " + java.util.regex.Pattern.quote(name)
                + "\\((.*)\\)(.*)\\{$").matcher(wrapper);
        if (!sig.find()) {
            throw new GeneratorException(GeneratorException.Kind.UNSUPPORTED, "cannot find the method " + name + " in the wrapper of "
                    + plan.method().key() + " to hand calls back to Java");
        }
        String indent = sig.group(1);
        String type = sig.group(2);
        boolean isVoid = type.equals("void");
        String args = callArguments(plan);
        String original = original(plan);
        List<String> toJava = isVoid ? List.of(original + ";", "return;") : List.of("return " + original + ";");
        String toPort = isVoid ? name + "Port(" + args + ");" : "return " + name + "Port(" + args + ");";
        List<String> lines = new ArrayList<>();
        String about = "Calls the port ({@link #" + name + "Port}); the Java method runs the call instead"
                + (handBack.defaultLocale() ? " while the default locale is Turkish, Azeri or Lithuanian (whose case mappings the port does not know)" : "")
                + (handBack.deferred() ? (handBack.defaultLocale() ? ", and" : "") + " when the port hands it back (an input its translation"
                        + " does not cover, status " + DEFERRED + ")" : "") + ".";
        lines.add("/**");
        StringBuilder line = new StringBuilder(" *");
        for (String word : about.split(" ")) {
            if (line.length() + word.length() > 110) {
                lines.add(line.toString());
                line = new StringBuilder(" *");
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString());
        lines.add(" */");
        lines.add("public static " + type + " " + name + "(" + sig.group(3) + ")" + sig.group(4) + "{");
        if (handBack.defaultLocale()) {
            lines.add("    String oxLanguage = java.util.Locale.getDefault().getLanguage();");
            lines.add("    if (oxLanguage.equals(\"tr\") || oxLanguage.equals(\"az\") || oxLanguage.equals(\"lt\")) {");
            toJava.forEach(l -> lines.add("        " + l));
            lines.add("    }");
        }
        if (handBack.deferred()) {
            lines.add("    try {");
            lines.add("        " + toPort);
            lines.add("    } catch (RustException oxHandedBack) {");
            lines.add("        if (oxHandedBack.status() != " + DEFERRED + ") {");
            lines.add("            throw oxHandedBack;");
            lines.add("        }");
            toJava.forEach(l -> lines.add("        " + l));
            lines.add("    }");
        } else {
            lines.add("    " + toPort);
        }
        lines.add("}");
        StringBuilder m = new StringBuilder();
        lines.forEach(l -> m.append(indent).append(l).append('\n'));
        m.append('\n');
        // the new method goes before the Javadoc of the one it calls (when only blank space is between them)
        int start = sig.start();
        int doc = wrapper.lastIndexOf(indent + "/**", start);
        int docEnd = doc < 0 ? -1 : wrapper.indexOf("*/", doc);
        int insertAt = docEnd >= 0 && docEnd < start && wrapper.substring(docEnd + 2, start).isBlank() ? doc : start;
        String renamed = wrapper.substring(0, start) + indent + "private static " + type + " " + name + "Port(" + sig.group(3) + ")"
                + sig.group(4) + "{" + wrapper.substring(sig.end());
        return renamed.substring(0, insertAt) + m + renamed.substring(insertAt);
    }

    /**
     * The wrapper rejects null arguments with {@code Objects.requireNonNull(x, "x")} before the downcall; where the Java
     * method's prologue handles a null parameter itself ({@link NullGuard}), the wrapper does exactly that instead, first
     * and in Java's order (the translated body never sees null). Where the method tests a parameter for null anywhere
     * else, a call with it null goes to the Java original, before any other check.
     */
    static String withNullGuards(String wrapper, PortPlan plan, List<NullGuard> guards) throws GeneratorException {
        List<PortPlan.Arg> params = plan.paramArgs();
        String[] lines = wrapper.split("\n", -1);
        int first = -1;
        Set<String> guarded = new HashSet<>();
        guards.forEach(g -> guarded.add(params.get(g.param()).javaName()));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            for (PortPlan.Arg a : plan.args()) {
                if (t.equals("Objects.requireNonNull(" + a.javaName() + ", \"" + a.javaName() + "\");")) {
                    if (first < 0) {
                        first = out.size();
                        String indent = line.substring(0, line.indexOf('O'));
                        // a call handed to the Java original does everything itself: those checks come first
                        List<NullGuard> ordered = new ArrayList<>(guards);
                        ordered.sort(java.util.Comparator.comparing(g -> g.kind() != NullGuard.Kind.JAVA));
                        for (NullGuard g : ordered) {
                            for (String gl : g.javaStatement(params.get(g.param()).javaName(), original(plan)).split("\n")) {
                                out.add(indent + gl);
                            }
                        }
                    }
                    if (guarded.contains(a.javaName())) {
                        line = null;
                    }
                    break;
                }
            }
            if (line != null) {
                out.add(line);
            }
        }
        if (first < 0) {
            throw new GeneratorException(GeneratorException.Kind.UNSUPPORTED, "cannot place the null checks of " + plan.method().key()
                    + " in its wrapper: the wrapper has no null check of its array or string parameters");
        }
        return String.join("\n", out);
    }

    /** The Java original applied to the wrapper's arguments (a static method: {@link NullGuard.Kind#JAVA}). */
    private static String original(PortPlan plan) {
        return plan.method().className().replace('$', '.') + "." + plan.method().methodName() + "(" + callArguments(plan) + ")";
    }

    /** The wrapper's parameters as the arguments of a call. */
    private static String callArguments(PortPlan plan) {
        return String.join(", ", plan.paramArgs().stream().map(PortPlan.Arg::javaName).toList());
    }

    /**
     * The wrapper constructs the application exceptions the port throws (status 27, {@link ApplicationException}): its
     * {@code applicationException} method, which knows no site in a stub, decodes each site's constructor arguments.
     */
    static String withApplicationExceptions(String wrapper, List<ApplicationException> sites) throws GeneratorException {
        String head = "private static RuntimeException applicationException(String encoded) {";
        int at = wrapper.indexOf(head);
        if (at < 0) {
            throw new GeneratorException(GeneratorException.Kind.UNSUPPORTED, "the wrapper has no applicationException method to fill in");
        }
        int lineStart = wrapper.lastIndexOf('\n', at) + 1;
        String indent = wrapper.substring(lineStart, at);
        int end = wrapper.indexOf("\n" + indent + "}\n", at) + indent.length() + 3;
        StringBuilder m = new StringBuilder();
        m.append(head).append('\n');
        m.append(indent).append("    String[] f = encoded.split(\"\\u0001\", -1);\n");
        m.append(indent).append("    return switch (f[0]) {\n");
        for (ApplicationException a : sites) {
            List<String> args = new ArrayList<>();
            org.objectweb.asm.Type[] ps = a.parameters();
            for (int k = 0; k < ps.length; k++) {
                String f = "f[" + (k + 2) + "]";
                args.add(switch (ps[k].getSort()) {
                    case org.objectweb.asm.Type.BOOLEAN -> "Integer.parseInt(" + f + ") != 0";
                    case org.objectweb.asm.Type.BYTE -> "(byte) Integer.parseInt(" + f + ")";
                    case org.objectweb.asm.Type.SHORT -> "(short) Integer.parseInt(" + f + ")";
                    case org.objectweb.asm.Type.CHAR -> "(char) Integer.parseInt(" + f + ")";
                    case org.objectweb.asm.Type.INT -> "Integer.parseInt(" + f + ")";
                    case org.objectweb.asm.Type.LONG -> "Long.parseLong(" + f + ")";
                    case org.objectweb.asm.Type.FLOAT -> "Float.intBitsToFloat(Integer.parseUnsignedInt(" + f + "))";
                    case org.objectweb.asm.Type.DOUBLE -> "Double.longBitsToDouble(Long.parseUnsignedLong(" + f + "))";
                    case org.objectweb.asm.Type.ARRAY -> "applicationValues(" + f + ")";
                    default -> ps[k].getInternalName().equals("java/lang/String") ? "applicationString(" + f + ")"
                            : "(" + ps[k].getClassName().replace('$', '.') + ") applicationValue(" + f + ")";
                });
            }
            m.append(indent).append("        case \"").append(a.index()).append("\" -> new ").append(a.className()).append('(')
                    .append(String.join(", ", args)).append(");\n");
        }
        m.append(indent).append("        default -> new RustException(27, \"unknown application exception \" + f[0]);\n");
        m.append(indent).append("    };\n");
        m.append(indent).append("}\n\n");
        indented(m, Templates.text("wrapper-application-string.java.template"), indent);
        boolean objects = sites.stream().anyMatch(a -> java.util.Arrays.stream(a.parameters()).anyMatch(
                p -> p.getSort() == org.objectweb.asm.Type.ARRAY
                        || p.getSort() == org.objectweb.asm.Type.OBJECT && !p.getInternalName().equals("java/lang/String")));
        if (objects) {
            indented(m, Templates.text("wrapper-application-values.java.template"), indent);
        }
        return wrapper.substring(0, at) + m + wrapper.substring(end);
    }

    /** Appends {@code text}'s lines, each non-empty one after {@code indent}. */
    private static void indented(StringBuilder out, String text, String indent) {
        for (String line : text.split("\n")) {
            out.append(line.isEmpty() ? "" : indent).append(line).append('\n');
        }
    }

    private static byte[] read(ClassPathReader classes, String internalName) {
        try {
            ClassPathReader.Found f = classes.read(internalName.replace('/', '.'));
            return f == null ? null : f.bytes();
        } catch (GeneratorException e) {
            return null;
        }
    }
}

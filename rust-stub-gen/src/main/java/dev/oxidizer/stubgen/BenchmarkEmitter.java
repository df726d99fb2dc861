package dev.oxidizer.stubgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Emits a JMH benchmark of the Java original against the Rust port on the same inputs: a pool of {@value #POOL} argument
 * sets both methods cycle through in the same order. The sets come from the application when it was observed
 * ({@link InputProfile}): its captured calls first; else arrays and Strings of the lengths the agent recorded (random
 * content, seeded); else of {@code size} elements (a JMH parameter). {@code setup()} keeps only sets the Java original
 * accepts (it calls it once on a copy), so a method that indexes an array by its other arguments runs on the sets that
 * fit, and fails with one sentence naming where the inputs came from when none does.
 */
final class BenchmarkEmitter {
    /** Argument sets in the pool (a power of two). */
    static final int POOL = 64;
    private final PortPlan plan;
    private final InputProfile inputs;

    BenchmarkEmitter(PortPlan plan) {
        this(plan, InputProfile.none());
    }

    BenchmarkEmitter(PortPlan plan, InputProfile inputs) {
        this.plan = plan;
        this.inputs = inputs;
    }

    String className() {
        return plan.javaClass() + "Benchmark";
    }

    String emit() {
        boolean instance = !plan.method().isStatic();
        String test = plan.javaClass() + "DifferentialTest";
        SourceBuilder b = new SourceBuilder("    ");
        if (!plan.javaPackage().isEmpty()) {
            b.line("package " + plan.javaPackage() + ";");
            b.blank();
        }
        b.block(Templates.fill("benchmark-head.java.template", Map.ofEntries(
                Map.entry("key", plan.method().key()),
                Map.entry("inputs", describeInputs()),
                Map.entry("javaClass", plan.javaClass()),
                Map.entry("class", className()),
                Map.entry("pool", String.valueOf(POOL)))));
        b.indent();
        if (instance) {
            b.line("/** The receiver of the original. */");
            b.line("private Object receiver;");
        }
        for (PortPlan.Arg a : plan.fieldArgs()) {
            b.line("/** Receiver field " + a.fieldName() + ". */");
            b.line("private " + a.type().readable() + " " + a.javaName() + ";");
        }
        for (PortPlan.Arg a : plan.paramArgs()) {
            b.line("/** Input " + a.javaName() + ", one per argument set. */");
            b.line("private " + a.type().readable() + "[] " + a.javaName() + " = new " + arrayNew(a.type().readable()) + ";");
        }
        b.line("/** Next argument set of each side: both see the same sequence. */");
        b.line("private int nextJava, nextRust;");
        b.line("/** Where the inputs came from, for messages. */");
        b.line("String inputsFrom = \"\";");
        b.blank();
        emitLengths(b);
        emitSetup(b, instance, test);
        String ret = plan.javaReturnType();
        List<String> javaArgs = new ArrayList<>();
        if (instance) {
            javaArgs.add("receiver");
        }
        plan.paramArgs().forEach(a -> javaArgs.add(a.javaName() + "[i]"));
        String javaCall = "ORIGINAL.invokeExact(" + String.join(", ", javaArgs) + ")";
        b.line("/** The Java original. */");
        b.line("@Benchmark");
        b.open("public " + ret + " java() throws Throwable {");
        b.line("int i = nextJava++ & (POOL - 1);");
        b.line(plan.ret() == PortPlan.Ret.VOID ? javaCall + ";" : "return (" + ret + ") " + javaCall + ";");
        b.close("}");
        b.blank();
        String rustCall = plan.javaClass() + "." + plan.method().methodName() + "("
                + plan.args().stream().map(a -> a.isField() ? a.javaName() : a.javaName() + "[i]").collect(Collectors.joining(", ")) + ")";
        b.line("/** The Rust port through the generated wrapper. */");
        b.line("@Benchmark");
        b.open("public " + ret + " rust()" + (plan.method().traits().exceptions().isEmpty() ? "" : " throws Exception") + " {");
        b.line("int i = nextRust++ & (POOL - 1);");
        b.line(plan.ret() == PortPlan.Ret.VOID ? rustCall + ";" : "return " + rustCall + ";");
        b.close("}");
        b.blank();
        b.block(Templates.fill("benchmark-original.java.template", Map.ofEntries(
                Map.entry("className", plan.method().className()),
                Map.entry("descriptor", plan.method().descriptor()),
                Map.entry("find", instance ? "findVirtual" : "findStatic"),
                Map.entry("methodName", plan.method().methodName()),
                // a varargs handle would collect the argument array into another array
                Map.entry("fixedArity", plan.method().traits().varargs() ? ".asFixedArity()" : ""),
                Map.entry("handle", instance ? "h.asType(h.type().changeParameterType(0, Object.class))" : "h"),
                Map.entry("key", plan.method().key()))));
        b.close("}");
        return b.build();
    }

    private String describeInputs() {
        return switch (inputs.source()) {
            case "captured" -> inputs.captures().size() + " calls captured in the application";
            case "recorded-lengths" -> "arrays and Strings of the lengths recorded in the application, seeded random content";
            default -> "seeded random values, arrays and Strings of {@code size} elements";
        };
    }

    /** {@code byte[][]} → {@code byte[POOL][]}, {@code long[]} → {@code long[POOL]}. */
    private static String arrayNew(String elementType) {
        int bracket = elementType.indexOf('[');
        return bracket < 0 ? elementType + "[POOL]" : elementType.substring(0, bracket) + "[POOL]" + elementType.substring(bracket);
    }

    /** The recorded lengths per declared parameter, null where none were recorded. */
    private void emitLengths(SourceBuilder b) {
        List<PortPlan.Arg> ps = plan.paramArgs();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            List<Integer> l = inputs.lengths().get(i);
            rows.add(l == null || l.isEmpty() ? "null" : "{" + l.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "}");
        }
        b.line("/** Lengths the agent recorded in the application, per declared parameter (null: none recorded). */");
        b.line("static final int[][] RECORDED_LENGTHS = {" + String.join(", ", rows) + "};");
        b.blank();
    }

    private void emitSetup(SourceBuilder b, boolean instance, String test) {
        List<PortPlan.Arg> ps = plan.paramArgs();
        b.line("/** Builds the pool once per trial: captured calls, else recorded lengths, else {@code size}; keeps the sets Java accepts. */");
        b.line("@Setup");
        b.open("public void setup() throws Throwable {");
        if (instance) {
            b.line("receiver = " + test + ".newReceiver();");
        }
        for (PortPlan.Arg a : plan.fieldArgs()) {
            b.line(a.javaName() + " = (" + a.type().readable() + ") MethodHandles.privateLookupIn(receiver.getClass(), MethodHandles.lookup())");
            b.line("        .findVarHandle(receiver.getClass(), \"" + a.fieldName() + "\", " + a.type().readable() + ".class).get(receiver);");
        }
        b.line("List<Object[]> sets = new ArrayList<>();");
        if (!inputs.captures().isEmpty()) {
            b.open("for (" + plan.javaClass() + "Captured.Call c : " + plan.javaClass() + "Captured.all()) {");
            b.line("sets.add(c.args());");
            b.close("}");
            b.line("inputsFrom = sets.size() + \" captured calls\";");
        }
        b.open("if (sets.isEmpty()) {");
        b.line("Random r = new Random(42);");
        b.open("for (int k = 0; k < 4 * POOL; k++) {");
        b.line("Object[] a = new Object[" + ps.size() + "];");
        for (int i = 0; i < ps.size(); i++) {
            PortPlan.Arg a = ps.get(i);
            String len = "(RECORDED_LENGTHS[" + i + "] == null ? size : RECORDED_LENGTHS[" + i + "][k % RECORDED_LENGTHS[" + i + "].length])";
            b.line("a[" + i + "] = " + switch (a.shape()) {
                case VALUE -> TestInputs.random(a.prim());
                case STR -> test + ".randomString(r, " + len + ", false)";
                case STR_UTF16 -> test + ".randomString(r, " + len + ", true)";
                case SLICE, SLICE_MUT -> test + ".random" + a.prim().boxed + "s(r, " + len + ")";
            } + ";");
        }
        b.line("sets.add(a);");
        b.close("}");
        b.line("inputsFrom = \"" + (inputs.lengths().isEmpty() ? "seeded random inputs of \" + size + \" elements"
                : "seeded random inputs of the recorded lengths") + "\";");
        b.close("}");
        b.line("List<Object[]> accepted = new ArrayList<>();");
        b.line("Throwable lastFailure = null;");
        b.open("for (Object[] a : sets) {");
        b.open("if (accepted.size() == POOL) {");
        b.line("break;");
        b.close("}");
        b.open("try {");
        String callArgs = instance ? test + ".prepend(receiver, " + test + ".deepCopy(a))" : test + ".deepCopy(a)";
        b.line("ORIGINAL.invokeWithArguments(" + callArgs + ");");
        b.line("accepted.add(a);");
        b.close("} catch (Throwable t) {");
        b.indent();
        b.line("lastFailure = t;");
        b.close("}");
        b.close("}");
        b.open("if (accepted.isEmpty()) {");
        b.line("throw new IllegalStateException(\"the Java method threw on all \" + sets.size() + \" argument sets (\" + inputsFrom");
        b.line("        + \"), the last with \" + lastFailure + \": capture real calls with the agent option capture=... and regenerate, \"");
        b.line("        + \"or write inputs it accepts in setup()\", lastFailure);");
        b.close("}");
        b.open("for (int i = 0; i < POOL; i++) {");
        b.line("Object[] a = accepted.get(i % accepted.size());");
        for (int i = 0; i < ps.size(); i++) {
            PortPlan.Arg a = ps.get(i);
            String t = a.type().readable();
            String boxed = a.shape() == PortPlan.Shape.VALUE ? a.prim().boxed : t;
            b.line(a.javaName() + "[i] = (" + boxed + ") " + (a.shape() == PortPlan.Shape.VALUE ? "a[" + i + "]" : "copy(a[" + i + "])") + ";");
        }
        b.close("}");
        b.close("}");
        b.blank();
        b.block("""
                /** A copy of an array argument (each pool slot owns its arrays, as calls in the application do). */
                private static Object copy(Object o) {
                    return %s.deepCopy(new Object[] {o})[0];
                }
                """.formatted(test));
        b.blank();
    }
}

package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Names;
import dev.oxidizer.vocabulary.Prim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Emits a JUnit 5 test calling the Java original (through a private lookup, so private methods work too) and the
 * Rust port on the same inputs: every edge value of each parameter with the others at their base value, then
 * seeded random combinations. Results must be equal, floating point within a declared ulp tolerance; arrays the
 * method mutates must end equal; where Java throws, the port must throw a {@code RustException}.
 */
final class DifferentialTestEmitter {
    private final PortPlan plan;
    /** Whether the port carries captured calls to replay ({@link CapturedCallsEmitter}). */
    private final boolean captured;

    DifferentialTestEmitter(PortPlan plan) {
        this(plan, false);
    }

    DifferentialTestEmitter(PortPlan plan, boolean captured) {
        this.plan = plan;
        this.captured = captured;
    }

    String className() {
        return plan.javaClass() + "DifferentialTest";
    }

    String emit() {
        SourceBuilder b = new SourceBuilder("    ");
        if (!plan.javaPackage().isEmpty()) {
            b.line("package " + plan.javaPackage() + ";");
            b.blank();
        }
        b.block(Templates.fill("differential-head.java.template", Map.ofEntries(
                Map.entry("key", plan.method().key()),
                Map.entry("wrapper", plan.javaClass()),
                Map.entry("class", className()),
                Map.entry("maxUlps", String.valueOf(plan.maxUlps())))));
        b.indent();
        for (PortPlan.Arg f : plan.fieldArgs()) {
            b.line("/** The receiver's field {@code " + f.fieldName() + "}. */");
            b.line("private static final VarHandle " + fieldConstant(f) + " = field(\"" + f.fieldName() + "\", " + f.type().readable() + ".class);");
        }
        b.blank();
        if (captured) {
            // a method that indexes arrays by its other arguments may accept no generated case; its captured calls
            // are then what is compared (their test fails when there are none)
            SourceBuilder t = new SourceBuilder("    ");
            emitTestMethod(t);
            b.block(t.build().replace("if (accepted == 0) {", "if (accepted == 0 && " + plan.javaClass() + "Captured.all().isEmpty()) {"));
        } else {
            emitTestMethod(b);
        }
        b.blank();
        if (captured) {
            b.block(CapturedCallsEmitter.testMethod(plan));
            b.blank();
        }
        emitCheck(b);
        b.blank();
        emitCall(b);
        b.blank();
        emitCases(b);
        b.blank();
        emitLookups(b);
        b.blank();
        emitHelpers(b);
        b.close("}");
        return b.build();
    }

    static String fieldConstant(PortPlan.Arg f) {
        return "FIELD_" + Names.snake(f.fieldName()).toUpperCase(java.util.Locale.ROOT);
    }

    private void emitTestMethod(SourceBuilder b) {
        b.block(Templates.text("differential-test-method.java.template"));
    }

    private void emitCheck(SourceBuilder b) {
        boolean instance = !plan.method().isStatic();
        b.line("/** Runs one case on both sides and compares results and mutated arrays; true when Java returned normally. */");
        b.open("private static boolean check(int index, Object[] input) throws Throwable {");
        b.line("String what = \"case \" + index + \" \" + describe(input);");
        b.line("Object[] javaArgs = deepCopy(input);");
        b.line("Object[] rustArgs = deepCopy(input);");
        if (instance) {
            b.line("Object javaReceiver = newReceiver();");
            b.line("Object rustReceiver = newReceiver();");
        }
        b.block(Templates.fill("differential-check.java.template", Map.ofEntries(
                Map.entry("javaArgs", instance ? "prepend(javaReceiver, javaArgs)" : "javaArgs"),
                Map.entry("rustArgs", instance ? "rustReceiver, rustArgs" : "rustArgs"),
                Map.entry("wrapper", plan.javaClass()))));
        List<PortPlan.Arg> ps = plan.paramArgs();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).shape() == PortPlan.Shape.SLICE_MUT) {
                b.line("assertAgrees(javaArgs[" + i + "], rustArgs[" + i + "], what + \": array '" + ps.get(i).javaName() + "' after the call\");");
            }
        }
        for (PortPlan.Arg f : plan.fieldArgs()) {
            if (f.shape() == PortPlan.Shape.SLICE_MUT) {
                b.line("assertAgrees(" + fieldConstant(f) + ".get(javaReceiver), " + fieldConstant(f)
                        + ".get(rustReceiver), what + \": field '" + f.fieldName() + "' after the call\");");
            }
        }
        b.line("return true;");
        b.close("}");
    }

    private void emitCall(SourceBuilder b) {
        boolean instance = !plan.method().isStatic();
        b.line("/** Calls the port with a case's arguments" + (instance ? ", the receiver's fields first" : "") + ". */");
        b.open("private static Object callPort(" + (instance ? "Object receiver, " : "") + "Object[] a) {");
        List<String> args = new ArrayList<>();
        for (PortPlan.Arg f : plan.fieldArgs()) {
            args.add("(" + f.type().readable() + ") " + fieldConstant(f) + ".get(receiver)");
        }
        List<PortPlan.Arg> ps = plan.paramArgs();
        for (int i = 0; i < ps.size(); i++) {
            args.add("(" + ps.get(i).type().readable() + ") a[" + i + "]");
        }
        String call = plan.javaClass() + "." + plan.method().methodName() + "(" + String.join(", ", args) + ")";
        boolean checked = !plan.method().traits().exceptions().isEmpty();
        if (checked) {
            // the wrapper keeps the original's throws clause; the port itself never throws those
            b.open("try {");
        }
        if (plan.ret() == PortPlan.Ret.VOID) {
            b.line(call + ";");
            b.line("return null;");
        } else {
            b.line("return " + call + ";");
        }
        if (checked) {
            b.close("} catch (RuntimeException e) {");
            b.line("    throw e;");
            b.line("} catch (Exception e) {");
            b.line("    throw new java.lang.reflect.UndeclaredThrowableException(e);");
            b.line("}");
        }
        b.close("}");
    }

    private void emitCases(SourceBuilder b) {
        List<PortPlan.Arg> ps = plan.paramArgs();
        b.line("/** Edge values of each parameter with the others at their base (first) value, then random combinations. */");
        b.open("static List<Object[]> cases() {");
        b.line("List<List<Object>> values = new ArrayList<>();");
        for (PortPlan.Arg a : ps) {
            b.line("values.add(" + valuesExpr(a) + ");");
        }
        b.block(Templates.text("differential-cases.java.template"));
        b.indent();
        List<String> randoms = new ArrayList<>();
        for (PortPlan.Arg a : ps) {
            randoms.add(randomExpr(a, "r.nextInt(50)"));
        }
        b.line("cases.add(new Object[] {" + String.join(", ", randoms) + "});");
        b.close("}");
        emitShapedCases(b, randoms);
        b.line("return cases;");
        b.close("}");
        emitArrayFactories(b);
    }

    /**
     * Cases where an array's length is the product the method checks it against ({@code width * height ==
     * pixels.length}, {@link MethodSpec.ArrayShape}): the other cases rarely hold it, so they test the method's checks
     * only. A few fixed shapes with the other parameters at their base values, then random shapes with random others.
     */
    private void emitShapedCases(SourceBuilder b, List<String> randoms) {
        List<PortPlan.Arg> ps = plan.paramArgs();
        for (MethodSpec.ArrayShape shape : plan.method().traits().arrayShapes()) {
            PortPlan.Arg arr = ps.get(shape.array());
            if (arr.shape() != PortPlan.Shape.SLICE && arr.shape() != PortPlan.Shape.SLICE_MUT) {
                continue;
            }
            String fill = "random" + arr.prim().boxed + "s";
            String first = "c[" + shape.first() + "] = w;";
            String second = "c[" + shape.second() + "] = h;";
            String array = "c[" + shape.array() + "] = " + fill + "(new Random(w * 31L + h), w * h);";
            b.line("// '" + arr.javaName() + "' holds '" + ps.get(shape.first()).javaName() + "' * '" + ps.get(shape.second()).javaName()
                    + "' elements, as the method checks");
            b.open("for (int[] shape : new int[][] {{1, 1}, {2, 3}, {3, 2}, {5, 4}, {7, 7}, {16, 3}, {1, 9}, {9, 1}}) {");
            b.line("int w = shape[0];");
            b.line("int h = shape[1];");
            b.line("Object[] c = base.clone();");
            b.line(first + " " + second);
            b.line(array);
            b.line("cases.add(c);");
            b.close("}");
            b.open("for (int k = 0; k < RANDOM_CASES / 4; k++) {");
            b.line("Object[] c = new Object[] {" + String.join(", ", randoms) + "};");
            b.line("int w = 1 + r.nextInt(12);");
            b.line("int h = 1 + r.nextInt(12);");
            b.line(first + " " + second);
            b.line("c[" + shape.array() + "] = " + fill + "(r, w * h);");
            b.line("cases.add(c);");
            b.close("}");
        }
    }

    private String valuesExpr(PortPlan.Arg a) {
        return switch (a.shape()) {
            case VALUE -> "List.<Object>of(" + TestInputs.edges(a.prim()) + ")";
            case STR -> "List.<Object>of(" + TestInputs.STRING_EDGES + ")";
            case STR_UTF16 -> "List.<Object>of(" + TestInputs.STRING_EDGES_UTF16 + ")";
            case SLICE, SLICE_MUT -> {
                String t = a.prim().java;
                StringBuilder compared = new StringBuilder();
                int seed = 4;
                // lengths the method checks for (a 256-bin histogram): it may accept no other
                for (int length : plan.method().traits().arrayLengths()) {
                    compared.append(", random").append(a.prim().boxed).append("s(new Random(").append(seed++).append("), ")
                            .append(length).append(")");
                }
                yield "List.<Object>of(random" + a.prim().boxed + "s(new Random(1), 8), new " + t + "[0], new " + t + "[] {"
                        + TestInputs.edges(a.prim()).split(",")[0] + "}, new " + t + "[] {" + TestInputs.edges(a.prim())
                        + "}, random" + a.prim().boxed + "s(new Random(2), 1_000), random" + a.prim().boxed
                        + "s(new Random(3), 100_000)" + compared + ")";
            }
        };
    }

    private String randomExpr(PortPlan.Arg a, String length) {
        return switch (a.shape()) {
            case VALUE -> TestInputs.random(a.prim());
            case STR -> "randomString(r, r.nextInt(20), false)";
            case STR_UTF16 -> "randomString(r, r.nextInt(20), true)";
            case SLICE, SLICE_MUT -> "random" + a.prim().boxed + "s(r, " + length + ")";
        };
    }

    private void emitArrayFactories(SourceBuilder b) {
        java.util.Set<Prim> done = new java.util.LinkedHashSet<>();
        for (PortPlan.Arg a : plan.paramArgs()) {
            if ((a.shape() == PortPlan.Shape.SLICE || a.shape() == PortPlan.Shape.SLICE_MUT) && done.add(a.prim())) {
                Prim p = a.prim();
                b.blank();
                b.line("/** {@code length} random {@code " + p.java + "} values. */");
                b.open("static " + p.java + "[] random" + p.boxed + "s(Random r, int length) {");
                b.line(p.java + "[] values = new " + p.java + "[length];");
                b.open("for (int i = 0; i < length; i++) {");
                b.line("values[i] = " + TestInputs.random(p) + ";");
                b.close("}");
                b.line("return values;");
                b.close("}");
            }
        }
        if (plan.paramArgs().stream().anyMatch(a -> (a.shape() == PortPlan.Shape.STR || a.shape() == PortPlan.Shape.STR_UTF16))) {
            b.blank();
            b.block(Templates.text("differential-array-factories.java.template"));
        }
    }

    private void emitLookups(SourceBuilder b) {
        String d = plan.method().descriptor();
        b.block(Templates.fill("differential-original.java.template", Map.ofEntries(
                Map.entry("className", plan.method().className()),
                Map.entry("descriptor", d),
                Map.entry("find", plan.method().isStatic() ? "findStatic" : "findVirtual"),
                Map.entry("methodName", plan.method().methodName()),
                // a varargs handle would collect the argument array into another array
                Map.entry("fixedArity", plan.method().traits().varargs() ? ".asFixedArity()" : ""),
                Map.entry("key", plan.method().key()))));
        if (!plan.method().isStatic()) {
            b.blank();
            b.block(Templates.text("differential-lookups.java.template"));
            b.blank();
            b.line("/** A receiver for the original method; replace it with a representative instance of your domain. */");
            b.open("static Object newReceiver() throws Throwable {");
            if (plan.method().hasNoArgConstructor()) {
                b.line("return LOOKUP.findConstructor(OWNER, MethodType.methodType(void.class)).invoke();");
            } else {
                b.line("throw new UnsupportedOperationException(\"write newReceiver(): \" + OWNER.getName()");
                b.line("        + \" has no no-argument constructor; build a representative instance here\");");
            }
            b.close("}");
        }
    }

    private void emitHelpers(SourceBuilder b) {
        b.block(Templates.text("differential-helpers.java.template"));
    }
}

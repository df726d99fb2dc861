package dev.oxidizer.stubgen;

import java.util.List;

/**
 * Emits what replays the application's captured calls in a port: the calls themselves as a test resource (format
 * {@code oxidizer-captures 1}), a small reader of them ({@code <Class>Captured}, from the template
 * {@code CapturedCalls.java.template}) and the differential test's method that runs them.
 */
final class CapturedCallsEmitter {
    private final PortPlan plan;
    private final InputProfile inputs;

    CapturedCallsEmitter(PortPlan plan, InputProfile inputs) {
        this.plan = plan;
        this.inputs = inputs;
    }

    String className() {
        return plan.javaClass() + "Captured";
    }

    /** Class path resource name of the calls (also its path under java/src/test/resources). */
    String resource() {
        String pkg = plan.javaPackage().isEmpty() ? "" : plan.javaPackage().replace('.', '/') + "/";
        return pkg + plan.javaClass() + ".captures";
    }

    /** The resource's text: the header, the method, its calls. */
    String emitResource() {
        StringBuilder sb = new StringBuilder(CaptureFile.HEADER).append('\n')
                .append("# captured arguments and results: may hold user data; keep this file private\n")
                .append("M\t0\t").append(plan.method().key()).append('\n');
        inputs.captures().forEach(c -> sb.append(c).append('\n'));
        return sb.toString();
    }

    String emitReader() {
        return Templates.text("CapturedCalls.java.template")
                .replace("{{packageLine}}", plan.javaPackage().isEmpty() ? "" : "package " + plan.javaPackage() + ";\n\n")
                .replace("{{key}}", plan.method().key())
                .replace("{{class}}", className())
                .replace("{{resource}}", resource());
    }

    /** The test method, inserted into the differential test (it uses the test's {@code check} and helpers). */
    static String testMethod(PortPlan plan) {
        String cls = plan.javaClass() + "Captured";
        boolean compareRecorded = plan.method().isStatic();
        return """
                /**
                 * The calls captured in the application (%d of them): the port must agree with Java on each%s.
                 */
                @Test
                @Timeout(value = 5, unit = TimeUnit.MINUTES)
                void portAgreesWithJavaOnCapturedCalls() throws Throwable {
                    List<%s.Call> calls = %s.all();
                    if (calls.isEmpty()) {
                        fail("no captured calls in the resource " + %s.RESOURCE + "; regenerate the port from the captures");
                    }
                    for (int i = 0; i < calls.size(); i++) {
                        %s.Call c = calls.get(i);
                        String what = "captured call " + i + " " + describe(c.args());
                %s        check(-1 - i, c.args());
                    }
                }
                """.formatted(-1, compareRecorded ? ", and Java must still return what it returned in the application"
                        + " (otherwise the method depends on state the capture does not hold)" : " (an instance method's"
                        + " result depends on its receiver, which is not captured, so the recorded result is not compared)",
                cls, cls, cls, cls, compareRecorded ? recordedCheck() : "").replace("(-1 of them)", "(see the resource)");
    }

    private static String recordedCheck() {
        return """
                        Object now = null;
                        Throwable thrown = null;
                        try {
                            now = ORIGINAL.invokeWithArguments(deepCopy(c.args()));
                        } catch (Throwable t) {
                            thrown = t;
                        }
                        if (c.thrown() != null) {
                            if (thrown == null || !thrown.getClass().getName().equals(c.thrown())) {
                                fail(what + ": threw " + c.thrown() + " in the application, now " + (thrown == null ? "returns " + show(now) : thrown));
                            }
                        } else {
                            if (thrown != null) {
                                fail(what + ": returned " + show(c.result()) + " in the application, now throws " + thrown);
                            }
                            assertAgrees(c.result(), now, what + ": Java now against the recorded result");
                        }
                """.indent(4);
    }

    /** Files for the port, by relative path. */
    List<String[]> files() {
        String pkgPath = plan.javaPackage().isEmpty() ? "" : plan.javaPackage().replace('.', '/') + "/";
        return List.of(new String[] {"java/src/test/resources/" + resource(), emitResource()},
                new String[] {"java/src/test/java/" + pkgPath + className() + ".java", emitReader()});
    }
}

package dev.oxidizer.stubgen;

/**
 * Emits the interleaved Java-against-Rust run ({@code <Class>PairedRun}) that {@code oxidizer verify} measures the
 * speedup with: the fixed text is the template {@code PairedRun.java.template}; only names and the way each result is
 * kept alive vary.
 */
final class PairedRunEmitter {
    private static final String TEMPLATE = Templates.text("PairedRun.java.template");
    private final PortPlan plan;
    private final String benchmarkClass;

    PairedRunEmitter(PortPlan plan, String benchmarkClass) {
        this.plan = plan;
        this.benchmarkClass = benchmarkClass;
    }

    String className() {
        return plan.javaClass() + "PairedRun";
    }

    String emit() {
        return TEMPLATE
                .replace("{{packageLine}}", plan.javaPackage().isEmpty() ? "" : "package " + plan.javaPackage() + ";\n\n")
                .replace("{{key}}", plan.method().key())
                .replace("{{class}}", className())
                .replace("{{benchmark}}", benchmarkClass)
                .replace("{{consumeJava}}", consume("b.java()"))
                .replace("{{consumeRust}}", consume("b.rust()"));
    }

    /** A statement that calls {@code call} and folds its result into a sink the JIT cannot prove unused. */
    private String consume(String call) {
        if (plan.ret() == PortPlan.Ret.VOID) {
            return call + ";";
        }
        if (plan.ret() != PortPlan.Ret.VALUE) {
            return "sinkObject = " + call + ";";
        }
        return switch (plan.returnPrim()) {
            case BOOLEAN -> "sinkLong += " + call + " ? 1 : 0;";
            case FLOAT -> "sinkLong += Float.floatToRawIntBits(" + call + ");";
            case DOUBLE -> "sinkLong += Double.doubleToRawLongBits(" + call + ");";
            default -> "sinkLong += " + call + ";";
        };
    }

}

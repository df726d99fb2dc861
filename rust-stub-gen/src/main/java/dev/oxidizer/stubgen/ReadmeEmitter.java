package dev.oxidizer.stubgen;

import java.util.Map;

/** Emits the README of the output folder: what is where, what to do next, the ABI in one table. */
final class ReadmeEmitter {
    private final PortPlan plan;
    private final GeneratedFiles shape;

    ReadmeEmitter(PortPlan plan, GeneratedFiles shape) {
        this.plan = plan;
        this.shape = shape;
    }

    String emit() {
        StringBuilder args = new StringBuilder();
        for (PortPlan.Arg a : plan.args()) {
            args.append("| `").append(a.javaName()).append("` | `").append(a.type().readable()).append("` | `")
                    .append(PortPlan.rustType(a)).append("` | ").append(switch (a.shape()) {
                        case VALUE -> "by value";
                        case SLICE -> "pointer + length, read only";
                        case SLICE_MUT -> "pointer + length, writes visible to the caller";
                        case STR -> "UTF-8 pointer + length, not NUL-terminated";
                        case STR_UTF16 -> "UTF-16 code units (`toCharArray()`), pointer + length";
                    }).append(a.isField() ? " (receiver field `" + a.fieldName() + "`)" : "").append(" |\n");
        }
        String warnings = plan.warnings().stream().map(w -> "- **Warning:** " + w + ".\n").reduce("", String::concat);
        return Templates.fill("README.md.template", Map.ofEntries(
                Map.entry("warnings", warnings.isEmpty() ? "" : "## Warnings\n\n" + warnings + "\n"),
                Map.entry("key", plan.method().key()),
                Map.entry("javaSignature", plan.javaSignature()),
                Map.entry("rustSignature", plan.rustSignature()),
                Map.entry("crate", plan.crateName()),
                Map.entry("wrapperPath", shape.wrapperPath()),
                Map.entry("testPath", shape.testPath()),
                Map.entry("benchmarkPath", shape.benchmarkPath()),
                Map.entry("rustFn", plan.rustFn()),
                Map.entry("wrapper", plan.javaClass()),
                Map.entry("methodName", plan.method().methodName()),
                Map.entry("receiverNote", plan.method().isStatic() ? "" : ", passing the receiver's fields first (see the wrapper's Javadoc)"),
                Map.entry("arguments", args.toString()),
                Map.entry("memory", plan.memory().option()),
                Map.entry("memoryReason", plan.memoryReason())));
    }
}

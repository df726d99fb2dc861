package dev.oxidizer.stubgen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generator's output, in memory: file contents by path relative to the output folder ('/'-separated, never
 * absolute, never containing {@code ..}), in a stable order.
 *
 * @param plan  the plan the files were made from
 * @param files contents by relative path
 */
public record GeneratedFiles(PortPlan plan, Map<String, String> files) {
    /** Relative path of the Maven module's pom, beside the Java sources. */
    public static final String MODULE_POM = "java/pom.xml";

    public GeneratedFiles {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        for (String p : files.keySet()) {
            if (p.startsWith("/") || p.contains("\\") || p.equals("..") || p.startsWith("../") || p.contains("/../") || p.endsWith("/..")) {
                throw new IllegalArgumentException("generated path must be relative and stay inside the output folder: " + p);
            }
        }
    }

    /** Relative path of the wrapper source. */
    public String wrapperPath() {
        return javaPath("main", plan.javaClass());
    }

    /** Relative path of the differential test source. */
    public String testPath() {
        return javaPath("test", plan.javaClass() + "DifferentialTest");
    }

    /** Relative path of the JMH benchmark source. */
    public String benchmarkPath() {
        return javaPath("jmh", plan.javaClass() + "Benchmark");
    }

    /** Relative path of the interleaved Java-against-Rust run. */
    public String pairedRunPath() {
        return javaPath("jmh", plan.javaClass() + "PairedRun");
    }

    private String javaPath(String set, String cls) {
        String pkg = plan.javaPackage().isEmpty() ? "" : plan.javaPackage().replace('.', '/') + "/";
        return "java/src/" + set + "/java/" + pkg + cls + ".java";
    }
}

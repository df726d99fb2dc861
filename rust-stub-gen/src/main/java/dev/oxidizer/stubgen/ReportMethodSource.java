package dev.oxidizer.stubgen;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;

import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks a method from an analyzer report ({@code --candidate <rank or key>}) and turns it into a {@link MethodSpec}.
 *
 * <p>With a class path, the class file gives parameter names, array mutation and receiver fields; the report adds
 * the measured latency. Without one, only static methods can be generated: names are {@code arg0...} and every
 * array is treated as mutated.
 */
public final class ReportMethodSource {
    private ReportMethodSource() {}

    /**
     * @param report    the report
     * @param origin    its file name, for messages
     * @param candidate a 1-based rank among candidates, or a method key present in the report
     * @param classPath class path to read the class from, or null
     */
    public static MethodSpec select(Report report, String origin, String candidate, ClassPathReader classPath) throws GeneratorException {
        MethodReport m = find(report, origin, candidate);
        if (m.descriptor() == null) {
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, m.key() + " in " + origin
                    + " has no descriptor (only sampled frames named it); pass --classpath CP --method 'pkg.Class#name(descriptor)' instead");
        }
        Long p99 = m.latency() == null ? null : m.latency().p99Ns();
        if (classPath != null) {
            return new ClassFileMethodReader(classPath).read(m.className() + "#" + m.methodName() + m.descriptor()).withMeasuredP99Ns(p99);
        }
        if (!Boolean.TRUE.equals(m.isStatic())) {
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, m.key() + " is " + (m.isStatic() == null ? "not known to be static" : "an instance method")
                    + "; its receiver's fields can only be found in its class file: add --classpath with the application's classes");
        }
        MethodTypeDesc mtd;
        try {
            mtd = MethodTypeDesc.ofDescriptor(m.descriptor());
        } catch (IllegalArgumentException e) {
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, origin + ": '" + m.descriptor() + "' of " + m.key() + " is not a JVM method descriptor");
        }
        List<MethodSpec.Param> params = new ArrayList<>();
        for (int i = 0; i < mtd.parameterCount(); i++) {
            String d = mtd.parameterType(i).descriptorString();
            params.add(new MethodSpec.Param("arg" + i, JavaType.of(d), d.startsWith("[")));
        }
        return new MethodSpec(m.className(), m.methodName(), m.descriptor(), true, params,
                JavaType.of(mtd.returnType().descriptorString()), List.of(), List.of(), false, p99, origin, false, false);
    }

    private static MethodReport find(Report report, String origin, String candidate) throws GeneratorException {
        List<MethodReport> candidates = report.candidates();
        if (candidate.matches("\\d+")) {
            int rank = Integer.parseInt(candidate);
            for (MethodReport m : candidates) {
                if (m.rank() != null && m.rank() == rank) {
                    return m;
                }
            }
            if (rank >= 1 && rank <= candidates.size()) {
                return candidates.get(rank - 1);
            }
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, "no candidate of rank " + rank + " in " + origin
                    + "; it has " + candidates.size() + " candidate(s): pass a rank from 1 to " + candidates.size() + " or a method key");
        }
        for (MethodReport m : report.methods()) {
            if (m.key().equals(candidate)) {
                return m;
            }
        }
        throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, "no method " + candidate + " in " + origin
                + "; expected a candidate rank (1 to " + candidates.size() + ") or a key such as "
                + (report.methods().isEmpty() ? "pkg.Class#name(descriptor)" : report.methods().getFirst().key()));
    }
}

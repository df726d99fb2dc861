package dev.oxidizer.stubgen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates everything for one method, in memory: the mapping pass ({@link PortPlanner}), then the emitters. Writing
 * is separate ({@link OutputWriter}), so nothing is written when anything is refused.
 *
 * <p>Layout of the output folder: the crate at its root ({@code Cargo.toml}, {@code src/lib.rs}, {@code src/ffi.rs},
 * {@code include/<crate>.h}), {@code README.md}, and the Java sources under {@code java/src/main/java} (wrapper),
 * {@code java/src/test/java} (differential test) and {@code java/src/jmh/java} (benchmark). {@code oxidizer build}
 * places the library under {@code java/src/main/resources/native/<crate>/<os>-<arch>/}. {@value PortManifest#FILE_NAME}
 * (the port manifest) tells {@code oxidizer verify} what is where.
 */
public final class StubGenerator {
    private StubGenerator() {}

    /** Plans and emits; throws (UNSUPPORTED) before emitting anything when the signature cannot cross. */
    public static GeneratedFiles generate(MethodSpec spec, GeneratorOptions options) throws GeneratorException {
        PortPlan plan = PortPlanner.plan(spec, options);
        Map<String, String> files = new LinkedHashMap<>(new RustCrateEmitter(plan).emit());
        GeneratedFiles shape = new GeneratedFiles(plan, Map.of());
        files.put("README.md", new ReadmeEmitter(plan, shape).emit());
        files.put(shape.wrapperPath(), new JavaWrapperEmitter(plan).emit());
        files.put(shape.testPath(), new DifferentialTestEmitter(plan).emit());
        files.put(shape.benchmarkPath(), new BenchmarkEmitter(plan).emit());
        files.put(shape.pairedRunPath(), new PairedRunEmitter(plan, plan.javaClass() + "Benchmark").emit());
        files.put(PortManifest.FILE_NAME, PortManifest.of(plan, "stub", PortManifest.Inputs.generated()).toJson());
        return new GeneratedFiles(plan, files);
    }
}

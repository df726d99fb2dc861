package dev.oxidizer.stubgen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates everything for one method, in memory: the mapping pass ({@link PortPlanner}), then the emitters. Writing
 * is separate ({@link OutputWriter}), so nothing is written when anything is refused.
 *
 * <p>Layout of the output folder: the crate at its root ({@code Cargo.toml}, {@code src/lib.rs}, {@code src/ffi.rs},
 * {@code include/<crate>.h}), {@code README.md}, and the Java sources under {@code java/src/main/java} (wrapper),
 * {@code java/src/test/java} (differential test) and {@code java/src/jmh/java} (benchmark), with {@code java/pom.xml}
 * making {@code java/} a Maven module that builds and bundles the crate ({@link MavenModuleEmitter}). {@code oxidizer build}
 * places the library under {@code java/src/main/resources/native/<crate>/<os>-<arch>/}.
 */
public final class StubGenerator {
    private StubGenerator() {}

    /**
     * Plans and emits; throws (UNSUPPORTED) before emitting anything when the signature cannot cross. The Maven
     * module's test dependency on the original class is found from where its class file was read
     * ({@link OriginalArtifact}).
     */
    public static GeneratedFiles generate(MethodSpec spec, GeneratorOptions options) throws GeneratorException {
        return generate(spec, options, OriginalArtifact.find(spec).orElse(null));
    }

    /**
     * Plans and emits, with {@code original} (null when unknown) as the artifact holding the original class, which the
     * generated Maven module's differential test depends on.
     */
    public static GeneratedFiles generate(MethodSpec spec, GeneratorOptions options, MavenCoordinates original) throws GeneratorException {
        return emit(PortPlanner.plan(spec, options), original);
    }

    /** Every file for a plan, in memory ({@link AutoPortGenerator} replaces the body of {@code src/lib.rs}). */
    static GeneratedFiles emit(PortPlan plan, MavenCoordinates original) {
        Map<String, String> files = new LinkedHashMap<>(new RustCrateEmitter(plan).emit());
        GeneratedFiles shape = new GeneratedFiles(plan, Map.of());
        files.put("README.md", new ReadmeEmitter(plan, shape).emit());
        files.put(shape.wrapperPath(), new JavaWrapperEmitter(plan).emit());
        files.put(shape.testPath(), new DifferentialTestEmitter(plan).emit());
        files.put(shape.benchmarkPath(), new BenchmarkEmitter(plan).emit());
        files.put(GeneratedFiles.MODULE_POM, new MavenModuleEmitter(plan, original).emit());
        return new GeneratedFiles(plan, files);
    }
}

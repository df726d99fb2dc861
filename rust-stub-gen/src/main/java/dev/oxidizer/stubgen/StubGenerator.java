package dev.oxidizer.stubgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates everything for one method, in memory: the mapping pass ({@link PortPlanner}), then the emitters. Writing
 * is separate ({@link OutputWriter}), so nothing is written when anything is refused.
 *
 * <p>Layout of the output folder: the crate at its root ({@code Cargo.toml}, {@code src/lib.rs}, {@code src/ffi.rs},
 * {@code include/<crate>.h}), {@code README.md}, and the Java sources under {@code java/src/main/java} (wrapper),
 * {@code java/src/test/java} (differential test) and {@code java/src/jmh/java} (benchmark), with {@code java/pom.xml}
 * making {@code java/} a Maven module that builds and bundles the crate ({@link MavenModuleEmitter}). {@code oxidizer build}
 * places the library under {@code java/src/main/resources/native/<crate>/<os>-<arch>/}. {@value PortManifest#FILE_NAME}
 * (the port manifest) tells {@code oxidizer verify} what is where.
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
        return generate(spec, options, original, InputProfile.none());
    }

    /**
     * Plans and emits with the application's inputs: its captured calls are replayed by the differential test and fill
     * the benchmark's pool; without them the benchmark's arrays and Strings have the recorded lengths.
     */
    public static GeneratedFiles generate(MethodSpec spec, GeneratorOptions options, MavenCoordinates original,
                                          InputProfile inputs) throws GeneratorException {
        return emit(PortPlanner.plan(spec, options), original, inputs, "stub");
    }

    /**
     * Every file for a plan, in memory ({@link AutoPortGenerator} replaces the body of {@code src/lib.rs});
     * {@code bodyOrigin} is what the port manifest records (one of {@link PortManifest#ORIGINS}).
     */
    static GeneratedFiles emit(PortPlan plan, MavenCoordinates original, InputProfile inputs, String bodyOrigin) {
        Map<String, String> files = new LinkedHashMap<>(new RustCrateEmitter(plan).emit());
        GeneratedFiles shape = new GeneratedFiles(plan, Map.of());
        files.put("README.md", new ReadmeEmitter(plan, shape).emit());
        files.put(shape.wrapperPath(), new JavaWrapperEmitter(plan).emit());
        boolean captured = !inputs.captures().isEmpty();
        files.put(shape.testPath(), new DifferentialTestEmitter(plan, captured).emit());
        CapturedCallsEmitter captures = new CapturedCallsEmitter(plan, inputs);
        if (captured) {
            captures.files().forEach(f -> files.put(f[0], f[1]));
        }
        files.put(shape.benchmarkPath(), new BenchmarkEmitter(plan, inputs).emit());
        files.put(shape.pairedRunPath(), new PairedRunEmitter(plan, plan.javaClass() + "Benchmark").emit());
        files.put(GeneratedFiles.MODULE_POM, new MavenModuleEmitter(plan, original).emit());
        files.put(PortManifest.FILE_NAME, PortManifest.of(plan, bodyOrigin, manifestInputs(plan, inputs,
                captured ? "java/src/test/resources/" + captures.resource() : null)).toJson());
        return new GeneratedFiles(plan, files);
    }

    private static PortManifest.Inputs manifestInputs(PortPlan plan, InputProfile inputs, String capturesFile) {
        List<PortManifest.ParamLengths> lengths = new ArrayList<>();
        List<PortPlan.Arg> ps = plan.paramArgs();
        for (int i = 0; i < ps.size(); i++) {
            List<Integer> l = inputs.lengths().get(i);
            if (l != null && !l.isEmpty()) {
                lengths.add(new PortManifest.ParamLengths(i + 1, ps.get(i).javaName(), l));
            }
        }
        return new PortManifest.Inputs(inputs.source(), inputs.captures().size(), capturesFile, lengths);
    }
}

package dev.oxidizer.patterns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point: generates one pattern into a folder.
 *
 * <p>Generation is two steps: the pattern's emitter builds every file in memory ({@link #files}), then
 * {@link OutputFolder} writes them (never outside {@code outDir}, never over an edited file unless {@code force}).
 * Thread-safe: it holds no state.
 */
public final class PatternGenerator {

    /**
     * Generates {@code spec} into {@code outDir}.
     *
     * @throws IllegalArgumentException when {@code kind} does not match the spec
     * @throws EditedFilesException      when files the user changed would be overwritten; nothing was written
     * @throws IOException               when writing fails or a path would leave {@code outDir}
     */
    public GenerationResult generate(PatternKind kind, PatternSpec spec, Path outDir, boolean force) throws IOException {
        if (kind != spec.kind()) {
            throw new IllegalArgumentException("pattern '" + kind.id() + "' needs a " + kind.id()
                    + " spec, got a " + spec.kind().id() + " spec");
        }
        return new OutputFolder(outDir).write(files(spec), force);
    }

    /** Generates {@code spec} into {@code outDir}; see {@link #generate(PatternKind, PatternSpec, Path, boolean)}. */
    public GenerationResult generate(PatternSpec spec, Path outDir, boolean force) throws IOException {
        return generate(spec.kind(), spec, outDir, force);
    }

    /** The files {@code spec} produces, in memory, in a stable order. */
    public List<GeneratedFile> files(PatternSpec spec) {
        return switch (spec) {
            case QueueSpec q -> new QueueEmitter(q).files();
            case SidecarSpec s -> new SidecarEmitter(s).files();
            case EmbedJvmSpec h -> new EmbedJvmEmitter(h).files();
        };
    }
}

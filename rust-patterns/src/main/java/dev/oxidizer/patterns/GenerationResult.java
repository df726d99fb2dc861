package dev.oxidizer.patterns;

import java.nio.file.Path;
import java.util.List;

/**
 * What a generation did.
 *
 * @param outDir    the folder written into
 * @param written   relative paths written (new or replaced)
 * @param unchanged relative paths whose content was already identical
 */
public record GenerationResult(Path outDir, List<String> written, List<String> unchanged) {
    public GenerationResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
    }
}

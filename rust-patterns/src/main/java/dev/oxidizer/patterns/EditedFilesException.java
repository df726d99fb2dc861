package dev.oxidizer.patterns;

import java.util.List;

/**
 * Thrown when generating would overwrite files the user changed since they were generated (or files the generator
 * never wrote). Nothing was written. Generate again with {@code force} to overwrite them.
 */
public final class EditedFilesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> paths;

    EditedFilesException(List<String> paths) {
        super("refusing to overwrite " + paths.size() + " file(s) changed since they were generated (use --force to overwrite): "
                + String.join(", ", paths));
        this.paths = List.copyOf(paths);
    }

    /** The relative paths that would have been overwritten. */
    public List<String> paths() {
        return paths;
    }
}

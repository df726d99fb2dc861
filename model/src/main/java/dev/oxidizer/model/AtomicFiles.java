package dev.oxidizer.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a whole file so that readers see either the old content or the new, never a part: the bytes go to
 * a temporary file in the same folder, which is then renamed over the target. The result keeps the
 * permissions of the file it replaces, or is an ordinary output file ({@code rw-r--r--}) when new, never the
 * owner-only mode temporary files are created with. On failure the target is untouched and the temporary
 * file is removed.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code text} as UTF-8. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes}, creating the parent folders. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, Files.exists(abs) ? Files.getPosixFilePermissions(abs)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

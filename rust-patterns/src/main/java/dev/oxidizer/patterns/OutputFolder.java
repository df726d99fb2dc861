package dev.oxidizer.patterns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes generated files into the folder the user named, and nowhere else.
 *
 * <p>Guarantees:
 * <ol>
 *   <li>Every target resolves inside the folder, also after following symbolic links of existing parents;
 *       otherwise nothing is written.</li>
 *   <li>A file that exists and differs from what the manifest says was generated (the user edited it, or the
 *       generator never wrote it) is not overwritten unless {@code force}; if any such file exists, nothing is
 *       written and {@link EditedFilesException} lists them all.</li>
 *   <li>Each file is written to a temporary sibling and moved into place, so a crash never leaves a half file.
 *       The manifest is written last.</li>
 * </ol>
 *
 * <p>Manifest format ({@value #MANIFEST}, version 1, UTF-8, sorted by path): a header line
 * {@code # oxidizer-patterns manifest v1}, then one line per generated file: the SHA-256 of its content in lowercase
 * hex, two spaces, its relative path (the {@code sha256sum} format, so {@code sha256sum -c} can check it).
 */
public final class OutputFolder {
    /** Name of the manifest file inside the output folder. */
    public static final String MANIFEST = ".oxidizer-generated.sha256";
    private static final String HEADER = "# oxidizer-patterns manifest v1";

    private final Path root;

    public OutputFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes {@code files}; see the class contract. */
    public GenerationResult write(List<GeneratedFile> files, boolean force) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException("output folder " + root + " exists and is not a directory");
        }
        Files.createDirectories(root);
        Path realRoot = root.toRealPath();
        Map<String, String> manifest = readManifest();
        List<String> conflicts = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<GeneratedFile> toWrite = new ArrayList<>();
        for (GeneratedFile f : files) {
            Path target = resolveInside(realRoot, f.path());
            String newHash = sha256(f.content());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    conflicts.add(f.path() + " (not a regular file)");
                    continue;
                }
                String current = sha256(Files.readString(target, StandardCharsets.UTF_8));
                if (current.equals(newHash)) {
                    unchanged.add(f.path());
                    continue;
                }
                if (!force && !current.equals(manifest.get(f.path()))) {
                    conflicts.add(f.path());
                    continue;
                }
            }
            toWrite.add(f);
        }
        if (!conflicts.isEmpty()) {
            throw new EditedFilesException(conflicts);
        }
        List<String> written = new ArrayList<>();
        for (GeneratedFile f : toWrite) {
            Path target = resolveInside(realRoot, f.path());
            Files.createDirectories(target.getParent());
            // Parents were just created: check again that none of them leads outside through a link.
            resolveInside(realRoot, f.path());
            Path tmp = Files.createTempFile(target.getParent(), ".oxidizer-", ".tmp");
            try {
                Files.writeString(tmp, f.content(), StandardCharsets.UTF_8);
                if (f.executable()) {
                    Files.setPosixFilePermissions(tmp, Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                }
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            written.add(f.path());
        }
        for (GeneratedFile f : files) {
            manifest.put(f.path(), sha256(f.content()));
        }
        writeManifest(realRoot, manifest);
        return new GenerationResult(root, written, unchanged);
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path resolveInside(Path realRoot, String relative) throws IOException {
        Path target = realRoot.resolve(relative).normalize();
        if (!target.startsWith(realRoot)) {
            throw new IOException("refusing to write " + relative + ": it resolves outside " + root);
        }
        // Follow links of the deepest existing ancestor (and of the file itself if it is a link).
        Path probe = target;
        while (probe != null && !Files.exists(probe, LinkOption.NOFOLLOW_LINKS)) {
            probe = probe.getParent();
        }
        if (probe != null && !probe.toRealPath().startsWith(realRoot)) {
            throw new IOException("refusing to write " + relative + ": " + probe + " links outside " + root);
        }
        return target;
    }

    private Map<String, String> readManifest() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path m = root.resolve(MANIFEST);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int sep = line.indexOf("  ");
            if (sep == 64) {
                out.put(line.substring(sep + 2), line.substring(0, sep));
            }
        }
        return out;
    }

    private void writeManifest(Path realRoot, Map<String, String> manifest) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(manifest).forEach((path, hash) -> sb.append(hash).append("  ").append(path).append('\n'));
        Path target = resolveInside(realRoot, MANIFEST);
        Path tmp = Files.createTempFile(realRoot, ".oxidizer-", ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(String content) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

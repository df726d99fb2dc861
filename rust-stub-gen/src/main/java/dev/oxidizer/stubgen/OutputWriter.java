package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one step that writes: puts {@link GeneratedFiles} into an output folder.
 *
 * <p>Guarantees:
 * <ol>
 *   <li>Nothing is written outside the folder: every target is resolved, normalised and checked to stay inside it,
 *       and a target that is (or sits under) a symbolic link pointing outside is refused.</li>
 *   <li>A file the user edited is not overwritten without {@code force}: the folder's {@value #MANIFEST} records the
 *       SHA-256 of every file last written; an existing file whose content differs both from that record and from
 *       the new content is a conflict. All conflicts are collected and reported together before anything is written.</li>
 *   <li>{@code src/lib.rs}, the user's Rust body ({@link #USER_OWNED}), once edited is kept: never overwritten, not even
 *       with {@code force}, and reported as {@link Action#KEPT}; everything else is regenerated. (Delete it to get the
 *       generated stub again.)</li>
 *   <li>Nothing half-written is left: every file is first written into a temporary folder beside the output folder
 *       (same file system). A new output folder is then renamed into place in one step; an existing one gets each
 *       file by an atomic rename, the manifest last. A failure while writing (a file name too long, a full disk)
 *       leaves the output folder as it was and removes the temporary folder.</li>
 * </ol>
 *
 * <p>Manifest format, version 1: first line {@code # oxidizer-generated 1}, then one line per file:
 * {@code <sha256 hex> <relative path>}, sorted by path.
 */
public final class OutputWriter {
    /** Manifest file name, in the output folder. */
    public static final String MANIFEST = ".oxidizer-manifest";
    private static final String HEADER = "# oxidizer-generated 1";

    private OutputWriter() {}

    /** What was done to each file. */
    public enum Action { CREATED, UPDATED, UNCHANGED, OVERWRITTEN, KEPT }

    /** Files that hold the user's own work once edited: kept as they are, never overwritten. */
    public static final java.util.Set<String> USER_OWNED = java.util.Set.of("src/lib.rs");

    /**
     * Writes {@code generated} into {@code folder} (created if absent).
     *
     * @return the action per relative path
     * @throws GeneratorException REFUSED for conflicts or paths escaping the folder (nothing written)
     */
    public static Map<String, Action> write(GeneratedFiles generated, Path folder, boolean force) throws GeneratorException, IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root)) {
            throw new GeneratorException(GeneratorException.Kind.REFUSED, "output " + root + " exists and is not a folder; expected a folder (new or generated before)");
        }
        Path realRoot = Files.exists(root) ? root.toRealPath() : null;
        Map<String, String> manifest = readManifest(root);
        List<String> conflicts = new ArrayList<>();
        Map<String, Action> actions = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : generated.files().entrySet()) {
            Path target = root.resolve(e.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new GeneratorException(GeneratorException.Kind.REFUSED, "refusing to write " + e.getKey() + ": it resolves outside " + root);
            }
            if (realRoot != null) {
                Path existing = target;
                while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                    existing = existing.getParent();
                }
                if (existing != null && !existing.toRealPath().startsWith(realRoot)) {
                    throw new GeneratorException(GeneratorException.Kind.REFUSED, "refusing to write " + e.getKey()
                            + ": " + existing + " is a link to outside the output folder " + root);
                }
            }
            if (!Files.exists(target)) {
                actions.put(e.getKey(), Action.CREATED);
                continue;
            }
            String current = Names.sha256(Files.readAllBytes(target));
            String next = Names.sha256(e.getValue().getBytes(StandardCharsets.UTF_8));
            if (current.equals(next)) {
                actions.put(e.getKey(), Action.UNCHANGED);
            } else if (current.equals(manifest.get(e.getKey()))) {
                actions.put(e.getKey(), Action.UPDATED);
            } else if (USER_OWNED.contains(e.getKey())) {
                actions.put(e.getKey(), Action.KEPT);
            } else if (force) {
                actions.put(e.getKey(), Action.OVERWRITTEN);
            } else {
                conflicts.add(e.getKey() + (manifest.containsKey(e.getKey()) ? " was edited since it was generated"
                        : " exists and was not generated by oxidizer"));
            }
        }
        if (!conflicts.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (String c : conflicts) {
                lines.add("refusing to overwrite " + root.resolve(c.substring(0, c.indexOf(' '))) + ": " + c.substring(c.indexOf(' ') + 1)
                        + "; pass --force to overwrite it, or choose another output folder");
            }
            lines.add("nothing was written");
            throw new GeneratorException(GeneratorException.Kind.REFUSED, lines);
        }
        Map<String, String> newManifest = new TreeMap<>(manifest);
        Map<String, byte[]> toWrite = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : generated.files().entrySet()) {
            Action action = actions.get(e.getKey());
            if (action == Action.KEPT) {
                continue; // its manifest entry keeps the hash last generated, so it stays "edited"
            }
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            newManifest.put(e.getKey(), Names.sha256(bytes));
            if (action != Action.UNCHANGED) {
                toWrite.put(e.getKey(), bytes);
            }
        }
        StringBuilder m = new StringBuilder(HEADER).append('\n');
        newManifest.forEach((path, hash) -> m.append(hash).append(' ').append(path).append('\n'));
        toWrite.put(MANIFEST, m.toString().getBytes(StandardCharsets.UTF_8));
        commit(root, toWrite);
        return actions;
    }

    /** Writes {@code files} into a temporary folder beside {@code root}, then moves them into place (see the class comment). */
    private static void commit(Path root, Map<String, byte[]> files) throws IOException {
        Path parent = root.getParent();
        Files.createDirectories(parent);
        Path stage = Files.createTempDirectory(parent, ".oxidizer-generate-");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = stage.resolve(f.getKey()).normalize();
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            boolean posix = stage.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                if (posix) {
                    Files.setPosixFilePermissions(stage, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                move(stage, root);
                return;
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path from = stage.resolve(f.getKey()).normalize();
                Path to = root.resolve(f.getKey()).normalize();
                Files.createDirectories(to.getParent());
                if (posix && Files.exists(to)) {
                    Files.setPosixFilePermissions(from, Files.getPosixFilePermissions(to));
                }
                move(from, to);
            }
        } finally {
            deleteTree(stage);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The manifest of {@code root}: SHA-256 by relative path; empty when absent. */
    static Map<String, String> readManifest(Path root) throws IOException, GeneratorException {
        Path file = root.resolve(MANIFEST);
        Map<String, String> m = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return m;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new GeneratorException(GeneratorException.Kind.REFUSED, file + " is not an oxidizer manifest (first line must be '"
                    + HEADER + "'); delete it to regenerate from scratch");
        }
        for (String l : lines.subList(1, lines.size())) {
            int sp = l.indexOf(' ');
            if (sp == 64) {
                m.put(l.substring(sp + 1), l.substring(0, sp));
            }
        }
        return m;
    }
}

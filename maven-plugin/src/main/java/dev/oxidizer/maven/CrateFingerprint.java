package dev.oxidizer.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a cargo command's result depends on, as sorted {@code key value} lines: the SHA-256 of every file of the
 * crate (sources, {@code Cargo.toml}, {@code Cargo.lock}, {@code build.rs}, {@code .cargo/config.toml}, ...; not the
 * cargo target folder, VCS folders or the Maven module inside the crate), the command line, {@code cargo -vV} (the
 * toolchain and host) and the environment variables that start with {@code CARGO_} or {@code RUST}.
 *
 * <p>Stored as a text file, version 1: first line {@code # oxidizer-fingerprint 1}, then {@code <key> <value>} lines
 * sorted by key; file keys are {@code file:<path relative to the crate, '/'-separated>}. Equal fingerprints mean
 * cargo would have nothing to do, so the plugin skips it; a difference is reported by key.
 *
 * @param entries value by key, sorted
 */
record CrateFingerprint(Map<String, String> entries) {
    static final String HEADER = "# oxidizer-fingerprint 1";

    /**
     * Fingerprints {@code crate}.
     *
     * @param excluded folders never read (absolute): the cargo target folder, the Maven module's build folder
     * @param command  the cargo command line
     * @param toolchain output of {@code cargo -vV}
     * @param env       the environment cargo runs with
     */
    static CrateFingerprint of(Path crate, Set<Path> excluded, List<String> command, String toolchain, Map<String, String> env)
            throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Path root = crate.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path d = dir.toAbsolutePath().normalize();
                String name = d.getFileName() == null ? "" : d.getFileName().toString();
                boolean skip = !d.equals(root) && (excluded.contains(d) || name.equals(".git") || name.equals(".hg")
                        || name.equals(".svn") || d.equals(root.resolve("target")));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    entries.put("file:" + rel, sha256(Files.readAllBytes(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.put("command", sha256(String.join("\u0000", command).getBytes(StandardCharsets.UTF_8)));
        entries.put("toolchain", sha256(toolchain.getBytes(StandardCharsets.UTF_8)));
        env.forEach((k, v) -> {
            if (k.startsWith("CARGO_") || k.startsWith("RUST")) {
                entries.put("env:" + k, sha256(v.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return new CrateFingerprint(entries);
    }

    /** The stored fingerprint, or null when there is none or it is not version 1. */
    static CrateFingerprint read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            return null;
        }
        Map<String, String> entries = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int sp = line.lastIndexOf(' ');
            if (sp > 0) {
                entries.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        return new CrateFingerprint(entries);
    }

    /** Writes it (temporary file, then rename). */
    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        entries.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temp, sb, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A short id: the first 12 hex of the SHA-256 of all entries. */
    String id() {
        StringBuilder sb = new StringBuilder();
        entries.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /** Number of files fingerprinted. */
    long files() {
        return entries.keySet().stream().filter(k -> k.startsWith("file:")).count();
    }

    /** What differs from {@code before}, e.g. {@code changed src/lib.rs}, at most {@code max} items. */
    List<String> changesSince(CrateFingerprint before, int max) {
        List<String> changes = new ArrayList<>();
        Map<String, String> old = before == null ? Map.of() : before.entries;
        Map<String, String> all = new LinkedHashMap<>();
        Stream.concat(old.keySet().stream(), entries.keySet().stream()).sorted().distinct().forEach(k -> all.put(k, ""));
        for (String k : all.keySet()) {
            String was = old.get(k);
            String now = entries.get(k);
            String name = k.startsWith("file:") ? k.substring(5) : k;
            if (was == null) {
                changes.add("added " + name);
            } else if (now == null) {
                changes.add("removed " + name);
            } else if (!was.equals(now)) {
                changes.add("changed " + name);
            }
        }
        if (changes.size() > max) {
            int more = changes.size() - max;
            changes = new ArrayList<>(changes.subList(0, max));
            changes.add("and " + more + " more");
        }
        return changes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

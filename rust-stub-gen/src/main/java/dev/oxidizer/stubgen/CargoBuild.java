package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a generated crate with {@code cargo build --release --offline} and places the library where the generated
 * wrapper finds it: {@code java/src/main/resources/native/<crate>/<os>-<arch>/<library>} plus {@code <library>.sha256}
 * (so a Maven build of the Java sources bundles it into the jar).
 *
 * <p>A crate without a library (no {@code cdylib} crate type) but with {@code [[bin]]} targets, such as the
 * {@code embed-jvm} pattern's, is a program: it is built the same way and nothing is placed; the result names the
 * executable.
 *
 * <p>cargo's output is kept; on failure the exception carries its last lines. The process gets a hard timeout.
 */
public final class CargoBuild {
    private static final Pattern NAME = Pattern.compile("(?m)^\\s*name\\s*=\\s*\"([A-Za-z0-9_-]+)\"");

    private final String cargo;
    private final Path targetDir;
    private final long timeoutSeconds;

    /**
     * @param cargo          the cargo executable ({@code cargo} to search the PATH)
     * @param targetDir      CARGO_TARGET_DIR for the build, or null for the crate's own {@code target}
     * @param timeoutSeconds hard limit for the build
     */
    public CargoBuild(String cargo, Path targetDir, long timeoutSeconds) {
        this.cargo = cargo;
        this.targetDir = targetDir;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * What a build produced.
     *
     * @param built  the library in cargo's target folder
     * @param placed the copy under {@code java/src/main/resources}
     * @param sha256 its hash
     * @param output cargo's output
     */
    public record Result(Path built, Path placed, String sha256, String output) {
        /** Whether the crate is a program (no library): {@link #built} is the executable, nothing was placed. */
        public boolean isProgram() {
            return placed == null;
        }
    }

    /** Builds {@code crateDir} and places its library. */
    public Result build(Path crateDir) throws GeneratorException, IOException {
        Path dir = crateDir.toAbsolutePath().normalize();
        Path toml = dir.resolve("Cargo.toml");
        if (!Files.isRegularFile(toml)) {
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, dir + " has no Cargo.toml; expected a folder written by 'oxidizer generate'");
        }
        String manifest = Files.readString(toml);
        String crate = crateName(manifest, toml);
        String program = manifest.contains("cdylib") ? null : programName(manifest);
        List<String> cmd = List.of(cargo, "build", "--release", "--offline");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        if (targetDir != null) {
            pb.environment().put("CARGO_TARGET_DIR", targetDir.toAbsolutePath().toString());
        }
        Path log = Files.createTempFile("oxidizer-cargo-", ".log");
        pb.redirectOutput(log.toFile());
        String output;
        try {
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new GeneratorException(GeneratorException.Kind.TOOL_FAILED, "cannot run '" + cargo + "': " + e.getMessage()
                        + "; install Rust (cargo 1.70 or newer, e.g. from https://rustup.rs) or pass --cargo /path/to/cargo");
            }
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new GeneratorException(GeneratorException.Kind.TOOL_FAILED, "interrupted while cargo was building " + dir);
            }
            if (!done) {
                p.destroyForcibly();
            }
            output = Files.readString(log, StandardCharsets.UTF_8);
            if (!done) {
                throw new GeneratorException(GeneratorException.Kind.TOOL_FAILED, "'" + String.join(" ", cmd) + "' in " + dir
                        + " did not finish within " + timeoutSeconds + " s; its output:\n" + tail(output));
            }
            if (p.exitValue() != 0) {
                throw new GeneratorException(GeneratorException.Kind.TOOL_FAILED, "'" + String.join(" ", cmd) + "' failed in " + dir
                        + " (exit " + p.exitValue() + "); its output:\n" + tail(output));
            }
        } finally {
            Files.deleteIfExists(log);
        }
        Path release = (targetDir != null ? targetDir.toAbsolutePath() : dir.resolve("target")).resolve("release");
        if (program != null) {
            Path exe = release.resolve(program);
            if (!Files.isRegularFile(exe)) {
                throw new GeneratorException(GeneratorException.Kind.TOOL_FAILED, "cargo succeeded but the program " + exe + " is missing");
            }
            return new Result(exe, null, Names.sha256(Files.readAllBytes(exe)), output);
        }
        String file = System.mapLibraryName(crate.replace('-', '_'));
        Path built = release.resolve(file);
        if (!Files.isRegularFile(built)) {
            throw new GeneratorException(GeneratorException.Kind.TOOL_FAILED, "cargo succeeded but " + built
                    + " is missing; is crate-type still [\"cdylib\", \"rlib\"] in " + toml + "?");
        }
        Path folder = dir.resolve("java/src/main/resources/native").resolve(crate.replace('-', '_')).resolve(Platform.current());
        Files.createDirectories(folder);
        Path placed = folder.resolve(file);
        Files.copy(built, placed, StandardCopyOption.REPLACE_EXISTING);
        String sha = Names.sha256(Files.readAllBytes(placed));
        Files.writeString(folder.resolve(file + ".sha256"), sha + "  " + file + "\n", StandardCharsets.US_ASCII);
        return new Result(built, placed, sha, output);
    }

    /** The first {@code [[bin]]} target's name, or null when the crate has none. */
    static String programName(String toml) {
        int bin = toml.indexOf("[[bin]]");
        if (bin < 0) {
            return null;
        }
        Matcher m = NAME.matcher(toml.substring(bin));
        return m.find() ? m.group(1) : null;
    }

    static String crateName(String toml, Path file) throws GeneratorException {
        Matcher m = NAME.matcher(toml);
        if (!m.find()) {
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, file + " has no package name; expected name = \"...\" under [package]");
        }
        return m.group(1);
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        int from = Math.max(0, lines.length - 40);
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }
}

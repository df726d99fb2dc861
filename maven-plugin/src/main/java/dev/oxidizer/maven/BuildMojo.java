package dev.oxidizer.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cargo build --release --offline --locked} in the crate, then the library and its SHA-256 as class path
 * resources {@code native/<lib>/<os>-<arch>/<file>} and {@code <file>.sha256}, where the generated wrapper loads them
 * from: in {@code target/classes} (so in the main jar) and in {@code target/oxidizer/native-<os>-<arch>/} (for the
 * {@code platform-jar} goal). Skips cargo when the crate's fingerprint is unchanged since the last build; copies
 * only bytes that changed.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class BuildMojo extends AbstractCargoMojo {
    /** A Rust target triple to cross-compile for ({@code cargo build --target}); default: the build machine's platform. */
    @Parameter(property = "oxidizer.target")
    private String target;

    /** More arguments for {@code cargo build}, e.g. {@code --features}, {@code simd}. */
    @Parameter
    private List<String> cargoArgs = new ArrayList<>();

    /** Also put the library into the main jar (else only into the {@code platform-jar} classifier jars). */
    @Parameter(property = "oxidizer.includeInMainJar", defaultValue = "true")
    private boolean includeInMainJar;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("oxidizer: skipped (oxidizer.skip)");
            return;
        }
        CargoManifest manifest = CargoManifest.read(crate.toPath());
        String platform;
        try {
            platform = target == null || target.isBlank() ? NativePlatform.current() : NativePlatform.ofTriple(target);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage() + " (<target>)");
        }
        String file = target == null || target.isBlank() ? System.mapLibraryName(manifest.libName())
                : NativePlatform.libraryFile(platform, manifest.libName());
        Path built = targetDir(manifest).resolve(target == null || target.isBlank() ? "release" : target + "/release").resolve(file);
        List<String> args = new ArrayList<>(List.of("build", "--release", "--offline", "--locked"));
        if (target != null && !target.isBlank()) {
            args.addAll(List.of("--target", target));
        }
        args.addAll(cargoArgs);
        Cargo cargo = cargo(manifest);
        try {
            ensureLockfile(manifest, cargo);
            runIfChanged(manifest, cargo, "build", List.of(args), () -> Files.isRegularFile(built));
        } catch (Cargo.MissingException e) {
            cargoMissing(e, "build");
            return;
        }
        if (!Files.isRegularFile(built)) {
            throw new MojoExecutionException("cargo succeeded but " + built + " is missing; is crate-type [\"cdylib\"] (or"
                    + " [\"cdylib\", \"rlib\"]) set under [lib] in " + manifest.dir().resolve("Cargo.toml") + "?");
        }
        try {
            byte[] bytes = Files.readAllBytes(built);
            String sha = CrateFingerprint.sha256(bytes);
            String relative = "native/" + manifest.libName() + "/" + platform + "/";
            List<Path> roots = new ArrayList<>();
            roots.add(workDir().resolve("native-" + platform));
            if (includeInMainJar) {
                roots.add(Path.of(project.getBuild().getOutputDirectory()));
            }
            boolean copied = false;
            for (Path root : roots) {
                copied |= place(root.resolve(relative + file), bytes);
                copied |= place(root.resolve(relative + file + ".sha256"), (sha + "  " + file + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            getLog().info("oxidizer: " + (copied ? "bundled " : "unchanged ") + relative + file + " (" + bytes.length
                    + " bytes, sha256 " + sha + ")" + (includeInMainJar ? "" : " for the platform jar only"));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot copy " + built + " into the build: " + e.getMessage(), e);
        }
    }

    /** Writes {@code bytes} to {@code file} unless it already holds them; true when written. */
    private static boolean place(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}

package dev.oxidizer.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What every goal shares: where the crate and cargo are, what happens when cargo is missing, and the up-to-date check
 * ({@link CrateFingerprint}): a goal whose last successful run saw the same fingerprint does not run cargo again.
 */
abstract class AbstractCargoMojo extends AbstractMojo {
    /** The Rust crate's folder (holding Cargo.toml). A module written by {@code oxidizer generate} sets {@code ${project.basedir}/..}. */
    @Parameter(property = "oxidizer.crate", defaultValue = "${project.basedir}", required = true)
    protected File crate;

    /** The cargo executable: a name looked up on the PATH, or a path. */
    @Parameter(property = "oxidizer.cargo", defaultValue = "cargo", required = true)
    protected String cargo;

    /** cargo's target folder (CARGO_TARGET_DIR); default: the environment's CARGO_TARGET_DIR, else {@code <crate>/target}. */
    @Parameter(property = "oxidizer.cargoTargetDir")
    protected File cargoTargetDir;

    /**
     * When cargo cannot be run: {@code false} (default) fails the build with what to install; {@code true} logs a
     * warning and skips the goal (the jar then holds no library for this platform unless one was built before).
     */
    @Parameter(property = "oxidizer.skipIfCargoMissing", defaultValue = "false")
    protected boolean skipIfCargoMissing;

    /** Skips every goal of this plugin. */
    @Parameter(property = "oxidizer.skip", defaultValue = "false")
    protected boolean skip;

    /** Hard limit for each cargo command, in seconds. */
    @Parameter(property = "oxidizer.timeoutSeconds", defaultValue = "1800")
    protected long timeoutSeconds;

    /** Run cargo even when the crate's fingerprint says nothing changed. */
    @Parameter(property = "oxidizer.force", defaultValue = "false")
    protected boolean force;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Makes sure the crate has a Cargo.lock, which {@code --locked} requires: a std-only crate gets one offline. */
    protected void ensureLockfile(CargoManifest manifest, Cargo cargo) throws MojoExecutionException, Cargo.MissingException {
        if (!java.nio.file.Files.isRegularFile(manifest.dir().resolve("Cargo.lock"))) {
            getLog().info("oxidizer: " + manifest.dir() + " has no Cargo.lock, which --locked needs; generating it offline"
                    + " (commit it: it pins the crate's dependencies)");
            cargo.run(List.of("generate-lockfile", "--offline"));
        }
    }

    /** The folder cargo builds into. */
    protected Path targetDir(CargoManifest manifest) {
        if (cargoTargetDir != null) {
            return cargoTargetDir.toPath().toAbsolutePath().normalize();
        }
        String env = System.getenv("CARGO_TARGET_DIR");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath().normalize() : manifest.dir().resolve("target");
    }

    protected Cargo cargo(CargoManifest manifest) {
        Map<String, String> env = new HashMap<>();
        env.put("CARGO_TARGET_DIR", targetDir(manifest).toString());
        return new Cargo(cargo, manifest.dir(), env, timeoutSeconds, getLog());
    }

    /** The plugin's own folder in the module's build folder. */
    protected Path workDir() {
        return Path.of(project.getBuild().getDirectory(), "oxidizer");
    }

    /**
     * Runs {@code commands} unless the last successful run of {@code goal} saw the same fingerprint and
     * {@code outputsIntact} (may be null) says its outputs are still there.
     *
     * @return true when cargo ran, false when it was up to date
     */
    protected boolean runIfChanged(CargoManifest manifest, Cargo cargo, String goal, List<List<String>> commands, BooleanSupplier outputsIntact)
            throws MojoExecutionException, Cargo.MissingException {
        String toolchain = cargo.version();
        Path stamp = workDir().resolve(manifest.libName() + "-" + goal + ".fingerprint");
        CrateFingerprint now;
        CrateFingerprint before;
        try {
            Set<Path> excluded = new LinkedHashSet<>();
            excluded.add(targetDir(manifest));
            excluded.add(Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize());
            Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
            if (!module.equals(manifest.dir())) {
                // the Maven module inside the crate (java/ of a generated port): its Java sources do not change the library
                excluded.add(module);
            } else {
                // pom.xml beside Cargo.toml: leave out the Java source folders
                for (String root : project.getCompileSourceRoots()) {
                    excluded.add(Path.of(root).toAbsolutePath().normalize());
                }
                for (String root : project.getTestCompileSourceRoots()) {
                    excluded.add(Path.of(root).toAbsolutePath().normalize());
                }
            }
            now = CrateFingerprint.of(manifest.dir(), excluded, commands.stream().flatMap(List::stream).toList(), toolchain, System.getenv());
            before = CrateFingerprint.read(stamp);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot fingerprint the crate " + manifest.dir() + ": " + e.getMessage(), e);
        }
        if (!force && now.equals(before) && (outputsIntact == null || outputsIntact.getAsBoolean())) {
            getLog().info("oxidizer: " + goal + " of crate " + manifest.pkg() + " is up to date (fingerprint " + now.id() + " of "
                    + now.files() + " files, the command and the toolchain unchanged since its last success); cargo not run");
            return false;
        }
        getLog().info("oxidizer: " + goal + " of crate " + manifest.pkg() + ": " + (before == null ? "no earlier run recorded"
                : force ? "forced (-Doxidizer.force)" : String.join(", ", now.changesSince(before, 5))));
        try {
            // a run that fails or is interrupted leaves no record, so the next build runs again
            java.nio.file.Files.deleteIfExists(stamp);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot remove " + stamp + ": " + e.getMessage(), e);
        }
        for (List<String> args : commands) {
            cargo.run(args);
        }
        try {
            now.write(stamp);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + stamp + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** The failure or warning for a cargo that cannot be run; returns normally when configured to skip. */
    protected void cargoMissing(Cargo.MissingException e, String goal) throws MojoExecutionException {
        String what = "oxidizer: " + e.getMessage() + "; the " + goal + " goal needs Rust's cargo (1.70 or newer, e.g. from"
                + " https://rustup.rs) on the PATH, or -Doxidizer.cargo=/path/to/cargo";
        if (!skipIfCargoMissing) {
            throw new MojoExecutionException(what + "; or set <skipIfCargoMissing>true</skipIfCargoMissing>"
                    + " (-Doxidizer.skipIfCargoMissing) to build without the native library");
        }
        getLog().warn(what + "; skipped (skipIfCargoMissing)");
    }
}

package dev.oxidizer.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Optional checks, in {@code verify} when an execution names this goal: {@code cargo fmt --check} and
 * {@code cargo clippy --offline --locked --all-targets -- -D warnings}. Either failing fails the build with cargo's
 * output. Needs the {@code rustfmt} and {@code clippy} components ({@code rustup component add rustfmt clippy}).
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractCargoMojo {
    /** Run {@code cargo fmt --check}. */
    @Parameter(property = "oxidizer.lint.fmt", defaultValue = "true")
    private boolean fmt;

    /** Run {@code cargo clippy}. */
    @Parameter(property = "oxidizer.lint.clippy", defaultValue = "true")
    private boolean clippy;

    /** Lints clippy denies (after {@code --}); default {@code -D warnings}. */
    @Parameter
    private List<String> clippyArgs = new ArrayList<>(List.of("-D", "warnings"));

    /** Skips only this goal. */
    @Parameter(property = "oxidizer.lint.skip", defaultValue = "false")
    private boolean skipLint;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || skipLint) {
            getLog().info("oxidizer: lint skipped");
            return;
        }
        CargoManifest manifest = CargoManifest.read(crate.toPath());
        List<List<String>> commands = new ArrayList<>();
        if (fmt) {
            commands.add(List.of("fmt", "--check"));
        }
        if (clippy) {
            List<String> c = new ArrayList<>(List.of("clippy", "--offline", "--locked", "--all-targets", "--"));
            c.addAll(clippyArgs);
            commands.add(c);
        }
        if (commands.isEmpty()) {
            return;
        }
        Cargo cargo = cargo(manifest);
        try {
            ensureLockfile(manifest, cargo);
            runIfChanged(manifest, cargo, "lint", commands, null);
        } catch (Cargo.MissingException e) {
            cargoMissing(e, "lint");
        }
    }
}

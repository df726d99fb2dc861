package dev.oxidizer.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cargo test --offline --locked} in the crate (the Rust unit tests, including the generated shim's), in the
 * {@code test} phase beside the JUnit tests. Skipped with {@code -DskipTests}, {@code -Dmaven.test.skip} or
 * {@code -Doxidizer.test.skip}, and when the crate is unchanged since the last passing run.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractCargoMojo {
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    /** Skips only the Rust tests. */
    @Parameter(property = "oxidizer.test.skip", defaultValue = "false")
    private boolean skipRustTests;

    /** More arguments for {@code cargo test}, e.g. {@code --release}. */
    @Parameter
    private List<String> testArgs = new ArrayList<>();

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || skipTests || mavenTestSkip || skipRustTests) {
            getLog().info("oxidizer: Rust tests skipped");
            return;
        }
        CargoManifest manifest = CargoManifest.read(crate.toPath());
        List<String> args = new ArrayList<>(List.of("test", "--offline", "--locked"));
        args.addAll(testArgs);
        Cargo cargo = cargo(manifest);
        try {
            ensureLockfile(manifest, cargo);
            runIfChanged(manifest, cargo, "test", List.of(args), null);
        } catch (Cargo.MissingException e) {
            cargoMissing(e, "test");
        }
    }
}

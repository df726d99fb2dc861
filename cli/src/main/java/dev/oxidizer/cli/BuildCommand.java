package dev.oxidizer.cli;

import dev.oxidizer.stubgen.CargoBuild;
import dev.oxidizer.stubgen.GeneratorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code oxidizer build DIR}: runs {@code cargo build --release --offline} in a folder written by
 * {@code oxidizer generate} and copies the library, with its SHA-256, to
 * {@code DIR/java/src/main/resources/native/<crate>/<os>-<arch>/} where the generated wrapper finds it (and where a
 * Maven build bundles it into the jar); a crate that is a program (the embed-jvm pattern) is only built. Exit codes: 0 built; 2 bad option; 4 not a generated crate; 5 cargo missing,
 * failed or timed out (its last output lines are printed).
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a generated crate with cargo and place the library where the wrapper finds it.",
                "Runs 'cargo build --release --offline' in DIR; honours CARGO_TARGET_DIR."})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder written by 'oxidizer generate'")
    Path dir;

    @Option(names = "--cargo", paramLabel = "PATH", defaultValue = "cargo", description = "cargo executable (default: cargo on the PATH)")
    String cargo;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900", description = "give up after this long (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw new CliException(ExitCodes.USAGE, "--timeout must be at least 1 second, was " + timeoutSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        String targetEnv = System.getenv("CARGO_TARGET_DIR");
        try {
            CargoBuild.Result r = new CargoBuild(cargo, targetEnv == null ? null : Path.of(targetEnv), timeoutSeconds).build(dir);
            if (r.isProgram()) {
                out.println("Built the program " + r.built() + " (sha256 " + r.sha256() + "); nothing to place: run it, e.g. "
                        + r.built().getFileName() + " --help");
                out.flush();
                return ExitCodes.OK;
            }
            out.println("Built " + r.built());
            out.println("Placed " + r.placed() + " (sha256 " + r.sha256() + ")");
            // placed is java/src/main/resources/native/<crate>/<os>-<arch>/<library>
            String crate = r.placed().getParent().getParent().getFileName().toString();
            out.println("The generated wrapper loads it from the class path resource, or pass -Doxidizer." + crate + ".library=" + r.built());
            out.flush();
            return ExitCodes.OK;
        } catch (GeneratorException e) {
            int code = e.kind() == GeneratorException.Kind.BAD_INPUT ? ExitCodes.BAD_INPUT : ExitCodes.TOOL_FAILED;
            throw new CliException(code, e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCodes.TOOL_FAILED, "cannot place the library: " + e.getMessage());
        }
    }
}

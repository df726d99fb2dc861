package dev.oxidizer.cli;

import dev.oxidizer.vocabulary.Names;
import dev.oxidizer.stubgen.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.oxidizer.cli.OxidizerCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code oxidizer build} with the real cargo: places the library beside its hash; names what failed. */
class BuildCommandIT {
    @TempDir
    Path dir;

    @Test
    void buildsTheGeneratedCrateAndPlacesTheLibraryWhereTheWrapperLooks() throws Exception {
        Path classes = GeneratorFixture.compile(dir);
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, run("generate", "-cp", classes.toString(), "--method", "acme.math.Stats#mean", "-o", out.toString()).code());
        OxidizerCliTest.Run r = run("build", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Path lib = out.resolve("java/src/main/resources/native/stats_mean").resolve(Platform.current()).resolve(System.mapLibraryName("stats_mean"));
        assertTrue(Files.isRegularFile(lib), r.out());
        assertTrue(Files.readString(lib.resolveSibling(lib.getFileName() + ".sha256")).startsWith(
                Names.sha256(Files.readAllBytes(lib))), "hash file matches the library");

        Files.writeString(out.resolve("src/lib.rs"), Files.readString(out.resolve("src/lib.rs")).replace("Err(PortError", "Err(NoSuchThing"));
        OxidizerCliTest.Run broken = run("build", out.toString());
        assertEquals(ExitCodes.TOOL_FAILED, broken.code());
        assertTrue(broken.err().startsWith("oxidizer build: 'cargo build --release --offline' failed in " + out.toAbsolutePath()), broken.err());
        assertTrue(broken.err().contains("NoSuchThing"), "cargo's own error is shown:\n" + broken.err());
    }

    @Test
    void buildsEveryPatternsOutputAndNamesTheProgramOfEmbedJvm() throws Exception {
        Path sidecar = dir.resolve("sidecar");
        assertEquals(ExitCodes.OK, run("generate", "--pattern", "sidecar", "-o", sidecar.toString(), "-P", "package=com.acme",
                "-P", "class=Pricer", "-P", "input=double[]", "-P", "result=double").code());
        OxidizerCliTest.Run lib = run("build", sidecar.toString());
        assertEquals(ExitCodes.OK, lib.code(), lib.err());
        assertTrue(Files.isRegularFile(sidecar.resolve("java/src/main/resources/native/pricer").resolve(Platform.current())
                .resolve(System.mapLibraryName("pricer"))), lib.out());
        // the property the printed hint names is the one the generated Java reads
        assertTrue(lib.out().contains("-Doxidizer.pricer.library=")
                && Files.readString(sidecar.resolve("java/com/acme/Pricer.java")).contains("\"oxidizer.\" + crate + \".library\""), lib.out());

        Path embed = dir.resolve("embed");
        assertEquals(ExitCodes.OK, run("generate", "--pattern", "embed-jvm", "-o", embed.toString(), "-P", "main-class=com.acme.Main").code());
        OxidizerCliTest.Run program = run("build", embed.toString());
        assertEquals(ExitCodes.OK, program.code(), program.err());
        assertTrue(program.out().startsWith("Built the program ") && program.out().contains("main_host --help"), program.out());
        assertTrue(!Files.exists(embed.resolve("java")), "nothing placed for a program");
    }

    @Test
    void saysSoWhenCargoIsMissing() throws Exception {
        Path classes = GeneratorFixture.compile(dir);
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, run("generate", "-cp", classes.toString(), "--method", "acme.math.Stats#mean", "-o", out.toString()).code());
        OxidizerCliTest.Run r = run("build", out.toString(), "--cargo", dir.resolve("no-cargo").toString());
        assertEquals(ExitCodes.TOOL_FAILED, r.code());
        assertTrue(r.err().startsWith("oxidizer build: cannot run '" + dir.resolve("no-cargo") + "'"), r.err());
        assertTrue(r.err().contains("install Rust"), r.err());
    }

    @Test
    void refusesAFolderWithoutACrate() {
        OxidizerCliTest.Run r = run("build", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("oxidizer build: " + dir.toAbsolutePath().normalize() + " has no Cargo.toml; expected a folder written by 'oxidizer generate'",
                r.err().strip());
    }
}

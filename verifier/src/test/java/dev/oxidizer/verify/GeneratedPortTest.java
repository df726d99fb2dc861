package dev.oxidizer.verify;

import dev.oxidizer.stubgen.ClassFileMethodReader;
import dev.oxidizer.stubgen.ClassPathReader;
import dev.oxidizer.stubgen.GeneratorOptions;
import dev.oxidizer.stubgen.InputProfile;
import dev.oxidizer.stubgen.OutputWriter;
import dev.oxidizer.stubgen.PortManifest;
import dev.oxidizer.stubgen.StubGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The port manifest is what verify reads: written by the generator, read back, refused with one line when wrong. */
class GeneratedPortTest {

    @Test
    void refusesAFolderWithoutAPortManifestNamingIt(@TempDir Path dir) {
        var e = assertThrows(VerifyException.class, () -> GeneratedPort.read(dir));
        assertEquals(VerifyException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("oxidizer-port.json")
                && e.getMessage().contains("oxidizer generate"), e.getMessage());
    }

    @Test
    void readsWhatTheGeneratorWroteAndSeesAnEditedBodyAsHandWritten(@TempDir Path dir) throws Exception {
        var spec = new ClassFileMethodReader(new ClassPathReader(System.getProperty("java.class.path")))
                .read("dev.oxidizer.verify.GeneratedPortTest#total([IJ)J");
        var files = StubGenerator.generate(spec, GeneratorOptions.defaults(), null,
                new InputProfile(Map.of(0, List.of(10, 20, 30)), List.of()));
        OutputWriter.write(files, dir, false);
        GeneratedPort port = GeneratedPort.read(dir);
        assertEquals("dev.oxidizer.verify.GeneratedPortTest#total([IJ)J", port.methodKey());
        assertEquals("generated_port_test_total", port.crate());
        assertEquals("dev.oxidizer.verify.GeneratedPortTestTotalRustDifferentialTest", port.testClass());
        assertEquals("dev.oxidizer.verify.GeneratedPortTestTotalRustBenchmark", port.benchmarkClass().orElseThrow());
        assertEquals("dev.oxidizer.verify.GeneratedPortTestTotalRustPairedRun", port.pairedRunClass().orElseThrow());
        assertEquals("recorded-lengths", port.manifest().inputs().source());
        assertEquals(List.of(10, 20, 30), port.manifest().inputs().lengths().getFirst().lengths());
        assertEquals("stub", port.bodyOrigin());
        Files.writeString(dir.resolve("src/lib.rs"), "// written by hand\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals("hand", port.bodyOrigin());
        // deterministic: the same method and inputs give the same manifest bytes
        assertEquals(files.files().get(PortManifest.FILE_NAME), Files.readString(dir.resolve(PortManifest.FILE_NAME)));
    }

    @Test
    void refusesANewerOrForeignManifestInOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(PortManifest.FILE_NAME), "{\"schema\":\"oxidizer-port\",\"schemaVersion\":9}");
        var newer = assertThrows(VerifyException.class, () -> GeneratedPort.read(dir));
        assertTrue(newer.getMessage().contains("version 9") && newer.getMessage().contains("1 to 1"), newer.getMessage());
        Files.writeString(dir.resolve(PortManifest.FILE_NAME), "{\"schema\":\"other\"}");
        var foreign = assertThrows(VerifyException.class, () -> GeneratedPort.read(dir));
        assertTrue(foreign.getMessage().contains("is not a port manifest"), foreign.getMessage());
        Files.writeString(dir.resolve(PortManifest.FILE_NAME), "{\"schema\":\"oxidizer-port\",\"schemaVersion\":1}");
        var missing = assertThrows(VerifyException.class, () -> GeneratedPort.read(dir));
        assertTrue(missing.getMessage().contains("lacks \"methodKey\""), missing.getMessage());
    }

    /** The method the manifest test generates a port of. */
    static long total(int[] values, long start) {
        long s = start;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}

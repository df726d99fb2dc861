package dev.oxidizer.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedPortTest {

    @Test
    void refusesAFolderWithoutAManifestNamingIt(@TempDir Path dir) {
        var e = assertThrows(VerifyException.class, () -> GeneratedPort.read(dir));
        assertEquals(VerifyException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("oxidizer generate"), e.getMessage());
    }

    @Test
    void readsCrateClassesAndMethodKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".oxidizer-manifest"), "# oxidizer-generated 1\n");
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"sums_total\"\nversion = \"0.1.0\"\n");
        Path test = dir.resolve("java/src/test/java/a/b/SumsTotalRustDifferentialTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "/** Differential test of {@code a.b.Sums#total([I)J}: the Java original. */ class X {}");
        Path bench = dir.resolve("java/src/jmh/java/a/b/SumsTotalRustBenchmark.java");
        Files.createDirectories(bench.getParent());
        Files.writeString(bench, "class Y {}");
        GeneratedPort port = GeneratedPort.read(dir);
        assertEquals("sums_total", port.crate());
        assertEquals("a.b.Sums#total([I)J", port.methodKey());
        assertEquals("a.b.SumsTotalRustDifferentialTest", port.testClass());
        assertEquals("a.b.SumsTotalRustBenchmark", port.benchmarkClass().orElseThrow());
    }

    @Test
    void portPropertiesNameTheMethodWhenPresent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".oxidizer-manifest"), "# oxidizer-generated 1\n");
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"k\"\n");
        Files.writeString(dir.resolve(".oxidizer-port.properties"), "method=p.K#f(D)D\n");
        Path test = dir.resolve("java/src/test/java/p/KDifferentialTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "class T {}");
        assertEquals("p.K#f(D)D", GeneratedPort.read(dir).methodKey());
    }
}

package dev.oxidizer.verify;

import dev.oxidizer.vocabulary.Names;
import dev.oxidizer.stubgen.OutputWriter;
import dev.oxidizer.stubgen.PortManifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder written by {@code oxidizer generate}: what verification needs to know about it, read from its port manifest
 * ({@value PortManifest#FILE_NAME}, docs/formats/port-manifest.md), never from the generated sources.
 *
 * @param dir              the folder, absolute
 * @param manifest         the port manifest
 */
public record GeneratedPort(Path dir, PortManifest manifest) {

    /** The Cargo package name. */
    public String crate() {
        return manifest.crate();
    }

    /** The ported method's key, {@code pkg.Class#name(descriptor)}. */
    public String methodKey() {
        return manifest.methodKey();
    }

    /** Binary name of the differential test. */
    public String testClass() {
        return manifest.testClass();
    }

    /** Binary name of the JMH benchmark, when its source is there. */
    public Optional<String> benchmarkClass() {
        return Optional.of(manifest.benchmarkClass()).filter(c -> Files.isRegularFile(source("jmh", c)));
    }

    /** Binary name of the interleaved run, when its source is there. */
    public Optional<String> pairedRunClass() {
        return Optional.of(manifest.pairedRunClass()).filter(c -> Files.isRegularFile(source("jmh", c)));
    }

    /**
     * Who wrote {@code src/lib.rs}: the manifest's origin while the file still has the hash the generator recorded,
     * {@code hand} once it was edited.
     */
    public String bodyOrigin() {
        String recorded = manifest.bodyOrigin() == null ? "stub" : manifest.bodyOrigin();
        try {
            Path lib = dir.resolve("src/lib.rs");
            String generated = null;
            for (String line : Files.readAllLines(dir.resolve(OutputWriter.MANIFEST), StandardCharsets.UTF_8)) {
                if (line.endsWith(" src/lib.rs")) {
                    generated = line.substring(0, line.indexOf(' '));
                }
            }
            if (generated != null && Files.isRegularFile(lib) && !generated.equals(Names.sha256(Files.readAllBytes(lib)))) {
                return "hand";
            }
        } catch (IOException e) {
            // unreadable: keep the recorded origin
        }
        return recorded;
    }

    private Path source(String set, String binaryName) {
        return dir.resolve("java/src/" + set + "/java/" + binaryName.replace('.', '/') + ".java");
    }

    /** Java sources of the port: main, test and jmh source roots that exist. */
    public List<Path> sourceRoots() {
        return Stream.of("java/src/main/java", "java/src/test/java", "java/src/jmh/java")
                .map(dir::resolve).filter(Files::isDirectory).toList();
    }

    /** Where {@code oxidizer build} places the library as a class path resource. */
    public Path resourcesRoot() {
        return dir.resolve("java/src/main/resources");
    }

    /** Resources of the test and the benchmark (captured calls), when the generator wrote any. */
    public Path testResourcesRoot() {
        return dir.resolve("java/src/test/resources");
    }

    /** Scratch folder for verification output, inside the port folder (ignored by its .gitignore). */
    public Path workDir() {
        return dir.resolve("target").resolve("oxidizer-verify");
    }

    /** Reads a generated port folder, or explains in one sentence why {@code dir} is not one. */
    public static GeneratedPort read(Path dir) throws VerifyException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, abs + " is not a folder; expected a folder written by 'oxidizer generate'");
        }
        try {
            return new GeneratedPort(abs, PortManifest.read(abs));
        } catch (IllegalArgumentException e) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, "cannot read " + abs.resolve(PortManifest.FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

}

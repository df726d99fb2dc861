package dev.oxidizer.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder written by {@code oxidizer generate}: what verification needs to know about it.
 *
 * <p>The folder is recognised by its {@code .oxidizer-manifest} (first line {@code # oxidizer-generated 1}).
 * The crate name comes from {@code Cargo.toml}; the test and benchmark classes are the single
 * {@code *DifferentialTest.java} under {@code java/src/test/java} and {@code *Benchmark.java} under
 * {@code java/src/jmh/java}. The method key comes from {@code .oxidizer-port.properties} ({@code method=})
 * when present, else from the {@code {@code pkg.Class#name(desc)}} the generator puts in the differential
 * test's class Javadoc.
 *
 * @param dir              the folder, absolute
 * @param crate            the Cargo package name
 * @param methodKey        the ported method's key, {@code pkg.Class#name(descriptor)}
 * @param testClass        binary name of the differential test
 * @param benchmarkClass   binary name of the JMH benchmark, empty when there is none
 */
public record GeneratedPort(Path dir, String crate, String methodKey, String testClass, Optional<String> benchmarkClass) {
    static final String MANIFEST = ".oxidizer-manifest";
    private static final Pattern CRATE_NAME = Pattern.compile("(?m)^\\s*name\\s*=\\s*\"([A-Za-z0-9_-]+)\"");
    private static final Pattern KEY_IN_JAVADOC = Pattern.compile("\\{@code ([\\w.$]+#[\\w$<>]+\\([^)]*\\)[^}\\s]*)}");

    /** Java sources of the port: main, test and jmh source roots that exist. */
    public List<Path> sourceRoots() {
        return Stream.of("java/src/main/java", "java/src/test/java", "java/src/jmh/java")
                .map(dir::resolve).filter(Files::isDirectory).toList();
    }

    /** Where {@code oxidizer build} places the library as a class path resource. */
    public Path resourcesRoot() {
        return dir.resolve("java/src/main/resources");
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
            Path manifest = abs.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest) || !Files.readString(manifest).startsWith("# oxidizer-generated 1")) {
                throw new VerifyException(VerifyException.Kind.BAD_INPUT, abs + " has no " + MANIFEST
                        + " of version 1; expected a folder written by 'oxidizer generate'");
            }
            Path cargo = abs.resolve("Cargo.toml");
            Matcher name = CRATE_NAME.matcher(Files.isRegularFile(cargo) ? Files.readString(cargo) : "");
            if (!name.find()) {
                throw new VerifyException(VerifyException.Kind.BAD_INPUT, cargo + " has no package name; expected the Cargo.toml 'oxidizer generate' wrote");
            }
            Path test = single(abs.resolve("java/src/test/java"), "DifferentialTest.java", true).orElseThrow();
            Optional<Path> bench = single(abs.resolve("java/src/jmh/java"), "Benchmark.java", false);
            String key = methodKey(abs, test);
            return new GeneratedPort(abs, name.group(1), key, binaryName(abs.resolve("java/src/test/java"), test),
                    bench.map(b -> binaryName(abs.resolve("java/src/jmh/java"), b)));
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, "cannot read " + abs + ": " + e.getMessage(), e);
        }
    }

    private static String methodKey(Path dir, Path test) throws IOException, VerifyException {
        Path props = dir.resolve(".oxidizer-port.properties");
        if (Files.isRegularFile(props)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(props)) {
                p.load(in);
            }
            String key = p.getProperty("method");
            if (key != null && !key.isBlank()) {
                return key.strip();
            }
        }
        Matcher m = KEY_IN_JAVADOC.matcher(Files.readString(test));
        if (!m.find()) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, test + " does not name the ported method ({@code pkg.Class#name(desc)} in its Javadoc); regenerate it with 'oxidizer generate'");
        }
        return m.group(1);
    }

    private static Optional<Path> single(Path root, String suffix, boolean required) throws IOException, VerifyException {
        List<Path> found = List.of();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
            }
        }
        if (found.size() > 1) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, "more than one *" + suffix + " under " + root + ": " + found
                    + "; a generated port has exactly one");
        }
        if (found.isEmpty() && required) {
            throw new VerifyException(VerifyException.Kind.BAD_INPUT, "no *" + suffix + " under " + root + "; regenerate the port with 'oxidizer generate'");
        }
        return found.stream().findFirst();
    }

    private static String binaryName(Path root, Path source) {
        String rel = root.relativize(source).toString().replace(java.io.File.separatorChar, '/');
        return rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
    }
}

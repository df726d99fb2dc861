package dev.oxidizer.stubgen;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds class files on a class path (folders and jars) without loading them.
 *
 * <p>Not thread-safe; opens each jar only while reading it.
 */
public final class ClassPathReader {
    private final List<Path> entries;

    /**
     * @param classPath entries separated by {@link File#pathSeparator}; folders and {@code .jar}/{@code .zip} files
     * @throws GeneratorException (BAD_INPUT) when an entry does not exist
     */
    public ClassPathReader(String classPath) throws GeneratorException {
        List<Path> list = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String s : classPath.split(File.pathSeparator)) {
            if (s.isBlank()) {
                continue;
            }
            Path p = Path.of(s);
            if (!Files.exists(p)) {
                problems.add("class path entry " + s + " does not exist; expected a folder of .class files or a jar");
            }
            list.add(p);
        }
        if (list.isEmpty()) {
            problems.add("empty class path; expected folders of .class files or jars separated by '" + File.pathSeparator + "'");
        }
        if (!problems.isEmpty()) {
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, problems);
        }
        this.entries = List.copyOf(list);
    }

    /**
     * A class file's bytes and where they were found; {@code signed}: in a signed jar, whose packages the JVM closes to
     * classes signed otherwise (an unsigned class defined in one fails with a {@code SecurityException}).
     */
    public record Found(byte[] bytes, String location, boolean signed) {}

    /**
     * Reads the class file of {@code binaryName} ({@code pkg.Outer$Inner}) from the first entry holding it.
     *
     * @return the bytes, or null when no entry holds it
     */
    public Found read(String binaryName) throws GeneratorException {
        String rel = binaryName.replace('.', '/') + ".class";
        for (Path e : entries) {
            try {
                if (Files.isDirectory(e)) {
                    Path f = e.resolve(rel);
                    if (Files.isRegularFile(f)) {
                        return new Found(Files.readAllBytes(f), f.toString(), false);
                    }
                } else if (Files.isRegularFile(e)) {
                    try (ZipFile zip = new ZipFile(e.toFile())) {
                        ZipEntry z = zip.getEntry(rel);
                        if (z != null) {
                            try (InputStream in = zip.getInputStream(z)) {
                                return new Found(in.readAllBytes(), e + "!/" + rel, isSigned(zip));
                            }
                        }
                    }
                }
            } catch (IOException ex) {
                throw new GeneratorException(GeneratorException.Kind.BAD_INPUT,
                        "cannot read class path entry " + e + ": " + ex.getMessage() + "; expected a readable folder or jar");
            }
        }
        return null;
    }

    /** Whether the jar holds a signature file ({@code META-INF/*.SF}), as a signed jar does. */
    private static boolean isSigned(ZipFile zip) {
        return zip.stream().anyMatch(z -> {
            String n = z.getName();
            return n.startsWith("META-INF/") && n.indexOf('/', 9) < 0 && n.endsWith(".SF");
        });
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}

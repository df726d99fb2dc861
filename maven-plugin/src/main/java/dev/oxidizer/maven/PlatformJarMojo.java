package dev.oxidizer.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * One jar per platform the {@code build} goal produced, attached with the platform as classifier
 * ({@code <artifact>-<version>-linux-x86_64.jar}), holding only {@code native/<lib>/<platform>/}: a service built for
 * several platforms depends on the main jar plus the classifier jar of each platform it runs on (build each on its
 * platform, or cross-compile with {@code <target>}). Entries are sorted and dated {@code project.build.outputTimestamp}
 * when set, so the jar is reproducible.
 */
@Mojo(name = "platform-jar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PlatformJarMojo extends AbstractCargoMojo {
    @Parameter(defaultValue = "${project.build.finalName}", readonly = true)
    private String finalName;

    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            return;
        }
        List<Path> staged;
        try (Stream<Path> dirs = Files.isDirectory(workDir()) ? Files.list(workDir()) : Stream.empty()) {
            staged = dirs.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith("native-")).sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + workDir() + ": " + e.getMessage(), e);
        }
        if (staged.isEmpty()) {
            getLog().warn("oxidizer: no native library was built (cargo skipped or missing): no platform jar attached");
            return;
        }
        FileTime time = FileTime.from(timestamp());
        for (Path root : staged) {
            String platform = root.getFileName().toString().substring("native-".length());
            Path jar = Path.of(project.getBuild().getDirectory(), finalName + "-" + platform + ".jar");
            try {
                write(root, jar, time);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot write " + jar + ": " + e.getMessage(), e);
            }
            projectHelper.attachArtifact(project, "jar", platform, jar.toFile());
            getLog().info("oxidizer: attached " + jar.getFileName() + " (classifier " + platform + ")");
        }
    }

    private Instant timestamp() {
        if (outputTimestamp != null && !outputTimestamp.isBlank()) {
            try {
                return outputTimestamp.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(outputTimestamp))
                        : OffsetDateTime.parse(outputTimestamp).toInstant();
            } catch (DateTimeParseException | NumberFormatException e) {
                getLog().warn("oxidizer: project.build.outputTimestamp '" + outputTimestamp + "' is not ISO 8601 or seconds; using 1980-01-01");
            }
        }
        return Instant.parse("1980-01-01T00:00:00Z");
    }

    private static void write(Path root, Path jar, FileTime time) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "oxidizer-maven-plugin");
        Files.createDirectories(jar.getParent());
        Path temp = Files.createTempFile(jar.getParent(), "." + jar.getFileName(), ".tmp");
        try (OutputStream file = Files.newOutputStream(temp); JarOutputStream out = new JarOutputStream(file)) {
            JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
            m.setLastModifiedTime(time);
            out.putNextEntry(new JarEntry("META-INF/"));
            out.closeEntry();
            out.putNextEntry(m);
            manifest.write(out);
            out.closeEntry();
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(root)) {
                entries = walk.filter(p -> !p.equals(root)).sorted().toList();
            }
            for (Path p : entries) {
                String name = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                JarEntry e = new JarEntry(Files.isDirectory(p) ? name + "/" : name);
                e.setLastModifiedTime(time);
                out.putNextEntry(e);
                if (!Files.isDirectory(p)) {
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
        Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

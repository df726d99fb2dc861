package dev.oxidizer.stubgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OriginalArtifactTest {
    @TempDir
    Path dir;

    private static MethodSpec at(String source) {
        return new MethodSpec("com.acme.Stats", "mean", "([D)D", true, List.of(), JavaType.of("D"), List.of(), List.of(), false,
                null, source, true, false);
    }

    @Test
    void readsAJarsPomProperties() throws Exception {
        Path jar = dir.resolve("acme-stats-1.4.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/maven/com.acme/acme-stats/pom.properties"));
            out.write("groupId=com.acme\nartifactId=acme-stats\nversion=1.4.0\n".getBytes());
            out.closeEntry();
        }
        assertEquals(Optional.of(new MavenCoordinates("com.acme", "acme-stats", "1.4.0")),
                OriginalArtifact.find(at(jar + "!/com/acme/Stats.class")));
    }

    @Test
    void readsThePomBesideTargetClassesInheritingFromItsParent() throws Exception {
        Path module = dir.resolve("stats");
        Files.createDirectories(module.resolve("target/classes/com/acme"));
        Files.createDirectories(module.resolve("target/test-classes/com/acme"));
        Files.writeString(module.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <parent><groupId>com.acme</groupId><artifactId>acme</artifactId><version>2.0.0-SNAPSHOT</version></parent>
                  <artifactId>acme-stats</artifactId>
                  <dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>9</version></dependency></dependencies>
                </project>
                """);
        assertEquals(Optional.of(new MavenCoordinates("com.acme", "acme-stats", "2.0.0-SNAPSHOT")),
                OriginalArtifact.find(at(module.resolve("target/classes/com/acme/Stats.class").toString())));
        assertEquals(Optional.empty(), OriginalArtifact.find(at(module.resolve("target/test-classes/com/acme/Stats.class").toString())),
                "test classes are not in the module's artifact");
        Files.writeString(module.resolve("pom.xml"), """
                <project><groupId>com.acme</groupId><artifactId>acme-stats</artifactId><version>${revision}</version></project>
                """);
        assertEquals(Optional.empty(), OriginalArtifact.find(at(module.resolve("target/classes/com/acme/Stats.class").toString())),
                "a version from a property is unknown");
    }
}

package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Prim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oxidizer.stubgen.CargoBuild;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every pattern's fresh output fits the rest of the tool chain: it passes {@code cargo fmt --check} and
 * {@code cargo clippy --offline --all-targets -- -D warnings} untouched, and {@code oxidizer build} (its code path,
 * {@link CargoBuild}) builds it: queue and sidecar libraries are placed where their Java side finds them with no
 * system property, the embed-jvm program is built and runs.
 */
class PatternBuildIT {
    static final String QUEUE_CRATE = "build_it_queue";
    static final String SIDECAR_CRATE = "build_it_sidecar";
    static final String EMBED_CRATE = "build_it_embed";
    static Path dir;

    @BeforeAll
    static void generate() throws Exception {
        dir = ItSupport.workDir("build");
        PatternGenerator gen = new PatternGenerator();
        gen.generate(new QueueSpec("com.example.b", "BuildQueue", QUEUE_CRATE, RecordLayout.parse("long id, double price"), true),
                dir.resolve("queue"), false);
        gen.generate(new SidecarSpec("com.example.b", "BuildScorer", SIDECAR_CRATE, Prim.DOUBLE, Prim.LONG), dir.resolve("sidecar"), false);
        gen.generate(new EmbedJvmSpec(EMBED_CRATE, "com.example.b.App", "run", true), dir.resolve("embed-jvm"), false);
    }

    @Test
    void freshOutputOfEveryPatternIsRustfmtAndClippyClean() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String p : List.of("queue", "sidecar", "embed-jvm")) {
            ItSupport.Run fmt = ItSupport.run(List.of("cargo", "fmt", "--check"), dir.resolve(p), ItSupport.cargoEnv(), Duration.ofMinutes(2));
            if (fmt.exitCode() != 0) {
                problems.add(fmt.describe());
            }
            ItSupport.Run clippy = ItSupport.run(List.of("cargo", "clippy", "--offline", "--all-targets", "--", "-D", "warnings"),
                    dir.resolve(p), ItSupport.cargoEnv(), Duration.ofMinutes(5));
            if (clippy.exitCode() != 0) {
                problems.add(clippy.describe());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void oxidizerBuildPlacesTheLibrariesWhereTheJavaSideFindsThemWithoutAProperty() throws Exception {
        for (String p : List.of("queue", "sidecar")) {
            CargoBuild.Result r = new CargoBuild("cargo", ItSupport.cargoTarget(), 900).build(dir.resolve(p));
            assertTrue(!r.isProgram() && Files.isRegularFile(r.placed())
                    && r.placed().startsWith(dir.resolve(p).resolve("java/src/main/resources/native")), r.toString());
        }
        Path drivers = dir.resolve("drivers");
        ItSupport.writeSource(drivers, "com.example.b", "Drive", """
                package com.example.b;

                import java.lang.foreign.Arena;
                import java.util.concurrent.ExecutionException;

                public final class Drive {
                    public static void main(String[] args) throws Exception {
                        try (Arena arena = Arena.ofShared()) {
                            BuildQueue queue = BuildQueue.allocate(arena, 64);
                            BuildQueueConsumer consumer = BuildQueueConsumer.start(queue);
                            for (int i = 0; i < 10; i++) {
                                queue.put(i, i * 0.5, 10, java.util.concurrent.TimeUnit.SECONDS);
                            }
                            System.out.println("queue consumed " + consumer.finish().consumed());
                        }
                        try (BuildScorer sidecar = BuildScorer.start(4, 1)) {
                            try {
                                System.out.println("sidecar returned " + sidecar.submit(new double[] {1, 2}).get());
                            } catch (ExecutionException e) {
                                System.out.println("sidecar failed " + e.getCause().getMessage());
                            }
                        }
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        ItSupport.compileJava(classes, dir.resolve("queue/java"), dir.resolve("sidecar/java"), drivers);
        String cp = String.join(File.pathSeparator, classes.toString(),
                dir.resolve("queue/java/src/main/resources").toString(), dir.resolve("sidecar/java/src/main/resources").toString());
        ProcessBuilder pb = new ProcessBuilder(ItSupport.javaHome().resolve("bin/java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-Doxidizer.native.dir=" + dir.resolve("native-cache"), "-cp", cp, "com.example.b.Drive")
                .directory(dir.toFile()).redirectErrorStream(true);
        // Nothing but the class path may lead the Java side to the library.
        pb.environment().remove("CARGO_TARGET_DIR");
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(2, TimeUnit.MINUTES), out);
        assertEquals(0, proc.exitValue(), out);
        assertTrue(out.contains("queue consumed 10"), out);
        // The generated sidecar body is the "not yet ported" stub: its failure proves the library was loaded and called.
        assertTrue(out.contains("sidecar failed") && out.contains("not yet ported"), out);
    }

    @Test
    void oxidizerBuildBuildsTheEmbedJvmProgramAndPlacesNothing() throws Exception {
        CargoBuild.Result r = new CargoBuild("cargo", ItSupport.cargoTarget(), 900).build(dir.resolve("embed-jvm"));
        assertTrue(r.isProgram(), r.toString());
        assertEquals(ItSupport.cargoTarget().resolve("release").resolve(EMBED_CRATE), r.built());
        assertTrue(!Files.exists(dir.resolve("embed-jvm/java")), "nothing placed for a program");
        ItSupport.Run help = ItSupport.run(List.of(r.built().toString(), "--help"), dir, Map.of(), Duration.ofMinutes(1));
        assertEquals(0, help.exitCode(), help::describe);
        assertTrue(help.stdout().contains("usage: " + EMBED_CRATE), help::describe);
    }
}

package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Prim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated files for one spec per pattern, kept under {@code src/test/snapshots/} so a change to the output is
 * seen in review. After an intended change, refresh them with
 * {@code ./maven -pl rust-patterns test -Dtest=SnapshotTest -Doxidizer.updateSnapshots=true}.
 */
class SnapshotTest {
    static final Path ROOT = Path.of("src/test/snapshots");
    static final Map<String, PatternSpec> SPECS = Map.of(
            "queue", new QueueSpec("com.example.orders", "OrderQueue", "order_queue",
                    RecordLayout.parse("long id, double price, int qty, boolean buy, char side, short type"), true),
            "queue-single", new QueueSpec("com.example.orders", "OrderQueue", "order_queue",
                    RecordLayout.parse("long id, double price"), false),
            "sidecar", new SidecarSpec("com.example.score", "Scorer", "scorer", Prim.FLOAT, Prim.DOUBLE),
            "sidecar-record", SidecarSpec.ofRecord("com.example.price", "Pricer", "pricer",
                    RecordLayout.parse("long id, double spot, float vol, boolean call"), Prim.DOUBLE),
            "embed-jvm", new EmbedJvmSpec("billing_host", "com.example.billing.App", "run", true));

    @Test
    void generatedFilesMatchTheSnapshots() throws IOException {
        boolean update = Boolean.getBoolean("oxidizer.updateSnapshots");
        PatternGenerator gen = new PatternGenerator();
        for (Map.Entry<String, PatternSpec> e : SPECS.entrySet()) {
            Path dir = ROOT.resolve(e.getKey());
            List<GeneratedFile> files = gen.files(e.getValue());
            if (update) {
                deleteTree(dir);
                for (GeneratedFile f : files) {
                    Path p = dir.resolve(f.path());
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, f.content());
                }
                continue;
            }
            TreeSet<String> expected = new TreeSet<>();
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(p -> expected.add(dir.relativize(p).toString().replace('\\', '/')));
            }
            TreeSet<String> actual = new TreeSet<>();
            files.forEach(f -> actual.add(f.path()));
            assertEquals(expected, actual, "file set of " + e.getKey());
            for (GeneratedFile f : files) {
                assertEquals(Files.readString(dir.resolve(f.path())), f.content(),
                        e.getKey() + "/" + f.path() + " differs from its snapshot (refresh with -Doxidizer.updateSnapshots=true if intended)");
            }
        }
        assertTrue(Files.isDirectory(ROOT.resolve("queue")));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}

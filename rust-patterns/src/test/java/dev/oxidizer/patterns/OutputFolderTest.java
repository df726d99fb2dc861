package dev.oxidizer.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path tmp;

    final QueueSpec spec = new QueueSpec("com.example.q", "Orders", "orders", RecordLayout.parse("long id, int qty"), true);

    @Test
    void writesEveryFileAndAManifestOfTheirHashes() throws IOException {
        GenerationResult r = new PatternGenerator().generate(spec, tmp.resolve("out"), false);
        assertTrue(r.written().contains("src/process.rs"));
        String manifest = Files.readString(tmp.resolve("out").resolve(OutputFolder.MANIFEST));
        assertTrue(manifest.startsWith("# oxidizer-patterns manifest v1\n"));
        String processHash = OutputFolder.sha256(Files.readString(tmp.resolve("out/src/process.rs")));
        assertTrue(manifest.contains(processHash + "  src/process.rs\n"), manifest);
        assertTrue(Files.isExecutable(tmp.resolve("out/bench.sh")));
    }

    @Test
    void regeneratingUneditedOutputReportsItUnchanged() throws IOException {
        PatternGenerator gen = new PatternGenerator();
        gen.generate(spec, tmp, false);
        GenerationResult again = gen.generate(spec, tmp, false);
        assertEquals(List.of(), again.written());
        assertEquals(gen.files(spec).size(), again.unchanged().size());
    }

    @Test
    void refusesToOverwriteAnEditedFileAndWritesNothing() throws IOException {
        PatternGenerator gen = new PatternGenerator();
        gen.generate(spec, tmp, false);
        Files.writeString(tmp.resolve("src/process.rs"), "// my consumer\n");
        Files.delete(tmp.resolve("README.md"));
        QueueSpec changed = new QueueSpec("com.example.q", "Orders", "orders", RecordLayout.parse("long id, int qty, double px"), true);
        EditedFilesException e = assertThrows(EditedFilesException.class, () -> gen.generate(changed, tmp, false));
        assertEquals(List.of("src/process.rs"), e.paths());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("README.md")), "nothing may be written when a conflict exists");
        assertFalse(Files.readString(tmp.resolve("src/item.rs")).contains("px"));
        assertEquals("// my consumer\n", Files.readString(tmp.resolve("src/process.rs")));
    }

    @Test
    void forceOverwritesEditedFiles() throws IOException {
        PatternGenerator gen = new PatternGenerator();
        gen.generate(spec, tmp, false);
        Files.writeString(tmp.resolve("src/process.rs"), "// my consumer\n");
        GenerationResult r = gen.generate(spec, tmp, true);
        assertEquals(List.of("src/process.rs"), r.written());
        assertTrue(Files.readString(tmp.resolve("src/process.rs")).contains("pub struct Processor"));
    }

    @Test
    void refusesAFileItNeverWrote() throws IOException {
        Files.createDirectories(tmp.resolve("src"));
        Files.writeString(tmp.resolve("src/lib.rs"), "// someone else's crate\n");
        EditedFilesException e = assertThrows(EditedFilesException.class, () -> new PatternGenerator().generate(spec, tmp, false));
        assertEquals(List.of("src/lib.rs"), e.paths());
        assertFalse(Files.exists(tmp.resolve("Cargo.toml")));
    }

    @Test
    void neverWritesThroughALinkLeavingTheFolder() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("src"), outside);
        IOException e = assertThrows(IOException.class, () -> new PatternGenerator().generate(spec, out, false));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        try (var s = Files.list(outside)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void refusesPathsEscapingTheFolder() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratedFile("../x.rs", ""));
        assertThrows(IllegalArgumentException.class, () -> new GeneratedFile("/etc/x", ""));
        assertThrows(IllegalArgumentException.class, () -> new GeneratedFile("a/./b", ""));
    }

    @Test
    void refusesAnOutputPathThatIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        IOException e = assertThrows(IOException.class, () -> new PatternGenerator().generate(spec, file, false));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }
}

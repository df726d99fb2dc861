package dev.oxidizer.stubgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputWriterTest {
    @TempDir
    Path dir;

    private static GeneratedFiles files(Map<String, String> content) throws Exception {
        return new GeneratedFiles(PortPlanner.plan(Fixtures.kernel("noop"), GeneratorOptions.defaults()), content);
    }

    @Test
    void regeneratingUnchangedOutputIsAllowedAndUpdatesFilesNobodyEdited() throws Exception {
        Path out = dir.resolve("out");
        OutputWriter.write(files(Map.of("a.txt", "one\n", "src/b.rs", "two\n")), out, false);
        Map<String, OutputWriter.Action> again = OutputWriter.write(files(Map.of("a.txt", "one\n", "src/b.rs", "three\n")), out, false);
        assertEquals(Map.of("a.txt", OutputWriter.Action.UNCHANGED, "src/b.rs", OutputWriter.Action.UPDATED), again);
        assertEquals("three\n", Files.readString(out.resolve("src/b.rs")));
    }

    @Test
    void refusesToOverwriteAnEditedFileAndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        OutputWriter.write(files(Map.of("a.txt", "one\n", "src/ffi.rs", "shim\n")), out, false);
        Files.writeString(out.resolve("src/ffi.rs"), "my shim\n");
        GeneratorException e = assertThrows(GeneratorException.class,
                () -> OutputWriter.write(files(Map.of("a.txt", "changed\n", "src/ffi.rs", "shim 2\n")), out, false));
        assertEquals(GeneratorException.Kind.REFUSED, e.kind());
        assertEquals("refusing to overwrite " + out.resolve("src/ffi.rs") + ": was edited since it was generated; pass --force to"
                + " overwrite it, or choose another output folder", e.problems().getFirst());
        assertEquals("nothing was written", e.problems().getLast());
        assertEquals("one\n", Files.readString(out.resolve("a.txt")), "a file nobody edited is not written either");
        assertEquals("my shim\n", Files.readString(out.resolve("src/ffi.rs")));

        assertEquals(OutputWriter.Action.OVERWRITTEN,
                OutputWriter.write(files(Map.of("a.txt", "changed\n", "src/ffi.rs", "shim 2\n")), out, true).get("src/ffi.rs"));
        assertEquals("shim 2\n", Files.readString(out.resolve("src/ffi.rs")));
    }

    @Test
    void anEditedLibRsIsKeptWhileEverythingElseIsRegeneratedWithoutForce() throws Exception {
        Path out = dir.resolve("out");
        OutputWriter.write(files(Map.of("a.txt", "one\n", "src/lib.rs", "stub\n")), out, false);
        Files.writeString(out.resolve("src/lib.rs"), "my port\n");
        Map<String, OutputWriter.Action> again = OutputWriter.write(files(Map.of("a.txt", "arena\n", "src/lib.rs", "stub 2\n")), out, false);
        assertEquals(Map.of("a.txt", OutputWriter.Action.UPDATED, "src/lib.rs", OutputWriter.Action.KEPT), again);
        assertEquals("my port\n", Files.readString(out.resolve("src/lib.rs")));
        assertEquals("arena\n", Files.readString(out.resolve("a.txt")));
        // not even --force replaces the user's body, and it still counts as edited the next time
        assertEquals(OutputWriter.Action.KEPT,
                OutputWriter.write(files(Map.of("a.txt", "critical\n", "src/lib.rs", "stub 3\n")), out, true).get("src/lib.rs"));
        assertEquals(OutputWriter.Action.KEPT,
                OutputWriter.write(files(Map.of("a.txt", "critical\n", "src/lib.rs", "stub 3\n")), out, false).get("src/lib.rs"));
        assertEquals("my port\n", Files.readString(out.resolve("src/lib.rs")));
        // deleted, it is generated again
        Files.delete(out.resolve("src/lib.rs"));
        assertEquals(OutputWriter.Action.CREATED,
                OutputWriter.write(files(Map.of("a.txt", "critical\n", "src/lib.rs", "stub 3\n")), out, false).get("src/lib.rs"));
    }

    @Test
    void aFailureMidWriteLeavesNothingBehindAndARetrySucceeds() throws Exception {
        Path out = dir.resolve("out");
        Map<String, String> content = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            content.put("f" + i + ".txt", "x\n");
        }
        content.put("java/" + "n".repeat(300) + ".java", "too long a name for any file system\n");
        assertThrows(java.io.IOException.class, () -> OutputWriter.write(files(content), out, false));
        assertFalse(Files.exists(out), "no half-written output folder");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temporary folder left behind");
        }
        content.remove("java/" + "n".repeat(300) + ".java");
        assertEquals(6, OutputWriter.write(files(content), out, false).size());
        assertTrue(Files.isRegularFile(out.resolve(OutputWriter.MANIFEST)));

        // an existing folder is left as it was too
        Map<String, String> more = new java.util.LinkedHashMap<>(content);
        more.put("f0.txt", "y\n");
        more.put("n".repeat(300), "z\n");
        assertThrows(java.io.IOException.class, () -> OutputWriter.write(files(more), out, false));
        assertEquals("x\n", Files.readString(out.resolve("f0.txt")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(out), left.toList());
        }
    }

    @Test
    void refusesAFileItDidNotWrite() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("a.txt"), "someone else's\n");
        GeneratorException e = assertThrows(GeneratorException.class, () -> OutputWriter.write(files(Map.of("a.txt", "x\n")), out, false));
        assertTrue(e.getMessage().contains("a.txt: exists and was not generated by oxidizer"), e.getMessage());
    }

    @Test
    void neverWritesThroughALinkPointingOutsideTheFolder() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(out.resolve("src"), outside);
        GeneratorException e = assertThrows(GeneratorException.class,
                () -> OutputWriter.write(files(Map.of("src/lib.rs", "x\n")), out, true));
        assertEquals(GeneratorException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("is a link to outside the output folder"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("lib.rs")));
    }

    @Test
    void generatedPathsCannotEscape() {
        assertThrows(IllegalArgumentException.class, () -> files(Map.of("../x", "y")));
        assertThrows(IllegalArgumentException.class, () -> files(Map.of("/etc/x", "y")));
    }
}

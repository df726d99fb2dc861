package dev.oxidizer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.oxidizer.cli.OxidizerCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyCommandIT {
    @TempDir
    Path dir;

    @Test
    void aFolderThatFailsDoesNotStopTheOthersAndEachIsReported() throws Exception {
        Path first = Files.createDirectories(dir.resolve("not-a-port"));
        Path second = Files.createDirectories(dir.resolve("also-not-a-port"));
        OxidizerCliTest.Run r = run("verify", "--classpath", dir.toString(), first.toString(), second.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(first + ": FAILED: ") && r.out().contains("has no oxidizer-port.json"), r.out());
        assertTrue(r.out().contains(second + ": FAILED: "), "the second folder is verified too: " + r.out());
    }
}

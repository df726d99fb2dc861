package dev.oxidizer.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ShellQuoteTest {
    private static final List<String> WORDS = List.of("plain", "dev.x.Stats#summarize([D)D", "it's", "a b", "$HOME",
            "`id`", "$(id)", "\"q\"", "back\\slash", "semi;colon", "new\nline", "ünï🦀", "*", "", "'", "''",
            HostileNames.SCRIPT_END, HostileNames.ATTR_BREAK, "-o");

    @Test
    void leavesSafeWordsBareAndQuotesTheRest() {
        assertEquals("ports/summarize", ShellQuote.word("ports/summarize"));
        assertEquals("'dev.x.Stats#summarize([D)D'", ShellQuote.word("dev.x.Stats#summarize([D)D"));
        assertEquals("'it'\\''s'", ShellQuote.word("it's"));
        assertEquals("''", ShellQuote.word(""));
    }

    /** The real test: a POSIX shell reads the quoted command back into exactly the original words. */
    @Test
    void aRealShellGetsBackEveryWordByteForByte() throws Exception {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "no /bin/sh on this machine");
        String script = "for w in " + ShellQuote.command(WORDS) + "; do printf '%s\\0' \"$w\"; done";
        Process p = new ProcessBuilder(sh.toString(), "-c", script).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "sh did not finish");
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        List<String> back = new ArrayList<>(Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\0", -1)));
        back.removeLast();
        assertEquals(WORDS, back);
    }
}

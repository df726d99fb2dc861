package dev.oxidizer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentOptionsTest {
    @Test
    void outputBecomesAnAbsoluteAgentOption(@TempDir Path dir) {
        Path out = dir.resolve("x.jfr");
        assertEquals("timing=off,output=" + out, AgentOptions.withOutput("timing=off", out, false));
        assertEquals("output=" + out, AgentOptions.withOutput(null, out, false));
        assertEquals("timing=off", AgentOptions.withOutput("timing=off", null, false));
    }

    @Test
    void refusesToOverwriteUnlessForcedAndRejectsTwoOutputs(@TempDir Path dir) throws Exception {
        Path out = Files.createFile(dir.resolve("x.jfr"));
        assertEquals(ExitCodes.REFUSED, assertThrows(CliException.class,
                () -> AgentOptions.withOutput("", out, false)).exitCode());
        assertEquals("output=" + out, AgentOptions.withOutput("", out, true));
        assertEquals(ExitCodes.USAGE, assertThrows(CliException.class,
                () -> AgentOptions.withOutput("output=a.jfr", out, true)).exitCode());
    }

    @Test
    void childCommandPutsTheAgentBeforeTheProgramArguments() {
        assertEquals(List.of("/j/bin/java", "-javaagent:/a.jar=timing=off", "-jar", "app.jar"),
                RunCommand.command(Path.of("/j/bin/java"), Path.of("/a.jar"), "timing=off", List.of("-jar", "app.jar")));
        assertEquals(List.of("/j/bin/java", "-javaagent:/a.jar", "Main"),
                RunCommand.command(Path.of("/j/bin/java"), Path.of("/a.jar"), "", List.of("Main")));
    }
}

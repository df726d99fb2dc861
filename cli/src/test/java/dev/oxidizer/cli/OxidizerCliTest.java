package dev.oxidizer.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OxidizerCliTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = OxidizerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEverySubcommand() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String sub : List.of("run", "attach", "detach", "analyze", "report", "generate", "build", "verify", "demo")) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(sub + " ") || l.strip().equals(sub)),
                    "--help does not list '" + sub + "':\n" + r.out());
        }
    }

    @Test
    void everySubcommandsHelpRendersWithoutPicocliWarnings() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String sub : OxidizerCli.commandLine().getSubcommands().keySet()) {
                assertEquals(0, run(sub, "--help").code(), sub);
            }
        } finally {
            System.setErr(stderr);
        }
        // a description with a bare '%' ("95% interval") is not a format string picocli can render
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void versionNamesOxidizerAndTheJdk() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("oxidizer "), r.out());
        assertTrue(r.out().contains("JDK " + System.getProperty("java.version")), r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("--no-such-option");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }

    @Test
    void demoRefusesAnOutOfRangeDurationWithOneLine() {
        Run r = run("demo", "--seconds", "0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("oxidizer demo: --seconds must be 10 to 86400 (the rare decoy needs 10 s to be seen), was 0", r.err().strip());
    }
}

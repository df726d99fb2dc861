package dev.oxidizer.demo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoOptionsTest {

    @Test
    void defaultsWithoutArguments() throws UsageException {
        assertEquals(new DemoOptions(60, 4, 42, 0, false), DemoOptions.parse());
    }

    @Test
    void acceptsSpaceAndEqualsForms() throws UsageException {
        assertEquals(new DemoOptions(10, 2, -7, 3, false),
                DemoOptions.parse("--seconds", "10", "--threads=2", "--seed", "-7", "--warmup", "3"));
        assertEquals(new DemoOptions(86_400, 256, Long.MAX_VALUE, 0, false),
                DemoOptions.parse("--seconds=86400", "--threads", "256", "--seed=" + Long.MAX_VALUE));
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheOptionAndTheRange() {
        UsageException e = assertThrows(UsageException.class, () -> DemoOptions.parse("--seconds", "0"));
        assertTrue(e.getMessage().startsWith("option --seconds must be an integer from 1 to 86400, got '0'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DemoOptions.parse("--threads=257"));
        assertTrue(e.getMessage().startsWith("option --threads must be an integer from 1 to 256, got '257'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DemoOptions.parse("--seconds", "10", "--warmup=10"));
        assertTrue(e.getMessage().startsWith("option --warmup must be shorter than --seconds (10), got '10'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DemoOptions.parse("--seed", "forty-two"));
        assertTrue(e.getMessage().startsWith("option --seed must be a 64-bit integer, got 'forty-two'"), e.getMessage());
    }

    @Test
    void rejectsUnknownOptionsAndMissingValues() {
        UsageException e = assertThrows(UsageException.class, () -> DemoOptions.parse("--duration", "5"));
        assertTrue(e.getMessage().startsWith("unknown option '--duration'; usage:"), e.getMessage());
        e = assertThrows(UsageException.class, () -> DemoOptions.parse("--threads"));
        assertTrue(e.getMessage().startsWith("option --threads needs a value"), e.getMessage());
    }

    @Test
    void badCommandLineExitsWithCodeTwoAndOneLine() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = DemoApp.run(new String[] {"--threads", "zero"}, new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertEquals(DemoApp.USAGE, code);
        assertEquals(0, out.size());
        String text = err.toString();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("demo-app: option --threads must be an integer from 1 to 256, got 'zero'"), text);
    }
}

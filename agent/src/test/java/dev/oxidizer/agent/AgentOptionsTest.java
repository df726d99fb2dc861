package dev.oxidizer.agent;

import dev.oxidizer.agent.core.AgentOptions;
import dev.oxidizer.agent.core.AgentOptionsException;
import dev.oxidizer.agent.core.MainClassDetector;
import dev.oxidizer.agent.core.MethodGlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentOptionsTest {
    @Test
    void defaultsIncludeTheMainClassPackage() throws Exception {
        AgentOptions o = AgentOptions.parse("", MainClassDetector.defaultInclude("com.acme.app.Main"), 42);
        assertEquals("com.acme.app.**", o.includes().getFirst().toString());
        assertEquals(1000, o.flushMillis());
        assertEquals("adaptive", o.timing());
        assertEquals(64, o.sampleEvery());
        // the cheap defaults (docs/agent.md, "Scope"): portable static methods only, trivial ones left out, and only
        // the JDK events Oxidizer reads
        assertEquals("portable", o.scope());
        assertEquals("skip", o.trivial());
        assertEquals("oxidizer", o.jfrSettings());
        assertTrue(o.output().toString().endsWith("oxidizer-42.jfr"));
        assertEquals(Path.of(o.output() + ".log"), o.log());
    }

    @Test
    void repeatedIncludesAccumulateAndLastScalarWins() throws Exception {
        AgentOptions o = AgentOptions.parse("include=a.**,include=b.C#run*,interval=250ms,interval=2s,timing=off",
                null, 1);
        assertEquals(2, o.includes().size());
        assertEquals(2000, o.flushMillis());
        assertEquals("off", o.timing());
    }

    @Test
    void badOptionsNameTheOptionAndTheAcceptedForm() {
        assertEquals("option 'interval=soon': accepted: a duration from 100ms to 3600000ms written like 500ms, 1s or 2m",
                assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("interval=soon", "x.*", 1)).getMessage());
        assertTrue(assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("sampleEvery=3", "x.*", 1))
                .getMessage().contains("power of two"));
        assertTrue(assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("bogus=1", "x.*", 1))
                .getMessage().startsWith("unknown option 'bogus'"));
        assertTrue(assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("novalue", "x.*", 1))
                .getMessage().contains("not key=value"));
        assertTrue(assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("include=a b", "x.*", 1))
                .getMessage().contains("CLASSGLOB[#METHODGLOB]"));
        assertTrue(assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("", null, 1))
                .getMessage().contains("option 'include' is needed"));
        assertEquals("option 'scope=some': accepted: portable, instance, all",
                assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("scope=some", "x.*", 1)).getMessage());
        assertEquals("option 'trivial=maybe': accepted: count, probe, skip, timed",
                assertThrows(AgentOptionsException.class, () -> AgentOptions.parse("trivial=maybe", "x.*", 1)).getMessage());
    }

    @Test
    void propertiesFileFillsWhatTheArgumentsDoNotSet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, "include=a.**, b.**\ninterval=5s\ntiming=all\n");
        AgentOptions o = AgentOptions.parse("config=" + file + ",timing=off", null, 1);
        assertEquals(2, o.includes().size());
        assertEquals(5000, o.flushMillis());
        assertEquals("off", o.timing());
        assertTrue(assertThrows(AgentOptionsException.class,
                () -> AgentOptions.parse("config=" + dir.resolve("none"), "x.*", 1)).getMessage().contains("config="));
    }

    @Test
    void globsMatchPackagesClassesAndMethods() {
        MethodGlob pkg = MethodGlob.parse("com.acme.*");
        assertTrue(pkg.matchesClass("com.acme.Parser"));
        assertTrue(pkg.matchesClass("com.acme.Parser$Inner"));
        assertFalse(pkg.matchesClass("com.acme.sub.Parser"));
        assertTrue(MethodGlob.parse("com.acme.**").matchesClass("com.acme.sub.Parser"));
        MethodGlob m = MethodGlob.parse("com.acme.Parser#parse*");
        assertTrue(m.matches("com.acme.Parser", "parseAll"));
        assertFalse(m.matches("com.acme.Parser", "reset"));
        assertEquals("*", MainClassDetector.defaultInclude("Main"));
        assertTrue(MethodGlob.parse("*").matchesClass("Main"));
        assertFalse(MethodGlob.parse("*").matchesClass("a.Main"));
    }
}

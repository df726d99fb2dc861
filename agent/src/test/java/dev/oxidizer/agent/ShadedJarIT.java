package dev.oxidizer.agent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent jar holds only the agent's own package (with its relocated libraries) and license files. */
class ShadedJarIT {
    private static final List<String> ALLOWED_PREFIXES = List.of(
            "dev/oxidizer/agent/", "META-INF/MANIFEST.MF", "META-INF/LICENSE", "META-INF/NOTICE", "META-INF/licenses/");
    private static final List<String> ALLOWED_DIRS = List.of("META-INF/", "dev/", "dev/oxidizer/");

    @Test
    void holdsNothingOutsideTheAllowList() throws Exception {
        List<String> outside = new ArrayList<>();
        int shadedByteBuddy = 0;
        int shadedHdr = 0;
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                String name = e.getName();
                if (ALLOWED_DIRS.contains(name) || ALLOWED_PREFIXES.stream().anyMatch(name::startsWith)) {
                    shadedByteBuddy += name.startsWith("dev/oxidizer/agent/shaded/net/bytebuddy/") ? 1 : 0;
                    shadedHdr += name.startsWith("dev/oxidizer/agent/shaded/org/HdrHistogram/") ? 1 : 0;
                } else {
                    outside.add(name);
                }
            }
        }
        assertEquals(List.of(), outside, "entries outside the allow-list");
        assertTrue(shadedByteBuddy > 100, "Byte Buddy is relocated into the jar");
        assertTrue(shadedHdr > 10, "HdrHistogram is relocated into the jar");
    }

    @Test
    void manifestDeclaresTheAgentEntryAndRetransformation() throws Exception {
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertEquals("dev.oxidizer.agent.AgentEntry", a.getValue("Premain-Class"));
            assertEquals("dev.oxidizer.agent.AgentEntry", a.getValue("Agent-Class"));
            assertEquals("true", a.getValue("Can-Retransform-Classes"));
            assertNotNull(a.getValue("Implementation-Version"));
        }
    }
}

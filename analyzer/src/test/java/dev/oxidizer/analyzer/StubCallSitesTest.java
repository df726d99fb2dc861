package dev.oxidizer.analyzer;

import dev.oxidizer.analyzer.fixtures.StubLoops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which source lines of a method the analyzer attributes to a JDK stub, read from the class files javac wrote for
 * {@link StubLoops} (the test classes directory stands for a recorded JVM's class path). JFR puts the samples of a
 * stub called in a loop on the loop's line, not the call's: the loop's line must be recognised when the loop does
 * little else, and must not be when the loop does its own work.
 */
class StubCallSitesTest {
    static final String CLASS = StubLoops.class.getName();
    static final Map<String, Integer> LINES = new HashMap<>();
    static StubCallSites sites;

    @BeforeAll
    static void readFixture() throws Exception {
        Path source = Path.of("src/test/java", CLASS.replace('.', '/') + ".java");
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf("//@");
            if (at >= 0) {
                LINES.put(lines.get(i).substring(at + 3).trim(), i + 1);
            }
        }
        Path classes = Path.of(StubLoops.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        sites = new StubCallSites(List.<String[]>of(new String[] {classes.toString(), null}));
    }

    static StubCallSites.StubCall at(String method, String descriptor, String marker) {
        Integer line = LINES.get(marker);
        assertNotNull(line, marker);
        return sites.stubCallAt(CLASS, method, descriptor, line);
    }

    @Test
    void anArraycopyLoopsHeaderLineIsTheCopysTime() {
        StubCallSites.StubCall loop = at("interleave", "([B[B)J", "interleaveLoop");
        assertNotNull(loop, "the samples JFR puts on the copy loop's line are System.arraycopy's");
        assertEquals("java.lang.System.arraycopy", loop.callee());
        assertEquals(LINES.get("interleaveLoop"), loop.loopLine());
        String reason = loop.describe();
        assertTrue(reason.startsWith("java.lang.System.arraycopy") && reason.contains("loop around its call"), reason);
        // The call's own line, as before.
        StubCallSites.StubCall call = at("interleave", "([B[B)J", "interleaveCall");
        assertEquals("java.lang.System.arraycopy", call.callee());
        assertEquals(-1, call.loopLine());
        // The outer loop does little besides the copies either (one byte read per pass).
        assertNotNull(at("interleave", "([B[B)J", "interleaveOuter"));
        // Outside any loop: its own line.
        assertNull(at("interleave", "([B[B)J", "interleaveReturn"));
    }

    @Test
    void otherStubsInTrivialLoopsAreRecognisedTheSameWay() {
        assertEquals("java.util.Arrays.fill", at("clearRows", "([[DD)V", "fillLoop").callee());
        assertEquals("java.lang.String.indexOf", at("count", "(Ljava/lang/String;C)I", "indexOfLoop").callee());
        assertEquals("java.util.zip.CRC32.update", at("checksumBlocks", "([B)J", "crcLoop").callee());
    }

    @Test
    void otherLinesOfAMethodThatOnlyCallsAStubAreTheStubs() {
        // Seen on JDK 25: half of String.getBytes's samples on the method's return line, the rest under its frame.
        StubCallSites.StubCall ret = at("encodedLength", "(Ljava/lang/String;)J", "encodeReturn");
        assertNotNull(ret);
        assertEquals("java.lang.String.getBytes", ret.callee());
        assertEquals(StubCallSites.StubCall.WHOLE_METHOD, ret.loopLine());
        assertTrue(ret.describe().contains("method that does little but call it"), ret.describe());
        assertNotNull(at("encodedLength", "(Ljava/lang/String;)J", "encodeStart"));
        assertNull(at("blendOnce", "([D[D[D)D", "blendReturn"), "a method with arithmetic of its own keeps its samples");
        assertNull(sites.stubCallAt(CLASS, "encodedLength", "(Ljava/lang/String;)J", 1), "a line not in the method");
    }

    @Test
    void aLoopThatDoesItsOwnWorkKeepsItsSamples() {
        String d = "([[D[DD)D";
        assertNull(at("scaleRows", d, "kernelInner"), "the multiply-add loop is the method's own work");
        assertNull(at("scaleRows", d, "kernelWork"));
        assertNull(at("scaleRows", d, "kernelOuter"), "the outer loop holds the kernel, not just the copy");
        assertNull(at("popCount", "([J)J", "bitCountLoop"), "Long.bitCount is one instruction, not a JDK stub a port must beat");
        assertNull(at("copyAndVisit", "([B[BLjava/util/function/IntConsumer;)I", "visitLoop"),
                "a loop that also calls other code may spend its header's samples there");
    }

    @Test
    void anUnreadableClassFindsNothing() {
        assertNull(sites.stubCallAt("no.such.Type", "m", "()V", 3));
        assertNull(sites.stubCallAt(CLASS, "interleave", null, LINES.get("interleaveLoop")));
    }
}

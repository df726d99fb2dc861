package dev.oxidizer.agent;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real JVM with the agent: argument lengths are recorded by default (without content), calls are captured only with
 * {@code capture=}, within their budget, in the documented format, and the application's output is unchanged.
 */
class InputsIT {
    private static final String APP = "example.app.InputsApp";

    @TempDir
    Path dir;

    private static String classpath() {
        return ForkedJvm.TEST_CLASSES.toAbsolutePath().toString();
    }

    @Test
    void lengthsAreRecordedByDefaultAndNothingIsCapturedWithoutTheOption() throws Exception {
        Path out = dir.resolve("lengths.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",include=example.app.InputsApp", classpath(), APP, "20000");
        assertEquals(0, jvm.await(300), jvm.describe());
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), APP, "20000");
        assertEquals(0, plain.await(300), plain.describe());
        assertEquals(plain.out(), jvm.out(), "the application's output is unchanged");

        Map<String, RecordedEvent> last = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(out)) {
            if (e.getEventType().getName().equals("oxidizer.ArgumentLengths")) {
                last.put(e.getString("methodName") + "#" + e.getInt("parameter"), e);
            }
        }
        RecordedEvent sum = last.get("sum#1");
        assertTrue(sum != null, "lengths of sum's int[]: " + last.keySet());
        assertEquals("int[]", sum.getString("type"));
        assertEquals(100, sum.getLong("minLength"));
        assertEquals(300, sum.getLong("maxLength"));
        assertTrue(sum.getLong("samples") > 50 && sum.getLong("samples") < 20000 / 64 * 3, "1 call in 64: " + sum.getLong("samples"));
        for (String l : sum.getString("lengths").split(",")) {
            assertTrue(l.equals("100") || l.equals("300"), sum.getString("lengths"));
        }
        assertEquals(5, last.get("greet#1").getLong("maxLength"), "a String's length in UTF-16 units");
        assertFalse(last.containsKey("greet#2") || last.containsKey("sum#2"), "primitives have no length");
        assertEquals(8, last.get("fill#1").getLong("minLength"));
        assertFalse(Files.exists(Path.of(out + ".captures")), "nothing is captured by default");
    }

    @Test
    void captureWritesTheChosenCallsWithinTheBudgetAsDocumented() throws Exception {
        Path out = dir.resolve("capture.jfr");
        String options = "output=" + out + ",include=example.app.InputsApp,capture=example.app.InputsApp#sum,"
                + "capture=example.app.InputsApp#boom,capture=example.app.InputsApp#greet,captureCalls=5";
        ForkedJvm jvm = ForkedJvm.start(dir, options, classpath(), APP, "2000");
        assertEquals(0, jvm.await(300), jvm.describe());
        ForkedJvm plain = ForkedJvm.start(dir, null, classpath(), APP, "2000");
        assertEquals(0, plain.await(300), plain.describe());
        assertEquals(plain.out(), jvm.out(), "the application's output is unchanged");

        Path captures = Path.of(out + ".captures");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(captures)));
        List<String> lines = Files.readAllLines(captures);
        assertEquals("# oxidizer-captures 1", lines.getFirst());
        Map<String, String> ids = new HashMap<>();
        Map<String, Integer> perMethod = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f[0].equals("M")) {
                ids.put(f[1], f[2]);
            } else if (f[0].equals("C")) {
                perMethod.merge(ids.get(f[1]), 1, Integer::sum);
            }
        }
        String sum = APP + "#sum([II)J";
        String boom = APP + "#boom(I)I";
        assertEquals(5, perMethod.get(sum), "captureCalls=5 per method: " + perMethod);
        assertEquals(5, perMethod.get(boom));
        String first = lines.stream().filter(l -> l.startsWith("C\t")).filter(l -> ids.get(l.split("\t")[1]).equals(sum))
                .findFirst().orElseThrow();
        // sum(new int[100] with a[k] = k * 0, 0): result J0, the array as 100 big-endian ints, the offset I0
        String[] f = first.split("\t");
        assertEquals("J0", f[2]);
        assertTrue(f[3].startsWith("[I100:"), f[3]);
        assertEquals(400, java.util.Base64.getDecoder().decode(f[3].substring(f[3].indexOf(':') + 1)).length);
        assertEquals("I0", f[4]);
        // boom(1) threw: its result is the exception's class
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("C\t") && ids.get(l.split("\t")[1]).equals(boom)
                && l.split("\t")[2].equals("!java.lang.IllegalArgumentException") && l.endsWith("\tI1")), String.join("\n", lines));
        // greet's String: UTF-16BE base64 of "héllo"
        String hello = "T" + java.util.Base64.getEncoder().encodeToString("h\u00e9llo".getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\t" + hello + "\t")), "the String as documented");
        String log = Files.readString(Path.of(out + ".log"));
        assertTrue(log.contains("capture: 15 calls"), log);
        assertFalse(RecordingFile.readAllEvents(out).stream().anyMatch(e -> e.toString().contains(hello.substring(1))),
                "captured content never enters the recording");
    }
}

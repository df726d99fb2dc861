package dev.oxidizer.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The metrics endpoint in a real JVM: it never keeps the application alive, and an address in use costs the endpoint
 * only (one line, the application's output unchanged, the recording written). Agreement with JFR and with a real
 * Prometheus is checked by the CLI's FleetPrometheusIT.
 */
class MetricsEndpointIT {
    static final String COUNTING = "example.app.CountingApp";

    @TempDir
    Path dir;

    @Test
    void theApplicationExitsOnItsOwnWithTheEndpointServing() throws Exception {
        Path out = dir.resolve("served.jfr");
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",metrics=0", ForkedJvm.TEST_CLASSES.toAbsolutePath().toString(),
                COUNTING, "2", "20000");
        assertEquals(0, jvm.await(300), jvm.describe());
        assertTrue(jvm.out().startsWith("checksum="), jvm.describe());
        assertEquals("done on stderr\n", jvm.err(), jvm.describe());
        String log = Files.readString(Path.of(out + ".log"));
        assertTrue(log.matches("(?s).*Prometheus metrics at http://127\\.0\\.0\\.1:\\d+/metrics.*"), log);
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void anAddressInUseCostsTheEndpointOnlyWithOneLine() throws Exception {
        Path out = dir.resolve("busy.jfr");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ForkedJvm jvm = ForkedJvm.start(dir, "output=" + out + ",metrics=127.0.0.1:" + busy.getLocalPort(),
                    ForkedJvm.TEST_CLASSES.toAbsolutePath().toString(), COUNTING, "1", "1000");
            assertEquals(0, jvm.await(300), jvm.describe());
            String err = jvm.err();
            assertTrue(err.startsWith("oxidizer-agent: metrics endpoint 127.0.0.1:" + busy.getLocalPort() + " could not start ("),
                    jvm.describe());
            assertTrue(err.contains("the agent runs without it\ndone on stderr\n"), jvm.describe());
            assertTrue(Recorded.read(out).invocations().values().stream().mapToLong(Long::longValue).sum() > 0, "the agent ran");
        }
    }

    @Test
    void aMalformedAddressIsABadOption() throws Exception {
        ForkedJvm jvm = ForkedJvm.start(dir, "output=" + dir.resolve("x.jfr") + ",metrics=localhost",
                ForkedJvm.TEST_CLASSES.toAbsolutePath().toString(), COUNTING, "1", "10");
        assertEquals(0, jvm.await(300), jvm.describe());
        assertTrue(jvm.err().startsWith("oxidizer-agent: option 'metrics=localhost': 'localhost' is not a port number; "
                + "accepted: [HOST:]PORT"), jvm.describe());
    }
}

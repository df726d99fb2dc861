package dev.oxidizer.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A loopback fleet: three JVMs of a JSON order service (Jackson instrumented too) under the agent with its metrics
 * endpoint, scraped every second by a real Prometheus (Debian's {@code prometheus} package, started here with its own
 * data directory and configuration on free ports). Checks that the counts agree in all three places: the JFR
 * recordings, the agents' endpoints after the last flush, and {@code oxidizer analyze --prometheus} reading them back
 * through PromQL; and that a bad selector, a selector matching nothing and an unreachable server each exit with their
 * own code and one line.
 */
class FleetPrometheusIT {
    static final Path CLI_JAR = Path.of(System.getProperty("oxidizer.cli.jar", "target/oxidizer.jar"));
    static final Path AGENT_JAR = CLI_JAR.resolveSibling("oxidizer-agent.jar");
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    static final String APP = "dev.oxidizer.cli.testapp.fleet.OrdersService";
    static final int[] REQUESTS = {30_000, 45_000, 60_000};
    static final Pattern CALLS = Pattern.compile("^oxidizer_method_calls_total\\{method=\"(.*)\"} (\\d+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;
    final List<Process> processes = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopAll() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }

    static Path prometheusBinary() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, "prometheus");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    Process start(Path log, List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Calls per method key summed over every oxidizer.MethodProfile of the recordings. */
    static Map<String, long[]> jfrCounts(List<Path> files) throws IOException {
        Map<String, long[]> out = new TreeMap<>();
        for (Path f : files) {
            for (RecordedEvent e : RecordingFile.readAllEvents(f)) {
                if (e.getEventType().getName().equals("oxidizer.MethodProfile")) {
                    String key = e.getString("className") + "#" + e.getString("methodName") + e.getString("descriptor");
                    long[] c = out.computeIfAbsent(key, k -> new long[2]);
                    c[0] += e.getLong("invocations");
                    c[1] += e.getLong("exceptional");
                }
            }
        }
        return out;
    }

    static long endpointTotal(String text) {
        long sum = 0;
        Matcher m = CALLS.matcher(text);
        while (m.find()) {
            sum += Long.parseLong(m.group(2));
        }
        return sum;
    }

    record Run(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    Run oxidizer(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA.toString(), "-jar", CLI_JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        processes.add(p);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "oxidizer " + String.join(" ", args) + " did not finish in 180 s");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void prometheusCountsOfThreeJvmsAgreeWithTheirRecordings() throws Exception {
        Path prometheus = prometheusBinary();
        Assumptions.assumeTrue(prometheus != null, "skipped: no 'prometheus' on PATH; install Debian's package "
                + "(apt-get install prometheus), as .ci/run does when it runs as root");

        int promPort = freePort();
        int[] ports = {freePort(), freePort(), freePort()};
        StringBuilder targets = new StringBuilder();
        for (int p : ports) {
            targets.append(targets.isEmpty() ? "" : ", ").append("'127.0.0.1:").append(p).append('\'');
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: orders
                    static_configs:
                      - targets: [%s]
                """.formatted(targets));
        String promUrl = "http://127.0.0.1:" + promPort;
        Path promLog = dir.resolve("prometheus.log");
        Process server = start(promLog, List.of(prometheus.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort, "--log.level=warn"));

        String cp = String.join(File.pathSeparator, Path.of("target/test-classes").toAbsolutePath().toString(),
                jarOf(ObjectMapper.class), jarOf(JsonFactory.class), jarOf(JsonProperty.class));
        List<Process> jvms = new ArrayList<>();
        List<Path> recordings = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path jfr = dir.resolve("orders-" + i + ".jfr");
            recordings.add(jfr);
            Path log = dir.resolve("orders-" + i + ".out");
            logs.add(log);
            jvms.add(start(log, List.of(JAVA.toString(), "-javaagent:" + AGENT_JAR.toAbsolutePath() + "=metrics=127.0.0.1:" + ports[i]
                            + ",metricsMinCalls=1,output=" + jfr + ",include=dev.oxidizer.cli.testapp.fleet.**"
                            + ",include=com.fasterxml.jackson.databind.ObjectMapper#readTree"
                            // every included method counted, whatever its signature: this test compares counts, not scope
                            + ",scope=all",
                    "-cp", cp, APP, Integer.toString(REQUESTS[i]), "2")));
        }
        awaitReady(promUrl, server, promLog);
        long[] doneSeen = new long[3];
        for (int i = 0; i < 3; i++) {
            awaitLine(logs.get(i), "done ", jvms.get(i), 150);
            doneSeen[i] = System.currentTimeMillis();
        }
        // Every call happened before "done"; a flush that started after it holds them all. Read each endpoint once it
        // shows such a flush, wait until Prometheus has scraped those counts, then let the JVMs exit (their recordings
        // hold the same calls: nothing runs after "done").
        long[] expected = new long[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = endpointTotal(awaitFlushAfter("http://127.0.0.1:" + ports[i] + "/metrics", doneSeen[i]));
        }
        awaitScraped(promUrl, ports, expected);
        for (Process p : jvms) {
            p.getOutputStream().close();
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(jvms.get(i).waitFor(60, TimeUnit.SECONDS), "JVM " + i + " did not exit");
            assertEquals(0, jvms.get(i).exitValue(), Files.readString(logs.get(i)));
        }

        Map<String, long[]> jfr = jfrCounts(recordings);
        long jfrTotal = jfr.values().stream().mapToLong(c -> c[0]).sum();
        assertEquals(expected[0] + expected[1] + expected[2], jfrTotal, "the endpoints' final counts are the recordings' counts");

        Path reportFile = dir.resolve("report.json");
        Run run = oxidizer("analyze", "--prometheus", promUrl, "--range", "10m", "--selector", "{job=\"orders\"}",
                "--entry-point", "*OrdersService.handle", "-o", reportFile.toString(), "--quiet",
                recordings.get(0).toString(), recordings.get(1).toString(), recordings.get(2).toString());
        assertEquals(0, run.code(), run.all());
        Report report = ReportJson.read(reportFile);
        Report.Fleet fleet = report.fleet();
        assertNotNull(fleet, run.all());
        assertEquals(3, fleet.jvms(), run.all());
        assertEquals(3, fleet.instances(), run.all());
        assertEquals("10m", fleet.range());
        assertEquals("{job=\"orders\"}", fleet.selector());
        assertEquals(0, fleet.resetSeries());
        assertTrue(fleet.coveredSeconds() > 0 && fleet.coveredSeconds() <= 600, "covered " + fleet.coveredSeconds());
        assertTrue(report.warnings().get(0).startsWith("two sources: calls per day measured by Prometheus"), report.warnings().toString());

        int compared = 0;
        StringBuilder agreement = new StringBuilder();
        for (MethodReport m : report.methods()) {
            if (m.calls() == null || m.calls().measured() == null) {
                continue;
            }
            long[] truth = jfr.get(m.key());
            assertNotNull(truth, m.key() + " is measured but not in the recordings");
            MethodReport.Measured measured = m.calls().measured();
            agreement.append(String.format("%s: prometheus %d, jfr %d%n", m.key(), measured.calls(), truth[0]));
            assertEquals(truth[0], measured.calls(), "calls of " + m.key() + " through Prometheus (exact after the final scrape)");
            assertEquals(truth[1], measured.exceptional(), "exceptional calls of " + m.key());
            assertEquals(3, measured.jvms(), m.key());
            assertEquals(measured.calls() * 86_400.0 / fleet.coveredSeconds(), m.calls().perDay(), 1e-6 * m.calls().perDay(),
                    "calls per day are measured over the covered range");
            compared++;
        }
        System.out.print(agreement);
        assertTrue(compared >= 4, "methods compared: " + compared + "\n" + run.all());
        MethodReport handle = report.methods().stream().filter(m -> m.methodName().equals("handle")).findFirst().orElseThrow();
        assertEquals(REQUESTS[0] + REQUESTS[1] + REQUESTS[2], handle.calls().measured().calls());
        long invalid = 0; // orders 0, 16, 32, ... of each JVM are invalid and throw
        for (int n : REQUESTS) {
            invalid += (n + 15) / 16;
        }
        assertEquals(invalid, handle.calls().measured().exceptional());
        assertNotNull(handle.calls().measured().p50Ns(), "handle is timed: its latency comes from the histogram buckets");
        assertTrue(handle.calls().measured().meanNs() > 0);

        // Each kind of bad source: one line, its own exit code, nothing written.
        Path none = dir.resolve("none.json");
        Run badSelector = oxidizer("analyze", "--prometheus", promUrl, "--selector", "{job=~\"(\"}", "-o", none.toString(),
                recordings.get(0).toString());
        assertEquals(ExitCodes.USAGE, badSelector.code(), badSelector.all());
        assertTrue(badSelector.err().contains("rejected the query") && badSelector.err().strip().lines().count() == 1,
                badSelector.all());
        Run noData = oxidizer("analyze", "--prometheus", promUrl, "--selector", "{job=\"payments\"}", "-o", none.toString(),
                recordings.get(0).toString());
        assertEquals(ExitCodes.BAD_INPUT, noData.code(), noData.all());
        assertTrue(noData.err().contains("holds no oxidizer_agent_info series matching {job=\"payments\"}"), noData.all());
        assertFalse(Files.exists(none));
    }

    static String jarOf(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    void awaitReady(String promUrl, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(log));
            }
            try {
                get(promUrl + "/-/ready");
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("prometheus not ready in 60 s: " + Files.readString(log));
    }

    static void awaitLine(Path log, String prefix, Process p, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.lines().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("exited before '" + prefix + "': " + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + prefix + "' in " + seconds + " s: " + Files.readString(log));
    }

    String awaitFlushAfter(String url, long millis) throws Exception {
        Pattern flush = Pattern.compile("^oxidizer_agent_last_flush_timestamp_seconds (\\S+)$", Pattern.MULTILINE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = get(url);
            Matcher m = flush.matcher(text);
            if (m.find() && new java.math.BigDecimal(m.group(1)).movePointRight(3).longValue() >= millis) {
                return text;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no flush after " + millis + " within 30 s at " + url + ":\n" + text);
    }

    void awaitScraped(String promUrl, int[] ports, long[] expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String query = java.net.URLEncoder.encode("sum by (instance) (oxidizer_method_calls_total{job=\"orders\"})",
                StandardCharsets.UTF_8);
        Map<String, Long> seen = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            seen.clear();
            for (var r : json.readTree(get(promUrl + "/api/v1/query?query=" + query)).path("data").path("result")) {
                seen.put(r.path("metric").path("instance").asText(), Long.parseLong(r.path("value").path(1).asText()));
            }
            boolean all = true;
            for (int i = 0; i < 3; i++) {
                all &= Long.valueOf(expected[i]).equals(seen.get("127.0.0.1:" + ports[i]));
            }
            if (all) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Prometheus did not scrape the final counts within 30 s: " + seen);
    }
}

package dev.oxidizer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.verify.GeneratedPort;
import dev.oxidizer.verify.VerifyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * {@code oxidizer demo}: the whole loop on the bundled demo application, as a user would run it, through the
 * real subcommands: {@code run} (the demo under the agent) → {@code analyze} → {@code report} →
 * {@code generate} (for the top candidates) with the demo's hand-written Rust bodies from
 * {@code demo-app/native/} put in → {@code verify} (cargo, differential test, JMH) → {@code report} again,
 * now with the measured speedups. Everything is written under the output folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole loop on the bundled demo application: profile it under the agent, analyze,",
                "render the report, generate Rust ports of the top candidates, build and verify them",
                "(differential test + JMH benchmark), and re-render the report with the measured speedups."})
final class DemoCommand implements Callable<Integer> {
    static final int STEPS = 6;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "N",
            description = "How long the demo runs under the agent, 10 to 86400 (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--quick", description = "A short loop: 20 s of profiling and short benchmarks (unless --seconds is given).")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N",
            description = "Request worker threads, 1 to 256 (default: the number of processors, at least 2).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Workload seed; the same seed prints the same checksum (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, defaultValue = "oxidizer-out/demo", paramLabel = "DIR",
            description = "Folder for the recording, the reports and the ports (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--ports", defaultValue = "4", paramLabel = "N",
            description = "Generate and verify ports for at most this many top candidates, 0 to 20 (default: ${DEFAULT-VALUE}).")
    int ports;

    @Override
    public Integer call() throws IOException {
        boolean secondsGiven = spec.commandLine().getParseResult().hasMatchedOption("--seconds");
        int runSeconds = quick && !secondsGiven ? 20 : seconds;
        if (runSeconds < 10 || runSeconds > 86_400) {
            throw new CliException(ExitCodes.USAGE, "--seconds must be 10 to 86400 (the rare decoy needs 10 s to be seen), was " + runSeconds);
        }
        int workers = threads == null ? Math.max(2, Runtime.getRuntime().availableProcessors()) : threads;
        if (workers < 1 || workers > 256) {
            throw new CliException(ExitCodes.USAGE, "--threads must be 1 to 256, was " + workers);
        }
        if (ports < 0 || ports > 20) {
            throw new CliException(ExitCodes.USAGE, "--ports must be 0 to 20, was " + ports);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path out = output.toAbsolutePath().normalize();
        Files.createDirectories(out);
        Path jfr = out.resolve("demo.jfr");
        Path json = out.resolve("report.json");
        Path html = out.resolve("report.html");
        Path demoJar = Installation.demoJar();

        step(1, "profiling the demo under the agent for " + runSeconds + " s on " + workers + " threads (seed " + seed + ")");
        sub("run", "-o", jfr.toString(), "--force", "--", "-jar", demoJar.toString(),
                "--seconds", Integer.toString(runSeconds), "--threads", Integer.toString(workers), "--seed", Long.toString(seed));

        step(2, "analyzing " + jfr.getFileName());
        List<String> analyze = new ArrayList<>(List.of("analyze", jfr.toString(), "-o", json.toString()));
        Labels labels = Labels.read(demoJar);
        labels.entryPoints().forEach(e -> analyze.addAll(List.of("--entry-point", e)));
        labels.latencyThreads().forEach(t -> analyze.addAll(List.of("--latency-thread", t)));
        sub(analyze.toArray(String[]::new));

        step(3, "rendering the report");
        sub("report", json.toString(), "-o", html.toString());

        Report report = readReport(json);
        Map<MethodReport, GeneratedPort> handWritten = handWrittenPorts(report);
        List<Path> portDirs = new ArrayList<>();
        List<Path> autoDirs = new ArrayList<>();
        step(4, "generating Rust ports of the top " + Math.min(ports, report.candidates().size()) + " candidates");
        for (MethodReport candidate : report.candidates().stream().limit(ports).toList()) {
            Path autoDir = autoPort(candidate, json, demoJar, out, handWritten.get(candidate));
            if (autoDir != null) {
                autoDirs.add(autoDir);
            }
            GeneratedPort hand = handWritten.get(candidate);
            String crate = hand != null ? hand.crate() : null;
            Path dir = out.resolve("ports").resolve(crate != null ? crate : "rank-" + candidate.rank());
            List<String> gen = new ArrayList<>(List.of("generate", "--report", json.toString(), "--candidate", candidate.key(),
                    "--classpath", demoJar.toString(), "-o", dir.toString(), "--force"));
            if (crate != null) {
                gen.addAll(List.of("--crate-name", crate));
            }
            sub(gen.toArray(String[]::new));
            if (hand == null) {
                err.println("  no hand-written port of " + candidate.key() + " in demo-app/native: its stub stays unported");
                continue;
            }
            overlayHandWritten(hand.dir(), dir);
            err.println("  put in the hand-written Rust body from " + Installation.home().relativize(hand.dir()));
            portDirs.add(dir);
        }

        if (!portDirs.isEmpty()) {
            step(5, "building, differential-testing and benchmarking " + portDirs.size() + " port(s) (cargo, JUnit, JMH)");
            List<String> verify = new ArrayList<>(List.of("verify", "--classpath", demoJar.toString(), "--report", json.toString()));
            if (quick) {
                verify.add("--quick");
            }
            portDirs.forEach(d -> verify.add(d.toString()));
            int code = subAllowingFailure(verify.toArray(String[]::new));
            Report auto = verifyAutoPorts(autoDirs, json, demoJar, out);
            step(6, "re-rendering the report with the measured results");
            sub("report", json.toString(), "-o", html.toString());
            summary(readReport(json), auto, html);
            return code;
        }
        step(5, "no ports to verify");
        step(6, "report is final");
        summary(report, null, html);
        return ExitCodes.OK;
    }

    private void summary(Report report, Report auto, Path html) {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("Candidates (rank, method, est. CPU s/day saved, measured Java -> Rust: hand-written port | auto-port):");
        for (MethodReport m : report.candidates()) {
            MethodReport a = auto == null ? null : auto.candidates().stream().filter(c -> c.key().equals(m.key())).findFirst().orElse(null);
            out.printf(Locale.ROOT, "  %2d  %-70s %10.1f  hand: %s | auto: %s%n", m.rank(), m.key(), m.score(), measured(m.port()),
                    a == null ? "not auto-ported" : measured(a.port()));
        }
        out.println("Rejected: " + report.rejected().size() + " methods (reasons in the report).");
        out.println("Report: " + html);
        out.flush();
    }

    private static String measured(MethodReport.PortResult p) {
        return p == null ? "not ported"
                : !p.differentialPassed() ? "port FAILED its differential test"
                : p.speedup() == null ? "verified, not benchmarked"
                : String.format(Locale.ROOT, "%.0f ns -> %.0f ns per call: %.2fx%s", p.javaNsPerOp(), p.rustNsPerOp(), p.speedup(),
                p.speedup() < 1 ? " (Rust is slower: keep the Java)" : "");
    }

    /**
     * {@code generate --auto} for a candidate into {@code ports/<crate>-auto}: the auto-port shown beside the hand
     * port. Null (with the refusal printed) when the method is outside the auto-port subset.
     */
    private Path autoPort(MethodReport candidate, Path json, Path demoJar, Path out, GeneratedPort hand) {
        String crate = hand != null ? hand.crate() + "_auto" : null;
        Path dir = out.resolve("ports").resolve(crate != null ? crate : "rank-" + candidate.rank() + "-auto");
        List<String> gen = new ArrayList<>(List.of("generate", "--auto", "--report", json.toString(), "--candidate", candidate.key(),
                "--classpath", demoJar.toString(), "-o", dir.toString(), "--force"));
        if (crate != null) {
            gen.addAll(List.of("--crate-name", crate));
        }
        int code = subAllowingFailure(gen.toArray(String[]::new));
        if (code != 0) {
            spec.commandLine().getErr().println("  no auto-port of " + candidate.key() + " (refused above)");
            return null;
        }
        return dir;
    }

    /** Verifies the auto-ports against a copy of the report ({@code report-auto.json}); null when there are none. */
    private Report verifyAutoPorts(List<Path> autoDirs, Path json, Path demoJar, Path out) throws IOException {
        if (autoDirs.isEmpty()) {
            return null;
        }
        Path autoJson = out.resolve("report-auto.json");
        Files.copy(json, autoJson, StandardCopyOption.REPLACE_EXISTING);
        spec.commandLine().getErr().println("  and the " + autoDirs.size() + " auto-port(s) (oxidizer generate --auto), results in " + autoJson.getFileName());
        List<String> verify = new ArrayList<>(List.of("verify", "--classpath", demoJar.toString(), "--report", autoJson.toString()));
        if (quick) {
            verify.add("--quick");
        }
        autoDirs.forEach(d -> verify.add(d.toString()));
        subAllowingFailure(verify.toArray(String[]::new));
        return readReport(autoJson);
    }

    private void step(int n, String what) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("[" + n + "/" + STEPS + "] " + what);
        err.flush();
    }

    /** Runs a subcommand in this JVM with this command's streams; any failure ends the demo with its code. */
    private void sub(String... args) {
        int code = subAllowingFailure(args);
        if (code != 0) {
            throw new CliException(code, "step '" + args[0] + "' failed with exit code " + code + " (its message is above)");
        }
    }

    private int subAllowingFailure(String... args) {
        CommandLine cl = OxidizerCli.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        return cl.execute(args);
    }

    private static Report readReport(Path json) {
        try {
            return ReportJson.read(json);
        } catch (Exception e) {
            throw new CliException(ExitCodes.TOOL_FAILED, "cannot read the report the analyzer just wrote: " + e.getMessage());
        }
    }

    /** The demo's hand-written ports in {@code <oxidizer.home>/demo-app/native/}, by the method they port. */
    private static Map<MethodReport, GeneratedPort> handWrittenPorts(Report report) throws IOException {
        Path nativeDir = Installation.home().resolve("demo-app").resolve("native");
        Map<String, GeneratedPort> byKey = new LinkedHashMap<>();
        if (Files.isDirectory(nativeDir)) {
            try (Stream<Path> dirs = Files.list(nativeDir)) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    try {
                        GeneratedPort port = GeneratedPort.read(d);
                        byKey.put(port.methodKey(), port);
                    } catch (VerifyException notAPort) {
                        // other folders (scripts, shared files) are not ports
                    }
                }
            }
        }
        Map<MethodReport, GeneratedPort> result = new LinkedHashMap<>();
        for (MethodReport m : report.candidates()) {
            if (byKey.containsKey(m.key())) {
                result.put(m, byKey.get(m.key()));
            }
        }
        return result;
    }

    /**
     * Copies the files a user owns in a port (the Rust body, cargo settings, the benchmark's inputs and the added
     * test cases) from the hand-written port over the freshly generated one; the shim and the wrapper stay as
     * generated, so the demo also checks that the hand-written bodies fit what the generator writes today.
     */
    private static void overlayHandWritten(Path from, Path to) throws IOException {
        for (String rel : List.of("src/lib.rs", ".cargo", "java/src/jmh", "java/src/test")) {
            Path src = from.resolve(rel);
            if (!Files.exists(src)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    Path dest = to.resolve(from.relativize(f).toString());
                    Files.createDirectories(dest.getParent());
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Entry points and latency threads from the demo's labels file, inside the demo jar. */
    record Labels(List<String> entryPoints, List<String> latencyThreads) {
        static Labels read(Path demoJar) {
            try (ZipFile zip = new ZipFile(demoJar.toFile())) {
                var entry = zip.getEntry("dev/oxidizer/demo/labels.json");
                if (entry == null) {
                    throw new CliException(ExitCodes.TOOL_FAILED, demoJar + " has no dev/oxidizer/demo/labels.json; rebuild the demo");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    JsonNode root = new ObjectMapper().readTree(in);
                    return new Labels(strings(root.path("entryPoints")), strings(root.path("latencyThreads")));
                }
            } catch (IOException e) {
                throw new CliException(ExitCodes.TOOL_FAILED, "cannot read the demo's labels in " + demoJar + ": " + e.getMessage());
            }
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.asText()));
            return out;
        }
    }
}

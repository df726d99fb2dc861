package dev.oxidizer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportFormatException;
import dev.oxidizer.model.ReportJson;
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
import java.util.ArrayList;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.ZipFile;

/**
 * {@code oxidizer demo}: the whole loop on the bundled demo application, as a user would run it, through the
 * real subcommands: {@code run} (the demo under the agent), then {@code advise} (analyze → generate the top
 * candidates with the demo's hand-written Rust bodies from {@code demo-app/native/} put in → verify: cargo,
 * differential test, interleaved benchmark → the final report with measured verdicts), then the same ported methods
 * auto-ported ({@code generate --auto}) and verified into {@code report-auto.json}, so the summary shows the
 * hand-written and the automatic port's measured speedups side by side. Everything is written under the output folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole loop on the bundled demo application: profile it under the agent, analyze,",
                "render the report, generate Rust ports of the top candidates, build and verify them",
                "(differential test + JMH benchmark), and re-render the report with the measured speedups."})
final class DemoCommand implements Callable<Integer> {
    static final int STEPS = 3;

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
        Path out = output.toAbsolutePath().normalize();
        Files.createDirectories(out);
        Path jfr = out.resolve("demo.jfr");
        Path demoJar = Installation.demoJar();

        step(1, "profiling the demo under the agent for " + runSeconds + " s on " + workers + " threads (seed " + seed
                + "), capturing calls of its kernels");
        // capture: the ports are then tested and benchmarked on the demo's own calls (an image filter indexes its
        // arrays by its width and height arguments: random ones would not fit)
        sub("run", "-o", jfr.toString(), "--force", "--agent-options", "capture=dev.oxidizer.demo.kernels.**,captureCalls=100",
                "--", "-jar", demoJar.toString(),
                "--seconds", Integer.toString(runSeconds), "--threads", Integer.toString(workers), "--seed", Long.toString(seed));

        step(2, "advising: oxidizer advise " + jfr.getFileName() + " --classpath " + demoJar.getFileName() + " --top " + ports
                + " --bodies demo-app/native (the demo's hand-written Rust bodies)");
        List<String> advise = new ArrayList<>(List.of("advise", jfr.toString(), "--classpath", demoJar.toString(),
                "-o", out.toString(), "--top", Integer.toString(ports),
                "--bodies", Installation.home().resolve("demo-app").resolve("native").toString()));
        Labels labels = Labels.read(demoJar);
        labels.entryPoints().forEach(e -> advise.addAll(List.of("--entry-point", e)));
        labels.latencyThreads().forEach(t -> advise.addAll(List.of("--latency-thread", t)));
        if (quick) {
            advise.add("--quick");
        }
        sub(advise.toArray(String[]::new));

        Path json = out.resolve("report.json");
        List<MethodReport> ported = readReport(json).methods().stream().filter(m -> m.port() != null).toList();
        step(3, "auto-porting the " + ported.size() + " ported method(s) with 'generate --auto' beside the hand-written"
                + " ports, verified into report-auto.json");
        Path autoJson = out.resolve("report-auto.json");
        Files.copy(json, autoJson, StandardCopyOption.REPLACE_EXISTING);
        List<String> verify = new ArrayList<>(List.of("verify", "--classpath", demoJar.toString(), "--report", autoJson.toString()));
        if (quick) {
            verify.add("--quick");
        }
        int autoPorts = 0;
        for (MethodReport m : ported) {
            Path dir = out.resolve("ports-auto").resolve(m.methodName() + "-" + autoPorts);
            int code = subAllowingFailure("generate", "--auto", "--report", autoJson.toString(), "--candidate", m.key(),
                    "--classpath", demoJar.toString(), "-o", dir.toString(), "--force");
            if (code != 0) {
                spec.commandLine().getErr().println("  no auto-port of " + m.key() + " (refused above)");
                continue;
            }
            verify.add(dir.toString());
            autoPorts++;
        }
        if (autoPorts > 0) {
            subAllowingFailure(verify.toArray(String[]::new));
        }
        sideBySide(ported, readReport(autoJson));
        return ExitCodes.OK;
    }

    /** One line per ported method: the hand-written port's measured verdict beside the auto-port's. */
    private void sideBySide(List<MethodReport> ported, Report auto) {
        PrintWriter o = spec.commandLine().getOut();
        o.println();
        o.println("Hand-written port | auto-port (oxidizer generate --auto), measured Java -> Rust:");
        for (MethodReport m : ported) {
            MethodReport a = auto.methods().stream().filter(x -> x.key().equals(m.key())).findFirst().orElse(null);
            o.printf(Locale.ROOT, "  %-60s hand: %s | auto: %s%n", m.key(), measured(m.port()),
                    a == null || a.port() == null ? "not auto-ported" : measured(a.port()));
        }
        o.flush();
    }

    private static String measured(MethodReport.PortResult p) {
        if (!p.differentialPassed()) {
            return "FAILED its differential test";
        }
        if (p.speedup() == null) {
            return "verified, not benchmarked";
        }
        String interval = p.speedupLow() == null || p.speedupHigh() == null ? ""
                : String.format(Locale.ROOT, " (%.2f-%.2f)", p.speedupLow(), p.speedupHigh());
        return String.format(Locale.ROOT, "%.2fx%s", p.speedup(), interval);
    }

    private static Report readReport(Path json) {
        try {
            return ReportJson.read(json);
        } catch (ReportFormatException | IOException e) {
            throw new CliException(ExitCodes.TOOL_FAILED, "cannot read the report the advice just wrote: " + e.getMessage());
        }
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

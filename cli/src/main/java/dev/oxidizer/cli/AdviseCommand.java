package dev.oxidizer.cli;

import dev.oxidizer.model.MeasuredVerdicts;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.stubgen.PortManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
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

/**
 * {@code oxidizer advise app.jfr... --classpath app.jar [--top N] -o DIR}: from recordings to the final advice in one
 * command, through the real subcommands: analyze → generate the top candidates (an automatic body where the generator
 * offers one, a hand-written body from {@code --bodies}, else the stub) → verify (cargo, differential test,
 * interleaved benchmark) → report. Prints each step, then what it found and what to do next. Everything is written
 * under {@code DIR}: {@code report.json}, {@code report.html}, {@code ports/<crate>/}.
 *
 * <p>Exit codes: 0 the advice is written (also when some ports are stubs or failed their test: the report says so);
 * 2 bad option; 4 bad input (a recording, the class path); 5 a tool failed.
 */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"From recordings to measured advice in one command: analyze, generate ports of the top candidates,",
                "build, differential-test and benchmark them, and render the final report. Details: docs/cli.md."})
final class AdviseCommand implements Callable<Integer> {
    static final int STEPS = 4;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.jfr", description = "recordings written by 'oxidizer run' or the agent")
    List<Path> recordings;

    @Option(names = {"-cp", "--classpath"}, required = true, paramLabel = "CP",
            description = "the application's classes (folders and jars, separated by ':')")
    String classPath;

    @Option(names = {"-o", "--output"}, defaultValue = "oxidizer-out/advice", paramLabel = "DIR",
            description = "folder for the report and the ports (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--top", defaultValue = "3", paramLabel = "N", description = "port and measure the top N candidates, 0 to 20 (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--bodies", paramLabel = "DIR", description = {"hand-written ports: DIR/<crate>/src/lib.rs (and .cargo/) is put into",
            "the generated port of the same crate, or of the method its oxidizer-port.json names"})
    Path bodies;

    @Option(names = "--entry-point", paramLabel = "GLOB", description = "passed to analyze (repeatable)")
    List<String> entryPoints = new ArrayList<>();

    @Option(names = "--latency-thread", paramLabel = "GLOB", description = "passed to analyze (repeatable)")
    List<String> latencyThreads = new ArrayList<>();

    @Option(names = "--quick", description = "shorter benchmarks (5 rounds of 0.5 s)")
    boolean quick;

    @Option(names = "--threshold", defaultValue = "1.2", paramLabel = "X", description = "speedup a port must surely exceed (default: ${DEFAULT-VALUE})")
    double threshold;

    @Override
    public Integer call() throws IOException {
        if (top < 0 || top > 20) {
            throw new CliException(ExitCodes.USAGE, "--top must be 0 to 20, was " + top);
        }
        for (Path r : recordings) {
            if (!Files.isRegularFile(r)) {
                throw new CliException(ExitCodes.BAD_INPUT, r + ": no such recording; pass .jfr files written by 'oxidizer run' or the agent");
            }
        }
        if (bodies != null && !Files.isDirectory(bodies)) {
            throw new CliException(ExitCodes.USAGE, "--bodies " + bodies + " is not a folder");
        }
        Path out = output.toAbsolutePath().normalize();
        Files.createDirectories(out);
        Path json = out.resolve("report.json");
        Path html = out.resolve("report.html");
        PrintWriter err = spec.commandLine().getErr();

        step(1, "analyzing " + recordings.size() + " recording(s)");
        List<String> analyze = new ArrayList<>(List.of("analyze"));
        recordings.forEach(r -> analyze.add(r.toAbsolutePath().toString()));
        analyze.addAll(List.of("-o", json.toString(), "--quiet"));
        entryPoints.forEach(e -> analyze.addAll(List.of("--entry-point", e)));
        latencyThreads.forEach(t -> analyze.addAll(List.of("--latency-thread", t)));
        sub(analyze);
        Report report = read(json);

        List<MethodReport> chosen = report.candidates().stream().limit(top).toList();
        step(2, "generating ports of the top " + chosen.size() + " of " + report.candidates().size() + " candidates");
        boolean autoAvailable = OxidizerCli.commandLine().getSubcommands().get("generate").getCommandSpec().findOption("--auto") != null;
        Map<String, GeneratedBody> hand = handWritten();
        Map<MethodReport, Path> ports = new LinkedHashMap<>();
        Map<MethodReport, String> origin = new LinkedHashMap<>();
        for (MethodReport m : chosen) {
            GeneratedBody body = hand.get(m.key());
            Path dir = out.resolve("ports").resolve(body != null ? body.crate() : "rank-" + m.rank());
            List<String> gen = new ArrayList<>(List.of("generate", "--report", json.toString(), "--candidate", m.key(),
                    "--classpath", classPath, "-o", dir.toString(), "--force"));
            if (body != null) {
                gen.addAll(List.of("--crate-name", body.crate()));
            } else if (autoAvailable) {
                gen.add("--auto");
            }
            int code = subAllowingFailure(gen);
            if (code != 0 && gen.remove("--auto")) {
                err.println("  " + m.key() + ": outside the auto-port subset (reason above); generating the stub instead");
                code = subAllowingFailure(gen);
            }
            if (code != 0) {
                err.println("  " + m.key() + ": not generated (exit " + code + ", reason above); left out");
                continue;
            }
            if (body != null) {
                overlay(body.dir(), dir);
                origin.put(m, "hand (" + body.dir() + ")");
            } else {
                origin.put(m, autoAvailable ? "auto where supported, else stub" : "stub");
            }
            ports.put(m, dir);
        }

        int verifyCode = 0;
        List<Path> toVerify = ports.values().stream().toList();
        if (!toVerify.isEmpty()) {
            step(3, "building, differential-testing and benchmarking " + toVerify.size() + " port(s) (cargo, JUnit, interleaved Java/Rust)");
            List<String> verify = new ArrayList<>(List.of("verify", "--classpath", classPath, "--report", json.toString(),
                    "--threshold", Double.toString(threshold)));
            if (quick) {
                verify.add("--quick");
            }
            toVerify.forEach(d -> verify.add(d.toString()));
            verifyCode = subAllowingFailure(verify);
        } else {
            step(3, "nothing to verify");
        }
        step(4, "rendering the final report");
        sub(List.of("report", json.toString(), "-o", html.toString()));
        summary(read(json), ports, origin, html, verifyCode);
        return ExitCodes.OK;
    }

    private void summary(Report report, Map<MethodReport, Path> ports, Map<MethodReport, String> origin, Path html, int verifyCode) {
        PrintWriter o = spec.commandLine().getOut();
        o.println();
        o.println("Advice (" + report.candidates().size() + " candidates of " + report.methods().size() + " methods; threshold "
                + String.format(Locale.ROOT, "%.2f", threshold) + "x):");
        List<String> next = new ArrayList<>();
        for (MethodReport m : report.candidates()) {
            var p = m.port();
            String rank = m.rank() == null ? " -" : String.format(Locale.ROOT, "%2d", m.rank());
            String verdict = p == null ? "not ported: estimated " + secs(m.score()) + " CPU/day at the assumed speedup"
                    : p.verdictReason();
            o.printf(Locale.ROOT, "  %s  %s%n      %s%n", rank, m.key(), verdict);
            Path dir = ports.entrySet().stream().filter(e -> e.getKey().key().equals(m.key())).map(Map.Entry::getValue).findFirst().orElse(null);
            if (dir != null && p != null && !p.differentialPassed()) {
                next.add("write or fix the body of " + m.methodName() + " in " + dir.resolve("src/lib.rs") + ", then: oxidizer verify "
                        + dir + " --classpath " + classPath + " --report " + report(html));
            } else if (p != null && MeasuredVerdicts.Kind.INCONCLUSIVE.name().equals(p.verdict())) {
                next.add("settle " + m.methodName() + ": oxidizer verify " + dir + " --classpath " + classPath + " --rounds 20 --report " + report(html));
            } else if (p != null && MeasuredVerdicts.Kind.PORT.name().equals(p.verdict())) {
                next.add("adopt " + m.methodName() + ": the wrapper in " + dir.resolve("java/src/main/java") + " replaces the Java call (docs/generator.md)");
            }
        }
        ports.forEach((m, d) -> o.println("  port of " + m.methodName() + ": " + d + " (body: " + origin.get(m) + ")"));
        o.println("Rejected: " + report.rejected().size() + " methods (the first rule each failed is in the report).");
        o.println("Report: " + html);
        if (!next.isEmpty()) {
            o.println("Next:");
            next.forEach(n -> o.println("  - " + n));
        }
        if (verifyCode != 0) {
            o.println("(verify exited " + verifyCode + ": a port is unwritten or disagrees with Java; its result is in the report)");
        }
        o.flush();
    }

    private static String report(Path html) {
        return html.resolveSibling("report.json").toString();
    }

    private static String secs(double s) {
        return s >= 60 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** A hand-written port: its folder and crate. */
    record GeneratedBody(Path dir, String crate) {}

    /** Hand-written ports under {@code --bodies}, by method key (from their port manifest). */
    private Map<String, GeneratedBody> handWritten() throws IOException {
        Map<String, GeneratedBody> byKey = new LinkedHashMap<>();
        if (bodies == null) {
            return byKey;
        }
        try (Stream<Path> dirs = Files.list(bodies.toAbsolutePath().normalize())) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!Files.isRegularFile(d.resolve(PortManifest.FILE_NAME)) || !Files.isRegularFile(d.resolve("src/lib.rs"))) {
                    continue;
                }
                try {
                    PortManifest m = PortManifest.read(d);
                    byKey.put(m.methodKey(), new GeneratedBody(d, m.crate()));
                } catch (IllegalArgumentException e) {
                    spec.commandLine().getErr().println("  --bodies: " + e.getMessage() + "; skipped");
                }
            }
        }
        return byKey;
    }

    /** Puts a hand-written body (src/lib.rs, .cargo/) into a freshly generated port; the rest stays as generated. */
    static void overlay(Path from, Path to) throws IOException {
        for (String rel : List.of("src/lib.rs", ".cargo")) {
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

    private void step(int n, String what) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("[" + n + "/" + STEPS + "] " + what);
        err.flush();
    }

    private void sub(List<String> args) {
        int code = subAllowingFailure(args);
        if (code != 0) {
            throw new CliException(code, "step '" + args.getFirst() + "' failed with exit code " + code + " (its message is above)");
        }
    }

    private int subAllowingFailure(List<String> args) {
        CommandLine cl = OxidizerCli.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        return cl.execute(args.toArray(String[]::new));
    }

    private static Report read(Path json) {
        try {
            return ReportJson.read(json);
        } catch (Exception e) {
            throw new CliException(ExitCodes.TOOL_FAILED, "cannot read the report the analyzer just wrote: " + e.getMessage());
        }
    }
}

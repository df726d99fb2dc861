package dev.oxidizer.cli;

import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportFormatException;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.stubgen.AutoPortGenerator;
import dev.oxidizer.stubgen.ClassFileMethodReader;
import dev.oxidizer.stubgen.ClassPathReader;
import dev.oxidizer.stubgen.GeneratedFiles;
import dev.oxidizer.stubgen.GeneratorException;
import dev.oxidizer.stubgen.GeneratorOptions;
import dev.oxidizer.stubgen.MavenCoordinates;
import dev.oxidizer.stubgen.MemoryMode;
import dev.oxidizer.stubgen.MethodSpec;
import dev.oxidizer.stubgen.OriginalArtifact;
import dev.oxidizer.stubgen.OutputWriter;
import dev.oxidizer.stubgen.ReportMethodSource;
import dev.oxidizer.stubgen.StubGenerator;
import dev.oxidizer.vocabulary.MethodKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import dev.oxidizer.patterns.EditedFilesException;
import dev.oxidizer.patterns.GenerationResult;
import dev.oxidizer.patterns.PatternGenerator;
import dev.oxidizer.patterns.PatternKind;
import dev.oxidizer.patterns.PatternOptions;
import dev.oxidizer.patterns.PatternSpec;
import java.util.concurrent.Callable;

/**
 * {@code oxidizer generate}: writes a Rust crate and a Java FFM wrapper (plus a differential test and a JMH benchmark)
 * for one method, picked from an analyzer report or named on a class path. Exit codes: 0 written; 2 bad option;
 * 4 bad input (unreadable report, unknown or ambiguous method, a signature that cannot cross to Rust); 6 refused to
 * overwrite an edited file or to write outside the folder; 64 a pattern not built yet. Nothing is written unless
 * everything can be.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a Rust crate and a Java FFM wrapper for a flagged method.",
                "Pick the method from a report (--report R.json --candidate 1) or name it (--classpath CP --method 'pkg.Class#name(desc)').",
                "Files you edited are never overwritten without --force. Details: docs/generator.md."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "folder to write into (created if absent)")
    Path output;

    @Option(names = "--report", paramLabel = "REPORT.json", description = "analyzer report to pick the method from")
    Path report;

    @Option(names = "--candidate", paramLabel = "RANK|KEY", description = "with --report: candidate rank (1 = best) or method key")
    String candidate;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "CP", description = "the application's classes (folders and jars); read, never loaded")
    String classpath;

    @Option(names = "--method", paramLabel = "pkg.Class#name(desc)", description = "method to port; the descriptor may be left out when the name is unique")
    String method;

    @Option(names = "--memory", paramLabel = "auto|critical|arena", defaultValue = "auto",
            description = "how arrays and strings cross: critical (zero copy, short calls), arena (copy), auto (from the measured p99; default)")
    String memory;

    @Option(names = "--critical-max-ns", paramLabel = "NS", defaultValue = "100000",
            description = "with --memory auto: longest measured p99 that still uses critical calls (default: ${DEFAULT-VALUE})")
    long criticalMaxNs;

    @Option(names = "--crate-name", paramLabel = "NAME", description = "Cargo crate and library name (default: <class>_<method>)")
    String crateName;

    @Option(names = "--java-class", paramLabel = "NAME", description = "generated wrapper class name (default: <Class><Method>Rust)")
    String javaClass;

    @Option(names = "--ulps", paramLabel = "N", defaultValue = "4", description = "floating-point tolerance of the differential test (default: ${DEFAULT-VALUE})")
    int ulps;

    @Option(names = "--pattern", paramLabel = "native|sidecar|queue|embed-jvm", defaultValue = "native",
            description = {"integration pattern (default: native, a direct FFM call per Java call); sidecar, queue and embed-jvm (formerly host)",
                    "are configured with -P options instead of a method: see docs/patterns.md"})
    String pattern;

    @Option(names = {"-P", "--pattern-option"}, paramLabel = "KEY=VALUE",
            description = "with --pattern sidecar|queue|embed-jvm (repeatable), e.g. -P package=com.acme -P class=Orders -P 'item=long id, double price'")
    Map<String, String> patternOptions = new java.util.LinkedHashMap<>();

    @Option(names = "--original-artifact", paramLabel = "GROUP:ARTIFACT:VERSION",
            description = {"the Maven artifact holding the method's class, a test dependency of the generated java/pom.xml",
                    "(default: read from the jar's pom.properties or the pom.xml beside target/classes)"})
    String originalArtifact;

    @Option(names = "--force", description = "overwrite files edited since they were generated (never src/lib.rs: your Rust body is kept)")
    boolean force;

    @Option(names = "--auto", description = "translate the method's byte code into the Rust body (needs --classpath);"
            + " a method outside the subset is refused with the instruction and its line (see docs/generator.md)")
    boolean auto;

    @Option(names = "--recording", paramLabel = "FILE.jfr", description = {"recordings whose argument lengths size the benchmark's "
            + "arrays and Strings (repeatable; default: the recordings the --report lists, when they exist)"})
    java.util.List<Path> recordings = new java.util.ArrayList<>();

    @Option(names = "--captures", paramLabel = "FILE", description = {"calls captured by the agent (option capture=GLOB) to replay in "
            + "the differential test and benchmark (default: <recording>.captures beside a recording, when it exists)"})
    Path captures;

    @Option(names = "--no-inputs", description = "ignore recorded lengths and captured calls: edge values and random inputs only")
    boolean noInputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!pattern.equals("native")) {
            return generatePattern(out);
        }
        if (!patternOptions.isEmpty()) {
            throw usage("-P/--pattern-option applies to --pattern sidecar|queue|embed-jvm, not to the native pattern");
        }
        MemoryMode mode = switch (memory.toLowerCase(Locale.ROOT)) {
            case "auto" -> null;
            case "critical" -> MemoryMode.CRITICAL;
            case "arena" -> MemoryMode.ARENA;
            default -> throw usage("--memory " + memory + " is not accepted; expected auto, critical or arena");
        };
        if ((report == null) == (method == null)) {
            throw usage("name the method either with --report FILE --candidate RANK|KEY or with --classpath CP --method 'pkg.Class#name(descriptor)'");
        }
        if (report != null && candidate == null) {
            throw usage("--report needs --candidate: a candidate rank (1 = best) or a method key from the report");
        }
        if (auto && classpath == null) {
            throw usage("--auto needs --classpath: the class files of the method and of the application methods it calls");
        }
        if (method != null && classpath == null) {
            throw usage("--method needs --classpath: the folders and jars holding the method's class");
        }
        if (method != null) {
            try {
                MethodKey.parse(method);
            } catch (IllegalArgumentException e) {
                throw usage("--method: " + e.getMessage());
            }
        }
        MavenCoordinates original = null;
        if (originalArtifact != null) {
            try {
                original = MavenCoordinates.parse(originalArtifact);
            } catch (IllegalArgumentException e) {
                throw usage("--original-artifact: " + e.getMessage());
            }
        }
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(mode, criticalMaxNs, crateName, javaClass, ulps, null);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try {
            ClassPathReader cp = classpath == null ? null : new ClassPathReader(classpath);
            MethodSpec spec;
            Report r = null;
            if (report != null) {
                try {
                    r = ReportJson.read(report);
                } catch (ReportFormatException e) {
                    throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
                }
                spec = ReportMethodSource.select(r, report.toString(), candidate, cp);
            } else {
                spec = new ClassFileMethodReader(cp).read(method);
            }
            if (original == null) {
                original = OriginalArtifact.find(spec).orElse(null);
            }
            dev.oxidizer.stubgen.InputProfile inputs = noInputs ? dev.oxidizer.stubgen.InputProfile.none()
                    : RecordedInputs.of(spec.key(), recordings, captures, r, report);
            GeneratedFiles files = auto ? AutoPortGenerator.generate(spec, options, cp, original, inputs)
                    : StubGenerator.generate(spec, options, original, inputs);
            Map<String, OutputWriter.Action> actions = OutputWriter.write(files, output, force);
            out.println("Generated the Rust port of " + spec.key() + " in " + output.toAbsolutePath().normalize());
            actions.forEach((path, action) -> out.printf("  %-11s %s%n", action.name().toLowerCase(Locale.ROOT), path));
            if (actions.containsValue(OutputWriter.Action.KEPT)) {
                out.println("Kept:   your edited src/lib.rs (everything else was regenerated); its function must still match"
                        + " the signature below (delete src/lib.rs to get the generated stub again)");
            }
            out.println("Rust:   " + files.plan().rustSignature() + "  (src/lib.rs)");
            files.plan().warnings().forEach(w -> out.println("WARNING: " + w));
            out.println("Java:   " + files.plan().javaPackage() + (files.plan().javaPackage().isEmpty() ? "" : ".") + files.plan().javaClass());
            out.println("Memory: " + files.plan().memory().option() + " (" + files.plan().memoryReason() + ")");
            out.println("Inputs: " + RecordedInputs.describe(inputs));
            String pkg = files.plan().javaPackage();
            out.println("Maven:  " + GeneratedFiles.MODULE_POM + (pkg.startsWith("oxidizer.port.") ? "" : original != null
                    ? " (the differential test depends on " + original + ")"
                    : " (FIXME: set the artifact holding " + spec.className() + " there, or pass --original-artifact)"));
            out.println(auto ? "Next:   'oxidizer build " + output + "' or 'mvn package' in " + output.resolve("java")
                    + ", then run the differential test (the body was translated from byte code)"
                    : "Next:   write the body in src/lib.rs, then 'oxidizer build " + output + "' or 'mvn package' in "
                    + output.resolve("java") + " (see docs/maven-plugin.md)");
            out.flush();
            return ExitCodes.OK;
        } catch (GeneratorException e) {
            int code = switch (e.kind()) {
                case BAD_INPUT, UNSUPPORTED -> ExitCodes.BAD_INPUT;
                case REFUSED -> ExitCodes.REFUSED;
                case TOOL_FAILED -> ExitCodes.TOOL_FAILED;
            };
            throw new CliException(code, String.join("\noxidizer generate: ", e.problems())
                    + (e.kind() == GeneratorException.Kind.UNSUPPORTED ? "\noxidizer generate: nothing was written" : ""));
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot read or write: " + e.getMessage() + "; nothing more was written");
        }
    }

    /** Sidecar, queue and embed-jvm: code around a unit of work described by -P options (see PatternOptions). */
    private Integer generatePattern(PrintWriter out) {
        PatternKind kind;
        try {
            kind = PatternKind.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw usage("--pattern: " + e.getMessage() + ", native");
        }
        PatternKind.deprecation(pattern).ifPresent(line -> {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        });
        if (report != null || method != null) {
            throw usage("--pattern " + kind.id() + " is described by -P options, not by --report/--method; accepted options: "
                    + PatternOptions.accepted(kind));
        }
        PatternSpec patternSpec;
        try {
            patternSpec = PatternOptions.toSpec(kind, patternOptions);
        } catch (IllegalArgumentException e) {
            throw usage("--pattern " + kind.id() + ": " + e.getMessage());
        }
        try {
            GenerationResult r = new PatternGenerator().generate(kind, patternSpec, output, force);
            out.println("Generated the " + kind.id() + " pattern in " + r.outDir());
            r.written().forEach(f -> out.println("  written     " + f));
            r.unchanged().forEach(f -> out.println("  unchanged   " + f));
            out.println("Next:   see " + r.outDir().resolve("README.md") + " and docs/patterns.md");
            out.flush();
            return ExitCodes.OK;
        } catch (EditedFilesException e) {
            throw new CliException(ExitCodes.REFUSED, e.getMessage() + "; pass --force to overwrite; nothing was written");
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, "cannot write " + output + ": " + e.getMessage() + "; nothing was written");
        }
    }

    private CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }
}

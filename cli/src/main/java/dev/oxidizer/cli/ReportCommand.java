package dev.oxidizer.cli;

import dev.oxidizer.model.Report;
import dev.oxidizer.model.ReportFormatException;
import dev.oxidizer.model.ReportJson;
import dev.oxidizer.report.ReportToHtml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code oxidizer report REPORT.json [-o FILE.html]}: renders the analyzer's JSON report as one
 * self-contained HTML page (see {@link ReportToHtml}).
 *
 * <p>Writes only the named output file (default: the input's name with {@code .html}, beside it), through a
 * temporary file in the same folder and a rename, so a reader never sees half a page and a failure leaves
 * the old page in place. A symbolic link at the output path is replaced, never followed. Prints the path
 * written on stdout.
 *
 * <p>Exit codes: {@link ExitCodes#BAD_INPUT} for a missing, unreadable or non-report input;
 * {@link ExitCodes#REFUSED} when the output would overwrite the input; {@link ExitCodes#USAGE} when the
 * output's folder does not exist or cannot be written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render the analyzer's JSON report as one self-contained HTML file.",
                "",
                "The page needs no network: styles, script, charts and the model are inside it. It shows the",
                "summary, the ranked candidates (sortable, filterable), a panel per candidate with every rule,",
                "latency percentiles, CPU vs wait, a flame graph, the FFM break-even and the 'oxidizer generate'",
                "command to scaffold the port, and the methods not worth porting with the rule that rejected them."})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.json",
            description = "A report written by 'oxidizer analyze -o FILE.json'.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
            description = "Where to write the page (default: REPORT.html beside the input). "
                    + "An existing folder gets REPORT.html inside it. Replaced atomically if it exists.")
    Path output;

    @Override
    public Integer call() {
        Report report;
        try {
            report = ReportJson.read(input);
        } catch (ReportFormatException e) {
            throw new CliException(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IOException e) {
            throw new CliException(ExitCodes.BAD_INPUT, input + ": cannot read it (" + reason(e)
                    + "); expected an Oxidizer report (.json) written by 'oxidizer analyze -o FILE.json'", e);
        }
        Path target = target();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new CliException(ExitCodes.USAGE, "-o " + target + ": folder " + folder
                    + " does not exist; create it first or name a file in an existing folder");
        }
        try {
            if (Files.exists(target) && Files.isSameFile(target, input)) {
                throw new CliException(ExitCodes.REFUSED, "refusing to overwrite the input report " + input
                        + " with HTML; pass -o with another file name");
            }
            ReportToHtml.write(report, input.toAbsolutePath().normalize(), target);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot write " + target + " (" + reason(e)
                    + "); pass -o with a writable file path", e);
        }
        spec.commandLine().getOut().println(target);
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("oxidizer report: " + report.candidates().size() + " candidates, "
                + report.rejected().size() + " not worth porting; open " + target.toUri() + " in a browser");
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    /** The output file: -o as given (a folder gets the default name inside it), else beside the input. */
    private Path target() {
        String name = input.getFileName() == null ? "report" : input.getFileName().toString();
        String html = (name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? name.substring(0, name.length() - ".json".length()) : name) + ".html";
        Path t;
        if (output == null) {
            t = input.toAbsolutePath().normalize().resolveSibling(html);
        } else if (Files.isDirectory(output)) {
            t = output.resolve(html);
        } else {
            t = output;
        }
        return t.toAbsolutePath().normalize();
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                + (m == null || m.isBlank() ? "" : ": " + m);
    }
}

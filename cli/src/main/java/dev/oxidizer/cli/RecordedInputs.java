package dev.oxidizer.cli;

import dev.oxidizer.analyzer.ArgumentLengthsReader;
import dev.oxidizer.model.Report;
import dev.oxidizer.stubgen.CaptureFile;
import dev.oxidizer.stubgen.GeneratorException;
import dev.oxidizer.stubgen.InputProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application's own inputs of one method for {@code generate}: argument lengths from the recordings (given, or the
 * ones the report lists when they exist) and captured calls (given, or {@code <recording>.captures} beside one).
 */
final class RecordedInputs {
    /** Captured calls replayed per port at most (the file may hold more). */
    static final int MAX_CAPTURED_CALLS = 500;

    private RecordedInputs() {}

    static InputProfile of(String key, List<Path> recordings, Path captures, Report report, Path reportFile)
            throws IOException, GeneratorException {
        List<Path> files = new ArrayList<>(recordings);
        if (files.isEmpty() && report != null) {
            Path base = reportFile == null || reportFile.toAbsolutePath().getParent() == null ? Path.of("")
                    : reportFile.toAbsolutePath().getParent();
            for (Report.Recording r : report.recordings()) {
                Path p = Path.of(r.path());
                Path resolved = p.isAbsolute() ? p : Files.exists(p) ? p : base.resolve(p);
                if (Files.isRegularFile(resolved)) {
                    files.add(resolved);
                }
            }
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CliException(ExitCodes.BAD_INPUT, "--recording " + f + ": no such file; pass a recording written by the agent");
            }
        }
        Map<Integer, List<Integer>> lengths = files.isEmpty() ? Map.of()
                : ArgumentLengthsReader.read(files).getOrDefault(key, Map.of());
        Path capturesFile = captures;
        if (capturesFile == null) {
            for (Path f : files) {
                Path beside = Path.of(f + ".captures");
                if (Files.isRegularFile(beside)) {
                    capturesFile = beside;
                    break;
                }
            }
        } else if (!Files.isRegularFile(capturesFile)) {
            throw new CliException(ExitCodes.BAD_INPUT, "--captures " + capturesFile + ": no such file; pass the <recording>.captures the agent wrote");
        }
        List<String> calls = capturesFile == null ? List.of() : CaptureFile.callsOf(capturesFile, key, MAX_CAPTURED_CALLS);
        return new InputProfile(lengths, calls);
    }

    static String describe(InputProfile p) {
        return switch (p.source()) {
            case "captured" -> p.captures().size() + " captured calls (copied into java/src/test/resources: they may hold user data)";
            case "recorded-lengths" -> "random content of the recorded argument lengths " + p.lengths();
            default -> "edge values and seeded random inputs (no recorded lengths or captured calls for this method)";
        };
    }
}

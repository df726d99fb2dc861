package dev.oxidizer.cli;

import dev.oxidizer.model.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code oxidizer report} from the packaged, shaded {@code oxidizer.jar} in a fresh JVM, as the launcher
 * does: the templates must be inside the jar and Freemarker must work without the multi-release layout
 * the shaded jar loses.
 */
class ReportCommandIT {
    private static final Path JAR = Path.of(System.getProperty("oxidizer.cli.jar", "target/oxidizer.jar"));

    record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private static Result oxidizer(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("oxidizer report did not finish in 120 s: " + cmd + "\n" + Files.readString(err));
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void packagedJarRendersAReport(@TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "missing " + JAR + "; run the package phase first");
        Path json = dir.resolve("r.json");
        ReportJson.write(ReportCommandTest.report("com.acme.Stats"), json);
        Result r = oxidizer(dir, "report", json.toString(), "-o", dir.resolve("r.html").toString());
        assertEquals(ExitCodes.OK, r.code(), r.all());
        String page = Files.readString(dir.resolve("r.html"));
        assertTrue(page.contains("data-key=\"com.acme.Stats#summarize([D)D\""), r.all());
        assertTrue(page.contains("<svg class=\"flame\""), "charts rendered");
    }

    @Test
    void packagedJarRefusesANonReportWithExitCode4(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("x.json"), "[1, 2]");
        Result r = oxidizer(dir, "report", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.all());
        assertTrue(r.err().startsWith("oxidizer report: " + bad + ": not an Oxidizer report"), r.all());
    }
}

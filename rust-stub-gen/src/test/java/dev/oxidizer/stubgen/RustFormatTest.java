package dev.oxidizer.stubgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code src/lib.rs} and {@code src/ffi.rs} are what {@code rustfmt} (default configuration) would
 * write, for short, long and keyword names, 0 to 12 parameters and every result shape: {@link RustLayout}'s model of
 * rustfmt is checked against the real one. Runs {@code rustfmt --check} only (no compilation), so it is fast; skipped
 * where rustfmt is not installed. {@code GeneratedCrateLintIT} adds clippy on built crates.
 */
class RustFormatTest {
    @TempDir
    Path dir;

    private static final List<String> NAMES = List.of("a", "values", "inputCoordinatesBuffer", "match",
            "theSecondBufferOfSamplesWithAVeryLongDescriptiveName", "in", "x");
    private static final List<String> RETURNS = List.of("V", "I", "Z", "C", "D", "F", "J", "[D", "[I", "Ljava/lang/String;");
    private static final List<String> PARAM_TYPES = List.of("D", "[D", "I", "Ljava/lang/String;", "[J", "Z", "[B", "C");
    private static final List<String> METHOD_NAMES = List.of("f", "mean", "computeTheWeightedMovingAverageOfTheseSamples",
            "normalizeInPlaceEveryElementOfTheArrayWithAVeryLongNameIndeedForTesting");

    static boolean rustfmtAvailable() {
        try {
            Process p = new ProcessBuilder("rustfmt", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A deterministic spread of signatures: every return shape, parameter counts 0-12, names short to long. */
    static List<MethodSpec> signatures() {
        List<MethodSpec> out = new ArrayList<>();
        int n = 0;
        for (String ret : RETURNS) {
            for (int count : new int[] {0, 1, 2, 3, 5, 8, 12}) {
                String method = METHOD_NAMES.get(n % METHOD_NAMES.size());
                StringBuilder desc = new StringBuilder("(");
                List<MethodSpec.Param> params = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String t = PARAM_TYPES.get((n + i) % PARAM_TYPES.size());
                    String name = NAMES.get((n * 3 + i) % NAMES.size()) + (i == 0 ? "" : Integer.toString(i));
                    desc.append(t);
                    params.add(new MethodSpec.Param(name, JavaType.of(t), t.startsWith("[") && (n + i) % 2 == 0));
                }
                desc.append(')').append(ret);
                out.add(new MethodSpec("com.acme.formatting.Kernels" + n, method, desc.toString(), true, params,
                        JavaType.of(ret), List.of(), List.of(), false, null, "test", true, false));
                n++;
            }
        }
        return out;
    }

    @Test
    void generatedRustIsWhatRustfmtWouldWrite() throws Exception {
        assumeTrue(rustfmtAvailable(), "rustfmt is not installed");
        List<String> failures = new ArrayList<>();
        for (MethodSpec spec : signatures()) {
            GeneratedFiles g = StubGenerator.generate(spec, GeneratorOptions.defaults());
            Path crate = dir.resolve(spec.className().substring(spec.className().lastIndexOf('.') + 1));
            for (String f : List.of("src/lib.rs", "src/ffi.rs")) {
                Path p = crate.resolve(f);
                Files.createDirectories(p.getParent());
                Files.writeString(p, g.files().get(f), StandardCharsets.UTF_8);
            }
            Process p = new ProcessBuilder("rustfmt", "--check", "--edition", "2021", crate.resolve("src/lib.rs").toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                failures.add(spec.key() + ":\n" + output);
            }
        }
        assertEquals(List.of(), failures, "rustfmt --check found differences");
    }
}

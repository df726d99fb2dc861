package dev.oxidizer.stubgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oxidizer.stubgen.corpus.Corpus;
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
 * Freshly generated crates pass {@code cargo fmt --check} and
 * {@code cargo clippy --offline --all-targets -- -D warnings} (what the Maven plugin's {@code lint} goal runs) without
 * anyone touching them: stubs for every result shape, with many parameters and long names, and auto-ports. Skipped
 * where cargo, rustfmt or clippy is not installed.
 */
class GeneratedCrateLintIT {
    private static final Path CARGO_TARGET = Path.of(System.getProperty("oxidizer.it.cargoTarget", "target/it-cargo-target")).toAbsolutePath();

    @TempDir
    Path work;

    record Outcome(int exit, String output) {}

    static Outcome cargo(Path crate, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("cargo"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(crate.toFile()).redirectErrorStream(true);
        pb.environment().put("CARGO_TARGET_DIR", CARGO_TARGET.resolve("lint").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Outcome(-1, "timed out: " + out);
        }
        return new Outcome(p.exitValue(), out);
    }

    static boolean lintToolsInstalled() throws InterruptedException {
        try {
            return cargo(Path.of("."), List.of("fmt", "--version")).exit() == 0
                    && cargo(Path.of("."), List.of("clippy", "--version")).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Lints one crate; returns "" when clean, else what failed with cargo's output. */
    static String lint(Path crate) throws IOException, InterruptedException {
        StringBuilder problems = new StringBuilder();
        Outcome fmt = cargo(crate, List.of("fmt", "--check"));
        if (fmt.exit() != 0) {
            problems.append("cargo fmt --check in ").append(crate).append(":\n").append(fmt.output()).append('\n');
        }
        Outcome clippy = cargo(crate, List.of("clippy", "--offline", "--all-targets", "--", "-D", "warnings"));
        if (clippy.exit() != 0) {
            problems.append("cargo clippy in ").append(crate).append(":\n").append(clippy.output()).append('\n');
        }
        return problems.toString();
    }

    @Test
    void freshStubCratesAreRustfmtAndClippyClean() throws Exception {
        assumeTrue(lintToolsInstalled(), "cargo fmt / cargo clippy not installed");
        List<MethodSpec> specs = new ArrayList<>();
        for (String k : List.of("mix", "cumsum", "score", "greet", "invert")) {
            specs.add(Fixtures.kernel(k));
        }
        List<MethodSpec> spread = RustFormatTest.signatures();
        // every result shape once, with 0 to 12 parameters and long names (RustFormatTest checks all of them with rustfmt)
        for (int i = 0; i < spread.size(); i += 5) {
            specs.add(spread.get(i));
        }
        List<String> problems = new ArrayList<>();
        for (MethodSpec spec : specs) {
            GeneratedFiles g = StubGenerator.generate(spec, GeneratorOptions.defaults());
            Path out = work.resolve("stub-" + problems.size() + "-" + spec.methodName());
            OutputWriter.write(g, out, false);
            String p = lint(out);
            if (!p.isEmpty()) {
                problems.add(spec.key() + ": " + p);
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Auto-ports, whole crates: the translated body ({@code src/lib.rs}, its functions marked {@code #[rustfmt::skip]}
     * with their lints named), the Java runtime ({@code src/jrt.rs}) and the shim. The methods are every eighth of the
     * corpus by name, which spans loops, switches, try/catch, tables, recursion, strings and every array type.
     */
    @Test
    void freshAutoPortCratesAreRustfmtAndClippyClean() throws Exception {
        assumeTrue(lintToolsInstalled(), "cargo fmt / cargo clippy not installed");
        Path classes = Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassPathReader cp = new ClassPathReader(classes.toString());
        List<java.lang.reflect.Method> all = java.util.Arrays.stream(Corpus.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .sorted(java.util.Comparator.comparing(java.lang.reflect.Method::getName)
                        .thenComparing(m -> org.objectweb.asm.Type.getMethodDescriptor(m)))
                .toList();
        List<String> problems = new ArrayList<>();
        int linted = 0;
        for (int i = 0; i < all.size(); i += 8) {
            java.lang.reflect.Method m = all.get(i);
            MethodSpec spec = new ClassFileMethodReader(cp).read(Corpus.class.getName() + "#" + m.getName()
                    + org.objectweb.asm.Type.getMethodDescriptor(m));
            GeneratedFiles g;
            try {
                g = AutoPortGenerator.generate(spec, GeneratorOptions.defaults(), cp);
            } catch (GeneratorException refused) {
                continue; // refusals are AutoPortCorpusIT's subject
            }
            Path out = work.resolve("auto-" + i + "-" + m.getName());
            OutputWriter.write(g, out, false);
            String p = lint(out);
            if (!p.isEmpty()) {
                problems.add(spec.key() + ": " + p);
            }
            linted++;
        }
        assertEquals(List.of(), problems);
        assertTrue(linted >= 8, "auto-ports linted: " + linted);
    }
}

package dev.oxidizer.stubgen;

import dev.oxidizer.stubgen.corpus.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Auto-ports every public method of {@link Corpus} (methods the translator was not written against), builds each crate
 * with the real cargo, and runs its generated strict differential test through FFM. Counts pass / refuse / fail:
 * no auto-port may fail, at least 80 % must pass, every refusal names an instruction and its line. The counts are
 * written to {@code target/autoport-corpus.txt}.
 */
class AutoPortCorpusIT {
    private static final Path CARGO_TARGET = Path.of(System.getProperty("oxidizer.it.cargoTarget", "target/it-cargo-target")).toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void corpusAutoPortsAndPassesTheStrictDifferentialTest() throws Exception {
        Path classes = Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassPathReader cp = new ClassPathReader(classes.toString());
        List<Method> methods = new ArrayList<>(Arrays.stream(Corpus.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())).toList());
        methods.sort(Comparator.comparing(Method::getName));
        List<String> passed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        for (Method m : methods) {
            String key = Corpus.class.getName() + "#" + m.getName() + Type.getMethodDescriptor(m);
            MethodSpec spec = new ClassFileMethodReader(cp).read(key);
            Path out = work.resolve(m.getName());
            GeneratedFiles g;
            try {
                g = AutoPortGenerator.generate(spec, GeneratorOptions.defaults().withMemory(MemoryMode.CRITICAL)
                        .withCrateDirForJava(out.toString()).withCrateName("corpus_" + Names.snake(m.getName())), cp);
            } catch (GeneratorException e) {
                boolean named = e.getMessage().matches("(?s).*cannot auto-port .*: .* at line \\d+: .*");
                (named ? refused : failed).add(m.getName());
                log.append(named ? "REFUSED " : "FAILED (refusal names no line) ").append(m.getName()).append(": ")
                        .append(e.getMessage()).append('\n');
                continue;
            }
            OutputWriter.write(g, out, false);
            long t0 = System.nanoTime();
            String problem = buildAndTest(g, out, classes);
            log.append(String.format("%6d ms ", (System.nanoTime() - t0) / 1_000_000));
            if (problem == null) {
                passed.add(m.getName());
                log.append("PASSED  ").append(m.getName()).append('\n');
            } else {
                failed.add(m.getName());
                log.append("FAILED  ").append(m.getName()).append(": ").append(problem).append('\n');
            }
        }
        String summary = "auto-port corpus: " + methods.size() + " methods, " + passed.size() + " passed, " + refused.size()
                + " refused, " + failed.size() + " failed\n";
        Files.writeString(Path.of("target/autoport-corpus.txt"), summary + log);
        System.out.print(summary + log);
        assertEquals(List.of(), failed, "no auto-port may fail its differential test:\n" + log);
        assertTrue(passed.size() >= 0.8 * methods.size(), summary + log);
    }

    /** Null when the crate builds cleanly and its differential test passes, else what went wrong. */
    private static String buildAndTest(GeneratedFiles g, Path out, Path fixtures) throws Exception {
        CargoBuild.Result r;
        try {
            r = new CargoBuild("cargo", CARGO_TARGET, 600).build(out);
        } catch (GeneratorException e) {
            return "the crate does not build: " + e.getMessage();
        }
        if (r.output().contains("warning")) {
            return "cargo warned:\n" + r.output();
        }
        Path classes = out.resolve("classes");
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath())), classes, List.of(fixtures));
        try (URLClassLoader loader = JavaCompiler.loader(classes, out.resolve("java/src/main/resources"))) {
            String pkg = g.plan().javaPackage().isEmpty() ? "" : g.plan().javaPackage() + ".";
            Class<?> test = loader.loadClass(pkg + g.plan().javaClass() + "DifferentialTest");
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test)).build(), listener);
            TestExecutionSummary s = listener.getSummary();
            if (s.getTestsSucceededCount() != 1 || s.getTestsFailedCount() != 0) {
                return s.getFailures().isEmpty() ? "no test ran" : String.valueOf(s.getFailures().getFirst().getException());
            }
        }
        return null;
    }
}

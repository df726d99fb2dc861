package dev.oxidizer.stubgen;

import dev.oxidizer.stubgen.fixture.Kernels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * For every signature family of {@link Kernels}: generate, build with the real cargo, compile the Java with
 * {@code -Xlint:all -Werror}, call through FFM (the stub throws NotYetPortedException and the generated differential
 * test fails), then write a real Rust body, rebuild, and run the generated differential test, which must pass.
 * Failures and panics in Rust must surface as Java exceptions with Rust's message, with the JVM alive afterwards.
 *
 * <p>All crates share one CARGO_TARGET_DIR so std-only crates compile quickly.
 */
class GeneratedCrateIT {
    private static final Path CARGO_TARGET = Path.of(System.getProperty("oxidizer.it.cargoTarget", "target/it-cargo-target")).toAbsolutePath();

    @TempDir
    static Path work;
    private static Path fixtures;

    /**
     * One generated crate.
     *
     * @param selector   method selector in {@link Kernels}
     * @param memory     memory strategy
     * @param body       a correct Rust body for the port
     * @param sample     arguments for one call of the wrapper (receiver fields first)
     */
    record Family(String selector, MemoryMode memory, String body, Object[] sample) {
        String name() {
            return selector.replaceAll("[^A-Za-z0-9]", "_");
        }

        @Override
        public String toString() {
            return selector + " " + memory.option();
        }
    }

    static Stream<Family> families() {
        return Stream.of(
                new Family("mix", MemoryMode.CRITICAL, """
                        let i = (flag as i32).wrapping_add(b as i32).wrapping_add(c as i32).wrapping_add(s as i32).wrapping_add(match_);
                        let f1 = (i as i64).wrapping_add(l) as f32 + f;
                        Ok(f1 as f64 + d)""", new Object[] {true, (byte) 1, 'c', (short) 2, 3, 4L, 5f, 6d}),
                new Family("scale", MemoryMode.ARENA, """
                        for v in values.iter_mut() {
                            *v *= factor;
                        }
                        Ok(())""", new Object[] {new double[] {1, 2}, 2d}),
                new Family("cumsum", MemoryMode.CRITICAL, """
                        let mut acc = 0f32;
                        Ok(xs.iter().map(|x| { acc += x; acc }).collect())""", new Object[] {new float[] {1, 2}}),
                new Family("greet", MemoryMode.CRITICAL, "Ok(format!(\"hello {name}\"))", new Object[] {"w\u00f6rld"}),
                new Family("utf8Length", MemoryMode.ARENA, "Ok(text.len() as i32)", new Object[] {"\u65e5"}),
                new Family("score", MemoryMode.CRITICAL, "Ok(x * this_weight)", new Object[] {2.5d, 2d}),
                new Family("invert", MemoryMode.CRITICAL, "Ok(bits.iter().map(|b| !b).collect())", new Object[] {new boolean[] {true}}),
                new Family("sumInts", MemoryMode.ARENA, "Ok(xs.iter().map(|&x| x as i64).sum())", new Object[] {new int[] {1, 2}}),
                new Family("negate", MemoryMode.CRITICAL, """
                        for x in xs.iter_mut() {
                            *x = x.wrapping_neg();
                        }
                        Ok(())""", new Object[] {new long[] {1}}),
                new Family("shift", MemoryMode.CRITICAL, "Ok((c as i32).wrapping_add(by) as u16)", new Object[] {'a', 1}),
                new Family("odd", MemoryMode.CRITICAL, "Ok((s & 1) != 0)", new Object[] {(short) 3}),
                new Family("low", MemoryMode.ARENA, "Ok(s as i8)", new Object[] {(short) 300}),
                new Family("pair", MemoryMode.CRITICAL, "Ok((((hi as i32) << 8) | ((lo as i32) & 0xff)) as i16)", new Object[] {(byte) 1, (byte) 2}),
                new Family("bump", MemoryMode.ARENA, """
                        for c in cs.iter_mut() {
                            *c = c.wrapping_add(1);
                        }
                        Ok(())""", new Object[] {new char[] {'a'}}),
                new Family("twice", MemoryMode.ARENA, "Ok(xs.iter().map(|&x| (x as i32 * 2) as i16).collect())", new Object[] {new short[] {3}}),
                new Family("reverse", MemoryMode.CRITICAL, "Ok(bytes.iter().rev().copied().collect())", new Object[] {new byte[] {1, 2}}),
                new Family("clamp(I)I", MemoryMode.CRITICAL, "Ok(v.max(0))", new Object[] {-3}),
                new Family("clamp(J)J", MemoryMode.CRITICAL, "Ok(v.max(0))", new Object[] {-3L}),
                new Family("fn", MemoryMode.CRITICAL, "Ok(type_.wrapping_add(self_).wrapping_add(loop_))", new Object[] {1, 2, 3}),
                new Family("noop", MemoryMode.CRITICAL, "Ok(())", new Object[] {}),
                // varargs: the differential test calls the original with asFixedArity (it failed on every case before)
                new Family("sumAll", MemoryMode.ARENA, "Ok(xs.iter().map(|&x| x as i64).sum())", new Object[] {new int[] {1, 2}}),
                // a throws clause kept on the wrapper: the generated test and benchmark still compile and run
                new Family("firstByte", MemoryMode.CRITICAL, "Ok(data.first().map_or(-1, |&b| b as i32))",
                        new Object[] {new byte[] {7}}));
    }

    @BeforeAll
    static void locateFixtures() throws Exception {
        fixtures = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void stubThrowsNotYetPortedThenARealBodyPassesTheDifferentialTest(Family f) throws Exception {
        Path out = work.resolve(f.name());
        GeneratedFiles g = generate(f, out);
        checkHeader(out.resolve("include/" + g.plan().crateName() + ".h"));

        build(out);
        Loaded stub = compileAndLoad(g, out, "stub");
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> stub.port().invoke(null, f.sample()));
        assertEquals("NotYetPortedException", e.getCause().getClass().getSimpleName(), () -> stackTrace(e.getCause()));
        assertEquals("not yet ported: write the body of `" + g.plan().rustFn() + "` in src/lib.rs, then run `oxidizer build`",
                e.getCause().getMessage());
        TestExecutionSummary failing = runTests(stub.test());
        assertEquals(1, failing.getTestsFailedCount(), "the differential test must fail against the stub");
        assertTrue(failing.getFailures().getFirst().getException().getMessage().contains("not yet ported"),
                () -> stackTrace(failing.getFailures().getFirst().getException()));

        writeBody(out, g.plan(), f.body());
        build(out);
        Loaded real = compileAndLoad(g, out, "real");
        TestExecutionSummary passing = runTests(real.test());
        assertEquals(0, passing.getTestsFailedCount(), () -> passing.getFailures().isEmpty() ? ""
                : stackTrace(passing.getFailures().getFirst().getException()));
        assertEquals(1, passing.getTestsSucceededCount());

        // regenerating (here in the other memory mode) keeps the written body and needs no --force
        String body = Files.readString(out.resolve("src/lib.rs"));
        MemoryMode other = f.memory() == MemoryMode.CRITICAL ? MemoryMode.ARENA : MemoryMode.CRITICAL;
        GeneratedFiles regenerated = StubGenerator.generate(Fixtures.kernel(f.selector()), GeneratorOptions.defaults().withMemory(other));
        assertEquals(OutputWriter.Action.KEPT, OutputWriter.write(regenerated, out, false).get("src/lib.rs"));
        assertEquals(body, Files.readString(out.resolve("src/lib.rs")));
    }

    @Test
    void errorsAndPanicsInRustBecomeJavaExceptionsAndTheJvmLivesOn() throws Exception {
        // A primitive result (sentinel path), a Vec result and a void result in an arena (status paths).
        checkFailures(new Family("mix", MemoryMode.CRITICAL, """
                let _ = (b, c, s, l, f);
                if flag {
                    panic!("deliberate panic, d = {d}");
                }
                Err(format!("deliberate error, match = {match_}").into())""", new Object[] {true, (byte) 1, 'c', (short) 2, 3, 4L, 5f, 6d}),
                new Object[] {false, (byte) 1, 'c', (short) 2, 3, 4L, 5f, 6d}, "Rust panic: deliberate panic, d = 6", "deliberate error, match = 3");
        checkFailures(new Family("cumsum", MemoryMode.ARENA, """
                if xs.is_empty() {
                    return Err("deliberate error: empty".into());
                }
                panic!("deliberate panic with {} values", xs.len())""", new Object[] {new float[] {1, 2}}),
                new Object[] {new float[0]}, "Rust panic: deliberate panic with 2 values", "deliberate error: empty");
        checkFailures(new Family("scale", MemoryMode.ARENA, """
                if factor.is_nan() {
                    let v: Vec<i32> = Vec::new();
                    let _ = v[values.len()];
                }
                Err("deliberate error".into())""", new Object[] {new double[] {1}, Double.NaN}),
                new Object[] {new double[] {1}, 1d}, "Rust panic: index out of bounds", "deliberate error");
    }

    private void checkFailures(Family f, Object[] errorArgs, String panicMessage, String errorMessage) throws Exception {
        Path out = work.resolve("failures-" + f.name() + "-" + f.memory().option());
        GeneratedFiles g = generate(f, out);
        writeBody(out, g.plan(), f.body());
        build(out);
        Loaded l = compileAndLoad(g, out, "failing");
        for (int round = 0; round < 3; round++) {
            InvocationTargetException panic = assertThrows(InvocationTargetException.class, () -> l.port().invoke(null, f.sample()));
            assertEquals("RustPanicException", panic.getCause().getClass().getSimpleName(), () -> stackTrace(panic.getCause()));
            assertTrue(panic.getCause().getMessage().startsWith(panicMessage), panic.getCause().getMessage());
            InvocationTargetException error = assertThrows(InvocationTargetException.class, () -> l.port().invoke(null, errorArgs));
            assertEquals("RustException", error.getCause().getClass().getSimpleName(), () -> stackTrace(error.getCause()));
            assertEquals(errorMessage, error.getCause().getMessage());
            assertInstanceOf(RuntimeException.class, error.getCause());
        }
    }

    @Test
    void theLibraryIsFoundThroughTheSystemPropertyAndAMissingOneIsNamed() throws Exception {
        Family f = new Family("odd", MemoryMode.CRITICAL, "Ok((s & 1) != 0)", new Object[] {(short) 3});
        Path out = work.resolve("lookup");
        GeneratedFiles g = StubGenerator.generate(read(f.selector()), GeneratorOptions.defaults().withMemory(f.memory())
                .withCrateName("lookup_odd"));
        OutputWriter.write(g, out, false);
        writeBody(out, g.plan(), f.body());
        CargoBuild.Result built = build(out);
        Path classes = out.resolve("classes");
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath())), classes, List.of(fixtures));
        String property = "oxidizer.lookup_odd.library";
        try (URLClassLoader noResources = JavaCompiler.loader(classes)) {
            Class<?> wrapper = noResources.loadClass(g.plan().javaPackage() + "." + g.plan().javaClass());
            Method m = wrapper.getMethod("odd", short.class);
            Throwable missing = assertThrows(Throwable.class, () -> m.invoke(null, (short) 3));
            Throwable cause = missing instanceof InvocationTargetException ite ? ite.getCause() : missing;
            assertInstanceOf(UnsatisfiedLinkError.class, cause, () -> stackTrace(cause));
            assertTrue(cause.getMessage().startsWith("Rust library liblookup_odd.so of crate lookup_odd not found for platform " + Platform.current()
                    + "; tried class path resource /native/lookup_odd/"),
                    cause.getMessage());
        }
        System.setProperty(property, built.built().toString());
        try (URLClassLoader viaProperty = JavaCompiler.loader(classes)) {
            Class<?> wrapper = viaProperty.loadClass(g.plan().javaPackage() + "." + g.plan().javaClass());
            assertEquals(true, wrapper.getMethod("odd", short.class).invoke(null, (short) 3));
            assertEquals(false, wrapper.getMethod("odd", short.class).invoke(null, (short) 4));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void aTamperedBundledLibraryIsRefused() throws Exception {
        Path out = work.resolve("tampered");
        GeneratedFiles g = StubGenerator.generate(read("low"), GeneratorOptions.defaults().withCrateName("tampered_low"));
        OutputWriter.write(g, out, false);
        CargoBuild.Result built = build(out);
        Files.writeString(built.placed().resolveSibling(built.placed().getFileName() + ".sha256"), "0".repeat(64) + "\n");
        Path classes = out.resolve("classes");
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath())), classes, List.of(fixtures));
        try (URLClassLoader l = JavaCompiler.loader(classes, out.resolve("java/src/main/resources"))) {
            Method m = l.loadClass(g.plan().javaPackage() + "." + g.plan().javaClass()).getMethod("low", short.class);
            Throwable t = assertThrows(Throwable.class, () -> m.invoke(null, (short) 1));
            Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
            assertInstanceOf(UnsatisfiedLinkError.class, cause);
            assertTrue(cause.getMessage().contains("but its .sha256 says 0000"), cause.getMessage());
        }
    }

    // ---- support

    record Loaded(URLClassLoader loader, Method port, Class<?> test) {}

    private static MethodSpec read(String selector) throws GeneratorException {
        return new ClassFileMethodReader(new ClassPathReader(fixtures.toString())).read(Kernels.class.getName() + "#" + selector);
    }

    private static GeneratedFiles generate(Family f, Path out) throws Exception {
        GeneratedFiles g = StubGenerator.generate(read(f.selector()),
                GeneratorOptions.defaults().withMemory(f.memory()).withCrateDirForJava(out.toString())
                        .withCrateName(("it_" + f.name() + "_" + f.memory().option()).toLowerCase(java.util.Locale.ROOT).replaceAll("_+", "_")));
        OutputWriter.write(g, out, false);
        return g;
    }

    private static CargoBuild.Result build(Path crate) throws Exception {
        CargoBuild.Result r = new CargoBuild("cargo", CARGO_TARGET, 600).build(crate);
        assertTrue(!r.output().contains("warning"), "the generated crate must build without warnings:\n" + r.output());
        return r;
    }

    private static Loaded compileAndLoad(GeneratedFiles g, Path out, String variant) throws Exception {
        Path classes = out.resolve("classes-" + variant);
        List<Path> sources = variant.equals("stub")
                ? List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath()), out.resolve(g.benchmarkPath()))
                : List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath()));
        JavaCompiler.compile(sources, classes, List.of(fixtures));
        URLClassLoader loader = JavaCompiler.loader(classes, out.resolve("java/src/main/resources"));
        String pkg = g.plan().javaPackage().isEmpty() ? "" : g.plan().javaPackage() + ".";
        Class<?> wrapper = loader.loadClass(pkg + g.plan().javaClass());
        Method port = Stream.of(wrapper.getMethods()).filter(m -> m.getName().equals(g.plan().method().methodName())).findFirst().orElseThrow();
        return new Loaded(loader, port, loader.loadClass(pkg + g.plan().javaClass() + "DifferentialTest"));
    }

    private static TestExecutionSummary runTests(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    /** Replaces the stub body of the port in src/lib.rs with {@code body}. */
    static void writeBody(Path out, PortPlan plan, String body) throws Exception {
        Path lib = out.resolve("src/lib.rs");
        String text = Files.readString(lib);
        // The signature is on one line or, when long, one parameter per line (as rustfmt lays it out).
        String head = "pub fn " + plan.rustFn() + "(";
        String open = ", PortError> {\n";
        int start = text.indexOf(head);
        assertTrue(start >= 0 && text.indexOf(open, start) > 0, "no '" + head + "...' in\n" + text);
        int from = text.indexOf(open, start) + open.length();
        int end = text.indexOf("\n}\n", from);
        String indented = body.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
        Files.writeString(lib, text.substring(0, from) + indented + text.substring(end));
    }

    /** The C header compiles as C with every warning an error, when a C compiler is installed. */
    private static void checkHeader(Path header) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("cc", "-fsyntax-only", "-std=c11", "-Wall", "-Wextra", "-Werror", "-x", "c", header.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException noCompiler) {
            return;
        }
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "cc timed out");
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), header + " does not compile as C:\n" + output);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}

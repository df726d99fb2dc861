package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Names;
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
    static Path WORK;

    @Test
    void corpusAutoPortsAndPassesTheStrictDifferentialTest() throws Exception {
        // -Doxidizer.corpus.jar=J -Doxidizer.corpus.classes=a.B,c.D runs third-party code instead (e.g. commons-codec):
        // its public static methods with portable signatures; counted, no 80 % rule; written to target/autoport-thirdparty.txt
        String jar = System.getProperty("oxidizer.corpus.jar", "");
        Path classes = jar.isBlank() ? Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI()) : Path.of(jar);
        ClassPathReader cp = new ClassPathReader(classes.toString());
        List<Method> methods = new ArrayList<>();
        if (jar.isBlank()) {
            methods.addAll(Arrays.stream(Corpus.class.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())).toList());
        } else {
            URLClassLoader thirdParty = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null);
            for (String c : System.getProperty("oxidizer.corpus.classes", "").split(",")) {
                for (Method m : Class.forName(c.strip(), false, thirdParty).getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && portable(m)) {
                        methods.add(m);
                    }
                }
            }
        }
        methods.sort(Comparator.comparing((Method m) -> m.getDeclaringClass().getName()).thenComparing(Method::getName)
                .thenComparing((Method m) -> Type.getMethodDescriptor(m)));
        // -Doxidizer.corpus.only=a,b reruns some methods (the 80 % rule then applies to those)
        String only = System.getProperty("oxidizer.corpus.only", "");
        if (!only.isBlank()) {
            List<String> names = List.of(only.split(","));
            methods.removeIf(m -> !names.contains(m.getName()));
        }
        List<String> passed = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Map<String, String> lines = new java.util.concurrent.ConcurrentSkipListMap<>();
        // Workers (-Doxidizer.corpus.threads, default 1), each with its own cargo target folder (cargo locks one). One by
        // default: a Java original that runs out of heap on a huge edge input must not starve a concurrent case.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Integer.getInteger("oxidizer.corpus.threads", 1));
        ThreadLocal<Path> target = ThreadLocal.withInitial(() -> Path.of(CARGO_TARGET + "-" + Thread.currentThread().getName().replaceAll("\\W", "")));
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (Method m : methods) {
            futures.add(pool.submit(() -> {
                StringBuilder log = new StringBuilder();
                portOne(m, cp, classes, target.get(), passed, refused, failed, log);
                lines.put(caseName(m), log.toString());
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        StringBuilder log = new StringBuilder();
        lines.values().forEach(log::append);
        String summary = "auto-port corpus: " + methods.size() + " methods, " + passed.size() + " passed, " + refused.size()
                + " refused, " + failed.size() + " failed\n";
        // getBytes, not writeString: a failure's message may quote an input with lone surrogates (written as '?')
        Files.write(Path.of(jar.isBlank() ? "target/autoport-corpus.txt" : "target/autoport-thirdparty.txt"),
                (summary + log).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        System.out.print(summary + log);
        assertEquals(List.of(), failed, "no auto-port may fail its differential test:\n" + log);
        if (jar.isBlank()) {
            assertTrue(passed.size() >= 0.8 * methods.size(), summary + log);
        }
    }

    /** Primitives, one-dimensional primitive arrays and Strings: what the generator can pass and return. */
    private static boolean portable(Method m) {
        for (Class<?> p : m.getParameterTypes()) {
            if (!(p.isPrimitive() || p == String.class || p.isArray() && p.getComponentType().isPrimitive())) {
                return false;
            }
        }
        Class<?> r = m.getReturnType();
        return r.isPrimitive() || r == String.class || r.isArray() && r.getComponentType().isPrimitive();
    }

    /** A unique name per method: overloads get their parameter count and the hash of their descriptor. */
    private static String caseName(Method m) {
        String base = m.getDeclaringClass().getName().equals(Corpus.class.getName()) ? m.getName()
                : m.getDeclaringClass().getSimpleName() + "_" + m.getName();
        boolean overloaded = Arrays.stream(m.getDeclaringClass().getDeclaredMethods()).filter(o -> o.getName().equals(m.getName())).count() > 1;
        return overloaded ? base + "_" + m.getParameterCount() + "_" + Integer.toHexString(Type.getMethodDescriptor(m).hashCode() & 0xfff) : base;
    }

    private static void portOne(Method m, ClassPathReader cp, Path classes, Path cargoTarget, List<String> passed,
                                List<String> refused, List<String> failed, StringBuilder log) throws Exception {
        Path work = WORK;
        {
            String key = m.getDeclaringClass().getName() + "#" + m.getName() + Type.getMethodDescriptor(m);
            MethodSpec spec = new ClassFileMethodReader(cp).read(key);
            Path out = work.resolve(caseName(m));
            GeneratedFiles g;
            try {
                g = AutoPortGenerator.generate(spec, GeneratorOptions.defaults().withMemory(MemoryMode.CRITICAL)
                        .withCrateDirForJava(out.toString()).withCrateName("corpus_" + Names.snake(caseName(m))), cp);
            } catch (GeneratorException e) {
                // a class compiled without line numbers names the instruction's place in the method instead
                boolean named = e.getMessage().matches("(?s).*cannot auto-port .*: .* at line \\d+: .*")
                        || e.getMessage().matches("(?s).*cannot auto-port .*: .* at line \\?: .*its class file has no line numbers: it is instruction \\d+ of .*");
                (named ? refused : failed).add(caseName(m));
                log.append(named ? "REFUSED " : "FAILED (refusal names no line) ").append(caseName(m)).append(": ")
                        .append(e.getMessage()).append('\n');
                return;
            }
            OutputWriter.write(g, out, false);
            long t0 = System.nanoTime();
            String problem = buildAndTest(g, out, classes, cargoTarget, m);
            log.append(String.format("%6d ms ", (System.nanoTime() - t0) / 1_000_000));
            if (problem == null) {
                passed.add(caseName(m));
                log.append("PASSED  ").append(caseName(m)).append('\n');
            } else {
                failed.add(caseName(m));
                log.append("FAILED  ").append(caseName(m)).append(": ").append(problem).append('\n');
            }
        }
    }

    /** Null when the crate builds cleanly and its differential test passes, else what went wrong. */
    private static String buildAndTest(GeneratedFiles g, Path out, Path fixtures, Path cargoTarget, Method original) throws Exception {
        CargoBuild.Result r;
        try {
            r = new CargoBuild("cargo", cargoTarget, 600).build(out);
        } catch (GeneratorException e) {
            return "the crate does not build: " + e.getMessage();
        }
        if (r.output().contains("warning")) {
            return "cargo warned:\n" + r.output();
        }
        Path classes = out.resolve("classes");
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath())), classes, List.of(fixtures));
        try (URLClassLoader loader = JavaCompiler.loader(classes, out.resolve("java/src/main/resources"), fixtures)) {
            String pkg = g.plan().javaPackage().isEmpty() ? "" : g.plan().javaPackage() + ".";
            Class<?> test = loader.loadClass(pkg + g.plan().javaClass() + "DifferentialTest");
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test)).build(), listener);
            TestExecutionSummary s = listener.getSummary();
            if (s.getTestsSucceededCount() != 1 || s.getTestsFailedCount() != 0) {
                return s.getFailures().isEmpty() ? "no test ran" : String.valueOf(s.getFailures().getFirst().getException());
            }
            return nullGuardsAgree(g, original, loader.loadClass(pkg + g.plan().javaClass()));
        }
    }

    /**
     * The differential test never passes null. Where the wrapper repeats the Java method's own null handling (the
     * prologue guards of an auto-port: its {@code Objects.requireNonNull(x, "x")} line is replaced), null for that
     * parameter, with empty or zero values for the others, must end the same way on both sides: the same exception
     * class or an equal result. Null when they agree (or nothing is guarded).
     */
    private static String nullGuardsAgree(GeneratedFiles g, Method original, Class<?> wrapper) throws Exception {
        String source = g.files().get(g.wrapperPath());
        List<PortPlan.Arg> params = g.plan().paramArgs();
        Class<?>[] types = original.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String name = params.get(i).javaName();
            if (types[i].isPrimitive() || source.contains("Objects.requireNonNull(" + name + ", \"" + name + "\");")) {
                continue;
            }
            Object[] args = new Object[types.length];
            for (int k = 0; k < types.length; k++) {
                args[k] = k == i ? null : emptyValue(types[k]);
            }
            Object[] javaArgs = args.clone();
            Object[] rustArgs = args.clone();
            Object expected = null;
            Object actual = null;
            Throwable javaFailure = null;
            Throwable rustFailure = null;
            try {
                original.setAccessible(true);
                expected = original.invoke(null, javaArgs);
            } catch (java.lang.reflect.InvocationTargetException e) {
                javaFailure = e.getCause();
            }
            try {
                actual = wrapper.getMethod(original.getName(), types).invoke(null, rustArgs);
            } catch (java.lang.reflect.InvocationTargetException e) {
                rustFailure = e.getCause();
            }
            String what = "null for '" + name + "' (the wrapper's guard)";
            if ((javaFailure == null) != (rustFailure == null)
                    // by name: a wrapper that hands the call to the original runs it from its own class loader
                    || javaFailure != null && !javaFailure.getClass().getName().equals(rustFailure.getClass().getName())
                    || javaFailure == null && !java.util.Objects.deepEquals(expected, actual)) {
                return what + ": Java " + (javaFailure != null ? "threw " + javaFailure : "returned " + show(expected)) + ", the port "
                        + (rustFailure != null ? "threw " + rustFailure : "returned " + show(actual));
            }
        }
        return null;
    }

    private static Object emptyValue(Class<?> t) {
        if (t == String.class) {
            return "";
        }
        if (t.isArray()) {
            return java.lang.reflect.Array.newInstance(t.getComponentType(), 0);
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == char.class) {
            return (char) 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == float.class) {
            return 0f;
        }
        if (t == double.class) {
            return 0d;
        }
        if (t == byte.class) {
            return (byte) 0;
        }
        if (t == short.class) {
            return (short) 0;
        }
        return 0;
    }

    private static String show(Object o) {
        return o != null && o.getClass().isArray() ? java.util.Arrays.deepToString(new Object[] {o}) : String.valueOf(o);
    }
}

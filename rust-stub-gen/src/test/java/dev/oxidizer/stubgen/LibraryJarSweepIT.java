package dev.oxidizer.stubgen;

import org.apache.commons.math3.util.ArithmeticUtils;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.math3.util.MathArrays;
import org.apache.commons.math3.util.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every public static method of a few classes of a real library jar (Apache Commons Math 3, from Maven Central), as a
 * user would point the generator at them with default options: each is generated, built by the real cargo and called
 * through its wrapper (the stub answers "not yet ported", which proves the symbol links), or refused with a message
 * that names the parameter or return type and what is accepted. No two methods may share a crate, symbol or class name.
 *
 * <p>Its classes were chosen for their spread of signatures (overloads over int/long/double/float, arrays of every
 * dimension, generic and object parameters) and are not used anywhere else in the generator's tests.
 */
class LibraryJarSweepIT {
    private static final Path CARGO_TARGET = Path.of(System.getProperty("oxidizer.it.cargoTarget", "target/it-cargo-target")).toAbsolutePath();
    private static final List<Class<?>> CLASSES = List.of(ArithmeticUtils.class, CombinatoricsUtils.class, Precision.class, MathArrays.class);

    @TempDir
    Path work;

    @Test
    void everyPublicStaticMethodIsGeneratedBuiltAndCallableOrRefusedWithAReason() throws Exception {
        Path jar = Path.of(ArithmeticUtils.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ClassFileMethodReader reader = new ClassFileMethodReader(new ClassPathReader(jar.toString()));
        CargoBuild cargo = new CargoBuild("cargo", CARGO_TARGET, 600);
        Map<String, String> crates = new HashMap<>();
        Map<String, String> symbols = new HashMap<>();
        Map<String, String> classes = new HashMap<>();
        List<String> built = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Class<?> c : CLASSES) {
            List<Method> methods = Stream.of(c.getDeclaredMethods())
                    .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                    .sorted(Comparator.comparing(Method::toString)).toList();
            for (Method m : methods) {
                String selector = c.getName() + "#" + m.getName() + descriptor(m);
                MethodSpec spec = reader.read(selector);
                GeneratedFiles g;
                try {
                    g = StubGenerator.generate(spec, GeneratorOptions.defaults());
                } catch (GeneratorException e) {
                    if (e.kind() != GeneratorException.Kind.UNSUPPORTED) {
                        problems.add(selector + ": " + e.kind() + " " + e.getMessage());
                    } else if (!(e.getMessage().contains("parameter ") || e.getMessage().contains("return type"))
                            || !e.getMessage().contains("supported:")) {
                        problems.add(selector + ": the refusal names neither the parameter nor what is accepted: " + e.getMessage());
                    }
                    refused.add(selector);
                    continue;
                }
                PortPlan plan = g.plan();
                String pkg = plan.javaPackage().isEmpty() ? "" : plan.javaPackage() + ".";
                unique(crates, plan.crateName(), selector, "crate", problems);
                unique(symbols, plan.symbol(), selector, "symbol", problems);
                unique(classes, pkg + plan.javaClass(), selector, "class", problems);
                Path out = work.resolve(plan.crateName());
                OutputWriter.write(g, out, false);
                CargoBuild.Result r = cargo.build(out);
                if (r.output().contains("warning")) {
                    problems.add(selector + ": cargo warned:\n" + r.output());
                }
                Path classDir = out.resolve("classes");
                JavaCompiler.compile(List.of(out.resolve(g.wrapperPath())), classDir, List.of(jar));
                try (URLClassLoader l = JavaCompiler.loader(classDir, out.resolve("java/src/main/resources"))) {
                    Method port = l.loadClass(pkg + plan.javaClass()).getMethod(m.getName(), m.getParameterTypes());
                    try {
                        port.invoke(null, sampleArguments(m));
                        problems.add(selector + ": the stub returned instead of throwing NotYetPortedException");
                    } catch (InvocationTargetException e) {
                        if (!e.getCause().getClass().getSimpleName().equals("NotYetPortedException")) {
                            problems.add(selector + ": calling the stub threw " + e.getCause());
                        }
                    }
                } catch (LinkageError e) {
                    problems.add(selector + ": the wrapper could not link: " + e);
                }
                built.add(selector);
            }
        }
        System.out.printf("library sweep: %d built and called, %d refused%n", built.size(), refused.size());
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems));
        }
        assertTrue(built.size() >= 30, "built " + built.size() + ": " + built);
        assertTrue(refused.size() >= 3, "refused " + refused.size() + ": the classes have generic and object parameters");
        assertEquals(built.size(), crates.size());
    }

    private static void unique(Map<String, String> seen, String name, String selector, String what, List<String> problems) {
        String other = seen.putIfAbsent(name, selector);
        if (other != null) {
            problems.add(what + " name '" + name + "' of " + selector + " is also " + other + "'s");
        }
    }

    /** Zeros, empty arrays and empty strings: enough for the stub, which never reads them. */
    private static Object[] sampleArguments(Method m) {
        // A map, not a chain of conditional expressions: those would promote every boxed zero to a Double.
        Map<Class<?>, Object> zeros = Map.of(boolean.class, false, char.class, '\0', byte.class, (byte) 0,
                short.class, (short) 0, int.class, 0, long.class, 0L, float.class, 0f, double.class, 0d, String.class, "");
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i].isArray() ? Array.newInstance(types[i].getComponentType(), 0) : zeros.get(types[i]);
        }
        return args;
    }

    private static String descriptor(Method m) {
        StringBuilder sb = new StringBuilder("(");
        Arrays.stream(m.getParameterTypes()).forEach(t -> sb.append(t.descriptorString()));
        return sb.append(')').append(m.getReturnType().descriptorString()).toString();
    }
}

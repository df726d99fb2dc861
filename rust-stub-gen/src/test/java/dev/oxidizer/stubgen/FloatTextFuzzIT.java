package dev.oxidizer.stubgen;

import dev.oxidizer.stubgen.corpus.Corpus;
import dev.oxidizer.vocabulary.Names;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floating-point text, both ways, on random values rather than the corpus's edges. The auto-ports of
 * {@code Double.parseDouble} and {@code Float.parseFloat} (jrt.rs's own parser: Java's grammar, hexadecimal literals
 * rounded by hand) agree with Java bit for bit, or throw the same exception, on random literals: shortest forms of
 * random bit patterns, hexadecimal forms with more digits than a double holds, long decimal digit strings near rounding
 * ties, and garbage from the literals' alphabet, with signs, suffixes and padding. The auto-ports of
 * {@code String.valueOf(double)} and {@code Float.toString} write the JDK's text for random bit patterns.
 */
class FloatTextFuzzIT {
    private static final int LITERALS = Integer.getInteger("oxidizer.fuzz.literals", 40_000);

    @TempDir
    Path work;

    private final List<URLClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void close() throws java.io.IOException {
        for (URLClassLoader l : loaders) {
            l.close();
        }
    }

    /** Java's {@code Corpus.name} and its auto-port's wrapper method, built in this test's folder. */
    private record Pair(Method java, Method rust) {
        String java(Object arg) throws IllegalAccessException {
            return call(java, arg);
        }

        String rust(Object arg) throws IllegalAccessException {
            return call(rust, arg);
        }
    }

    private Pair port(String name, Class<?> param) throws Exception {
        Path classes = Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Method java = Corpus.class.getMethod(name, param);
        URLClassLoader l = build(new ClassPathReader(classes.toString()), classes, java);
        loaders.add(l);
        String wrapper = "dev.oxidizer.stubgen.corpus.Corpus" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Rust";
        return new Pair(java, l.loadClass(wrapper).getMethod(name, param));
    }

    @Test
    void parsedBitsAgreeWithJavaOnRandomLiterals() throws Exception {
        Pair d = port("parseDoubleBits", String.class);
        Pair f = port("parseFloatBits", String.class);
        Random r = new Random(20261207);
        List<String> mismatches = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < LITERALS; i++) {
            String s = literal(r);
            String jd = d.java(s);
            valid += jd.startsWith("java.") ? 0 : 1;
            String rd = d.rust(s);
            String jf = f.java(s);
            String rf = f.rust(s);
            if ((!jd.equals(rd) || !jf.equals(rf)) && mismatches.size() < 10) {
                mismatches.add("'" + s + "': double " + jd + " vs " + rd + ", float " + jf + " vs " + rf);
            }
        }
        assertEquals(List.of(), mismatches, "Java vs port on random literals");
        assertTrue(valid > LITERALS / 2, "most literals must be valid, or rounding is not what is compared: " + valid);
    }

    @Test
    void textOfRandomDoublesAndFloatsIsTheJdks() throws Exception {
        Pair d = port("doubleText", double.class);
        Pair f = port("floatText", float.class);
        Random r = new Random(20261208);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < LITERALS; i++) {
            // random bit patterns, and round numbers (integers, powers of ten) whose layout changes at 10^-3 and 10^7
            double x = r.nextBoolean() ? Double.longBitsToDouble(r.nextLong())
                    : Math.round(r.nextGaussian() * 1e4) * Math.pow(10, r.nextInt(24) - 12);
            float y = r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : (float) x;
            String jd = d.java(x);
            String rd = d.rust(x);
            String jf = f.java(y);
            String rf = f.rust(y);
            if ((!jd.equals(rd) || !jf.equals(rf)) && mismatches.size() < 10) {
                mismatches.add(Double.doubleToRawLongBits(x) + ": " + jd + " vs " + rd + ", " + Float.floatToRawIntBits(y) + ": " + jf + " vs " + rf);
            }
        }
        assertEquals(List.of(), mismatches, "Java vs port on random doubles and floats");
    }

    private URLClassLoader build(ClassPathReader cp, Path classes, Method m) throws Exception {
        String key = m.getDeclaringClass().getName() + "#" + m.getName() + org.objectweb.asm.Type.getMethodDescriptor(m);
        MethodSpec spec = new ClassFileMethodReader(cp).read(key);
        Path out = work.resolve(m.getName());
        GeneratedFiles g = AutoPortGenerator.generate(spec, GeneratorOptions.defaults().withMemory(MemoryMode.CRITICAL)
                .withCrateDirForJava(out.toString()).withCrateName("fuzz_" + Names.snake(m.getName())), cp);
        OutputWriter.write(g, out, false);
        new CargoBuild("cargo", Path.of("target/it-cargo-target-fuzz").toAbsolutePath(), 600).build(out);
        Path compiled = out.resolve("classes");
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath())), compiled, List.of(classes));
        return JavaCompiler.loader(compiled, out.resolve("java/src/main/resources"), classes);
    }

    private static String call(Method m, Object arg) throws IllegalAccessException {
        try {
            return String.valueOf(m.invoke(null, arg));
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    private static String literal(Random r) {
        StringBuilder sb = new StringBuilder();
        switch (r.nextInt(6)) {
            case 0 -> sb.append(Double.longBitsToDouble(r.nextLong()));
            case 1 -> sb.append(Double.toHexString(Double.longBitsToDouble(r.nextLong())));
            case 2 -> sb.append(Float.intBitsToFloat(r.nextInt()));
            case 3 -> {
                int n = 1 + r.nextInt(30);
                for (int i = 0; i < n; i++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
                if (r.nextBoolean()) {
                    sb.insert(r.nextInt(sb.length() + 1), '.');
                }
                if (r.nextBoolean()) {
                    sb.append('e').append(r.nextInt(700) - 350);
                }
            }
            case 4 -> {
                sb.append("0x");
                int n = 1 + r.nextInt(20);
                for (int i = 0; i < n; i++) {
                    sb.append("0123456789abcdefABCDEF".charAt(r.nextInt(22)));
                }
                if (r.nextBoolean()) {
                    sb.insert(2 + r.nextInt(sb.length() - 1), '.');
                }
                sb.append(r.nextBoolean() ? 'p' : 'P').append(r.nextInt(2200) - 1100);
            }
            default -> {
                String alphabet = ".0123456789eExXpP+-fFdDNaInity ";
                int n = r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
        }
        if (r.nextInt(5) == 0) {
            sb.insert(0, r.nextBoolean() ? '-' : '+');
        }
        if (r.nextInt(6) == 0) {
            sb.append("fFdD".charAt(r.nextInt(4)));
        }
        if (r.nextInt(8) == 0) {
            sb.insert(0, ' ').append('\t');
        }
        return sb.toString();
    }
}

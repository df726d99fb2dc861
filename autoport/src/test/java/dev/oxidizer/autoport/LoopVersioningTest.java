package dev.oxidizer.autoport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@link LoopVersioningFixtures} on the JVM before and after {@link LoopVersioning}: same results, same writes
 * (also those made before an exception), same exception and message (so the same failing index and iteration). Every
 * access the pass marks unchecked goes through {@link Probe}, which counts any that would be out of bounds: the hoisted
 * check must never let one through.
 */
class LoopVersioningTest {
    private static final String FIXTURES = "dev/oxidizer/autoport/LoopVersioningFixtures";
    private static final Map<String, LoopVersioning.Result> RESULTS = new HashMap<>();
    private static Class<?> transformed;

    /** Replaces unchecked array instructions in the transformed class: they must never see an index out of bounds. */
    public static final class Probe {
        static int outOfBounds;
        static int calls;

        private static void check(int i, int length) {
            calls++;
            if (i < 0 || i >= length) {
                outOfBounds++;
            }
        }

        public static int ldI(int[] a, int i) {
            check(i, a.length);
            return a[i];
        }

        public static long ldJ(long[] a, int i) {
            check(i, a.length);
            return a[i];
        }

        public static float ldF(float[] a, int i) {
            check(i, a.length);
            return a[i];
        }

        public static double ldD(double[] a, int i) {
            check(i, a.length);
            return a[i];
        }

        public static void stI(int[] a, int i, int v) {
            check(i, a.length);
            a[i] = v;
        }

        public static void stJ(long[] a, int i, long v) {
            check(i, a.length);
            a[i] = v;
        }

        public static void stF(float[] a, int i, float v) {
            check(i, a.length);
            a[i] = v;
        }

        public static void stD(double[] a, int i, double v) {
            check(i, a.length);
            a[i] = v;
        }
    }

    @BeforeAll
    static void transform() throws Exception {
        byte[] b;
        try (InputStream in = LoopVersioningTest.class.getResourceAsStream("/" + FIXTURES + ".class")) {
            b = Objects.requireNonNull(in).readAllBytes();
        }
        ClassNode cn = new ClassNode();
        new ClassReader(b).accept(cn, 0);
        List<MethodNode> out = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            LoopVersioning.Result r = LoopVersioning.apply(cn.name, m);
            RESULTS.put(m.name, r);
            if (r == null) {
                out.add(m);
                continue;
            }
            for (AbstractInsnNode n : r.unchecked()) {
                r.method().instructions.set(n, probe(n.getOpcode()));
            }
            out.add(r.method());
        }
        cn.methods = out;
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String c) {
                return "java/lang/Object";
            }
        };
        cn.accept(cw);
        byte[] bytes = cw.toByteArray();
        String name = FIXTURES.replace('/', '.');
        ClassLoader loader = new ClassLoader(LoopVersioningTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    synchronized (this) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(n, resolve);
            }
        };
        transformed = loader.loadClass(name);
    }

    private static AbstractInsnNode probe(int op) {
        String p = Probe.class.getName().replace('.', '/');
        return switch (op) {
            case Opcodes.IALOAD -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "ldI", "([II)I", false);
            case Opcodes.LALOAD -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "ldJ", "([JI)J", false);
            case Opcodes.FALOAD -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "ldF", "([FI)F", false);
            case Opcodes.DALOAD -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "ldD", "([DI)D", false);
            case Opcodes.IASTORE -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "stI", "([III)V", false);
            case Opcodes.LASTORE -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "stJ", "([JIJ)V", false);
            case Opcodes.FASTORE -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "stF", "([FIF)V", false);
            case Opcodes.DASTORE -> new MethodInsnNode(Opcodes.INVOKESTATIC, p, "stD", "([DID)V", false);
            default -> throw new AssertionError("no probe for opcode " + op);
        };
    }

    private static Method find(Class<?> c, String name) {
        return Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Object copy(Object o) {
        if (o instanceof int[] a) {
            return a.clone();
        } else if (o instanceof long[] a) {
            return a.clone();
        } else if (o instanceof float[] a) {
            return a.clone();
        } else if (o instanceof double[] a) {
            return a.clone();
        }
        return o;
    }

    private static String outcome(Method m, Object[] args) throws IllegalAccessException {
        m.setAccessible(true);
        StringBuilder sb = new StringBuilder();
        try {
            sb.append("returned ").append(m.invoke(null, args));
        } catch (InvocationTargetException e) {
            sb.append("threw ").append(e.getCause());
        }
        for (Object a : args) {
            sb.append(" | ").append(a instanceof int[] x ? Arrays.toString(x) : a instanceof long[] x ? Arrays.toString(x)
                    : a instanceof float[] x ? Arrays.toString(x) : a instanceof double[] x ? Arrays.toString(x) : String.valueOf(a));
        }
        return sb.toString();
    }

    /** Same outcome before and after the pass; returns whether the transformed run's unchecked accesses ran. */
    private static void same(String name, Object... args) throws Exception {
        Object[] a1 = Arrays.stream(args).map(LoopVersioningTest::copy).toArray();
        Object[] a2 = Arrays.stream(args).map(LoopVersioningTest::copy).toArray();
        String want = outcome(find(LoopVersioningFixtures.class, name), a1);
        int before = Probe.outOfBounds;
        String got = outcome(find(transformed, name), a2);
        assertEquals(want, got, name + Arrays.deepToString(args));
        assertEquals(before, Probe.outOfBounds, "an unchecked access out of bounds in " + name + Arrays.deepToString(args));
    }

    private static int[] ints(Random r, int n) {
        int[] a = new int[Math.max(n, 0)];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextInt();
        }
        return a;
    }

    @Test
    void splitsOnlyInnermostClampedCountedLoops() {
        assertEquals(1, RESULTS.get("blur").loops(), "the x loop, not the y loop that contains it");
        assertTrue(RESULTS.get("blur").hoisted() >= 4, "src's three loads and dst's store: " + RESULTS.get("blur").hoisted());
        assertEquals(1, RESULTS.get("smooth").loops());
        assertEquals(1, RESULTS.get("window").loops());
        assertEquals(1, RESULTS.get("reversed").loops());
        assertTrue(RESULTS.get("reversed").hoisted() >= 4);
        assertNotNull(RESULTS.get("firstDip"));
        assertNull(RESULTS.get("skips"), "x written in the body");
        assertEquals(1, RESULTS.get("carried").loops());
        assertEquals(1, RESULTS.get("ternary").loops());
        assertTrue(RESULTS.get("ternary").hoisted() >= 4, "a[l], a[x], a[r], out[x]: " + RESULTS.get("ternary").hoisted());
        assertEquals(1, RESULTS.get("borders").loops());
    }

    @Test
    void blurIsExactForEverySizeAndMismatch() throws Exception {
        Random r = new Random(7);
        int calls = Probe.calls;
        for (int w = -1; w <= 6; w++) {
            for (int h = -1; h <= 4; h++) {
                for (int d = -2; d <= 1; d++) {
                    int n = w * h;
                    same("blur", ints(r, n + d), new int[Math.max(n, 0)], w, h);
                    same("blur", ints(r, Math.max(n, 0)), new int[Math.max(n + d, 0)], w, h);
                }
            }
        }
        same("blur", ints(r, 64 * 48), new int[64 * 48], 64, 48);
        assertTrue(Probe.calls > calls, "the unchecked interior ran");
    }

    @Test
    void smoothSplitsAtTheRightIterationsWhateverTheRange() throws Exception {
        Random r = new Random(11);
        int[] ends = {Integer.MIN_VALUE, -3, -1, 0, 1, 2, 3, 5, 8, 9, 10, 12, Integer.MAX_VALUE};
        for (int len = 0; len <= 9; len++) {
            double[] a = r.doubles(len).toArray();
            for (int lo : ends) {
                for (int hi : ends) {
                    if ((long) hi - lo < 40) {
                        same("smooth", a, new double[len], lo, hi);
                        same("smooth", a, new double[Math.max(len - 1, 0)], lo, hi);
                    }
                }
            }
        }
    }

    @Test
    void windowWithNegativeAndHugeWidths() throws Exception {
        Random r = new Random(3);
        int[] ks = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -5, -1, 0, 1, 2, 7, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        for (int len = 0; len <= 8; len++) {
            long[] p = r.longs(len).toArray();
            for (int k : ks) {
                for (int n = -1; n <= len + 1; n++) {
                    same("window", p, new long[Math.max(len - 1, 0)], k, n);
                    same("window", p, new long[Math.max(n, 0)], k, n);
                }
            }
        }
    }

    @Test
    void hoistedCheckFailsAndFallsBackForBadOffsets() throws Exception {
        Random r = new Random(5);
        int[] offs = {Integer.MIN_VALUE, Integer.MIN_VALUE + 2, -3, -2, -1, 0, 1, 2, 3, Integer.MAX_VALUE - 3, Integer.MAX_VALUE};
        for (int n = -1; n <= 9; n++) {
            for (int extra = -1; extra <= 3; extra++) {
                float[] a = new float[Math.max(n + extra, 0)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = r.nextFloat();
                }
                for (int off : offs) {
                    same("reversed", a, new float[Math.max(n, 0)], n, off);
                    same("reversed", a, new float[Math.max(n - 1, 0)], n, off);
                }
            }
        }
    }

    @Test
    void returnInsideTheSplitLoopAndParameterBounds() throws Exception {
        Random r = new Random(9);
        for (int len = 0; len <= 8; len++) {
            for (int t = 0; t < 5; t++) {
                int[] a = new int[len];
                for (int i = 0; i < len; i++) {
                    a[i] = r.nextInt(4);
                }
                for (int from = -2; from <= len + 1; from++) {
                    for (int to = -2; to <= len + 2; to++) {
                        same("firstDip", a, from, to);
                    }
                }
            }
        }
        same("firstDip", new int[] {3, 1, 2}, Integer.MIN_VALUE, 3);
        same("firstDip", new int[] {3, 1, 2}, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
    }

    @Test
    void valuesCarriedAcrossIterationsStayChecked() throws Exception {
        Random r = new Random(13);
        for (int len = 0; len <= 7; len++) {
            double[] a = r.doubles(len).toArray();
            for (int n = -1; n <= len + 2; n++) {
                same("carried", a, new double[Math.max(n, 0)], n);
                same("carried", a, new double[len], n);
            }
        }
    }

    @Test
    void conditionalExpressionsAndIfStatementsAsCuts() throws Exception {
        Random r = new Random(17);
        int[] ks = {Integer.MIN_VALUE, -1, 0, 1, 2, 5, Integer.MAX_VALUE};
        for (int len = 0; len <= 9; len++) {
            int[] a = ints(r, len);
            for (int w = -1; w <= len + 2; w++) {
                same("ternary", a, new int[Math.max(w, 0)], w);
                same("ternary", a, new int[len], w);
                for (int k : ks) {
                    same("borders", a, w, k);
                }
            }
        }
    }

    private static String rust(String name, String desc, String... params) throws Refusal {
        ClassSource classes = internal -> {
            try (InputStream in = LoopVersioningTest.class.getResourceAsStream("/" + internal + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return new AutoPorter(classes).port(FIXTURES.replace('/', '.'), name, desc,
                new AutoPorter.Entry(name, List.of(params), Map.of(), java.util.Set.of())).rust();
    }

    @Test
    void translatedInteriorReadsUncheckedAfterTheHoistedCheck() throws Refusal {
        String blur = rust("blur", "([I[III)V", "src", "dst", "width", "height");
        assertEquals(3, blur.split("jrt::ld_unchecked\\(", -1).length - 1, blur);
        assertEquals(1, blur.split("jrt::st_unchecked\\(", -1).length - 1, blur);
        assertTrue(blur.contains("// SAFETY: the index is in bounds"), blur);
        String ternary = rust("ternary", "([I[II)V", "a", "out", "w");
        assertTrue(ternary.contains("jrt::ld_unchecked("), ternary);
        String borders = rust("borders", "([III)I", "a", "n", "k");
        assertTrue(borders.contains("jrt::ld("), "the checked copies remain: " + borders);
    }

    @Test
    void untouchedLoopStillRuns() throws Exception {
        same("skips", new int[] {1, -2, 3, 4, -5, 6});
        if (RESULTS.get("skips") != null) {
            fail("skips must not be transformed");
        }
    }
}

package dev.oxidizer.autoport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The translator's shape on small methods; building and running the Rust is AutoPortCorpusIT's job (rust-stub-gen). */
class AutoPorterTest {
    /** Fixtures: javac compiles them into this module's test classes, which the translator reads as class files. */
    static final class Fixtures {
        static int nested(int[] a, int n) {
            int s = 0;
            outer:
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < a.length; j++) {
                    if (a[j] == i) {
                        continue outer;
                    }
                    if (a[j] < 0) {
                        break outer;
                    }
                    s += a[j] / (i + 1);
                }
            }
            return s;
        }

        static int sw(int k) {
            switch (k) {
                case 1: return 10;
                case 2: return 20;
                case 3: return 30;
                default: return helper(k);
            }
        }

        private static int helper(int k) {
            return k >>> 3;
        }

        static void fill(double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = i * 0.5;
            }
        }

        static String build(int n) {
            StringBuilder sb = new StringBuilder(); // refused here
            sb.append(n);
            return sb.toString();
        }

        static int recurse(int n) {
            return n <= 0 ? 0 : recurse(n - 1) + 1;
        }
    }

    private static final ClassSource CLASSES = internal -> {
        try (InputStream in = AutoPorterTest.class.getClassLoader().getResourceAsStream(internal + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private static AutoPort port(String name, String desc, String... params) throws Refusal {
        return new AutoPorter(CLASSES).port(Fixtures.class.getName(), name, desc,
                new AutoPorter.Entry(name, List.of(params), Map.of(), Set.of()));
    }

    @Test
    void nestedLoopsWithLabelledBreakAndContinueStayLoops() throws Refusal {
        String rust = port("nested", "([II)I", "a", "n").rust();
        assertTrue(rust.contains("pub fn nested(a: &[i32], n: i32) -> Result<i32, PortError>"), rust);
        assertEquals(2, rust.split(": loop \\{", -1).length - 1, "two Rust loops for two Java loops:\n" + rust);
        assertTrue(rust.contains("continue 'l"), rust);
        assertTrue(rust.contains("jrt::idiv("), "division by zero throws ArithmeticException:\n" + rust);
        assertFalse(rust.contains("match "), "no dispatch on a state variable:\n" + rust);
    }

    @Test
    void tableswitchBecomesAMatchAndTheCalleeIsTranslatedToo() throws Refusal {
        AutoPort p = port("sw", "(I)I", "k");
        assertTrue(p.rust().contains("match "), p.rust());
        assertTrue(p.rust().contains("fn helper(p0: i32) -> i32"), "an infallible callee returns its value:\n" + p.rust());
        assertTrue(p.rust().contains("jrt::iushr("), p.rust());
        assertEquals(2, p.methods().size());
    }

    @Test
    void anArrayWrittenByTheMethodIsMutable() throws Refusal {
        AutoPort p = port("fill", "([D)V", "out");
        assertEquals(List.of(true), p.paramWritten());
        assertTrue(p.rust().contains("out: &mut [f64]"), p.rust());
    }

    @Test
    void objectsAreRefusedWithTheInstructionAndItsLine() {
        Refusal r = assertThrows(Refusal.class, () -> port("build", "(I)Ljava/lang/String;", "n"));
        assertTrue(r.getMessage().contains("new java.lang.StringBuilder at line "), r.getMessage());
        assertTrue(r.line() > 0, r.getMessage());
    }

    @Test
    void recursionIsRefused() {
        Refusal r = assertThrows(Refusal.class, () -> port("recurse", "(I)I", "n"));
        assertTrue(r.getMessage().contains("recursive calls are outside the subset"), r.getMessage());
    }
}

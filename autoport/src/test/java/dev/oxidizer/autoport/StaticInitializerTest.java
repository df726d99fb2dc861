package dev.oxidizer.autoport;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interpreter of static initializers against the JVM's own run of the same initializers. */
class StaticInitializerTest {

    /** Tables of every element type, computed with the instructions javac emits for loops, switches and conversions. */
    static final class Tables {
        static final long[] POWERS = new long[64];
        static final double[] ROOTS = new double[100];
        static final float[] HALVES = new float[40];
        static final char[] DIGITS = "0123456789abcdef".toCharArray();
        static final short[] SQUARES = new short[300];
        static final byte[] BITS = new byte[256];
        static final boolean[] PRIMES = sieve(1000);
        static final int[] MIXED = new int[50];
        /** Not a constant (a JVM's Math.pow may differ), in the same initializer: the others are still known. */
        static final double UNRELATED = Math.pow(2.5, 3.1);
        static final long STAMP = System.nanoTime();
        static final StringBuilder OBJECT = new StringBuilder("x");

        static {
            for (int i = 0; i < 64; i++) {
                POWERS[i] = i == 0 ? 1L : POWERS[i - 1] * 3L;
            }
            for (int i = 0; i < ROOTS.length; i++) {
                ROOTS[i] = StrictMath.sqrt(i) / 7.0 - (double) (i % 3);
            }
            float h = 1f;
            for (int i = 0; i < HALVES.length; i++) {
                HALVES[i] = h;
                h /= 2f;
            }
            for (int i = 0; i < SQUARES.length; i++) {
                SQUARES[i] = (short) (i * i);
            }
            for (int i = 0; i < 256; i++) {
                BITS[i] = (byte) Integer.bitCount(i);
            }
            int k = 0;
            do {
                MIXED[k] = switch (k % 4) {
                    case 0 -> k * 31 ^ 0x5bd1e995;
                    case 1 -> Integer.rotateLeft(k, 13);
                    case 2 -> (int) (Long.MAX_VALUE >>> k);
                    default -> (int) (float) k / 3;
                };
                k++;
            } while (k < MIXED.length);
        }

        private static boolean[] sieve(int n) {
            boolean[] composite = new boolean[n];
            boolean[] prime = new boolean[n];
            for (int i = 2; i < n; i++) {
                if (!composite[i]) {
                    prime[i] = true;
                    for (int j = i * i; j < n; j += i) {
                        composite[j] = true;
                    }
                }
            }
            return prime;
        }
    }

    /** Tables whose values this run cannot know. */
    static final class Unknowable {
        static final int[] SEEDED = new int[4];
        static final int[] PASSED = new int[4];
        static final int[] KNOWN = {1, 2};

        static {
            SEEDED[1] = (int) System.nanoTime();
            java.util.Arrays.fill(PASSED, 7);
        }
    }

    /** A branch on a value not known here: the path, so every field, is unknown. */
    static final class Branching {
        static final int[] BRANCHED = new int[4];

        static {
            if (System.getProperty("x") == null) {
                BRANCHED[0] = 1;
            }
        }
    }

    private static ClassNode node(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            ClassNode cn = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(cn, 0);
            return cn;
        }
    }

    @Test
    void computesWhatTheJvmComputes() throws Exception {
        ClassNode cn = node(Tables.class);
        assertArrayEquals(Tables.POWERS, (long[]) StaticInitializer.valueOf(cn, "POWERS"));
        assertArrayEquals(Tables.ROOTS, (double[]) StaticInitializer.valueOf(cn, "ROOTS"));
        assertArrayEquals(Tables.HALVES, (float[]) StaticInitializer.valueOf(cn, "HALVES"));
        assertArrayEquals(Tables.DIGITS, (char[]) StaticInitializer.valueOf(cn, "DIGITS"));
        assertArrayEquals(Tables.SQUARES, (short[]) StaticInitializer.valueOf(cn, "SQUARES"));
        assertArrayEquals(Tables.BITS, (byte[]) StaticInitializer.valueOf(cn, "BITS"));
        assertArrayEquals(Tables.PRIMES, (boolean[]) StaticInitializer.valueOf(cn, "PRIMES"));
        assertArrayEquals(Tables.MIXED, (int[]) StaticInitializer.valueOf(cn, "MIXED"));
    }

    @Test
    void refusesWhatItCannotKnow() throws Exception {
        ClassNode cn = node(Unknowable.class);
        for (String f : new String[] {"SEEDED", "PASSED"}) {
            StaticInitializer.Impure e = assertThrows(StaticInitializer.Impure.class, () -> StaticInitializer.valueOf(cn, f));
            assertTrue(e.getMessage().startsWith("the static initializer stores a value not known here into it, or passes it"), e.getMessage());
        }
        assertArrayEquals(Unknowable.KNOWN, (int[]) StaticInitializer.valueOf(cn, "KNOWN"));
        ClassNode b = node(Branching.class);
        StaticInitializer.Impure e = assertThrows(StaticInitializer.Impure.class, () -> StaticInitializer.valueOf(b, "BRANCHED"));
        assertTrue(e.getMessage().startsWith("the static initializer branches on a value not known here (ifnonnull at line "), e.getMessage());
        ClassNode t = node(Tables.class);
        StaticInitializer.Impure u = assertThrows(StaticInitializer.Impure.class, () -> StaticInitializer.valueOf(t, "UNRELATED"));
        assertTrue(u.getMessage().startsWith("the static initializer computes it from values not known here"), u.getMessage());
    }
}

package dev.oxidizer.agent.core;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which methods of a real compiled class the static check calls trivial, and which it does not. */
class TrivialMethodsTest {
    /** Subjects, compiled by javac as any application's code would be. */
    @SuppressWarnings("unused")
    static final class Subject {
        private int field;
        private long[] values = new long[8];
        private Object lock = new Object();

        int getter() { return field; }
        void setter(int v) { field = v; }
        static long round(long acc, long input) { return Long.rotateLeft(acc + input * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B185EBCA87L; }
        static double dist(double[] xs, double[] ys, int p, int q) {
            double dx = xs[p] - xs[q];
            double dy = ys[p] - ys[q];
            return Math.sqrt(dx * dx + dy * dy);
        }
        static boolean isWordChar(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'; }
        static int select(int k) {
            switch (k) {
                case 0: return 10;
                case 1: return 20;
                default: return -1;
            }
        }
        static int unbox(Integer i) { return i.intValue() + 1; }

        static long loop(long n) { long s = 0; for (long i = 0; i < n; i++) { s += i; } return s; }
        // calls to trivial methods of the same class, reached exactly (static, private, or in a final class)
        static long mergeRound(long acc, long v) { return (acc ^ round(0, v)) * 0x9E3779B185EBCA87L + 7; }
        private int twice() { return getter() + getter(); }
        long finishing(long acc) { return mergeRound(mergeRound(acc, field), twice()); }
        static long callsALoop(long n) { return loop(n) + 1; }
        static long recursive(long n) { return n <= 0 ? 0 : recursive(n - 1) + 1; }
        long tooLongOnceInlined(long a) { return longStraightLine(a) + longStraightLine(a + 1); }
        long halfOfLongStraightLine(long a) {
            long x = a;
            x = x * 31 + 1; x = x * 31 + 2; x = x * 31 + 3; x = x * 31 + 4; x = x * 31 + 5; x = x * 31 + 6;
            x = x * 31 + 7; x = x * 31 + 8; x = x * 31 + 9;
            return x;
        }
        long twoHalvesAreTooLong(long a) { return halfOfLongStraightLine(a) + halfOfLongStraightLine(a + 1); }
        Integer boxes(int v) { return v; }
        static String concatenates(int v) { return "v=" + v; }
        long[] allocates() { return new long[4]; }
        synchronized int synchronizedGetter() { return field; }
        int locks() { synchronized (lock) { return field; } }
        static int catches(int[] a) { try { return a[0]; } catch (RuntimeException e) { return -1; } }
        static int throwsExplicitly(RuntimeException e) { throw e; }
        static IntUnaryOperator makesLambda() { return x -> x * 2; }
        static double callsMathWithObjects(double a) { return Math.max(a, 1.0) + Double.valueOf(a).hashCode(); }
        int callsANewSubject() { return new Subject().getter(); }
        long longStraightLine(long a) {
            long x = a;
            x = x * 31 + 1; x = x * 31 + 2; x = x * 31 + 3; x = x * 31 + 4; x = x * 31 + 5; x = x * 31 + 6;
            x = x * 31 + 7; x = x * 31 + 8; x = x * 31 + 9; x = x * 31 + 10; x = x * 31 + 11; x = x * 31 + 12;
            x = x * 31 + 13; x = x * 31 + 14; x = x * 31 + 15; x = x * 31 + 16; x = x * 31 + 17; x = x * 31 + 18;
            return x;
        }
    }

    /** Its methods can be overridden: a call to one of them may run any subclass's code. */
    @SuppressWarnings("unused")
    static class Open {
        private int field;

        int getter() { return field; }
        final int finalGetter() { return field; }
        int callsOverridable() { return getter() + 1; }
        int callsFinal() { return finalGetter() + 1; }
    }

    private static byte[] classFile(Class<?> c) throws Exception {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1)
                + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void straightLineCodeWithoutCallsIsTrivialAndAnythingElseIsNot() throws Exception {
        Set<String> trivial = TrivialMethods.of(classFile(Subject.class));
        for (String m : new String[]{"getter()I", "setter(I)V", "round(JJ)J", "dist([D[DII)D", "isWordChar(C)Z",
                "select(I)I", "unbox(Ljava/lang/Integer;)I", "lambda$makesLambda$0(I)I", "mergeRound(JJ)J",
                "twice()I", "finishing(J)J", "halfOfLongStraightLine(J)J"}) {
            assertTrue(trivial.contains(m), m + " is trivial: " + trivial);
        }
        for (String m : new String[]{"loop(J)J", "boxes(I)Ljava/lang/Integer;",
                "concatenates(I)Ljava/lang/String;", "allocates()[J", "synchronizedGetter()I", "locks()I",
                "catches([I)I", "throwsExplicitly(Ljava/lang/RuntimeException;)I",
                "makesLambda()Ljava/util/function/IntUnaryOperator;", "callsMathWithObjects(D)D",
                "longStraightLine(J)J", "<init>()V", "callsALoop(J)J", "recursive(J)J", "tooLongOnceInlined(J)J",
                "twoHalvesAreTooLong(J)J", "callsANewSubject()I"}) {
            assertTrue(!trivial.contains(m), m + " is not trivial: " + trivial);
        }
    }

    @Test
    void aCallThatAnOverrideCouldAnswerIsNotTrivial() throws Exception {
        Set<String> trivial = TrivialMethods.of(classFile(Open.class));
        assertEquals(Set.of("<init>()V", "getter()I", "finalGetter()I", "callsFinal()I"), trivial);
    }

    @Test
    void aClassFileThatCannotBeReadHasNoTrivialMethods() {
        assertEquals(Set.of(), TrivialMethods.of(new byte[]{(byte) 0xCA, (byte) 0xFE, 0, 1}));
    }
}

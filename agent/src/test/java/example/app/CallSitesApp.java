package example.app;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * Test workload for trivial methods counted at their call sites (docs/agent.md): private trivial methods called
 * in loops, around exceptions, in constructors, a static initializer, a lambda, through a method reference and
 * through reflection, from several threads, and a {@code System.exit} with calls still pending. A top-level
 * class without nested classes, so that it has no nest mates. Arguments: {@code threads calls [longRounds]}, where
 * {@code longRounds} (default 0) runs one loop calling a trivial method twice per round. Prints the
 * expected count of each method (a pure function of the arguments) and a checksum; exits with status 3.
 */
public class CallSitesApp {
    private static final String TEXT = "select a, b from t where a <> 'x' and b >= 10 ";
    private static final long SEED = mix(42L); // one call from the static initializer
    private static final AtomicLong SINK = new AtomicLong();

    private final int factor;

    CallSitesApp(int factor) {
        this.factor = twice(factor); // one call per construction, counted at once (constructor)
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        return x * 0xff51afd7ed558ccdL;
    }

    private int twice(int x) {
        return 2 * x;
    }

    private static int neg(int x) {
        return -x;
    }

    private static int onlyReflective(int x) {
        return x + 7;
    }

    /** Calls isSpace TEXT.length() times in a loop whose only other call is String.charAt. */
    static int spaces() {
        int n = 0;
        for (int i = 0; i < TEXT.length(); i++) {
            if (isSpace(TEXT.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Calls mix once per iteration next to a call of an application method (counts added before it). */
    static long mixWithCalls(int rounds) {
        long h = SEED;
        for (int i = 0; i < rounds; i++) {
            h = mix(h + i);
            sink(h);
        }
        return h;
    }

    private static void sink(long v) {
        if (v == 42) {
            SINK.incrementAndGet();
        }
    }

    /** Calls mix {@code rounds} times, then fails on an array index: the counts leave with the exception. */
    static long mixThenFail(int rounds, long[] small) {
        long h = 0;
        for (int i = 0; i < rounds; i++) {
            h = mix(h ^ i);
        }
        return h + small[rounds]; // small.length <= rounds: ArrayIndexOutOfBoundsException
    }

    /** Calls isSpace on every character, catching an exception thrown inside the loop every 8th time. */
    static int spacesWithHandler() {
        int n = 0;
        for (int i = 0; i < TEXT.length(); i++) {
            try {
                if (isSpace(TEXT.charAt(i))) {
                    n++;
                }
                if ((i & 7) == 0) {
                    throw new IllegalStateException("every 8th");
                }
            } catch (IllegalStateException e) {
                n += 100;
            }
        }
        return n;
    }

    /** Many calls in one loop without any other call: added when the method returns. */
    static long longLoop(int rounds) {
        long h = 1;
        for (int i = 0; i < rounds; i++) {
            h = mix(h + i);
        }
        return h;
    }

    /** Two calls of mix per round in one loop without any other call: 2 x rounds may exceed an int. */
    static long veryLongLoop(int rounds) {
        long h = 3;
        for (int i = 0; i < rounds; i++) {
            h = mix(mix(h + i));
        }
        return h;
    }

    static long work(int calls) {
        long sum = 0;
        for (int r = 0; r < calls; r++) {
            sum += spaces();
            sum += mixWithCalls(3);
            try {
                sum += mixThenFail(2, new long[1]);
            } catch (ArrayIndexOutOfBoundsException e) {
                sum++;
            }
            sum += spacesWithHandler();
            CallSitesApp app = new CallSitesApp(r);
            sum += app.scaled(r);
        }
        return sum;
    }

    /** Instance method calling a private instance trivial method twice. */
    int scaled(int x) {
        return twice(x) + twice(factor);
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        AtomicLong total = new AtomicLong();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> total.addAndGet(work(calls)), "worker-" + t);
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        long all = (long) threads * calls;
        int len = TEXT.length();
        long longRounds = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        long loop = longLoop(200_000) ^ veryLongLoop((int) longRounds);
        IntUnaryOperator negate = CallSitesApp::neg; // a method reference: counted by the method's own probe
        int negated = 0;
        for (int i = 0; i < 1000; i++) {
            negated += negate.applyAsInt(i);
        }
        Method m = CallSitesApp.class.getDeclaredMethod("onlyReflective", int.class);
        int reflected = (int) m.invoke(null, 5);
        System.out.println("expect isSpace " + all * 2 * len);
        System.out.println("expect mix " + (1 + all * (3 + 2) + 200_000 + 2 * longRounds + 10));
        System.out.println("expect twice " + all * 3);
        System.out.println("expect neg 1000");
        System.out.println("expect onlyReflective 1");
        System.out.println("checksum " + (total.get() ^ loop ^ negated ^ reflected ^ SINK.get()));
        long last = 0;
        for (int i = 0; i < 10; i++) {
            last = mix(last + i); // pending in main when it exits: added before System.exit
        }
        System.out.flush();
        System.exit(last == 0 ? 4 : 3);
    }
}

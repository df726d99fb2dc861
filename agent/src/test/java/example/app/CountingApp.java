package example.app;

import java.util.function.IntUnaryOperator;

/**
 * Test workload with known call counts for every method kind the agent must handle. Arguments:
 * {@code threads calls [exit]}. Prints a checksum that does not depend on thread timing.
 */
public class CountingApp {
    /** An interface with a default method. */
    interface Shape {
        default int sides() {
            return 4;
        }
    }

    /** Constructor, default method use, and a generic bridge (compareTo(Object) calls compareTo(Square)). */
    static final class Square implements Shape, Comparable<Square> {
        final int v;

        Square(int v) {
            this.v = v;
        }

        @Override
        public int compareTo(Square o) {
            return Integer.compare(v, o.v);
        }
    }

    /** Thrown often: no stack trace, so that throwing is cheap. */
    static final class Quiet extends RuntimeException {
        Quiet() {
            super(null, null, false, false);
        }
    }

    private long syncCounter;

    static int staticAdd(int a) {
        return a + 1;
    }

    int instanceMul(int a) {
        return a * 3;
    }

    /** Trivial although it calls: its callees are trivial methods of this class that no override can replace. */
    static int mixed(int a) {
        return bump(a) + bump(a >> 1) * 7;
    }

    private static int bump(int a) {
        return a ^ 0x55;
    }

    synchronized void syncInc() {
        syncCounter++;
    }

    static int recurse(int depth) {
        return depth == 0 ? 0 : 1 + recurse(depth - 1);
    }

    static int mayThrow(int i) {
        if ((i & 7) == 0) {
            throw new Quiet();
        }
        return i;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static long work(CountingApp app, int calls) {
        IntUnaryOperator op = x -> x ^ 5;
        long sum = 0;
        Square prev = new Square(-1);
        for (int i = 0; i < calls; i++) {
            sum += staticAdd(i);
            sum += app.instanceMul(i);
            sum += mixed(i);
            Square s = new Square(i);
            sum += s.sides();
            Comparable c = s;
            sum += c.compareTo(prev);
            sum += op.applyAsInt(i);
            app.syncInc();
            if (i % 100 == 0) {
                sum += recurse(10);
            }
            try {
                sum += mayThrow(i);
            } catch (Quiet q) {
                sum -= 1;
            }
            prev = s;
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        CountingApp app = new CountingApp();
        long[] sums = new long[threads];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            ts[t] = new Thread(() -> sums[index] = work(app, calls), "worker-" + t);
            ts[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            ts[t].join();
            total += sums[t];
        }
        System.out.println("checksum=" + total + " sync=" + app.syncCounter);
        System.err.println("done on stderr");
        if (args.length > 2 && args[2].equals("exit")) {
            System.exit(7);
        }
    }
}

package example.app;

/**
 * Calls methods with arrays and Strings of known lengths, for the inputs test: {@code sum} with int arrays of 100 and
 * 300 elements, {@code greet} with Strings of 5 characters, {@code fill} (writes its array), and {@code boom} (throws
 * on odd input). Prints a checksum that must not change under the agent.
 */
public final class InputsApp {
    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        long check = 0;
        for (int i = 0; i < calls; i++) {
            int[] a = new int[i % 2 == 0 ? 100 : 300];
            for (int k = 0; k < a.length; k++) {
                a[k] = k * i;
            }
            check += sum(a, i);
            check += greet("h\u00e9llo", i).length();
            double[] d = new double[8];
            fill(d, i);
            check += (long) d[7];
            try {
                check += boom(i);
            } catch (IllegalArgumentException e) {
                check += 1;
            }
        }
        System.out.println("checksum " + check);
    }

    static long sum(int[] values, int offset) {
        long s = offset;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    static String greet(String name, int n) {
        StringBuilder sb = new StringBuilder("hi ");
        for (int i = 0; i < n % 3; i++) {
            sb.append(name);
        }
        return sb.toString();
    }

    static void fill(double[] out, int seed) {
        for (int i = 0; i < out.length; i++) {
            out[i] = seed * 0.5 + i;
        }
    }

    static int boom(int x) {
        if ((x & 1) == 1) {
            throw new IllegalArgumentException("odd " + x);
        }
        int s = 0;
        for (int i = 0; i < x % 7; i++) {
            s += i;
        }
        return s;
    }
}

package example.app;

/**
 * Test workload of many short-lived threads: {@code waves} waves of {@code width} threads started together, each
 * making {@code calls} calls of a count-only (trivial) method and a timed one, then ending. More threads start
 * between two flushes than the agent's pool of thread states holds, and more in all than its 4,096 slots, so
 * slots of ended threads are reused. Prints a checksum that does not depend on thread timing.
 */
public class ChurnApp {
    static int tiny(int a) {
        return a * 31 + 7;
    }

    static long body(int calls) {
        long sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += tiny(i);
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        int waves = Integer.parseInt(args[0]);
        int width = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        long[] sums = new long[width];
        long total = 0;
        for (int w = 0; w < waves; w++) {
            Thread[] ts = new Thread[width];
            for (int t = 0; t < width; t++) {
                int index = t;
                ts[t] = new Thread(() -> sums[index] = body(calls), "churn-" + w + "-" + t);
                ts[t].start();
            }
            for (int t = 0; t < width; t++) {
                ts[t].join();
                total += sums[t];
            }
        }
        System.out.println("checksum=" + total);
    }
}

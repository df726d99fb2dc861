package example.app;

/**
 * A long-running test program: two threads call {@link #work} until the JVM is stopped. Prints "ready" once
 * the work has run for a while, so tests know when to attach or signal.
 */
public class ServerApp {
    static volatile long sink;

    static long work(long x) {
        return x * 31 + 7;
    }

    public static void main(String[] args) throws Exception {
        for (int t = 0; t < 2; t++) {
            Thread w = new Thread(() -> {
                long x = 0;
                while (true) {
                    x = work(x);
                    if ((x & 0xFFFF) == 0) {
                        sink = x;
                    }
                }
            }, "server-worker-" + t);
            w.setDaemon(true);
            w.start();
        }
        Thread.sleep(500);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "600000"));
    }
}

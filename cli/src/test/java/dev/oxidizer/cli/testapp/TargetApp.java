package dev.oxidizer.cli.testapp;

/**
 * Program observed by the run/attach/detach tests. {@code exit N}: calls {@link #step} 10,000 times, prints the
 * result and exits with N. {@code serve}: calls it in a loop forever after printing "ready".
 */
public class TargetApp {
    static volatile long sink;

    /** Not trivial (it loops), so the agent's defaults count it: static, and its signature crosses FFM. */
    static long step(long x) {
        for (int i = 0; i < 4; i++) {
            x = x * 31 + 7;
        }
        return x;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            Thread w = new Thread(() -> {
                long x = 0;
                while (true) {
                    x = step(x);
                    sink = x;
                }
            }, "target-worker");
            w.setDaemon(true);
            w.start();
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(600_000);
            return;
        }
        long x = 0;
        for (int i = 0; i < 10_000; i++) {
            x = step(x);
        }
        System.out.println("x=" + x);
        System.exit(Integer.parseInt(args[1]));
    }
}

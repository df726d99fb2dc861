package dev.oxidizer.demo;

import java.io.PrintStream;

/**
 * Command-line entry of the demo service. Exit codes: 0 success, 1 the run failed, 2 bad command line.
 * Standard output carries only lines that depend on the seed alone (ending with
 * {@code checksum=<16 hex digits>}); timing statistics go to standard error.
 */
public final class DemoApp {

    /** Exit code of a completed run. */
    public static final int OK = 0;
    /** Exit code when the run failed (a request or a component failed). */
    public static final int RUN_FAILED = 1;
    /** Exit code of a bad command line. */
    public static final int USAGE = 2;

    private DemoApp() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the demo with {@code args}, printing to the given streams, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (UsageException e) {
            err.println("demo-app: " + e.getMessage());
            return USAGE;
        }
        if (options.help()) {
            out.println(DemoOptions.USAGE);
            return OK;
        }
        try {
            DemoRun.Result result = new DemoRun(options, err).run();
            out.println("seed=" + options.seed() + " checkedRequests=" + result.checkedRequests());
            out.println("checksum=" + result.checksumHex());
            return OK;
        } catch (DemoRun.RunFailedException e) {
            err.println("demo-app: run failed: " + e.getMessage());
            return RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("demo-app: interrupted");
            return RUN_FAILED;
        }
    }
}

package dev.oxidizer.demo;

/**
 * The demo's command line: {@code [--seconds 1..86400] [--threads 1..256] [--seed <long>] [--warmup 0..86399]
 * [--help]}; each option also accepts the {@code --name=value} form.
 *
 * @param seconds how long to serve requests (the first {@link DemoRun#CHECKED_REQUESTS} are always served)
 * @param threads request worker threads
 * @param seed    seed of the request stream
 * @param warmup  seconds at the start left out of the steady-state throughput also printed (0: none); the work
 *                done and its checksum do not depend on it
 * @param help    whether only the usage was asked for
 */
public record DemoOptions(int seconds, int threads, long seed, int warmup, boolean help) {

    /** The accepted form, shown with every usage error. */
    public static final String USAGE =
            "usage: java -jar oxidizer-demo-app.jar [--seconds 1..86400 (default 60)] [--threads 1..256 (default 4)] [--seed <long> (default 42)] [--warmup 0..seconds-1 (default 0)]";

    public static final int DEFAULT_SECONDS = 60;
    public static final int DEFAULT_THREADS = 4;
    public static final long DEFAULT_SEED = 42;

    /**
     * Parses {@code args}.
     *
     * @throws UsageException naming the bad option or value and the accepted form
     */
    public static DemoOptions parse(String... args) throws UsageException {
        int seconds = DEFAULT_SECONDS;
        int threads = DEFAULT_THREADS;
        long seed = DEFAULT_SEED;
        int warmup = 0;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--seconds", "--threads", "--seed", "--warmup" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("option " + name + " needs a value; " + USAGE);
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--seconds" -> seconds = (int) parseLong(name, value, 1, 86_400, "an integer from 1 to 86400");
                        case "--threads" -> threads = (int) parseLong(name, value, 1, 256, "an integer from 1 to 256");
                        case "--warmup" -> warmup = (int) parseLong(name, value, 0, 86_399, "an integer from 0 to 86399");
                        default -> seed = parseLong(name, value, Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer");
                    }
                }
                default -> throw new UsageException("unknown option '" + arg + "'; " + USAGE);
            }
        }
        if (warmup >= seconds) {
            throw new UsageException("option --warmup must be shorter than --seconds (" + seconds + "), got '" + warmup
                    + "'; " + USAGE);
        }
        return new DemoOptions(seconds, threads, seed, warmup, help);
    }

    private static long parseLong(String name, String value, long min, long max, String accepted) throws UsageException {
        try {
            long v = Long.parseLong(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted form
        }
        throw new UsageException("option " + name + " must be " + accepted + ", got '" + value + "'; " + USAGE);
    }
}

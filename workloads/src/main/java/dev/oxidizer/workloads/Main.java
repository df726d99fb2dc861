package dev.oxidizer.workloads;

import dev.oxidizer.workloads.kernels.KernelService;
import dev.oxidizer.workloads.libraries.LibraryService;

import java.util.Locale;

/**
 * Runs one labelled workload for a fixed time on worker threads, as a service under load would run:
 * {@code java -jar oxidizer-workloads.jar kernels|libraries [--seconds N] [--threads N] [--seed N]}.
 * The right answers are in {@code dev/oxidizer/workloads/NAME-labels.json} and in each labelled class's Javadoc.
 * Exit codes: 0 done, 2 bad arguments.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("no workload named");
        }
        String name = args[0];
        int seconds = 20;
        int threads = 2;
        long seed = 1;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("option " + a + " needs a value");
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> usage("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                usage("option " + a + " takes a whole number, got '" + v + "'");
            }
        }
        if (seconds < 1 || threads < 1) {
            usage("--seconds and --threads must be at least 1");
        }
        Workload w = switch (name) {
            case "kernels" -> new KernelService(seed);
            case "libraries" -> new LibraryService(seed);
            default -> {
                usage("unknown workload '" + name + "'");
                yield null;
            }
        };
        long requests = ServiceRunner.run(w, seconds, threads, seed);
        System.out.printf(Locale.ROOT, "%s: %d requests in %d s on %d workers (%.0f/s)%n", name, requests, seconds, threads,
                requests / (double) seconds);
    }

    private static void usage(String problem) {
        System.err.println("oxidizer-workloads: " + problem + "; usage: kernels|libraries [--seconds N] [--threads N] [--seed N]");
        System.exit(2);
    }
}

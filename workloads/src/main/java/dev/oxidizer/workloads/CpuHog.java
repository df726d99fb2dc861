package dev.oxidizer.workloads;

/**
 * Competing load for the scorer: spins one thread on a core for N seconds ({@code java -cp ... CpuHog N}), as a
 * noisy neighbour on a shared machine would. Not a workload; never analysed.
 */
public final class CpuHog {
    private CpuHog() {}

    public static void main(String[] args) {
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        long x = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}

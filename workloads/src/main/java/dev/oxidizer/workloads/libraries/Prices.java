package dev.oxidizer.workloads.libraries;

/** Price parsing. */
public final class Prices {
    private Prices() {}

    /**
     * Sums 400 comma-separated decimal prices, each parsed by {@code Double.parseDouble} (the JDK's FloatingDecimal does
     * nearly all the work). Label: decoy for {@code jdk-bound}.
     */
    public static double parseAll(String csv) {
        double sum = 0;
        int start = 0;
        while (start < csv.length()) {
            int end = csv.indexOf(',', start);
            if (end < 0) {
                end = csv.length();
            }
            sum += Double.parseDouble(csv.substring(start, end));
            start = end + 1;
        }
        return sum;
    }
}

package dev.oxidizer.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the generated interleaved run ({@code <Class>PairedRun}) measured, read from its result file (format
 * {@code oxidizer-paired 1}: a {@code # oxidizer-paired 1} line, then {@code key value} lines; docs/formats/port-manifest.md
 * describes the run).
 *
 * @param javaNs        ns per call of the original (median over rounds)
 * @param rustNs        ns per call through the wrapper
 * @param speedup       geometric mean over rounds of Java time over Rust time
 * @param speedupLow    lower end of the 95% interval; null with fewer than 3 rounds
 * @param speedupHigh   upper end
 * @param rounds        rounds measured
 * @param pairs         ABBA block pairs measured over all rounds
 * @param callsPerBlock calls of each method in one block
 * @param roundSpeedups each round's ratio, comma-separated
 */
record PairedScores(double javaNs, double rustNs, double speedup, Double speedupLow, Double speedupHigh, int rounds,
                    long pairs, long callsPerBlock, String roundSpeedups) {

    static PairedScores read(Path file) throws VerifyException {
        Map<String, String> v = new HashMap<>();
        try {
            var lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.getFirst().equals("# oxidizer-paired 1")) {
                throw new VerifyException(VerifyException.Kind.TOOL_FAILED, file + " is not an oxidizer-paired 1 result");
            }
            for (String line : lines.subList(1, lines.size())) {
                int sp = line.indexOf(' ');
                if (sp > 0) {
                    v.put(line.substring(0, sp), line.substring(sp + 1).strip());
                }
            }
            return new PairedScores(num(v, "javaNs", file), num(v, "rustNs", file), num(v, "speedup", file),
                    v.containsKey("speedupLow") ? num(v, "speedupLow", file) : null,
                    v.containsKey("speedupHigh") ? num(v, "speedupHigh", file) : null,
                    (int) num(v, "rounds", file), (long) num(v, "pairs", file), (long) num(v, "callsPerBlock", file),
                    v.getOrDefault("roundSpeedups", ""));
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot read the benchmark's result " + file + ": " + e.getMessage(), e);
        }
    }

    private static double num(Map<String, String> v, String key, Path file) throws VerifyException {
        String s = v.get(key);
        try {
            return Double.parseDouble(s);
        } catch (NullPointerException | NumberFormatException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, file + ": '" + key + "' is " + (s == null ? "missing" : "'" + s + "'")
                    + "; expected a number as the generated run writes it");
        }
    }
}

package dev.oxidizer.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Java and Rust scores of a generated benchmark, read from JMH's JSON result file
 * ({@code -rf json}): an array of runs, each with {@code benchmark} ({@code pkg.Class.method}) and
 * {@code primaryMetric.score}, {@code scoreError}, {@code scoreUnit}. The generated benchmark names its
 * methods {@code java} and {@code rust} and reports average time in ns/op.
 *
 * @param javaNs       ns per call of the original
 * @param javaErrorNs  99.9% confidence half-width
 * @param rustNs       ns per call through the wrapper
 * @param rustErrorNs  99.9% confidence half-width
 */
record JmhScores(double javaNs, double javaErrorNs, double rustNs, double rustErrorNs) {

    static JmhScores read(Path json) throws VerifyException {
        Double javaNs = null, javaErr = null, rustNs = null, rustErr = null;
        try {
            JsonNode runs = new ObjectMapper().readTree(json.toFile());
            for (JsonNode run : runs) {
                String bench = run.path("benchmark").asText();
                JsonNode metric = run.path("primaryMetric");
                if (!"ns/op".equals(metric.path("scoreUnit").asText())) {
                    throw new VerifyException(VerifyException.Kind.TOOL_FAILED, json + ": benchmark " + bench + " reports "
                            + metric.path("scoreUnit").asText() + "; expected ns/op (average time) as generated");
                }
                double score = metric.path("score").asDouble(Double.NaN);
                double err = metric.path("scoreError").asDouble(Double.NaN);
                if (bench.endsWith(".java")) {
                    javaNs = score;
                    javaErr = err;
                } else if (bench.endsWith(".rust")) {
                    rustNs = score;
                    rustErr = err;
                }
            }
        } catch (IOException e) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, "cannot read JMH's result " + json + ": " + e.getMessage(), e);
        }
        if (javaNs == null || rustNs == null) {
            throw new VerifyException(VerifyException.Kind.TOOL_FAILED, json + " lacks the 'java' or the 'rust' benchmark; expected both as generated");
        }
        return new JmhScores(javaNs, javaErr, rustNs, rustErr);
    }

    /** Java time over Rust time: above 1 means the port is faster. */
    double speedup() {
        return javaNs / rustNs;
    }
}

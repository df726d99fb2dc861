package dev.oxidizer.analyzer.bench;

import dev.oxidizer.analyzer.Analyzer;
import dev.oxidizer.analyzer.AnalyzerConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark driver for analyzer/bench/run.sh (not a test): analyses the given recordings once, with the FFM cost
 * fixed so the calibration is not timed, and prints one line {@code analyze_seconds=S peak_heap_mb=M methods=N}.
 * Peak heap is the sum of the heap pools' peak usage, which the JVM tracks itself.
 */
public final class AnalyzeBench {
    private AnalyzeBench() {}

    public static void main(String[] args) throws Exception {
        List<Path> files = java.util.Arrays.stream(args).map(Path::of).toList();
        long t0 = System.nanoTime();
        var result = new Analyzer(AnalyzerConfig.builder().latencyThread("request-worker-*").build()).ffmCallNs(50.0).analyze(files);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "analyze_seconds=%.2f peak_heap_mb=%.0f methods=%d%n", seconds, peak / 1048576.0,
                result.report().methods().size());
    }
}

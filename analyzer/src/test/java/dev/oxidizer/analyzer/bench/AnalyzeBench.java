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
 * Peak heap is the sum of the heap pools' peak usage, which the JVM tracks itself. With {@code --json OUT} first, the
 * report is also written to OUT, so two versions' reports can be diffed (apart from {@code generatedAt}).
 */
public final class AnalyzeBench {
    private AnalyzeBench() {}

    /**
     * The process's CPU time so far (user + system) split by thread role, from Linux's /proc: JIT compiler threads
     * (C1, C2), GC threads, and the rest (the reading threads, which have ended, and main); empty elsewhere.
     */
    public static String cpuByRole() {
        try {
            double hz = 100.0; // USER_HZ, 100 on Linux
            double total = ticks(java.nio.file.Files.readString(Path.of("/proc/self/stat"))) / hz;
            double c1 = 0;
            double c2 = 0;
            double gc = 0;
            try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
                for (Path t : tasks.toList()) {
                    String stat;
                    try {
                        stat = java.nio.file.Files.readString(t.resolve("stat"));
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    double sec = ticks(stat) / hz;
                    if (comm.startsWith("C2 Compiler")) {
                        c2 += sec;
                    } else if (comm.startsWith("C1 Compiler")) {
                        c1 += sec;
                    } else if (comm.startsWith("GC ") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
                        gc += sec;
                    }
                }
            }
            return String.format(Locale.ROOT, " cpu_s=%.2f c2_s=%.2f c1_s=%.2f gc_vm_s=%.2f other_s=%.2f", total, c2, c1, gc,
                    total - c2 - c1 - gc);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** utime + stime of a /proc stat line, in clock ticks (fields 14 and 15; the command may contain spaces). */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    public static void main(String[] args) throws Exception {
        Path json = null;
        if (args.length >= 2 && args[0].equals("--json")) {
            json = Path.of(args[1]);
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
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
        if (json != null) {
            dev.oxidizer.model.ReportJson.write(result.report(), json);
        }
        System.out.printf(Locale.ROOT, "analyze_seconds=%.2f peak_heap_mb=%.0f methods=%d%s%n", seconds, peak / 1048576.0,
                result.report().methods().size(), cpuByRole());
    }
}

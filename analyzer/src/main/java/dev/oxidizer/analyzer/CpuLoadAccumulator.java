package dev.oxidizer.analyzer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code jdk.CPULoad} and {@code jdk.CPUInformation} family: machine-wide CPU use, the recorded JVM's own CPU
 * use and the machine's hardware threads, per recording. One accumulator per read unit accepts events; units merge
 * into one in file and chunk order ({@link #merge}), and the merged sums are those of reading every event in order
 * (each unit keeps its values in event order until it is merged, because floating-point addition is not
 * associative). Not thread-safe.
 */
final class CpuLoadAccumulator {
    private final int fileIndex;
    /** A unit's values in event order (null in the merged accumulator, which keeps sums only). */
    private double[] machineLoads;
    private double[] jvmLoads;
    private int jvmLoadCount;
    private double machineLoadSum;
    private long machineLoadCount;
    /** Merged: per file index, {sum of jvmUser + jvmSystem, events}. */
    private final Map<Integer, double[]> jvmLoad = new LinkedHashMap<>();
    private final Map<Integer, Integer> fileCpus = new HashMap<>();

    /** @param fileIndex the file a unit reads, -1 for the merged accumulator */
    CpuLoadAccumulator(int fileIndex, boolean perUnit) {
        this.fileIndex = fileIndex;
        if (perUnit) {
            machineLoads = new double[16];
            jvmLoads = new double[16];
        }
    }

    /** One jdk.CPULoad event: {@code machineTotal} and {@code jvmUser + jvmSystem}, either may be NaN when absent. */
    void acceptLoad(double machineTotal, double jvmTotal) {
        if (!Double.isNaN(machineTotal)) {
            if (machineLoads != null) {
                if (machineLoadCount == machineLoads.length) {
                    machineLoads = Arrays.copyOf(machineLoads, machineLoads.length * 2);
                }
                machineLoads[(int) machineLoadCount] = machineTotal;
            }
            machineLoadSum += machineTotal;
            machineLoadCount++;
        }
        if (!Double.isNaN(jvmTotal) && jvmLoads != null) {
            if (jvmLoadCount == jvmLoads.length) {
                jvmLoads = Arrays.copyOf(jvmLoads, jvmLoads.length * 2);
            }
            jvmLoads[jvmLoadCount++] = jvmTotal;
        }
    }

    /** One jdk.CPUInformation event's {@code hwThreads} (the first one per file is kept). */
    void acceptCpus(int hwThreads) {
        fileCpus.putIfAbsent(fileIndex, hwThreads);
    }

    /** Adds a unit's events after those merged so far. {@code unit} must not be used afterwards. */
    void merge(CpuLoadAccumulator unit) {
        for (int i = 0; i < unit.machineLoadCount; i++) {
            machineLoadSum += unit.machineLoads[i];
            machineLoadCount++;
        }
        if (unit.jvmLoadCount > 0) {
            double[] jl = jvmLoad.computeIfAbsent(unit.fileIndex, k -> new double[2]);
            for (int i = 0; i < unit.jvmLoadCount; i++) {
                jl[0] += unit.jvmLoads[i];
                jl[1]++;
            }
        }
        unit.fileCpus.forEach(fileCpus::putIfAbsent);
    }

    /** Mean machine-wide CPU use (0..1), null without jdk.CPULoad events. */
    Double machineBusy() {
        return machineLoadCount == 0 ? null : machineLoadSum / machineLoadCount;
    }

    /**
     * CPU seconds the recorded JVMs used: per recording, the mean of jvmUser + jvmSystem (shares of the whole machine)
     * x its hardware threads x {@code fileSeconds} of that recording; null when no recording has both events.
     */
    Double jvmCpuSeconds(Map<Integer, Double> fileSeconds) {
        double total = 0;
        boolean any = false;
        for (var e : jvmLoad.entrySet()) {
            Integer cpus = fileCpus.get(e.getKey());
            Double secs = fileSeconds.get(e.getKey());
            if (cpus == null || cpus <= 0 || secs == null || e.getValue()[1] == 0) {
                continue;
            }
            total += e.getValue()[0] / e.getValue()[1] * cpus * secs;
            any = true;
        }
        return any ? total : null;
    }
}

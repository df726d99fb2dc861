package dev.oxidizer.bench.lib;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;

/**
 * The agent's own estimate of its cost within a time window, from its recording: the sum of
 * {@code oxidizer.AgentOverhead.estimatedOverheadNs + flushCpuNs} of the intervals in the window (prorated at its edges), printed
 * in ns, with the number of budget demotions ({@code oxidizer.MethodForm}, reason budget) and JIT-limit decisions.
 * Arguments: recording, window start and end in epoch ms.
 */
public final class ReportedOverhead {
    private ReportedOverhead() {}

    public static void main(String[] args) throws Exception {
        long from = Long.parseLong(args[1]);
        long to = Long.parseLong(args[2]);
        double ns = 0;
        int budget = 0;
        int jit = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String name = e.getEventType().getName();
            if (name.equals("oxidizer.AgentOverhead")) {
                long a = e.getLong("intervalStart");
                long b = e.getLong("intervalEnd");
                long overlap = Math.min(b, to) - Math.max(a, from);
                if (b > a && overlap > 0) {
                    long flushCpu = e.hasField("flushCpuNs") ? Math.max(0, e.getLong("flushCpuNs")) : 0;
                    ns += (e.getLong("estimatedOverheadNs") + flushCpu) * (double) overlap / (b - a);
                }
            } else if (name.equals("oxidizer.MethodForm")) {
                if (e.getString("reason").equals("budget")) {
                    budget++;
                } else {
                    jit++;
                }
            }
        }
        System.out.printf("%.0f %d %d%n", ns, budget, jit);
    }
}

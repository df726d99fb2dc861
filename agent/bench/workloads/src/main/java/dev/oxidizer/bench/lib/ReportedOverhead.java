package dev.oxidizer.bench.lib;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;

/**
 * The agent's own estimate of its cost within a time window, from its recording: the sum of
 * {@code oxidizer.AgentOverhead.estimatedOverheadNs + flushCpuNs + transformCpuNs + jfrCpuNs} of the intervals in the window
 * (prorated at its edges; the start-up is before any steady window), printed
 * in ns, with the number of budget demotions ({@code oxidizer.MethodForm}, reason budget) and JIT-limit decisions.
 * Arguments: recording, window start and end in epoch ms.
 */
public final class ReportedOverhead {
    private ReportedOverhead() {}

    /** A non-negative long field of agent layout v2, 0 when this recording's agent did not write it. */
    private static long field(RecordedEvent e, String name) {
        return e.hasField(name) ? Math.max(0, e.getLong(name)) : 0;
    }

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
                    long measured = field(e, "flushCpuNs") + field(e, "transformCpuNs") + field(e, "jfrCpuNs");
                    ns += (e.getLong("estimatedOverheadNs") + measured) * (double) overlap / (b - a);
                }
            } else if (name.equals("oxidizer.MethodForm")) {
                String reason = e.getString("reason");
                if (reason.equals("budget")) {
                    budget++;
                } else if (reason.equals("huge-method-limit") || reason.equals("inline-limit")) {
                    jit++;
                }
            }
        }
        System.out.printf("%.0f %d %d%n", ns, budget, jit);
    }
}

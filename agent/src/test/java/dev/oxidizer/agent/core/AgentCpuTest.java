package dev.oxidizer.agent.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cheap process-CPU reading of the agent's start window measures what the management bean measures. */
class AgentCpuTest {
    @Test
    void theStartWindowsProcessCpuAgreesWithTheManagementBean() {
        long busyUntil = AgentCpu.threadCpuNs() + 300_000_000L;
        long x = 0;
        while (AgentCpu.threadCpuNs() < busyUntil) {
            x += x * 31 + 7;
        }
        long quick = AgentCpu.startCpuNs();
        long bean = AgentCpu.processCpuNs();
        long quickAgain = AgentCpu.startCpuNs();
        // /proc/self/stat counts in 10 ms ticks; the bean reads between the two
        assertTrue(quick > 300_000_000L - 20_000_000L, "at least the busy loop's CPU: " + quick + " " + x);
        assertTrue(bean >= quick - 20_000_000L && bean <= quickAgain + 20_000_000L,
                "bean " + bean + " ns outside [" + quick + ", " + quickAgain + "] +- 20 ms");
    }
}

package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget's demotions by retransformation, with a clock of the test's own and a demoter that records. */
class CostBudgetTest {
    @TempDir
    Path dir;

    private long now;

    /** Burns CPU until the process's CPU time has moved, so that the budget sees an interval with CPU used. */
    private static long burn() {
        com.sun.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        long start = os.getProcessCpuTime();
        long x = 0;
        while (os.getProcessCpuTime() < start + 20_000_000) {
            for (int i = 0; i < 100_000; i++) {
                x += Long.numberOfTrailingZeros(x + i);
            }
        }
        return x;
    }

    private CostBudget budget(List<List<CostBudget.Demotion>> applied) throws AgentOptionsException {
        TimingPolicy policy = new TimingPolicy(AgentOptions.parse("", "com.acme.**", 1));
        CostBudget b = new CostBudget(0.05, new Calibration(), policy, new MethodForms(),
                new AgentLog(dir.resolve("agent.log")), () -> now);
        b.demoter(applied::add);
        return b;
    }

    /** One interval in which {@code id} (a count-only method) is charged far more than any budget allows. */
    private static void overBudget(CostBudget b, int id, MethodTable.MethodInfo info) {
        burn();
        b.startInterval();
        b.cost(id, info, MethodTable.MASK_OFF, 1_000_000_000L, 0, 1_000_000_000_000L, 1.0);
        b.enforce(1_000_000_000_000L);
    }

    @Test
    void theBudgetRetransformsAtMostOncePerCooldownInOneBatch() throws Exception {
        List<List<CostBudget.Demotion>> applied = new ArrayList<>();
        CostBudget b = budget(applied);
        String cls = "com.acme.budget.Cooled";
        int a = MethodTable.register(cls, "a", "()V", 0, MethodTable.PROBE_FULL);
        int c = MethodTable.register(cls, "c", "()V", 0, MethodTable.PROBE_FULL);
        MethodTable.setMask(a, MethodTable.MASK_OFF);
        MethodTable.setMask(c, MethodTable.MASK_OFF);
        b.enforce(0); // the first call only reads the process's CPU
        burn();
        b.startInterval();
        b.cost(a, MethodTable.info(a), MethodTable.MASK_OFF, 1_000_000_000L, 0, 1_000_000_000_000L, 1.0);
        b.cost(c, MethodTable.info(c), MethodTable.MASK_OFF, 1_000_000_000L, 0, 900_000_000_000L, 1.0);
        b.enforce(1_900_000_000_000L);
        assertEquals(1, applied.size(), "one retransformation for both methods of the class");
        assertEquals(List.of("a()V", "c()V"), applied.get(0).stream().map(CostBudget.Demotion::method).toList());
        assertTrue(applied.get(0).stream().allMatch(d -> d.form().equals(MethodForms.ENTRY)), applied.toString());

        // entry -> none would be the next step, and another class's method is over budget too: within the cooldown
        // neither is retransformed
        MethodTable.register(cls, "a", "()V", 0, MethodTable.PROBE_COUNT);
        int other = MethodTable.register("com.acme.budget.Other", "o", "()V", 0, MethodTable.PROBE_FULL);
        MethodTable.setMask(other, MethodTable.MASK_OFF);
        now += CostBudget.RECODE_COOLDOWN_NS - 1;
        overBudget(b, a, MethodTable.info(a));
        overBudget(b, other, MethodTable.info(other));
        assertEquals(1, applied.size(), "no second retransformation within the cooldown: " + applied);

        now += 1;
        overBudget(b, a, MethodTable.info(a));
        assertEquals(2, applied.size(), "after the cooldown the next step is taken: " + applied + "\n"
                + java.nio.file.Files.readString(dir.resolve("agent.log")));
        assertEquals(MethodForms.NONE, applied.get(1).get(0).form());
    }
}

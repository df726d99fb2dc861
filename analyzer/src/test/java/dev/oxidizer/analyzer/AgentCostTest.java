package dev.oxidizer.analyzer;

import dev.oxidizer.agent.fake.FakeProbe;
import dev.oxidizer.model.Report;
import example.work.Work;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's measured cost: which samples are agent work, and the overhead the report states from them. */
class AgentCostTest {
    @TempDir
    Path dir;

    @Test
    void agentCodeOnTopOrBelowJdkFramesIsAgentWorkAndApplicationCodeBetweenIsNot() {
        assertTrue(AgentCost.isAgentFrames(List.of("dev.oxidizer.agent.shaded.org.HdrHistogram.AbstractHistogram",
                "dev.oxidizer.agent.runtime.Probe", "org.apache.commons.compress.BlockSort")));
        assertTrue(AgentCost.isAgentFrames(List.of("java.util.Arrays", "jdk.internal.misc.Unsafe",
                "dev.oxidizer.agent.shaded.org.HdrHistogram.AbstractHistogram", "a.App")));
        assertFalse(AgentCost.isAgentFrames(List.of("java.util.Arrays", "a.App", "dev.oxidizer.agent.runtime.Probe")));
        assertFalse(AgentCost.isAgentFrames(List.of("a.App", "dev.oxidizer.agent.runtime.Probe")));
        assertFalse(AgentCost.isAgentFrames(List.of("java.lang.Thread")));
        assertFalse(AgentCost.isAgentFrames(List.of()));
    }

    @Test
    void belowTheMinimumOfSamplesTheEstimateStandsAlone() {
        AgentCost c = new AgentCost();
        for (int i = 0; i < AgentCost.MIN_SAMPLES - 1; i++) {
            c.accept(null, -1, AgentCost.AGENT_THREAD);
        }
        assertNull(c.sampledShare());
        Report.AgentOverhead o = c.overhead(true, 2_000_000_000L, 1.0, 20.0, 100.0, 10, 1);
        assertEquals("estimate", o.basis());
        assertEquals(2.0, o.reportedSeconds(), 1e-9);
        assertNull(o.measuredSeconds());
        assertEquals(2.0 / 98.0, o.fractionOfApplicationCpu(), 1e-9);
        assertNull(c.overhead(false, 0, null, null, 100.0, 10, 1));
    }

    @Test
    void theLargerOfEstimateAndMeasurementIsStated() {
        AgentCost c = new AgentCost();
        for (int i = 0; i < 100; i++) {
            c.accept(null, -1, i < 20 ? AgentCost.AGENT_THREAD : i < 30 ? AgentCost.AGENT_SHUTDOWN_THREAD : "worker");
        }
        assertEquals(0.3, c.sampledShare(), 1e-12);
        Report.AgentOverhead low = c.overhead(true, 1_000_000_000L, null, null, 10.0, 10, 1);
        assertEquals("measured", low.basis());
        assertEquals(3.0, low.reportedSeconds(), 1e-9);
        assertEquals(3.0 / 7.0, low.fractionOfApplicationCpu(), 1e-9);
        assertEquals(0.3, low.fractionOfWindow(), 1e-9);
        Report.AgentOverhead high = c.overhead(true, 5_000_000_000L, null, null, 10.0, 10, 1);
        assertEquals("estimate", high.basis());
        assertEquals(5.0, high.reportedSeconds(), 1e-9);
        assertEquals(3.0, high.measuredSeconds(), 1e-9);
    }

    @Test
    void whatSamplesCannotSeeIsAddedToTheMeasurement() {
        AgentCost c = new AgentCost();
        for (int i = 0; i < 100; i++) {
            c.accept(null, -1, i < 10 ? AgentCost.AGENT_THREAD : "worker");
        }
        // 10 % of 20 s sampled as agent work, plus 1.5 s of start and JFR threads the agent measured: 3.5 s
        Report.AgentOverhead o = c.overhead(true, 2_000_000_000L, 1_500_000_000L, null, null, 20.0, 10, 1);
        assertEquals("measured", o.basis());
        assertEquals(3.5, o.measuredSeconds(), 1e-9);
        assertEquals(3.5, o.reportedSeconds(), 1e-9);
        assertEquals(3.5 / 16.5, o.fractionOfApplicationCpu(), 1e-9);
    }

    /**
     * The process's CPU as the agent measured it covers the agent's start: the sampled share applies to the rest only,
     * and the stated fraction sets the agent's cost against the rest. Set against jdk.CPULoad's CPU, which starts a
     * second into the recording, a 4-second run whose agent start took 2 s of CPU was stated at 2-3.5 times the
     * overhead a side-by-side run measured.
     */
    @Test
    void theProcessCpuTheAgentMeasuredIncludesItsStartAndIsNotSampledTwice() {
        AgentCost c = new AgentCost();
        for (int i = 0; i < 100; i++) {
            c.accept(null, -1, i < 10 ? AgentCost.AGENT_THREAD : "worker");
        }
        // 8 s of process CPU, 2 s of it the agent's start (unsampled): 10 % of the other 6 s, plus the 2 s
        Report.AgentOverhead o = c.overhead(true, 2_100_000_000L, 2_000_000_000L, null, null, 8.0, true, 10, 1);
        assertEquals("measured", o.basis());
        assertEquals(2.6, o.measuredSeconds(), 1e-9);
        assertEquals(2.6 / 5.4, o.fractionOfApplicationCpu(), 1e-9);
        // the same numbers taken as jdk.CPULoad's CPU (start not in it): the share applies to all of it
        assertEquals(2.8, c.overhead(true, 2_100_000_000L, 2_000_000_000L, null, null, 8.0, false, 10, 1)
                .measuredSeconds(), 1e-9);
    }

    /**
     * A real recording: a thread spends about three quarters of its time in code of the agent's package and a quarter
     * in the application's, while the agent's own estimate says 1 ms. The analyzer measures the agent's share from the
     * execution samples and states it instead of the estimate.
     */
    @Test
    void aRecordingWhoseSamplesAreMostlyAgentCodeReportsTheMeasuredShare() throws Exception {
        Path f = dir.resolve("agent-cost.jfr");
        long sink = 0;
        try (Recording r = new Recording()) {
            r.enable("oxidizer.AgentSession");
            r.enable("oxidizer.AgentOverhead");
            r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            r.enable("jdk.CPUInformation");
            r.start();
            long start = System.currentTimeMillis();
            TestEvents.session("s", "example.work.Work", 0);
            // Until the thread had 1.5 s on a core (at most 60 s): on a loaded machine 2.5 s of wall time gave it
            // 19 samples, below the minimum. The execution sampler samples a thread only while it runs.
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            while (threads.getCurrentThreadCpuTime() - cpu0 < 1_500_000_000L && System.nanoTime() - t0 < 60_000_000_000L) {
                sink += FakeProbe.spin(3_000_000);
                sink += Work.spin(1_000_000);
            }
            TestEvents.AgentOverhead o = new TestEvents.AgentOverhead();
            o.sessionId = "s";
            o.estimatedOverheadNs = 1_000_000;
            o.intervalStart = start;
            o.intervalEnd = System.currentTimeMillis();
            o.commit();
            r.stop();
            r.dump(f);
        }
        assertTrue(sink != 42);
        Report.AgentOverhead o = Analyses.report(f).agentOverhead();
        assertNotNull(o);
        assertEquals(0.001, o.estimatedSeconds(), 1e-9);
        assertTrue(o.executionSamples() >= AgentCost.MIN_SAMPLES, "samples " + o.executionSamples());
        assertNotNull(o.sampledShare());
        assertTrue(o.sampledShare() > 0.5 && o.sampledShare() < 0.95, "share " + o.sampledShare());
        assertNotNull(o.measuredSeconds(), "JVM CPU from jdk.CPULoad");
        assertEquals("measured", o.basis());
        assertEquals(o.measuredSeconds(), o.reportedSeconds(), 1e-12);
        assertTrue(o.reportedSeconds() > o.estimatedSeconds());
    }

    @Test
    void theJitsWorkOnTheAgentsAndJfrsOwnCodeIsItsShareOfTheMeasuredJitCpu() {
        assertTrue(AgentCost.isAgentOwnCode("dev.oxidizer.agent.shaded.net.bytebuddy.jar.asm.ClassReader"));
        assertTrue(AgentCost.isAgentOwnCode("jdk.jfr.internal.MetadataWriter"));
        assertFalse(AgentCost.isAgentOwnCode("org.mozilla.javascript.Interpreter"));
        assertFalse(AgentCost.isAgentOwnCode("java.util.HashMap"));
        // 0.4 s of 2.0 s of compilation was the agent's; the compiler threads used 1.5 s of CPU: 0.3 s is the agent's
        assertEquals(300_000_000L, AgentCost.jitShareNs(400_000_000L, 2_000_000_000L, 1_500_000_000L));
        // the JIT's CPU unknown (not Linux): the agent's compilation time itself
        assertEquals(400_000_000L, AgentCost.jitShareNs(400_000_000L, 2_000_000_000L, -1));
        assertEquals(0, AgentCost.jitShareNs(0, 2_000_000_000L, 1_500_000_000L));
        assertEquals(0, AgentCost.jitShareNs(0, 0, -1), "no compilation events");
    }
}

package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The adaptive policy's decisions at its edges, with the documented defaults. */
class TimingPolicyTest {
    private static TimingPolicy policy(String args) throws AgentOptionsException {
        return new TimingPolicy(AgentOptions.parse(args, "com.acme.**", 1));
    }

    @Test
    void aHotShortMethodIsSampledSoThatAboutTimedRateCallsPerSecondAreTimed() throws Exception {
        TimingPolicy p = policy("");
        // 10,000 calls/s: 1 in 16 would do, but never denser than sampleEvery (64)
        assertEquals(63, p.next(MethodTable.MASK_ALL, 10_000, 10_000, 20, 1.0));
        // 7 million calls/s at timedRate=1000: 1 in 8192 (the smallest power of two >= 7000)
        assertEquals(8191, p.next(MethodTable.MASK_ALL, 7_000_000, 7_000_000, 20, 1.0));
        assertEquals(8191, p.next(63, 7_000_000, 109_375, 20, 1.0));
        // the rate is per second of the interval
        assertEquals(8191, p.next(63, 14_000_000, 218_750, 20, 2.0));
    }

    @Test
    void theSparsestIntervalIsCapped() throws Exception {
        assertEquals(TimingPolicy.MAX_INTERVAL - 1, policy("timedRate=1").next(63, 1L << 40, 1000, 20, 1.0));
    }

    @Test
    void aMethodThatIsNotHotOrNotShortIsTimedOnEveryCall() throws Exception {
        TimingPolicy p = policy("");
        assertEquals(MethodTable.MASK_ALL, p.next(MethodTable.MASK_ALL, 9_999, 9_999, 20, 1.0));
        assertEquals(MethodTable.MASK_ALL, p.next(MethodTable.MASK_ALL, 100_000, 100_000, 5_000, 1.0));
        // too few timed calls to judge
        assertEquals(MethodTable.MASK_ALL, p.next(MethodTable.MASK_ALL, 100_000, 99, 20, 1.0));
    }

    @Test
    void aSampledMethodGoesBackToEveryCallOnlyPastTheHysteresis() throws Exception {
        TimingPolicy p = policy("");
        assertEquals(63, p.next(63, 5_000, 80, 20, 1.0));          // rate >= hotRate / 2: stays sampled
        assertEquals(MethodTable.MASK_ALL, p.next(63, 4_999, 80, 20, 1.0));
        assertEquals(63, p.next(63, 50_000, 800, 10_000, 1.0));       // median <= 2 x shortNs: stays sampled
        assertEquals(MethodTable.MASK_ALL, p.next(63, 50_000, 800, 10_001, 1.0));
    }

    @Test
    void otherModesKeepTheirMask() throws Exception {
        assertEquals(MethodTable.MASK_ALL, policy("timing=all").next(MethodTable.MASK_ALL, 1_000_000, 1_000_000, 20, 1.0));
        assertEquals(63, policy("timing=sampled").next(63, 7_000_000, 100_000, 20, 1.0));
        assertEquals(MethodTable.MASK_OFF, policy("timing=off").next(MethodTable.MASK_OFF, 7_000_000, 0, 0, 1.0));
    }
}

package dev.oxidizer.agent.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log's own timestamp format must be {@link Instant#toString()}'s, which it replaces on the start-up path. */
class AgentLogTest {
    @Test
    void timestampsAreWrittenAsInstantWritesThem() {
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        SplittableRandom r = new SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++) {
            long secs = r.nextLong(max + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(secs, nano);
            assertEquals(t.toString(), AgentLog.timestamp(t));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999999999Z",
                "2100-03-01T00:00:00.001Z", "1600-02-29T12:00:00.000001Z", "0000-01-01T00:00:00Z"}) {
            assertEquals(edge, AgentLog.timestamp(Instant.parse(edge)));
        }
        Instant now = Instant.now();
        assertEquals(now.toString(), AgentLog.timestamp(now));
    }
}

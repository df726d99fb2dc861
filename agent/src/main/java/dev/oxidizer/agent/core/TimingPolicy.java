package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;

/**
 * Decides, per method and flush interval, which calls are timed. Counts are always exact; only the clock
 * reads are thinned out.
 *
 * <ul>
 *   <li>{@code all}: every call is timed.</li>
 *   <li>{@code off}: no call is timed (count only).</li>
 *   <li>{@code sampled}: 1 call in {@code sampleEvery} per thread is timed, for every method.</li>
 *   <li>{@code adaptive} (default): a method starts with its first {@link #WARMUP_CALLS} calls per thread
 *   timed and 1 in {@code sampleEvery} after that, so a hot method costs little from its first second on. At
 *   each flush a method that was both <em>hot</em> (at least {@code hotRate} calls per second) and
 *   <em>short</em> (median timed latency below {@code shortNs}) stays (or becomes) sampled; any other method is
 *   timed on every call. A sampled method goes back to every call only when its rate falls below
 *   {@code hotRate / 2} or its median rises above {@code 2 × shortNs} (hysteresis, so it does not flap).
 *   A sampled method's interval follows its rate: the smallest power of two, at least {@code sampleEvery},
 *   that times no more than about {@code timedRate} calls per second, so the clock reads of a method called
 *   millions of times a second cost a few microseconds per second, not a share of every call.</li>
 * </ul>
 * The policy in force during an interval is written in each {@code oxidizer.MethodProfile} event.
 */
final class TimingPolicy {
    private final String mode;
    private final int sampleMask;
    private final long shortNs;
    private final long hotRate;
    private final long timedRate;

    TimingPolicy(AgentOptions o) {
        this.mode = o.timing();
        this.sampleMask = o.sampleEvery() - 1;
        this.shortNs = o.shortNs();
        this.hotRate = o.hotRate();
        this.timedRate = o.timedRate();
    }

    /** Calls per thread and method timed before the mask applies (adaptive only). */
    static final int WARMUP_CALLS = 256;

    /** The mask every new method starts with. */
    int initialMask() {
        return switch (mode) {
            case "off" -> MethodTable.MASK_OFF;
            case "sampled", "adaptive" -> sampleMask;
            default -> MethodTable.MASK_ALL;
        };
    }

    int warmupCalls() {
        return mode.equals("adaptive") ? WARMUP_CALLS : 0;
    }

    /** The mask for the next interval given what the interval just ended showed ({@code meanNs}: the median). */
    int next(int mask, long invocations, long timed, double meanNs, double seconds) {
        if (!mode.equals("adaptive") || invocations == 0 || seconds <= 0) {
            return mask;
        }
        double rate = invocations / seconds;
        if (mask == MethodTable.MASK_ALL) {
            return rate >= hotRate && timed >= 100 && meanNs < shortNs ? sampledMask(rate) : mask;
        }
        if (rate < hotRate / 2.0) {
            return MethodTable.MASK_ALL;
        }
        return timed > 0 && meanNs > 2.0 * shortNs ? MethodTable.MASK_ALL : sampledMask(rate);
    }

    /** The mask timing about {@code timedRate} calls per second at this call rate, and at least 1 in sampleEvery. */
    int sampledMask(double rate) {
        double wanted = rate / timedRate;
        int interval = sampleMask + 1;
        while (interval < MAX_INTERVAL && interval < wanted) {
            interval <<= 1;
        }
        return interval - 1;
    }

    /** The sparsest sampling: 1 timed call in 2^20 per thread. */
    static final int MAX_INTERVAL = 1 << 20;

    /** The policy name of a trivial method's events: counted by the count-only probe, never timed. */
    static final String TRIVIAL = "trivial";

    static String name(int mask) {
        return mask == MethodTable.MASK_ALL ? "all" : mask == MethodTable.MASK_OFF ? "off" : "sampled";
    }

    static int interval(int mask) {
        return mask == MethodTable.MASK_ALL ? 1 : mask == MethodTable.MASK_OFF ? 0 : mask + 1;
    }
}

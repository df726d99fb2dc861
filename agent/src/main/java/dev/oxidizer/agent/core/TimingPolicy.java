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
 *   <li>{@code adaptive} (default): every call is timed until a flush sees, in the interval just ended, a
 *   method that is both <em>hot</em> (at least {@code hotRate} calls per second) and <em>short</em> (mean
 *   timed latency below {@code shortNs}); from then on it is timed 1 in {@code sampleEvery}. A sampled method
 *   whose mean rises above {@code 2 × shortNs} goes back to being timed on every call.</li>
 * </ul>
 * The policy in force during an interval is written in each {@code oxidizer.MethodProfile} event.
 */
final class TimingPolicy {
    private final String mode;
    private final int sampleMask;
    private final long shortNs;
    private final long hotRate;

    TimingPolicy(AgentOptions o) {
        this.mode = o.timing();
        this.sampleMask = o.sampleEvery() - 1;
        this.shortNs = o.shortNs();
        this.hotRate = o.hotRate();
    }

    /** The mask every new method starts with. */
    int initialMask() {
        return switch (mode) {
            case "off" -> MethodTable.MASK_OFF;
            case "sampled" -> sampleMask;
            default -> MethodTable.MASK_ALL;
        };
    }

    /** The mask for the next interval given what the interval just ended showed. */
    int next(int mask, long invocations, long timed, double meanNs, double seconds) {
        if (!mode.equals("adaptive") || invocations == 0 || timed == 0 || seconds <= 0) {
            return mask;
        }
        if (mask == MethodTable.MASK_ALL) {
            boolean hot = invocations / seconds >= hotRate;
            return hot && timed >= 100 && meanNs < shortNs ? sampleMask : mask;
        }
        return meanNs > 2.0 * shortNs ? MethodTable.MASK_ALL : mask;
    }

    static String name(int mask) {
        return mask == MethodTable.MASK_ALL ? "all" : mask == MethodTable.MASK_OFF ? "off" : "sampled";
    }

    static int interval(int mask) {
        return mask == MethodTable.MASK_ALL ? 1 : mask == MethodTable.MASK_OFF ? 0 : mask + 1;
    }
}

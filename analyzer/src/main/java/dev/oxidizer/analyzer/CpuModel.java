package dev.oxidizer.analyzer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much on-CPU time one sample stands for (the CPU time estimator, documented in docs/analyzer.md).
 *
 * <p>With {@code jdk.CPUTimeSample} (JDK 25, Linux) and a time-based throttle, each sample is one throttle
 * period of a thread's CPU time: no correction is needed. Otherwise {@code jdk.ExecutionSample} is used: every
 * period P the sampler takes at most {@code cap} threads that are running Java code (HotSpot: 5), walking the
 * thread list round-robin. When a period took fewer than {@code cap} samples, every running thread was sampled
 * and each sample stands for P. When it took {@code cap}, N > cap threads may have been running and each sample
 * stands for P x N / cap; N is estimated as the distinct threads sampled in that period and the 5 periods either
 * side (round-robin visits every running thread within N / cap periods). The per-sample weight is P times the
 * sample-weighted mean of those factors. On a busy machine the sampler thread itself runs late: a period that
 * started g after the previous one (P < g <= 2.5 P) covered g, not P, so its samples are weighted by g; longer
 * gaps are taken as idle periods (no thread was in Java, so no sample was written) and weigh P.
 *
 * <p>Run-queue correction (always applied, measured per thread, see docs/analyzer.md): a thread that has work but
 * no core (more runnable threads than cores, on a busy box) is descheduled inside whatever method it is running, so
 * the agent's wall time of that method includes the wait. Per thread, {@code onCpuShare} is its sampled CPU time
 * divided by the time it had work (its span in the recording less its recorded waits; threads with few samples get
 * their recording's pooled share, {@link #onCpuShares}); a method
 * loses {@code cpu x (1 / share - 1)} of its wall time on each thread ({@link #runQueuePerCpuNs}). Because the thread's
 * CPU time and the method's come from the same samples, a sampler that over- or under-counts a thread cancels out.
 *
 * @param nsPerSample   on-CPU ns one sample stands for
 * @param periodNs      the sampling period P (or the CPU-time throttle)
 * @param saturation    the mean correction factor (1 = sampler never saturated)
 * @param saturatedShare share of periods that took {@code cap} samples
 * @param source        {@code jdk.CPUTimeSample} or {@code jdk.ExecutionSample}
 * @param periodSource  where P came from: the recording's settings, inferred from sample times, or the default
 * @param machineBusy   mean machine CPU use from jdk.CPULoad (0..1), null without those events; reported only
 * @param onCpuShares   per thread key ({@link StackSampleAccumulator#scopedThreadId}) with samples: the share of the time it
 *                      had work that it spent on a CPU (0.05..1), its own or its recording's pooled share
 *                      ({@link #onCpuShares})
 */
record CpuModel(double nsPerSample, double periodNs, double saturation, double saturatedShare, String source,
                String periodSource, Double machineBusy, Map<Long, Double> onCpuShares) {

    /** Share of the time thread {@code id} had work that it was on a CPU; 1 when unknown (too few samples in its recording). */
    double onCpuShare(long threadId) {
        Double s = onCpuShares.get(threadId);
        return s == null ? 1.0 : s;
    }

    /** Ns thread {@code id} waited for a core per ns it ran: {@code 1 / onCpuShare - 1}, 0 when unknown. */
    double runQueuePerCpuNs(long threadId) {
        return 1.0 / onCpuShare(threadId) - 1.0;
    }

    static final double DEFAULT_PERIOD_NS = 20_000_000;
    /** Gaps between sampler periods up to this many periods are a late sampler, longer ones idle time. */
    static final double LATE_TICK_FACTOR = 2.5;
    /** Smallest on-CPU share a thread is given (20 ns waiting for a core per ns on it): bounds a wrong span. */
    static final double MIN_ON_CPU_SHARE = 0.05;
    /** Mean on-CPU share below which the report warns that threads waited for cores. */
    static final double WARN_ON_CPU_SHARE = 0.9;
    static final int MIN_THREAD_SAMPLES = 30;

    static CpuModel of(Profile profile, int cap) {
        if (profile.cpuTimeSampled()) {
            Long cpuTypeId = profile.eventTypeIds().get(EventKind.CPU_TIME_SAMPLE);
            long throttle = minDuration(profile.settings().getOrDefault(cpuTypeId, Map.of()).get("throttle"));
            return new CpuModel(throttle, throttle, 1, 0, EventKind.CPU_TIME_SAMPLE, "recording settings",
                    machineBusy(profile), onCpuShares(profile, throttle, true));
        }
        Long execTypeId = profile.eventTypeIds().get(EventKind.EXECUTION_SAMPLE);
        Long period = execTypeId == null ? null : minDuration(profile.settings().getOrDefault(execTypeId, Map.of()).get("period"));
        String periodSource = "recording settings";
        // Each file's sampler periods, reduced as they were merged (SamplerTicks): ticks by their gap to the previous one.
        TreeMap<Long, long[]> byGap = new TreeMap<>();
        long firstWeight = 0;
        long total = 0;
        long saturated = 0;
        long ticks = 0;
        for (SamplerTicks t : profile.samplerTicks().values()) {
            t.byGapMs().forEach((gap, w) -> {
                long[] g = byGap.computeIfAbsent(gap, x -> new long[2]);
                g[0] += w[0];
                g[1] += w[1];
            });
            firstWeight += t.firstTickWeight();
            total += t.samples();
            saturated += t.saturatedTicks();
            ticks += t.ticks();
        }
        if (period == null) {
            long gaps = byGap.values().stream().mapToLong(g -> g[1]).sum();
            if (gaps >= 10) {
                period = lowerQuartileMs(byGap, gaps) * 1_000_000; // lower quartile: gaps include idle periods
                periodSource = "inferred from sample times";
            } else {
                period = (long) DEFAULT_PERIOD_NS;
                periodSource = "JFR default (not in the recording)";
            }
        }
        // A period that came late (sampler thread descheduled on a busy machine) covered the time since the previous
        // one; a longer gap is idle time (periods that found no thread in Java), so it counts one period, as does a
        // timeline's first period.
        double lateLimit = LATE_TICK_FACTOR * period;
        double weighted = firstWeight * (double) period;
        for (var e : byGap.entrySet()) {
            double gapNs = e.getKey() * 1_000_000.0;
            double covered = gapNs > period && gapNs <= lateLimit ? gapNs : period;
            weighted += e.getValue()[0] * covered;
        }
        double nsPerSample = total > 0 ? weighted / total : period;
        double s = nsPerSample / period;
        return new CpuModel(nsPerSample, period, s, ticks == 0 ? 0 : saturated / (double) ticks,
                EventKind.EXECUTION_SAMPLE, periodSource, machineBusy(profile), onCpuShares(profile, nsPerSample, false));
    }

    /** Mean machine-wide CPU use from jdk.CPULoad (0..1), null without those events. */
    static Double machineBusy(Profile profile) {
        return profile.machineBusy();
    }

    /**
     * Per thread: its sampled CPU time (samples of the sampler in use x {@code nsPerSample}) divided by the time it had
     * work, i.e. the span from its first to its last event less the waits recorded on it (park, sleep, monitor, socket,
     * file events), between {@link #MIN_ON_CPU_SHARE} and 1. A thread with fewer than {@link #MIN_THREAD_SAMPLES}
     * samples gets the pooled share of its recording (all its threads' sampled CPU over all their working time), when
     * that pool holds enough samples: with many runnable threads per core each thread gets few samples, and those are
     * the recordings that need the correction most. Waits shorter than the recording's thresholds count as work, which
     * makes the share too small and the run-queue correction too large for threads with many short waits; explicit
     * waits are what the cpu-bound rule checks separately.
     */
    static Map<Long, Double> onCpuShares(Profile profile, double nsPerSample, boolean cpuTimeSamples) {
        Map<Long, Double> out = new java.util.HashMap<>();
        Map<Long, double[]> pools = new java.util.HashMap<>(); // file -> {cpu ns, busy ns, samples}
        List<Long> few = new ArrayList<>();
        profile.threads().forEach((id, ti) -> {
            long samples = cpuTimeSamples ? ti.cpuTimeSamples() : ti.execSamples();
            if (samples == 0) {
                return;
            }
            if (ti.lastMs() <= ti.firstMs()) {
                few.add(id);
                return;
            }
            double cpu = samples * nsPerSample;
            double busyNs = Math.max(cpu, (ti.lastMs() - ti.firstMs()) * 1e6 - ti.waitNs());
            double[] pool = pools.computeIfAbsent(StackSampleAccumulator.fileOfThread(id), k -> new double[3]);
            pool[0] += cpu;
            pool[1] += busyNs;
            pool[2] += samples;
            if (samples >= MIN_THREAD_SAMPLES) {
                out.put(id, bounded(cpu / busyNs));
            } else {
                few.add(id);
            }
        });
        for (long id : few) {
            double[] pool = pools.get(StackSampleAccumulator.fileOfThread(id));
            if (pool != null && pool[2] >= MIN_THREAD_SAMPLES) {
                out.put(id, bounded(pool[0] / pool[1]));
            }
        }
        return out;
    }

    private static double bounded(double share) {
        return Math.max(MIN_ON_CPU_SHARE, Math.min(1.0, share));
    }

    /** Mean on-CPU share over the threads that have one (1 when none), for reporting. */
    double meanOnCpuShare() {
        return onCpuShares.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
    }

    /** Whether threads waited for cores enough to say so in the report's warnings. */
    boolean threadsWaitedForCores() {
        return meanOnCpuShare() < WARN_ON_CPU_SHARE;
    }

    /** The gap (ms) at index {@code count / 4} of all gaps in ascending order. */
    private static long lowerQuartileMs(TreeMap<Long, long[]> byGap, long count) {
        long index = count / 4;
        long seen = 0;
        for (var e : byGap.entrySet()) {
            seen += e.getValue()[1];
            if (seen > index) {
                return e.getKey();
            }
        }
        return byGap.lastKey();
    }

    /** Smallest duration among setting values like "20 ms", "10ms", "1 s"; null when none parses. */
    static Long minDuration(Collection<String> values) {
        if (values == null) {
            return null;
        }
        Long min = null;
        for (String v : values) {
            Long ns = parseDurationNs(v);
            if (ns != null && ns > 0 && (min == null || ns < min)) {
                min = ns;
            }
        }
        return min;
    }

    static Long parseDurationNs(String v) {
        if (v == null) {
            return null;
        }
        String s = v.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        String[][] units = {{"ns", "1"}, {"us", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}, {"m", "60000000000"},
                {"h", "3600000000000"}, {"d", "86400000000000"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                String num = s.substring(0, s.length() - u[0].length());
                if (num.isEmpty() || !num.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    return Long.parseLong(num) * Long.parseLong(u[1]);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}

package dev.oxidizer.analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which methods sampling-only mode reports, for want of agent or method-timing counts. */
final class HotMethods {
    private HotMethods() {}

    /**
     * The sampling-only mode's methods: the hottest application methods by self samples (JDK leaf time attributed to
     * the nearest application frame) together with the hottest by inclusive samples, by descending weight.
     */
    static List<String> select(Profile profile, AnalyzerConfig config) {
        long[] self = new long[profile.frameCount()];
        for (int s = 0; s < profile.stackCount(); s++) {
            int[] f = profile.stack(s);
            long w = profile.cpuSamples(s);
            if (f.length > 0 && w > 0) {
                self[f[0]] += w;
            }
        }
        // Attribute JDK leaf time to the nearest application frame: the method a user could port.
        long[] attributed = new long[profile.frameCount()];
        for (int s = 0; s < profile.stackCount(); s++) {
            int[] f = profile.stack(s);
            long w = profile.cpuSamples(s);
            if (w == 0) {
                continue;
            }
            for (int id : f) {
                if (!config.excludes(profile.frame(id).className())) {
                    attributed[id] += w;
                    break;
                }
            }
        }
        // Inclusive time too: a coarse caller with little time of its own is often the right unit to port.
        long[] inclusive = inclusive(profile, id -> !config.excludes(profile.frame(id).className()));
        int max = config.samplingOnlyMaxMethods();
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.addAll(topFrames(attributed, max, profile));
        chosen.addAll(topFrames(inclusive, max, profile));
        List<Integer> ids = new ArrayList<>(chosen);
        ids.sort(Comparator.<Integer>comparingLong(i -> -attributed[i]).thenComparingLong(i -> -inclusive[i])
                .thenComparing(i -> profile.frame(i).key()));
        return ids.stream().map(i -> profile.frame(i).key()).toList();
    }

    /** Keys of the methods with at least {@code min} CPU samples through them (inclusive, each stack counted once). */
    static Set<String> withSamples(Profile profile, long min) {
        long[] inclusive = inclusive(profile, id -> true);
        Set<String> out = new HashSet<>();
        for (int i = 0; i < inclusive.length; i++) {
            if (inclusive[i] >= Math.max(1, min)) {
                out.add(profile.frame(i).key());
            }
        }
        return out;
    }

    /** CPU samples through each frame the filter accepts, by frame id (each stack counted once per frame). */
    private static long[] inclusive(Profile profile, java.util.function.IntPredicate counted) {
        long[] inclusive = new long[profile.frameCount()];
        for (int s = 0; s < profile.stackCount(); s++) {
            long w = profile.cpuSamples(s);
            if (w == 0) {
                continue;
            }
            Set<Integer> seen = new HashSet<>();
            for (int id : profile.stack(s)) {
                if (counted.test(id) && seen.add(id)) {
                    inclusive[id] += w;
                }
            }
        }
        return inclusive;
    }

    private static List<Integer> topFrames(long[] weight, int max, Profile profile) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < weight.length; i++) {
            if (weight[i] > 0) {
                ids.add(i);
            }
        }
        ids.sort(Comparator.<Integer>comparingLong(i -> -weight[i]).thenComparing(i -> profile.frame(i).key()));
        return ids.subList(0, Math.min(max, ids.size()));
    }
}

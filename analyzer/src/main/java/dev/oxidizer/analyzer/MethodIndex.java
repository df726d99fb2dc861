package dev.oxidizer.analyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Which distinct stacks pass through each reported method, and stack-level entry-point matches. */
final class MethodIndex {
    final Map<String, int[]> stacksOf = new HashMap<>();
    final Map<String, Integer> frameOf = new HashMap<>();
    final int[] entryOfStack;
    /** Per stack: index of the deepest frame of the Oxidizer agent's own code, -1 when none. */
    final int[] agentDepthOfStack;
    final List<String> entryGlobs;
    final Profile profile;

    MethodIndex(Profile profile, List<String> keys, List<String> entryGlobs) {
        this.profile = profile;
        this.entryGlobs = entryGlobs;
        int frames = profile.frameCount();
        int[] reported = new int[frames];
        Arrays.fill(reported, -1);
        for (int i = 0; i < keys.size(); i++) {
            int f = profile.frameId(keys.get(i));
            frameOf.put(keys.get(i), f);
            if (f >= 0) {
                reported[f] = i;
            }
        }
        List<Pattern> patterns = entryGlobs.stream().map(Globs::compile).toList();
        int[] entryOfFrame = new int[frames];
        for (int f = 0; f < frames; f++) {
            entryOfFrame[f] = -1;
            StackTable.Frame fr = profile.frame(f);
            String label = fr.className() + "." + fr.methodName();
            for (int p = 0; p < patterns.size(); p++) {
                if (patterns.get(p).matcher(label).matches()) {
                    entryOfFrame[f] = p;
                    break;
                }
            }
        }
        entryOfStack = new int[profile.stackCount()];
        agentDepthOfStack = new int[profile.stackCount()];
        boolean[] agentFrame = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            agentFrame[f] = profile.frame(f).className().startsWith(Analyzer.AGENT_PACKAGE);
        }
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            lists.add(new ArrayList<>());
        }
        int[] seen = new int[frames];
        Arrays.fill(seen, -1);
        for (int s = 0; s < profile.stackCount(); s++) {
            int entry = -1;
            int[] fs = profile.stack(s);
            int agentDepth = -1;
            for (int i = 0; i < fs.length; i++) {
                if (agentFrame[fs[i]]) {
                    agentDepth = i;
                }
            }
            agentDepthOfStack[s] = agentDepth;
            for (int f : fs) {
                if (entryOfFrame[f] >= 0) {
                    entry = entryOfFrame[f]; // outermost match wins: the request's real entry
                }
                int r = reported[f];
                if (r >= 0 && seen[f] != s) {
                    seen[f] = s;
                    lists.get(r).add(s);
                }
            }
            entryOfStack[s] = entry;
        }
        for (int i = 0; i < keys.size(); i++) {
            stacksOf.put(keys.get(i), lists.get(i).stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The CPU samples of stack {@code stack} ({@link Profile#cpuSamples}). */
    long weight(int stack) {
        return profile.cpuSamples(stack);
    }

    boolean latencyPathKnown() {
        for (int s = 0; s < profile.stackCount(); s++) {
            StackCounts x = profile.stackCounts(s);
            if (x.evidenceOnLatencyThread() > 0 || (entryOfStack[s] >= 0 && x.evidence() > 0)) {
                return true;
            }
        }
        return false;
    }
}

package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assembles the per-method facts the rules judge, from the merged profile. Stateless apart from the configuration. */
final class MethodFactsBuilder {
    private final AnalyzerConfig config;
    private final CodeOrigins origins;
    private final StubCallSites stubs;

    MethodFactsBuilder(AnalyzerConfig config, CodeOrigins origins, StubCallSites stubs) {
        this.config = config;
        this.origins = origins;
        this.stubs = stubs;
    }

    /**
     * The figures of method {@code key} (timed figures {@code t}, null in sampling-only mode) from the stacks through
     * it: self and inclusive samples, waits, allocation, latency-path evidence, callers and the call tree.
     */
    MethodFacts facts(String key, Timed t, Profile profile, MethodIndex index, CpuModel cpu, double windowSeconds,
                      Map<String, Double> allMeans) {
        int fid = index.frameOf.getOrDefault(key, -1);
        int[] stacks = index.stacksOf.getOrDefault(key, new int[0]);
        String className;
        String methodName;
        String descriptor;
        Integer modifiers;
        if (t != null) {
            className = t.className;
            methodName = t.methodName;
            descriptor = t.descriptor;
            modifiers = t.modifiers;
        } else {
            StackTable.Frame fr = profile.frame(fid);
            className = fr.className();
            methodName = fr.methodName();
            descriptor = fr.descriptor();
            modifiers = fr.modifiers();
        }
        long self = 0;
        long inclusive = 0;
        long agentSamples = 0;
        double runQueueSamples = 0; // samples x (ns waiting for a core per ns on CPU) of the thread each was taken on
        long park = 0, parkNs = 0, mon = 0, monNs = 0, io = 0, ioNs = 0, alloc = 0;
        long evidence = 0;
        long pathEvidence = 0;
        Map<Integer, Long> entryWeights = new HashMap<>();
        Set<Long> threads = new HashSet<>();
        Map<String, long[]> callers = new HashMap<>(); // key -> {samples, minDistance}
        Map<String, Long> frameCallers = new HashMap<>();
        Map<Integer, Long> calleeSamples = new HashMap<>();
        Map<String, Long> intrinsicEntries = new HashMap<>();
        Map<String, Long> dependencyEntries = new HashMap<>();
        long jdkSamples = 0;
        long intrinsicSamples = 0;
        long dependencySamples = 0;
        Node tree = new Node(fid);
        for (int s : stacks) {
            int[] frames = profile.stack(s);
            StackCounts x = profile.stackCounts(s);
            long w = index.weight(s);
            int outerPos = -1;
            for (int i = frames.length - 1; i >= 0; i--) {
                if (frames[i] == fid) {
                    outerPos = i;
                    break;
                }
            }
            int agentDepth = index.agentDepthOfStack[s];
            if (agentDepth >= 0 && agentDepth < outerPos) {
                agentSamples += w; // the agent's probes of callees, running inside this method
                w = 0;
            }
            if (frames.length > 0 && frames[0] == fid) {
                self += w;
            }
            inclusive += w;
            park += x.parkCount();
            parkNs += x.parkNs();
            mon += x.monitorCount();
            monNs += x.monitorNs();
            io += x.ioCount();
            ioNs += x.ioNs();
            alloc += x.allocBytes();
            evidence += x.evidence();
            int entry = index.entryOfStack[s];
            if (entry >= 0) {
                pathEvidence += x.evidence();
                entryWeights.merge(entry, x.evidence(), Long::sum);
            } else {
                pathEvidence += x.evidenceOnLatencyThread();
            }
            long perThreadSamples = 0;
            for (int i = 0; i < x.threadCount(); i++) {
                threads.add(x.thread(i));
                perThreadSamples += x.threadSamples(i);
            }
            if (w > 0 && perThreadSamples > 0) {
                // The method's samples of this stack, split over the threads they were taken on.
                for (int i = 0; i < x.threadCount(); i++) {
                    runQueueSamples += w * (x.threadSamples(i) / (double) perThreadSamples) * cpu.runQueuePerCpuNs(x.thread(i));
                }
            }
            int outer = -1;
            for (int i = frames.length - 1; i >= 0; i--) {
                if (frames[i] == fid) {
                    outer = i;
                    break;
                }
            }
            if (outer < 0) {
                continue;
            }
            long cw = Math.max(w, x.evidence());
            boolean frameCallerFound = false;
            Set<String> seenCallers = new HashSet<>();
            for (int j = outer + 1; j < frames.length; j++) {
                StackTable.Frame fr = profile.frame(frames[j]);
                if (frames[j] == fid) {
                    continue;
                }
                if (allMeans.containsKey(fr.key()) && seenCallers.add(fr.key())) {
                    long[] c = callers.computeIfAbsent(fr.key(), k -> new long[] {0, Integer.MAX_VALUE});
                    c[0] += cw;
                    c[1] = Math.min(c[1], j - outer);
                }
                if (!frameCallerFound && !config.excludes(fr.className())) {
                    frameCallers.merge(fr.key(), cw, Long::sum);
                    frameCallerFound = true;
                }
            }
            if (w > 0 && outer > 0) {
                // Where this sample's CPU went below the method: a direct callee, JDK intrinsics, dependency code.
                calleeSamples.merge(frames[outer - 1], w, Long::sum);
                int outermostJdk = -1;
                int outermostDependency = -1;
                for (int j = outer - 1; j >= 0; j--) {
                    CodeOrigins.Kind kind = origins.kind(profile.frame(frames[j]).className());
                    if (kind == CodeOrigins.Kind.JDK && outermostJdk < 0) {
                        outermostJdk = j;
                    } else if (kind == CodeOrigins.Kind.DEPENDENCY && outermostDependency < 0) {
                        outermostDependency = j;
                    }
                }
                if (outermostDependency >= 0) {
                    dependencySamples += w;
                    dependencyEntries.merge(profile.frame(frames[outermostDependency]).label(), w, Long::sum);
                } else if (outermostJdk >= 0 && origins.kind(profile.frame(frames[0]).className()) == CodeOrigins.Kind.JDK) {
                    jdkSamples += w;
                    // Judged by the JDK API the method's code called (the outermost JDK frame): String.getBytes,
                    // MessageDigest.update, Double.parseDouble. A leaf deeper down (String.hashCode inside class
                    // loading) says nothing about what the method asked the JDK to do.
                    StackTable.Frame jdkEntry = profile.frame(frames[outermostJdk]);
                    if (JdkIntrinsics.matches(jdkEntry.className(), jdkEntry.methodName())) {
                        intrinsicSamples += w;
                        intrinsicEntries.merge(jdkEntry.label(), w, Long::sum);
                    }
                }
            }
            if (w > 0 && outer == 0 && !profile.cpuTimeSampled() && stubs != null) {
                // Its own frame executing: a JIT stub called from it (System.arraycopy, CRC32) shows here, on the call's
                // line, or on the header of a loop that does little but call it.
                for (var b : x.topLineSamples().entrySet()) {
                    StubCallSites.StubCall call = stubs.stubCallAt(className, methodName, descriptor, b.getKey());
                    if (call != null) {
                        jdkSamples += b.getValue();
                        intrinsicSamples += b.getValue();
                        intrinsicEntries.merge(call.describe(), b.getValue(), Long::sum);
                    }
                }
            }
            if (w > 0) {
                Node n = tree;
                n.weight += w;
                for (int j = outer - 1, depth = 0; j >= 0 && depth < 24; j--, depth++) {
                    n = n.child(frames[j]);
                    n.weight += w;
                }
            }
        }
        Long observed = t == null || !t.callsKnown() ? null : t.calls;
        // Window timestamps are whole milliseconds: projecting in ms keeps threshold edges exact.
        long windowMs = Math.round(windowSeconds * 1000);
        Double perDay = observed != null && windowMs > 0 ? observed * (Analyzer.DAY_SECONDS * 1000) / windowMs : null;
        // The agent's probes of instrumented callees run inside this method's measured time; the share of its
        // samples that landed in them estimates the share of its time they took, which is taken out.
        double agentShare = agentSamples + inclusive == 0 ? 0 : agentSamples / (double) (agentSamples + inclusive);
        Double mean = t == null || t.meanNs == null ? null : t.meanNs * (1 - agentShare);
        Double wall = mean != null && observed != null ? mean * observed : null;
        Double measuredWall = t != null && t.meanNs != null && observed != null ? t.meanNs * observed : null;
        double cpuNs = inclusive * cpu.nsPerSample();
        // Time its calls spent runnable without a core is in the measured wall time but is neither work nor I/O or lock
        // waiting: it is taken out of the wall time (CpuModel, docs/analyzer.md "Waiting for a core").
        double runQueueNs = runQueueSamples * cpu.nsPerSample();
        double availability = cpuNs > 0 ? cpuNs / (cpuNs + runQueueNs) : 1.0;
        Double ratio = wall != null && wall > 0 ? MethodFacts.cpuBoundRatio(cpuNs, wall, runQueueNs) : null;
        Double allocRate = profile.eventCounts().getOrDefault(EventKind.ALLOCATION_SAMPLE, 0L) > 0 && windowSeconds > 0
                ? alloc / windowSeconds : null;
        Boolean onPath = null;
        Double share = null;
        String matched = null;
        if (evidence > 0) {
            share = pathEvidence / (double) evidence;
            onPath = share > 0;
            if (!entryWeights.isEmpty()) {
                int best = entryWeights.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
                matched = index.entryGlobs.get(best);
            } else if (pathEvidence > 0) {
                for (long tid : threads) {
                    StackSampleAccumulator.ThreadInfo ti = profile.threads().get(tid);
                    if (ti != null && ti.latencyThread) {
                        matched = "thread " + ti.name + " (" + ti.matchedGlob + ")";
                        break;
                    }
                }
            }
        }
        List<MethodFacts.Caller> callerList = new ArrayList<>();
        callers.forEach((k, v) -> callerList.add(new MethodFacts.Caller(k, (int) v[1], v[0], allMeans.get(k))));
        List<MethodFacts.Callee> callees = new ArrayList<>();
        calleeSamples.forEach((f, n) -> {
            StackTable.Frame fr = profile.frame(f);
            callees.add(new MethodFacts.Callee(fr.label(), fr.key(), origins.kind(fr.className()).label(), n, allMeans.get(fr.key())));
        });
        callees.sort(Comparator.comparingLong((MethodFacts.Callee c) -> -c.samples()).thenComparing(MethodFacts.Callee::key));
        MethodFacts.CodeMix mix = new MethodFacts.CodeMix(jdkSamples, intrinsicSamples, dependencySamples,
                shares(profile, intrinsicEntries), shares(profile, dependencyEntries), callees.size() > 12 ? callees.subList(0, 12) : callees);
        MethodFacts.CallSpread spread = t == null || t.intervalsWithCalls == 0 ? null
                : new MethodFacts.CallSpread(t.firstCallMs, t.lastCallMs, t.intervalsWithCalls, windowMs,
                java.util.Arrays.stream(t.busiestIntervals).boxed().filter(c -> c > 0).toList(), t.sessions, t.sessionIntervals);
        MethodFacts.Instrumentation instrumentation = t == null || t.instrumentation == null ? null
                : new MethodFacts.Instrumentation(t.instrumentation, t.instrumentationReason);
        callerList.sort(Comparator.comparingInt(MethodFacts.Caller::distance).thenComparing(c -> -c.samples())
                .thenComparing(MethodFacts.Caller::key));
        String nearestFrame = frameCallers.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        MethodReport.CallTree callTree = inclusive > 0 ? tree.toModel(profile, key, 0) : null;
        Boolean isStatic = modifiers == null ? null : Modifier.isStatic(modifiers);
        return new MethodFacts(key, className, methodName, descriptor, isStatic, observed, t == null ? 0 : t.exceptional, perDay,
                t == null ? "samples" : t.source, threads.isEmpty() ? null : threadsPerRecording(threads), mean, wall,
                t == null || t.latency == null ? null : t.latency.maxNs(), self, inclusive, cpuNs, ratio, park, mon, io, parkNs,
                monNs, ioNs, allocRate, onPath, matched, share, callerList.size() > 10 ? callerList.subList(0, 10) : callerList,
                nearestFrame, callTree, windowSeconds, cpu.nsPerSample(), availability, agentShare, t != null && t.trivial,
                runQueueNs, t == null ? null : t.medianNs, modifiers,
                origins.kind(className) == CodeOrigins.Kind.DEPENDENCY ? MethodFacts.Origin.DEPENDENCY : MethodFacts.Origin.APPLICATION,
                measuredWall, mix, spread, instrumentation,
                descriptor == null ? null : stubs.parameterFacts(className, methodName, descriptor));
    }

    /** Frame labels with sample counts as frame shares, heaviest first (then by name), at most five. */
    private static List<MethodFacts.FrameShare> shares(Profile profile, Map<String, Long> byFrame) {
        return byFrame.entrySet().stream()
                .map(e -> new MethodFacts.FrameShare(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong((MethodFacts.FrameShare f) -> -f.samples()).thenComparing(MethodFacts.FrameShare::frame))
                .limit(5).toList();
    }

    /** The most distinct threads in any one recording: thread keys are per file (StackSampleAccumulator.scopedThreadId). */
    private static int threadsPerRecording(Set<Long> threadKeys) {
        Map<Long, Integer> perFile = new HashMap<>();
        for (long k : threadKeys) {
            perFile.merge(StackSampleAccumulator.fileOfThread(k), 1, Integer::sum);
        }
        return perFile.values().stream().max(Integer::compare).orElse(0);
    }

    /** A call-tree node while building. */
    private static final class Node {
        final int frame;
        long weight;
        Map<Integer, Node> children;

        Node(int frame) {
            this.frame = frame;
        }

        Node child(int f) {
            if (children == null) {
                children = new HashMap<>();
            }
            return children.computeIfAbsent(f, Node::new);
        }

        MethodReport.CallTree toModel(Profile profile, String rootKey, int depth) {
            String label = frame >= 0 ? profile.frame(frame).label() : rootKey;
            List<MethodReport.CallTree> kids = new ArrayList<>();
            if (children != null && depth < 8) {
                children.values().stream()
                        .sorted(Comparator.<Node>comparingLong(n -> -n.weight).thenComparing(n -> profile.frame(n.frame).key()))
                        .limit(5)
                        .filter(n -> n.weight * 100 >= weight) // drop branches under 1% of their parent
                        .forEach(n -> kids.add(n.toModel(profile, rootKey, depth + 1)));
            }
            return new MethodReport.CallTree(label, weight, kids);
        }
    }
}

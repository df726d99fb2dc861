package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedEvent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Routes the events of one read unit to the accumulators of their families, and merges units: memory is proportional
 * to distinct methods, stacks, threads and sampler periods, never to the number of events.
 *
 * <p>Parallel reading: each unit of chunks is read into its own aggregator ({@link #forChunks}); those are then
 * merged, in file and chunk order, into one aggregator ({@link #merged}) with {@link #mergeFrom}, which merges each
 * family into its own ({@link AgentAccumulator}, {@link MethodTimingAccumulator}, {@link StackSampleAccumulator},
 * {@link CpuLoadAccumulator}, {@link SettingsAccumulator}, {@link RecordedJvmAccumulator}). Each family's merge gives
 * exactly the state that reading the merged units' events one after the other into one accumulator would give, so
 * the analysis does not depend on how the chunks were split or how many threads read them. The merged aggregator is
 * then {@link #freeze frozen} into the read-only {@link Profile} that the rules see. Not thread-safe: one thread feeds
 * or merges an aggregator at a time.
 */
final class ProfileAggregator {
    private final boolean perChunk;
    private final EventFields fields = new EventFields();
    private final AgentAccumulator agent = new AgentAccumulator();
    private final MethodTimingAccumulator timing;
    private final StackSampleAccumulator samples;
    private final CpuLoadAccumulator cpuLoad;
    private final SettingsAccumulator settings = new SettingsAccumulator();
    private final RecordedJvmAccumulator jvm;
    /** Event counts by name merged from per-chunk aggregators. */
    private final Map<String, Long> mergedCounts = new TreeMap<>();
    private boolean frozen;

    /** An aggregator that one thread feeds with the events of chunks of the file with index {@code fileIndex}. */
    static ProfileAggregator forChunks(List<String> latencyThreadGlobs, int fileIndex) {
        return new ProfileAggregator(fileIndex, true, StackSampleAccumulator.forUnit(latencyThreadGlobs, fileIndex));
    }

    /**
     * The aggregator per-chunk aggregators are merged into, in chunk order; {@code samplerCap} is the most Java threads
     * the execution sampler takes per period (see {@link SamplerTicks}).
     */
    static ProfileAggregator merged(int samplerCap) {
        return new ProfileAggregator(-1, false, StackSampleAccumulator.merged(samplerCap));
    }

    private ProfileAggregator(int fileIndex, boolean perChunk, StackSampleAccumulator samples) {
        this.perChunk = perChunk;
        this.samples = samples;
        this.timing = new MethodTimingAccumulator(fileIndex);
        this.cpuLoad = new CpuLoadAccumulator(fileIndex, perChunk);
        this.jvm = new RecordedJvmAccumulator(fileIndex);
    }

    /** Sets the shift of tick-based times into the file's time base (see {@link EventFields#timeShiftNs}). */
    void timeShiftNs(long shiftNs) {
        fields.timeShiftNs = shiftNs;
    }

    /**
     * The handler to register for events named {@code eventName}: each kind of event gets its own consumer class, so
     * that {@code jdk.jfr}'s dispatch loop calls them through a megamorphic call instead of inlining every handler
     * into itself (one compilation of the whole analysis, on top of the handlers' own compilations, measured at 2 s
     * of C2 time on a cold run).
     */
    Consumer<RecordedEvent> handlerFor(String eventName) {
        return switch (EventKind.of(eventName)) {
            case EXECUTION -> e -> {
                fields.enter(e);
                settings.acceptType(e);
                samples.acceptExecution(e, fields);
            };
            case CPU_TIME -> e -> {
                fields.enter(e);
                settings.acceptType(e);
                samples.acceptCpuTime(e, fields);
            };
            case ALLOCATION -> e -> {
                fields.enter(e);
                samples.acceptAllocation(e, fields);
            };
            case MONITOR -> e -> {
                fields.enter(e);
                samples.acceptWait(e, fields, StackSampleAccumulator.WaitKind.MONITOR);
            };
            case PARK_OR_SLEEP -> e -> {
                fields.enter(e);
                samples.acceptWait(e, fields, StackSampleAccumulator.WaitKind.PARK_OR_SLEEP);
            };
            case IO -> e -> {
                fields.enter(e);
                settings.acceptType(e);
                samples.acceptWait(e, fields, StackSampleAccumulator.WaitKind.IO);
            };
            case AGENT_METHOD -> e -> {
                fields.enter(e);
                agent.acceptProfile(e, fields);
            };
            default -> this::accept;
        };
    }

    /** Handles one event of any type. */
    void accept(RecordedEvent e) {
        EventFields.TypeInfo info = fields.enter(e);
        switch (info.kind) {
            case EXECUTION -> {
                settings.acceptType(e);
                samples.acceptExecution(e, fields);
            }
            case CPU_TIME -> {
                settings.acceptType(e);
                samples.acceptCpuTime(e, fields);
            }
            case ALLOCATION -> samples.acceptAllocation(e, fields);
            case MONITOR -> samples.acceptWait(e, fields, StackSampleAccumulator.WaitKind.MONITOR);
            case PARK_OR_SLEEP -> samples.acceptWait(e, fields, StackSampleAccumulator.WaitKind.PARK_OR_SLEEP);
            case IO -> {
                settings.acceptType(e);
                samples.acceptWait(e, fields, StackSampleAccumulator.WaitKind.IO);
            }
            case AGENT_METHOD -> agent.acceptProfile(e, fields);
            case SESSION -> agent.acceptSession(e, fields);
            case OVERHEAD -> agent.acceptOverhead(e, fields);
            case FORM -> agent.acceptForm(e, fields);
            case TIMING -> timing.accept(e, fields);
            case SETTING -> settings.accept(e);
            case JVM -> jvm.acceptJvm(e, fields);
            case MACHINE_LOAD -> cpuLoad.acceptLoad(fields.has(e, "machineTotal") ? e.getFloat("machineTotal") : Double.NaN,
                    fields.has(e, "jvmUser") && fields.has(e, "jvmSystem")
                            ? e.getFloat("jvmUser") + (double) e.getFloat("jvmSystem") : Double.NaN);
            case PROPERTY -> jvm.acceptProperty(e, fields);
            case JIT -> agent.acceptCompilation(e, fields);
            case CPU_INFO -> {
                if (fields.has(e, "hwThreads")) {
                    cpuLoad.acceptCpus(fields.intField(e, "hwThreads"));
                }
            }
            case NONE -> { }
        }
    }

    /**
     * Adds everything {@code chunk} aggregated, as if its events had been read into this aggregator after the events
     * of every aggregator merged before (see the class comment). {@code chunk} must not be used afterwards.
     */
    void mergeFrom(ProfileAggregator chunk) {
        if (perChunk || !chunk.perChunk || frozen) {
            throw new IllegalArgumentException("merge a per-chunk aggregator into a merged one, before it is frozen");
        }
        samples.merge(chunk.samples);
        agent.merge(chunk.agent);
        timing.merge(chunk.timing);
        jvm.merge(chunk.jvm);
        settings.merge(chunk.settings);
        cpuLoad.merge(chunk.cpuLoad);
        chunk.fields.addCounts(mergedCounts);
    }

    /**
     * The read-only profile of everything merged: after this call the aggregator accepts no more merges, and the
     * profile is the only view of its families.
     */
    Profile freeze() {
        if (perChunk) {
            throw new IllegalStateException("only the merged aggregator is frozen");
        }
        frozen = true;
        samples.finish();
        Map<String, Long> counts = new TreeMap<>(mergedCounts);
        fields.addCounts(counts);
        return new Profile(agent, timing, samples, cpuLoad, settings, jvm, counts);
    }
}

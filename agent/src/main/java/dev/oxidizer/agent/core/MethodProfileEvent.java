package dev.oxidizer.agent.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;

/** {@code oxidizer.MethodProfile}, layout v2 (docs/formats/agent-events.md): one method, one flush interval. */
@Name("oxidizer.MethodProfile")
@Label("Oxidizer Method Profile")
@Category("Oxidizer")
@Description("Exact invocation count and latency histogram of one method over one flush interval")
@StackTrace(false)
final class MethodProfileEvent extends Event {
    @Label("Format Version") int formatVersion;
    @Label("Session Id") String sessionId;
    @Label("Method Id") int methodId;
    @Label("Class Name") String className;
    @Label("Method Name") String methodName;
    @Label("Descriptor") String descriptor;
    @Label("Modifiers") int modifiers;
    @Label("Invocations") long invocations;
    @Label("Exceptional Exits") long exceptional;
    @Label("Timed Calls") long timedCount;
    @Label("Timing Policy") String timingPolicy;
    @Label("Sampling Interval") int samplingInterval;
    @Label("Latency Histogram") @Description("HdrHistogram, ns, compressed, base64") String histogram;
    @Label("Interval Start") @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH) long intervalStart;
    @Label("Interval End") @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH) long intervalEnd;
    @Label("Overhead (ns)") long overheadNs;
    @Label("Form") @Description("timed, sampled, count or entry, at the end of the interval") String form;
    @Label("Form Reason") @Description("why the form is not the default: huge-method-limit, inline-limit, budget, trivial; empty for the default") String formReason;
}

package dev.oxidizer.agent.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code oxidizer.ArgumentLengths}, layout v1 (docs/formats/agent-events.md): the sampled lengths of one array or
 * String parameter of one method, cumulative since the session started, written at the end of each chunk (a reader
 * keeps the last event per method, parameter and JVM).
 */
@Name("oxidizer.ArgumentLengths")
@Label("Oxidizer Argument Lengths")
@Category("Oxidizer")
@Description("Sampled lengths of one array or String parameter (1 call in 64); no content")
@StackTrace(false)
final class ArgumentLengthsEvent extends Event {
    @Label("Format Version") int formatVersion;
    @Label("Class Name") String className;
    @Label("Method Name") String methodName;
    @Label("Descriptor") String descriptor;
    @Label("Parameter") @Description("1-based among the declared parameters") int parameter;
    @Label("Type") @Description("String or the primitive array type, e.g. byte[]") String type;
    @Label("Samples") @Description("sampled calls with a non-null argument") long samples;
    @Label("Nulls") long nulls;
    @Label("Minimum Length") long minLength;
    @Label("Maximum Length") long maxLength;
    @Label("Mean Length") double meanLength;
    @Label("Lengths") @Description("a uniform sample of up to 64 lengths, sorted, comma-separated") String lengths;
}

package dev.oxidizer.agent.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code oxidizer.MethodForm}, layout v2 (docs/formats/agent-events.md): a method's instrumentation form was decided
 * by something other than the timing policy (a JIT limit at transform time, the cost budget later), or changed.
 */
@Name("oxidizer.MethodForm")
@Label("Oxidizer Method Form")
@Category("Oxidizer")
@Description("How one method is instrumented and why: a JIT limit or the agent's cost budget chose a smaller form")
@StackTrace(false)
final class MethodFormEvent extends Event {
    @Label("Format Version") int formatVersion;
    @Label("Session Id") String sessionId;
    @Label("Method Id") int methodId;
    @Label("Class Name") String className;
    @Label("Method Name") String methodName;
    @Label("Descriptor") String descriptor;
    @Label("Modifiers") int modifiers;
    @Label("Form") @Description("timed, sampled, count, entry or none") String form;
    @Label("Previous Form") @Description("the form before this change; empty for the first decision") String previousForm;
    @Label("Reason") @Description("huge-method-limit, inline-limit or budget") String reason;
    @Label("Bytecode Size") @Description("the method's original code length in bytes (0: not a JIT-limit decision)") int bytecodeSize;
    @Label("Instrumented Size") @Description("estimated code length with the default form") int instrumentedSize;
    @Label("Limit") @Description("the JIT limit in bytes the default form would have crossed") int limit;
}

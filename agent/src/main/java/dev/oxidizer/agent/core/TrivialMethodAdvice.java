package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.Probe;
import net.bytebuddy.asm.Advice;

/**
 * Advice for trivial methods and constructors ({@link TrivialMethods}): counts the call and nothing else. No
 * exit advice, so no exception handler and no clock: in a loop the JIT can fold consecutive probes into one
 * counter update. Calls ending in an exception are counted as calls, not apart (docs/agent.md).
 */
public final class TrivialMethodAdvice {
    private TrivialMethodAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@MethodId int id) {
        Probe.count(id);
    }
}

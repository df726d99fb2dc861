package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.Probe;
import net.bytebuddy.asm.Advice;

/**
 * Advice for constructors. The JVM forbids an exception handler around the {@code super(...)} call, so a
 * constructor's exit advice cannot observe a throw: a constructor that throws is counted (at entry) but
 * neither timed nor counted as exceptional. The entry advice runs before {@code super(...)} and does not
 * touch {@code this}.
 */
public final class ConstructorAdvice {
    private ConstructorAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@MethodId int id) {
        return Probe.enter(id);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@MethodId int id, @Advice.Enter long start) {
        Probe.exitNormally(id, start);
    }
}

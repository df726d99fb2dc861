package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.ArgumentCapture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice of methods chosen with {@code capture=GLOB}: copies of the arguments at entry, the result at exit
 * ({@link ArgumentCapture}). Only references the runtime class; everything it might throw is suppressed.
 */
public final class CaptureAdvice {
    private CaptureAdvice() {}

    /** The method's capture id, bound to a constant per method. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
    public @interface CaptureId {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@CaptureId int id, @Advice.AllArguments Object[] args) {
        return ArgumentCapture.enter(id, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter boolean captured, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
                     @Advice.Thrown Throwable thrown) {
        if (captured) {
            ArgumentCapture.exit(result, thrown);
        }
    }
}

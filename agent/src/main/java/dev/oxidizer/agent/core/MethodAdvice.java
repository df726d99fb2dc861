package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.Probe;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into instrumented methods (not constructors). Only references {@link Probe}, which lives on
 * the bootstrap class path and is therefore visible from every class loader. Any {@code Throwable} thrown by
 * the advice itself is suppressed; the method's own exceptions pass through unchanged.
 *
 * <p>Byte Buddy copies the arguments into new local variables for the exit advice ({@code backupArguments}), so every
 * access to a local variable of the method moves to a higher slot and one-byte instructions ({@code aload_1}) become
 * two-byte ones: a 7,500-byte interpreter loop grew by 770 bytes. {@link FormPlanner} counts them.
 * ({@code backupArguments = false} avoids the copy, but Byte Buddy then refuses methods that store another type
 * into an argument's slot, which javac does not emit but Jackson's bytecode has: whole classes went uninstrumented.)
 */
public final class MethodAdvice {
    private MethodAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@MethodId int id) {
        return Probe.enter(id);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@MethodId int id, @Advice.Enter long start, @Advice.Thrown Throwable thrown) {
        Probe.exit(id, start, thrown);
    }
}

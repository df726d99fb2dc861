package dev.oxidizer.agent.core;

import net.bytebuddy.asm.Advice;

/** The advices with {@link MethodId} bound, as the agent installs them (also used by the advice tests). */
public final class AdviceFactory {
    private AdviceFactory() {}

    /** Advice for methods: counts, times per the policy, counts exceptional exits. */
    public static Advice methodAdvice() {
        return Advice.withCustomMapping().bind(new MethodIdMapping(false)).to(MethodAdvice.class);
    }

    /** Advice for constructors (see {@link ConstructorAdvice} for why it cannot see throws). */
    public static Advice constructorAdvice() {
        return Advice.withCustomMapping().bind(new MethodIdMapping(false)).to(ConstructorAdvice.class);
    }

    /** Advice for trivial methods and constructors: counts only (see {@link TrivialMethods}). */
    public static Advice trivialAdvice() {
        return Advice.withCustomMapping().bind(new MethodIdMapping(true)).to(TrivialMethodAdvice.class);
    }
}

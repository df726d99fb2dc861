package dev.oxidizer.agent.core;

import dev.oxidizer.vocabulary.JavaTypes;

import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Which of the included methods the agent instruments (the {@code scope} option, docs/agent.md "Scope"). Probes cost
 * most where methods are many, small and hot, which is library and interpreter code that passes objects around; a
 * method whose signature cannot cross an FFM downcall is never a candidate (the analyzer's {@code portable-signature}
 * rule rejects it whatever its counts), so by default its calls are not worth a probe. The JVM's own samples still
 * cover it, and the analyzer judges it from them.
 * <ul>
 *   <li>{@code portable} (default): static methods whose parameters and result cross as plain values
 *   ({@link JavaTypes#crosses}), as the analyzer's rule accepts them by default;</li>
 *   <li>{@code instance}: also instance methods with such parameters and result (for the analyzer's
 *   {@code portable-signature.allowReceiver = 1});</li>
 *   <li>{@code all}: every method and constructor the include and exclude globs select.</li>
 * </ul>
 * A method left out is written as an {@code oxidizer.MethodForm} event with form {@code none} and reason
 * {@code scope}: its calls are unknown, not zero.
 */
final class Scope {
    static final String PORTABLE = "portable";
    static final String INSTANCE = "instance";
    static final String ALL = "all";
    static final List<String> VALUES = List.of(PORTABLE, INSTANCE, ALL);

    private final String scope;

    Scope(String scope) {
        if (!VALUES.contains(scope)) {
            throw new IllegalArgumentException("scope " + scope + "; accepted: " + VALUES);
        }
        this.scope = scope;
    }

    /** Whether every included method is instrumented. */
    boolean all() {
        return scope.equals(ALL);
    }

    /** Whether a method (JVM name and descriptor, access flags) is instrumented when its class and name are included. */
    boolean instruments(int modifiers, String name, String descriptor) {
        if (all()) {
            return true;
        }
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return false;
        }
        if (scope.equals(PORTABLE) && !Modifier.isStatic(modifiers)) {
            return false;
        }
        return JavaTypes.crosses(descriptor);
    }

    @Override
    public String toString() {
        return scope;
    }
}

package dev.oxidizer.analyzer.rules;

import dev.oxidizer.analyzer.MethodFacts;
import dev.oxidizer.analyzer.Signatures;
import dev.oxidizer.model.Finding;
import dev.oxidizer.model.MethodReport;
import dev.oxidizer.model.Outcome;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code portable-signature}: parameters and return must cross the FFM boundary as plain values: primitives,
 * one-dimensional primitive arrays, {@code String}. An instance method fails unless
 * {@code portable-signature.allowReceiver} is 1, because its state would have to be passed explicitly. Each
 * problem names the wrapper or refactoring that would make it portable; the proposed Rust signature is given
 * either way.
 */
public final class PortableSignatureRule implements Rule {
    public static final String ALLOW_RECEIVER = "portable-signature.allowReceiver";

    @Override
    public String id() {
        return "portable-signature";
    }

    @Override
    public String name() {
        return "Signature crosses FFM as plain values";
    }

    @Override
    public List<String> requiredEvents() {
        return List.of();
    }

    @Override
    public List<ThresholdSpec> thresholds() {
        return List.of(new ThresholdSpec(ALLOW_RECEIVER, 0, "flag",
                "1 to accept instance methods (their receiver is assumed stateless or passed by the wrapper), 0 to flag them", 0, 1));
    }

    @Override
    public RuleOutput judge(MethodFacts m, RuleContext ctx) {
        boolean allowReceiver = ctx.threshold(ALLOW_RECEIVER) >= 0.5;
        return RuleOutput.of(evaluate(m, ctx))
                .with(Results.PORTABILITY, Signatures.portability(m.methodName(), m.descriptor(), m.isStatic(), allowReceiver, m.parameters()));
    }

    @Override
    public Finding evaluate(MethodFacts m, RuleContext ctx) {
        boolean allowReceiver = ctx.threshold(ALLOW_RECEIVER) >= 0.5;
        MethodReport.Portability p = Signatures.portability(m.methodName(), m.descriptor(), m.isStatic(), allowReceiver, m.parameters());
        if (p == null) {
            return new Finding(id(), name(), Outcome.UNKNOWN, 0, "descriptor unknown",
                    "The method's JVM descriptor is not known, so its signature cannot be checked.", null, Map.of());
        }
        int problems = p.problems().size();
        if (p.portable()) {
            return new Finding(id(), name(), Outcome.PASS, 100, "portable: " + p.rustSignature(),
                    "Every parameter and the return type are primitives, primitive arrays or String; proposed Rust signature: "
                            + p.rustSignature() + ".", null, Map.of("problems", 0.0));
        }
        String list = p.problems().stream().map(x -> x.position() + " (" + x.javaType() + "): " + x.advice())
                .collect(Collectors.joining("; "));
        return new Finding(id(), name(), Outcome.FAIL, Scores.clamp(60.0 / (problems + 1)),
                problems + " part(s) of the signature cannot cross FFM as plain values",
                "Not portable as is: " + list + ". Proposed Rust signature once wrapped: " + p.rustSignature() + ".",
                "Write a Java wrapper or refactor: " + list + ".", Map.of("problems", (double) problems));
    }
}

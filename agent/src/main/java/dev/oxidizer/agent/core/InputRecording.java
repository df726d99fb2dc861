package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.ArgumentCapture;
import dev.oxidizer.agent.runtime.ArgumentLengths;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent records about inputs, installed by {@link Instrumenter} through one call per class
 * ({@link #decorate}) and finished by {@link OxidizerAgent} through {@link #finish}:
 * <ul>
 *   <li>argument lengths: at the entry of each non-trivial instrumented method (not constructors) that takes arrays of
 *       primitives or Strings, one static call per such parameter to {@link ArgumentLengths#record} (no branch, no new
 *       local, no allocation), which samples 1 call in 64; written as {@code oxidizer.ArgumentLengths} events at the
 *       end of each chunk by {@link ArgumentLengthsHook} (docs/formats/agent-events.md);</li>
 *   <li>capture (opt-in): {@link CaptureAdvice} on methods matching {@code capture=GLOB} whose parameters and result
 *       are primitives, primitive arrays or Strings; written at the end of the run to {@code <output>.captures}
 *       (docs/formats/captures.md), never into the recording.</li>
 * </ul>
 */
final class InputRecording {
    private final InputOptions options;
    private final AgentLog log;
    private final Path capturesFile;

    InputRecording(InputOptions options, Path output, AgentLog log) {
        this.options = options;
        this.log = log;
        this.capturesFile = capturesFile(output);
        ArgumentCapture.configure(options.captureCalls(), options.captureBytes(), options.captureArray(),
                options.captureEvery());
    }

    /** The capture file beside a recording: {@code app.jfr} → {@code app.jfr.captures}. */
    static Path capturesFile(Path output) {
        return Path.of(output + ".captures");
    }

    /** Adds length recording and capture to the methods {@code candidates} selects in {@code type}. */
    DynamicType.Builder<?> decorate(DynamicType.Builder<?> builder, TypeDescription type,
                                    ElementMatcher.Junction<MethodDescription> candidates) {
        DynamicType.Builder<?> b = builder;
        if (options.lengths()) {
            b = b.visit(new AsmVisitorWrapper.ForDeclaredMethods().method(candidates.and(InputRecording::takesArrayOrString),
                    new LengthProbe(type.getName())));
        }
        if (options.capturing()) {
            for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
                if (!candidates.matches(m) || !captured(type.getName(), m.getInternalName())) {
                    continue;
                }
                String key = type.getName() + "#" + m.getInternalName() + m.getDescriptor();
                if (!capturable(m)) {
                    log.warn("capture: " + key + " is not captured: only methods whose parameters and result are "
                            + "primitives, primitive arrays or Strings are", null);
                    continue;
                }
                int id = ArgumentCapture.register(key);
                b = b.visit(Advice.withCustomMapping().bind(CaptureAdvice.CaptureId.class, (Object) id)
                        .to(CaptureAdvice.class).on(net.bytebuddy.matcher.ElementMatchers.is(m)));
            }
        }
        return b;
    }

    private boolean captured(String className, String methodName) {
        for (MethodGlob g : options.capture()) {
            if (g.matches(className, methodName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean takesArrayOrString(MethodDescription m) {
        if (m.isConstructor()) {
            return false;
        }
        for (ParameterDescription p : m.getParameters()) {
            if (lengthType(p.getType().asErasure()) != null) {
                return true;
            }
        }
        return false;
    }

    /** {@code String} or {@code int[]} for a String or a primitive array, else null. */
    private static String lengthType(TypeDescription t) {
        if (t.represents(String.class)) {
            return "String";
        }
        if (t.isArray() && t.getComponentType().isPrimitive()) {
            return t.getComponentType().getName() + "[]";
        }
        return null;
    }

    private static boolean capturable(MethodDescription m) {
        for (ParameterDescription p : m.getParameters()) {
            TypeDescription t = p.getType().asErasure();
            if (!t.isPrimitive() && lengthType(t) == null) {
                return false;
            }
        }
        TypeDescription r = m.getReturnType().asErasure();
        return r.isPrimitive() || lengthType(r) != null;
    }

    /** Inserts {@code ArgumentLengths.record(arg, id)} for each array or String parameter at the method's entry. */
    private static final class LengthProbe implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
        private final String className;

        LengthProbe(String className) {
            this.className = className;
        }

        @Override
        public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
                                  MethodVisitor methodVisitor, Implementation.Context implementationContext,
                                  TypePool typePool, int writerFlags, int readerFlags) {
            List<int[]> probes = new ArrayList<>();
            int slot = instrumentedMethod.isStatic() ? 0 : 1;
            int index = 0;
            String key = className + "#" + instrumentedMethod.getInternalName() + instrumentedMethod.getDescriptor();
            for (ParameterDescription p : instrumentedMethod.getParameters()) {
                String type = lengthType(p.getType().asErasure());
                if (type != null) {
                    probes.add(new int[] {slot, ArgumentLengths.register(key, index, type)});
                }
                slot += p.getType().getStackSize().getSize();
                index++;
            }
            return new MethodVisitor(Opcodes.ASM9, methodVisitor) {
                @Override
                public void visitCode() {
                    super.visitCode();
                    for (int[] probe : probes) {
                        super.visitVarInsn(Opcodes.ALOAD, probe[0]);
                        super.visitLdcInsn(probe[1]);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/oxidizer/agent/runtime/ArgumentLengths", "record",
                                "(Ljava/lang/Object;I)V", false);
                    }
                }

                @Override
                public void visitMaxs(int maxStack, int maxLocals) {
                    super.visitMaxs(maxStack + 2, maxLocals);
                }
            };
        }
    }

    /** Writes the captures file at the end of the run (shutdown or detach); a no-op without capture. */
    void finish() {
        if (!options.capturing()) {
            return;
        }
        try {
            int n = CaptureWriter.write(capturesFile, ArgumentCapture.calls());
            log.info("capture: " + n + " calls (" + ArgumentCapture.bytes() + " bytes of copies; "
                    + ArgumentCapture.skippedTooLarge() + " skipped for arrays over " + options.captureArray()
                    + " elements) written to " + capturesFile + "; it may hold user data: keep it private");
        } catch (IOException | RuntimeException e) {
            log.warn("capture: cannot write " + capturesFile + ": " + e, e);
        }
    }
}

package dev.oxidizer.agent.core;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Chooses, per method of a class, the instrumentation form that keeps the method on the same side of the JIT's
 * limits ({@link JitLimits}) as without the agent: the bytes a form adds are estimated from the method's shape (an
 * upper bound for the advice, measured for the call-site counters), and where they would cross a limit the method
 * gets a smaller form or none.
 *
 * <ul>
 *   <li><b>Huge-method limit</b>: a method at or below {@code HugeMethodLimit} that its instrumentation would push
 *   above it (so it would never be compiled) gets the count-only probe at entry ({@link MethodForms#ENTRY}, no
 *   call-site counters inside it) if that fits, else is left uninstrumented ({@link MethodForms#NONE}); reason
 *   {@link MethodForms#HUGE}.</li>
 *   <li><b>Hot inlining limit</b>: a method without a loop at or below {@code FreqInlineSize} that its
 *   instrumentation would push above it (so C2 would stop inlining it at hot call sites, where a short method's
 *   call costs most) likewise; reason {@link MethodForms#INLINE}. Methods with a loop keep their form: their
 *   running time dwarfs a call, and their latency is what the analyzer needs.</li>
 * </ul>
 * A method already above a limit is instrumented as usual: nothing is lost that was not lost already.
 */
final class FormPlanner {
    /** Upper bound of what the count-only entry probe adds (measured: 9 bytes, with the handler Byte Buddy adds). */
    static final int ENTRY_BYTES = 12;

    /**
     * Upper bound of what the full probe adds to a method of this shape: the advice (measured 40-60 bytes, plus a
     * store and a jump per return), one byte for each one-byte local variable instruction ({@code iload_3}), which
     * the probe's start-time variable may move to a two-byte form, two for each that may need {@code wide}, and a
     * switch's alignment padding. The probe copies the arguments into new variables (MethodAdvice), so every
     * variable moves by the arguments' size and two slots.
     */
    static int fullProbeBytes(Shape shape) {
        return 80 + 8 * shape.returns() + shape.shortLocals() + 2 * shape.nearWideLocals() + 3 * shape.switches();
    }

    /** One method's decision: its form ({@link MethodForms}), why, its size and the limit that decided. */
    record Decision(String form, String reason, int bytes, int estimatedBytes, int limit) {}

    private final JitLimits limits;

    FormPlanner(JitLimits limits) {
        this.limits = limits;
    }

    /** What a method's shape says: its return instructions and whether it has a backward jump (a loop). */
    record Shape(int access, int returns, boolean loop, int shortLocals, int nearWideLocals, int switches) {}

    /** The shape assumed for a method that could not be read: the bound then holds for up to 2,000 bytes. */
    private static final Shape UNKNOWN = new Shape(0, 8, true, 2000, 0, 4);

    /** The shape of every method with code, by name + descriptor; empty when the class cannot be read. */
    static Map<String, Shape> shapes(byte[] classFile) {
        Map<String, Shape> shapes = new HashMap<>();
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    String key = name + descriptor;
                    int flags = access & 0xFFFF;
                    return new MethodVisitor(Opcodes.ASM9) {
                        final Set<Label> seen = new HashSet<>();
                        int returns;
                        boolean loop;
                        int shortLocals;
                        int nearWide;
                        int switches;

                        @Override
                        public void visitVarInsn(int opcode, int varIndex) {
                            local(varIndex);
                        }

                        @Override
                        public void visitIincInsn(int varIndex, int increment) {
                            local(varIndex);
                        }

                        private void local(int index) {
                            if (index <= 3) {
                                shortLocals++;
                            } else if (index >= 200 && index <= 255) { // moved past 255 by the copied arguments
                                nearWide++;
                            }
                        }

                        @Override
                        public void visitLabel(Label label) {
                            seen.add(label);
                        }

                        @Override
                        public void visitJumpInsn(int opcode, Label label) {
                            loop |= seen.contains(label);
                        }

                        @Override
                        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                            switches++;
                            loop |= seen.contains(dflt) || java.util.Arrays.stream(labels).anyMatch(seen::contains);
                        }

                        @Override
                        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                            switches++;
                            loop |= seen.contains(dflt) || java.util.Arrays.stream(labels).anyMatch(seen::contains);
                        }

                        @Override
                        public void visitInsn(int opcode) {
                            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                                returns++;
                            }
                        }

                        @Override
                        public void visitEnd() {
                            shapes.put(key, new Shape(flags, returns, loop, shortLocals, nearWide, switches));
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException unreadable) {
            shapes.clear();
        }
        return shapes;
    }

    /**
     * Decides the methods that need another form than their default; methods absent from the result keep it.
     *
     * @param sizes      original code length by name + descriptor ({@link CodeSizes})
     * @param shapes     {@link #shapes}
     * @param entryProbe methods that get the count-only probe by default (trivial ones)
     * @param noProbe    methods with no probe of their own (counted at their call sites)
     * @param siteBytes  bytes the call-site counters add to each calling method
     * @return decisions of form {@link MethodForms#ENTRY} or {@link MethodForms#NONE}, by name + descriptor
     */
    Map<String, Decision> decide(Map<String, Integer> sizes, Map<String, Shape> shapes, Set<String> entryProbe,
                                 Set<String> noProbe, Map<String, Integer> siteBytes) {
        Map<String, Decision> out = new HashMap<>();
        sizes.forEach((method, size) -> {
            Shape shape = shapes.getOrDefault(method, UNKNOWN);
            int probe = noProbe.contains(method) ? 0 : entryProbe.contains(method) ? ENTRY_BYTES
                    : fullProbeBytes(shape);
            int estimated = size + probe + siteBytes.getOrDefault(method, 0);
            int huge = limits.hugeMethodLimit();
            if (limits.dontCompileHugeMethods() && size <= huge && estimated > huge) {
                out.put(method, smaller(size, estimated, huge, MethodForms.HUGE));
                return;
            }
            int inline = limits.freqInlineSize();
            if (!shape.loop() && size <= inline && estimated > inline) {
                out.put(method, smaller(size, estimated, inline, MethodForms.INLINE));
            }
        });
        return out;
    }

    private static Decision smaller(int size, int estimated, int limit, String reason) {
        return size + ENTRY_BYTES <= limit
                ? new Decision(MethodForms.ENTRY, reason, size, estimated, limit)
                : new Decision(MethodForms.NONE, reason, size, estimated, limit);
    }
}

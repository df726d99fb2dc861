package dev.oxidizer.agent.core;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds a class file's <em>trivial</em> methods: straight-line code whose running time is bounded by its few
 * instructions, so that a call takes nanoseconds whatever its arguments. Such a method can never repay a
 * native call (an FFM downcall alone costs more), and timing it would cost more than it runs; the agent
 * counts its calls exactly with a count-only probe instead (docs/agent.md, "Trivial methods").
 *
 * <p>A method is trivial when all of these hold: at most {@link #MAX_INSTRUCTIONS} instructions; no backward
 * jump (no loop); no exception handler; not synchronized and no monitor instruction; no allocation (new
 * object or array); no {@code invokedynamic}; no {@code athrow}; and no call except to the JDK's bounded
 * primitive helpers: static methods of {@code Math}, {@code StrictMath} and the primitive wrappers taking and
 * returning primitives only (such as {@code Long.rotateLeft}), unboxing ({@code Integer.intValue()}), and the
 * empty {@code Object} and {@code Record} constructors. Getters, setters, small arithmetic, comparisons and
 * lambdas such as {@code x -> x * 2} are trivial; anything calling the application's own code is not.
 */
final class TrivialMethods {
    /** Longest trivial method, in instructions (a 35-byte method, the JIT's own "small", has about 20). */
    static final int MAX_INSTRUCTIONS = 64;

    private TrivialMethods() {}

    /** The trivial methods of a class file, as {@code name + descriptor}; empty if it cannot be read. */
    static Set<String> of(byte[] classFile) {
        Set<String> trivial = new HashSet<>();
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if ((access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                        return null;
                    }
                    return new Check(() -> trivial.add(name + descriptor));
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException unreadable) {
            return Set.of(); // every method then gets the full probe
        }
        return trivial;
    }

    /** Watches one method's code; calls {@code onTrivial} at the end if nothing disqualified it. */
    private static final class Check extends MethodVisitor {
        private final Runnable onTrivial;
        private final Set<Label> seen = new HashSet<>();
        private int instructions;
        private boolean disqualified;

        Check(Runnable onTrivial) {
            super(Opcodes.ASM9);
            this.onTrivial = onTrivial;
        }

        private void count() {
            if (++instructions > MAX_INSTRUCTIONS) {
                disqualified = true;
            }
        }

        private void target(Label l) {
            if (seen.contains(l)) {
                disqualified = true; // a backward jump: a loop
            }
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
        }

        @Override
        public void visitInsn(int opcode) {
            count();
            if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT || opcode == Opcodes.ATHROW) {
                disqualified = true;
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            count();
            if (opcode == Opcodes.NEWARRAY) {
                disqualified = true;
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            count();
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            count();
            if (opcode == Opcodes.NEW || opcode == Opcodes.ANEWARRAY) {
                disqualified = true;
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            count();
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            count();
            if (!boundedJdkCall(opcode, owner, name, descriptor)) {
                disqualified = true;
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
            count();
            disqualified = true;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            count();
            target(label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            count();
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            count();
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            count();
            target(dflt);
            for (Label l : labels) {
                target(l);
            }
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            count();
            target(dflt);
            for (Label l : labels) {
                target(l);
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            disqualified = true;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            disqualified = true;
        }

        @Override
        public void visitEnd() {
            if (!disqualified && instructions > 0) {
                onTrivial.run();
            }
        }
    }

    private static final Set<String> WRAPPERS = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte", "java/lang/Character", "java/lang/Boolean", "java/lang/Float", "java/lang/Double");

    /** A JDK call whose cost is bounded and allocates nothing (see the class comment). */
    static boolean boundedJdkCall(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && descriptor.equals("()V")) {
            return owner.equals("java/lang/Object") || owner.equals("java/lang/Record");
        }
        boolean primitivesOnly = descriptor.indexOf('L') < 0 && descriptor.indexOf('[') < 0;
        if (opcode == Opcodes.INVOKESTATIC) {
            return primitivesOnly && (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath")
                    || WRAPPERS.contains(owner));
        }
        return opcode == Opcodes.INVOKEVIRTUAL && WRAPPERS.contains(owner) && name.endsWith("Value")
                && descriptor.startsWith("()") && primitivesOnly;
    }
}

package dev.oxidizer.agent.core;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * empty {@code Object} and {@code Record} constructors, and to trivial methods of the same class that the call
 * reaches exactly (static, private or final methods, or any method of a final class: no override can run
 * instead), as long as the instructions it may run, its own and those of the trivial methods it calls, counted
 * as if inlined, stay within {@link #MAX_INSTRUCTIONS}. Getters, setters, small arithmetic, comparisons, lambdas
 * such as {@code x -> x * 2}, and a hash's finishing step made of two of its rounds are trivial; anything
 * calling other application code is not.
 *
 * <p>Why calls to trivial methods of the same class: such a helper is no more worth timing than its callees,
 * and a timed probe inlined into the middle of its caller's code costs far more than its clock reads. Its clock
 * reads are calls, across which the JIT (C2) keeps no value in a register, and C2 then spilled the accumulators
 * of a hash loop that ran before the helper's calls, so the loop ran 1.6× slower (docs/performance.md).
 */
final class TrivialMethods {
    /** Longest trivial method, in instructions (a 35-byte method, the JIT's own "small", has about 20). */
    static final int MAX_INSTRUCTIONS = 64;

    private TrivialMethods() {}

    /** The trivial methods of a class file, as {@code name + descriptor}; empty if it cannot be read. */
    static Set<String> of(byte[] classFile) {
        Map<String, Check> checks = new LinkedHashMap<>();
        String[] owner = new String[1];
        boolean[] finalClass = new boolean[1];
        try {
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    owner[0] = name;
                    finalClass[0] = (access & Opcodes.ACC_FINAL) != 0;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    Check check = new Check(owner[0], access, name);
                    checks.put(name + descriptor, check);
                    return (access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                            ? null : check;
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException unreadable) {
            return Set.of(); // every method then gets the full probe
        }
        // Methods that call no trivial method of their class first; then, round by round, those whose callees
        // are all trivial already (so a recursive method never is), while the inlined total stays in bounds.
        Map<String, Integer> trivial = new LinkedHashMap<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Check> e : checks.entrySet()) {
                Check c = e.getValue();
                if (trivial.containsKey(e.getKey()) || !c.qualifies()) {
                    continue;
                }
                int inlined = c.instructions;
                for (String callee : c.sameClassCalls) {
                    Integer size = exactTarget(checks.get(callee), finalClass[0]) ? trivial.get(callee) : null;
                    if (size == null) {
                        inlined = -1;
                        break;
                    }
                    inlined += size;
                }
                if (inlined >= 0 && inlined <= MAX_INSTRUCTIONS) {
                    trivial.put(e.getKey(), inlined);
                    grew = true;
                }
            }
        }
        return new HashSet<>(trivial.keySet());
    }

    /** A method of the class that a call naming it runs, not an override (constructors are not). */
    private static boolean exactTarget(Check callee, boolean finalClass) {
        if (callee == null || callee.name.startsWith("<")) {
            return false;
        }
        return finalClass || (callee.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0;
    }

    /**
     * Watches one method's code: whether anything but its calls to methods of its own class disqualifies it,
     * and which of those it makes (one entry per call site).
     */
    private static final class Check extends MethodVisitor {
        private final String owner;
        final int access;
        final String name;
        private final Set<Label> seen = new HashSet<>();
        final List<String> sameClassCalls = new ArrayList<>();
        int instructions;
        private boolean disqualified;
        private boolean visited;

        Check(String owner, int access, String name) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.access = access;
            this.name = name;
        }

        /** Trivial if every method of its class it calls is. */
        boolean qualifies() {
            return visited && !disqualified && instructions > 0; // count() disqualifies past MAX_INSTRUCTIONS
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
            if (owner.equals(this.owner)) {
                sameClassCalls.add(name + descriptor); // decided once the whole class is read
            } else if (!boundedJdkCall(opcode, owner, name, descriptor)) {
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
            visited = true;
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

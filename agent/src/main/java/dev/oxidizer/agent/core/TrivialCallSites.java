package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.MethodTable;
import dev.oxidizer.agent.runtime.Probe;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts the calls of a class's private trivial methods at their call sites, in a local variable of the
 * calling method, instead of in the trivial method itself.
 *
 * <p>Why: a count probe inside a trivial method called in a tight loop (a character test in a tokenizer, the
 * round of a hash) is a load, an add and a store to the same memory word on every iteration, a chain the
 * processor cannot overlap: 2–5 ns per call, several times the method itself. The same count kept in a local
 * variable of the loop's method lives in a register: one add, and the thread's counter is updated when the
 * calls can be observed.
 *
 * <p>Exactness: the pending count of a method invocation (a {@code long}, which no loop can overflow) is added to
 * the thread's counts ({@link Probe#flush}) before anything through which it could be observed or lost: before
 * every call except to the JDK's bounded leaf helpers (a call might exit the JVM, block, or run for long), before
 * {@code return}, {@code athrow} and {@code monitorenter}, and in a catch-all handler that adds and rethrows when an
 * exception leaves the method. Not at loop back-edges: a check there, even one never taken, made a tokenizer's
 * character loop 20 % slower (docs/performance.md); so a loop that runs long without calling anything shows its
 * calls when it ends, exact but late (docs/agent.md). Constructors add each call at once
 * ({@link Probe#countSite}).
 *
 * <p>Which methods: a trivial method ({@link TrivialMethods}) that is private, so every call in bytecode is in
 * its own class or its nest mates, in a class that is no interface, that no nest mate calls (their class files
 * are read to check; a nest mate whose class file cannot be read disqualifies them all) and that neither its
 * class nor a nest mate references by a method handle (a method reference would call it without a call site);
 * it must have at least one call site. Such a method gets no probe of its own. Calls through core reflection
 * ({@code Method.invoke}) are not counted (docs/agent.md).
 */
final class TrivialCallSites {
    /** Class files before Java 7 may use {@code jsr} and lack stack map frames: left to the method probes. */
    private static final int MIN_MAJOR_VERSION = 51;
    private static final String PROBE = Type.getInternalName(Probe.class);

    private final String internalName;
    /** name + descriptor of each counted method, with its modifiers. */
    private final Map<String, Integer> counted;
    /** name + descriptor of each calling method, with its {@code max_locals} and counted callees. */
    private final Map<String, Caller> callers;

    /** A calling method: its original {@code max_locals}, and the counted methods it calls (slot order). */
    private record Caller(int maxLocals, List<String> callees) {}

    private TrivialCallSites(String internalName, Map<String, Integer> counted, Map<String, Caller> callers) {
        this.internalName = internalName;
        this.counted = counted;
        this.callers = callers;
    }

    /** No method of the class is counted at its call sites. */
    static final TrivialCallSites NONE = new TrivialCallSites("", Map.of(), Map.of());

    /**
     * Plans the counting for a class file.
     *
     * @param classFile the class's bytes, as they will be transformed
     * @param trivial the class's trivial methods (name + descriptor), from {@link TrivialMethods#of}
     * @param instrumented whether the method filter instruments the method of this name
     * @param classFiles the class file of another class of the same loader by internal name, or null if unknown
     *                   (to read nest mates)
     * @return the plan, {@link #NONE} when no method qualifies or the class cannot be read
     */
    static TrivialCallSites plan(byte[] classFile, Set<String> trivial, Predicate<String> instrumented,
                                 java.util.function.Function<String, byte[]> classFiles) {
        return plan(classFile, trivial, instrumented, classFiles, Set.of());
    }

    /**
     * As {@link #plan(byte[], Set, Predicate, java.util.function.Function)}, leaving the code of {@code keepCallers}
     * (name + descriptor) unchanged: a trivial method they call keeps its own probe instead (a method near a JIT limit,
     * {@link FormPlanner}).
     */
    static TrivialCallSites plan(byte[] classFile, Set<String> trivial, Predicate<String> instrumented,
                                 java.util.function.Function<String, byte[]> classFiles, Set<String> keepCallers) {
        if (trivial.isEmpty()) {
            return NONE;
        }
        try {
            Scan scan = new Scan(trivial, instrumented);
            new ClassReader(classFile).accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            if (!scan.candidates.isEmpty() && (scan.nestHost != null || !scan.nestMembers.isEmpty())) {
                excludeCalledByNestMates(scan, classFiles);
            }
            for (String caller : keepCallers) {
                scan.candidates.keySet().removeAll(scan.calls.getOrDefault(caller, Set.of()));
            }
            return scan.result();
        } catch (RuntimeException unreadable) {
            return NONE;
        }
    }

    /**
     * Drops the candidates a nest mate calls or references by a method handle (nest mates may call private
     * methods directly, since Java 11); all of them when a nest mate's class file cannot be read.
     */
    private static void excludeCalledByNestMates(Scan scan, java.util.function.Function<String, byte[]> classFiles) {
        Set<String> mates = new LinkedHashSet<>(scan.nestMembers);
        if (scan.nestHost != null) {
            byte[] host = classFiles.apply(scan.nestHost);
            if (host == null) {
                scan.candidates.clear();
                return;
            }
            mates.add(scan.nestHost);
            new ClassReader(host).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitNestMember(String nestMember) {
                    mates.add(nestMember);
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        mates.remove(scan.owner);
        for (String mate : mates) {
            byte[] bytes = classFiles.apply(mate);
            if (bytes == null) {
                scan.candidates.clear();
                return;
            }
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new References(scan.owner, scan.candidates::remove, scan.handled::add);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
    }

    /** The methods counted at their call sites (name + descriptor): they get no probe of their own. */
    Set<String> counted() {
        return counted.keySet();
    }

    /** The class visitor wrapper that rewrites the callers (to be the outermost, seeing the original code). */
    AsmVisitorWrapper wrapper(String className) {
        Map<String, Integer> ids = new HashMap<>();
        counted.forEach((m, modifiers) -> {
            int paren = m.indexOf('(');
            ids.put(m, MethodTable.register(className, m.substring(0, paren), m.substring(paren), modifiers,
                    MethodTable.PROBE_CALL_SITE));
        });
        return new AsmVisitorWrapper() {
            @Override
            public int mergeWriter(int flags) {
                return flags;
            }

            @Override
            public int mergeReader(int flags) {
                return flags | ClassReader.EXPAND_FRAMES; // visitFrame then gets full frames to extend
            }

            @Override
            public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                                     Implementation.Context implementationContext, TypePool typePool,
                                     FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                                     int writerFlags, int readerFlags) {
                return rewriter(classVisitor, ids);
            }
        };
    }

    /**
     * The bytes the rewriting adds to each calling method (name + descriptor), measured by rewriting the class file
     * with placeholder ids as large as real ones ({@code sipush}), for the JIT-limit checks ({@link FormPlanner}).
     * Empty when nothing is counted or the class cannot be rewritten.
     */
    Map<String, Integer> addedBytes(byte[] classFile) {
        if (callers.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, Integer> ids = new HashMap<>();
            counted.keySet().forEach(m -> ids.put(m, 0));
            net.bytebuddy.jar.asm.ClassWriter w = new net.bytebuddy.jar.asm.ClassWriter(0);
            new ClassReader(classFile).accept(rewriter(w, ids), ClassReader.EXPAND_FRAMES);
            Map<String, Integer> before = CodeSizes.of(classFile);
            Map<String, Integer> after = CodeSizes.of(w.toByteArray());
            Map<String, Integer> added = new HashMap<>();
            for (String caller : callers.keySet()) {
                Integer b = before.get(caller);
                Integer a = after.get(caller);
                if (a != null && b != null) {
                    added.put(caller, a - b);
                }
            }
            return added;
        } catch (RuntimeException unmeasurable) {
            Map<String, Integer> all = new HashMap<>();
            callers.keySet().forEach(c -> all.put(c, Integer.MAX_VALUE / 4)); // unknown: treat as too large
            return all;
        }
    }

    /** The callers whose code the rewriting changes (name + descriptor). */
    Set<String> callers() {
        return callers.keySet();
    }

    private ClassVisitor rewriter(ClassVisitor classVisitor, Map<String, Integer> ids) {
        return new ClassVisitor(Opcodes.ASM9, classVisitor) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                Caller caller = callers.get(name + descriptor);
                if (mv == null || caller == null) {
                    return mv;
                }
                return name.equals("<init>") ? new EachCall(mv, ids)
                        : new Batched(mv, ids, caller.maxLocals(), caller.callees());
            }
        };
    }

    /** Reads the class once: qualifying methods, their call sites, method handles and nest attributes. */
    private static final class Scan extends ClassVisitor {
        private final Set<String> trivial;
        private final Predicate<String> instrumented;
        private final Map<String, Integer> candidates = new HashMap<>();
        private final Set<String> handled = new HashSet<>();
        private final Set<String> called = new HashSet<>();
        private final Map<String, Set<String>> calls = new HashMap<>();
        private final Map<String, Integer> maxLocals = new HashMap<>();
        private String owner;
        private String nestHost;
        private final List<String> nestMembers = new ArrayList<>();
        private boolean eligibleClass;

        Scan(Set<String> trivial, Predicate<String> instrumented) {
            super(Opcodes.ASM9);
            this.trivial = trivial;
            this.instrumented = instrumented;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            owner = name;
            eligibleClass = (version & 0xFFFF) >= MIN_MAJOR_VERSION && (access & Opcodes.ACC_INTERFACE) == 0;
        }

        @Override
        public void visitNestHost(String host) {
            nestHost = host;
        }

        @Override
        public void visitNestMember(String nestMember) {
            nestMembers.add(nestMember);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            String method = name + descriptor;
            if ((access & Opcodes.ACC_PRIVATE) != 0 && (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0
                    && trivial.contains(method) && !name.startsWith("<")
                    && instrumented.test(name)) {
                candidates.put(method, access & 0xFFFF);
            }
            Set<String> callees = calls.computeIfAbsent(method, k -> new LinkedHashSet<>());
            return new References(owner, callees::add, handled::add) {
                @Override
                public void visitMaxs(int maxStack, int locals) {
                    maxLocals.put(method, locals);
                }
            };
        }

        TrivialCallSites result() {
            if (!eligibleClass || candidates.isEmpty()) {
                return NONE;
            }
            candidates.keySet().removeAll(handled);
            calls.values().forEach(called::addAll);
            candidates.keySet().retainAll(called);
            if (candidates.isEmpty()) {
                return NONE;
            }
            Map<String, Caller> callers = new HashMap<>();
            calls.forEach((method, targets) -> {
                // a counted method is trivial, so it calls no application method; <clinit> batches like any method
                List<String> callees = targets.stream().filter(candidates::containsKey).toList();
                if (!callees.isEmpty() && maxLocals.containsKey(method)) {
                    callers.put(method, new Caller(maxLocals.get(method), callees));
                }
            });
            return new TrivialCallSites(owner, Map.copyOf(candidates), callers);
        }
    }

    /**
     * Reports, for one method's code, the methods of class {@code owner} it calls and those it references by a
     * method handle (in an {@code invokedynamic}'s bootstrap and arguments, or an {@code ldc}), as name + descriptor.
     */
    private static class References extends MethodVisitor {
        private final String owner;
        private final java.util.function.Consumer<String> onCall;
        private final java.util.function.Consumer<String> onHandle;

        References(String owner, java.util.function.Consumer<String> onCall,
                   java.util.function.Consumer<String> onHandle) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.onCall = onCall;
            this.onHandle = onHandle;
        }

        @Override
        public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor,
                                    boolean isInterface) {
            if (callOwner.equals(owner)) {
                onCall.accept(name + descriptor);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
            handle(bootstrap);
            for (Object a : args) {
                handle(a);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            handle(value);
        }

        private void handle(Object constant) {
            if (constant instanceof Handle h && h.getOwner().equals(owner)) {
                onHandle.accept(h.getName() + h.getDesc());
            }
        }
    }

    /** Constructors: each call is added to the thread's counts at once (no handler before {@code super()}). */
    private final class EachCall extends MethodVisitor {
        private final Map<String, Integer> ids;

        EachCall(MethodVisitor mv, Map<String, Integer> ids) {
            super(Opcodes.ASM9, mv);
            this.ids = ids;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            Integer id = owner.equals(internalName) ? ids.get(name + descriptor) : null;
            if (id != null) {
                pushInt(mv, id);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "countSite", "(I)V", false);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 1, maxLocals);
        }
    }

    /**
     * A method calling counted methods: one int local per counted callee (at {@code max_locals} and after),
     * incremented at each call site and added to the thread's counts at the points the class comment lists.
     */
    private final class Batched extends MethodVisitor {
        private final Map<String, Integer> ids;
        private final int base;
        /** Counted callees of this method, in slot order: slot = base + 2 * index (a long each). */
        private final List<String> callees;
        private final Label start = new Label();
        private final Label end = new Label();
        private final Label handler = new Label();
        private final List<Runnable> deferredDebugInfo = new ArrayList<>();
        private boolean started;

        Batched(MethodVisitor mv, Map<String, Integer> ids, int base, List<String> callees) {
            super(Opcodes.ASM9, mv);
            this.ids = ids;
            this.base = base;
            this.callees = callees;
        }

        private int slot(String callee) {
            int i = callees.indexOf(callee);
            return i < 0 ? -1 : base + 2 * i;
        }

        /**
         * Before the first instruction (the reader has visited every original handler by then, so the catch-all
         * comes last and only sees what the method's own handlers do not catch): zero the locals, open the range.
         */
        private void start() {
            if (started) {
                return;
            }
            started = true;
            mv.visitTryCatchBlock(start, end, handler, null);
            for (int i = 0; i < callees.size(); i++) {
                mv.visitInsn(Opcodes.LCONST_0);
                mv.visitVarInsn(Opcodes.LSTORE, base + 2 * i);
            }
            mv.visitLabel(start);
        }

        private void flushAll() {
            for (int i = 0; i < callees.size(); i++) {
                pushInt(mv, ids.get(callees.get(i)));
                mv.visitVarInsn(Opcodes.LLOAD, base + 2 * i);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "flush", "(IJ)J", false);
                mv.visitVarInsn(Opcodes.LSTORE, base + 2 * i);
            }
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            start();
            if (type != Opcodes.F_NEW) {
                throw new IllegalStateException("expanded frames expected"); // the reader flag guarantees it
            }
            int slots = 0;
            for (int i = 0; i < numLocal; i++) {
                slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
            }
            List<Object> locals = new ArrayList<>(numLocal + base + callees.size());
            for (int i = 0; i < numLocal; i++) {
                locals.add(local[i]);
            }
            for (; slots < base; slots++) {
                locals.add(Opcodes.TOP);
            }
            for (int i = 0; i < callees.size(); i++) {
                locals.add(Opcodes.LONG);
            }
            super.visitFrame(type, locals.size(), locals.toArray(), numStack, stack);
        }

        @Override
        public void visitLabel(Label label) {
            start();
            super.visitLabel(label);
        }

        @Override
        public void visitLineNumber(int line, Label s) {
            start();
            super.visitLineNumber(line, s);
        }

        @Override
        public void visitInsn(int opcode) {
            start();
            if ((opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) || opcode == Opcodes.ATHROW
                    || opcode == Opcodes.MONITORENTER) {
                flushAll();
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            start();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            start();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            start();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            start();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            start();
            int slot = owner.equals(internalName) ? slot(name + descriptor) : -1;
            if (slot >= 0) {
                mv.visitVarInsn(Opcodes.LLOAD, slot);
                mv.visitInsn(Opcodes.LCONST_1);
                mv.visitInsn(Opcodes.LADD);
                mv.visitVarInsn(Opcodes.LSTORE, slot);
            } else if (!boundedLeaf(opcode, owner, name, descriptor)) {
                flushAll();
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        /** A call that returns promptly and runs no application code: no need to add the counts before it. */
        private boolean boundedLeaf(int opcode, String owner, String name, String descriptor) {
            if (owner.equals(internalName) && counted.containsKey(name + descriptor)) {
                return true;
            }
            if (TrivialMethods.boundedJdkCall(opcode, owner, name, descriptor)) {
                return true;
            }
            if (owner.equals("java/lang/String")) {
                return name.equals("charAt") || name.equals("length") || name.equals("isEmpty")
                        || name.equals("codePointAt");
            }
            // VarHandle access modes (get, set, getVolatile, compareAndSet...) on JDK-made handles
            return owner.equals("java/lang/invoke/VarHandle") && opcode == Opcodes.INVOKEVIRTUAL
                    && !name.startsWith("to") && !name.startsWith("with");
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
            start();
            flushAll();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            start();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            start();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            start();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitLdcInsn(Object value) {
            start();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            start();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            start();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label s, Label e,
                                       int index) {
            deferredDebugInfo.add(() -> super.visitLocalVariable(name, descriptor, signature, s, e, index));
        }

        /** The catch-all handler (after the last instruction), then the debug tables and the new sizes. */
        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            start();
            mv.visitLabel(end);
            mv.visitLabel(handler);
            Object[] locals = new Object[base + callees.size()];
            java.util.Arrays.fill(locals, 0, base, Opcodes.TOP);
            java.util.Arrays.fill(locals, base, locals.length, Opcodes.LONG);
            mv.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            flushAll();
            mv.visitInsn(Opcodes.ATHROW);
            deferredDebugInfo.forEach(Runnable::run);
            super.visitMaxs(Math.max(maxStack, 1) + 4, base + 2 * callees.size());
        }
    }

    private static void pushInt(MethodVisitor mv, int value) {
        if (value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}

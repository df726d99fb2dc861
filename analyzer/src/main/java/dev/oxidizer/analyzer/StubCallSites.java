package dev.oxidizer.analyzer;

import dev.oxidizer.vocabulary.ArrayWrites;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What the recorded application's class files say about a method: its parameter names and written arrays
 * ({@link #parameterFacts}), and which JDK method it calls at a bytecode index, read from the recorded JVM's class path (its
 * {@code jdk.InitialSystemProperty} {@code java.class.path}, relative entries resolved against its {@code user.dir},
 * jars' manifest {@code Class-Path} followed). A JIT intrinsic run as a stub from compiled code (System.arraycopy,
 * CRC32.update) leaves no frame of its own in JFR's stacks: its samples show on the calling method, at the index of the
 * call, or, when the call sits in a loop, on the loop's back-edge line (its safepoint poll). Reading the invocations
 * and loops of the method's bytecode tells them apart from the method's own work ({@link #stubCallAt}; lines, because
 * the agent's probes shift bytecode indexes but not lines; a line that also holds other work is counted whole, which is
 * the precision of JFR's line numbers). When the class files are not where
 * the recording says (analysed on another machine, or rebuilt since), nothing is found and nothing changes.
 *
 * <p>Not thread-safe; one instance per analysis. Class files are parsed once.
 */
public final class StubCallSites implements AutoCloseable {
    private final List<Path> entries = new ArrayList<>();
    private final Map<String, MethodShape> byMethod = new HashMap<>();
    private final Map<Path, JarFile> jars = new HashMap<>();
    private final ArrayWrites arrayWrites = new ArrayWrites(this::classBytes);

    /** @param classPaths {java.class.path, user.dir} of each recording, either may be null */
    public StubCallSites(Collection<String[]> classPaths) {
        Set<Path> seen = new LinkedHashSet<>();
        for (String[] cp : classPaths) {
            if (cp[0] == null) {
                continue;
            }
            Path base = cp[1] == null ? Path.of("") : Path.of(cp[1]);
            for (String e : cp[0].split(java.io.File.pathSeparator)) {
                if (!e.isBlank()) {
                    addEntry(base.resolve(e).normalize(), seen);
                }
            }
        }
        entries.addAll(seen);
    }

    private void addEntry(Path p, Set<Path> seen) {
        if (!seen.add(p) || !p.toString().endsWith(".jar") || !Files.isRegularFile(p)) {
            return;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            var manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                for (String e : classPath.trim().split("\\s+")) {
                    if (!e.isBlank() && !e.contains(":")) {
                        addEntry(p.getParent() == null ? Path.of(e) : p.getParent().resolve(e).normalize(), seen);
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable jar holds nothing we can read
        }
    }

    /**
     * A JDK stub that the samples on one source line of a method are attributed to.
     *
     * @param callee   {@code binary.Class.method} of the intrinsic or stub-backed JDK method
     * @param loopLine the line of the loop whose body is that call, or -1 when the call is on the sampled line itself
     */
    record StubCall(String callee, int loopLine) {
        /** {@link #loopLine} of samples on a line outside any loop of a method that does little but call stubs. */
        static final int WHOLE_METHOD = -2;

        /**
         * The frame name under which the samples are counted and reported: the callee and how they were attributed
         * (one entry per callee and shape, whichever lines of the loop the samples were on).
         */
        String describe() {
            return loopLine == WHOLE_METHOD ? callee + " (a JIT stub: samples on lines of a method that does little but call it)"
                    : loopLine < 0 ? callee + " (a JIT stub: samples on the line of its call)"
                    : callee + " (a JIT stub: samples on the lines of a loop around its call that does little else)";
        }
    }

    /**
     * The JDK stub that the samples on source line {@code line} of {@code className.methodName(descriptor)} belong to,
     * or null when they are the method's own work (or the class file cannot be read). Two shapes are recognised:
     * <ol>
     * <li>the line calls a JDK method backed by an intrinsic or stub ({@link JdkIntrinsics}): a stub run from compiled
     *     code has no frame of its own, so its time shows on the line of its call;</li>
     * <li>the line belongs to a loop (a backward branch and the code between its target and it) whose body calls such
     *     JDK methods and does little else: at most {@link #WORK_PER_STUB_CALL} instructions of other work (array
     *     element accesses, arithmetic, {@code Math} helpers, allocation) per stub call, and no call to anything but such
     *     JDK methods. JFR
     *     puts the samples of a stub called in a loop on the loop's back-edge or header line (its safepoint poll),
     *     not on the call's line. The innermost such loop that holds code of the line is judged; the callee named is
     *     the loop's most frequent stub call (the first of them on a tie).</li>
     * <li>the line lies outside every loop of a method that, taken whole, passes the same test: JFR also puts a stub's
     *     samples on lines with no work of their own (seen: {@code String.getBytes} in a loop, sampled on the method's
     *     {@code return} line).</li>
     * </ol>
     * A loop that also calls a method that is not a stub, or that does its own work around the call, is the method's
     * own code: its samples stay its own.
     */
    StubCall stubCallAt(String className, String methodName, String descriptor, int line) {
        if (descriptor == null || line < 0) {
            return null;
        }
        return shape(className, methodName, descriptor).at(line);
    }

    /** Other work allowed in a loop per stub call in its body: computing the call's offsets and lengths. */
    static final int WORK_PER_STUB_CALL = 4;

    /**
     * The parameter names and written array parameters of a method, from its class file ({@link ArrayWrites}, the
     * generator's own analysis); null when the class file is not found.
     */
    public ArrayWrites.Facts parameterFacts(String className, String methodName, String descriptor) {
        return arrayWrites.facts(className, methodName, descriptor);
    }

    private MethodShape shape(String className, String methodName, String descriptor) {
        String key = className + "#" + methodName + descriptor;
        MethodShape found = byMethod.get(key);
        if (found != null) {
            return found;
        }
        found = MethodShape.EMPTY;
        byte[] bytes = classBytes(className);
        if (bytes != null) {
            try {
                ClassModel cm = ClassFile.of().parse(bytes);
                for (MethodModel m : cm.methods()) {
                    if (m.methodName().equalsString(methodName) && m.methodType().equalsString(descriptor) && m.code().isPresent()) {
                        found = MethodShape.of(m.code().get());
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                // not a class file we can parse: nothing found
            }
        }
        byMethod.put(key, found);
        return found;
    }

    /** The instructions of one method with their source lines, its loops, and where it calls JDK stubs. */
    private record MethodShape(int[] lineOf, String[] stubOf, boolean[] work, boolean[] otherCall, List<int[]> loops,
                               Map<Integer, java.util.Optional<StubCall>> byLine) {
        static final MethodShape EMPTY = new MethodShape(new int[0], new String[0], new boolean[0], new boolean[0], List.of(),
                new HashMap<>());

        static MethodShape of(CodeModel code) {
            List<Instruction> ins = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            Map<Label, Integer> labelAt = new HashMap<>();
            int line = -1;
            for (CodeElement e : code) {
                if (e instanceof LineNumber ln) {
                    line = ln.line();
                } else if (e instanceof LabelTarget lt) {
                    labelAt.put(lt.label(), ins.size());
                } else if (e instanceof Instruction i) {
                    ins.add(i);
                    lines.add(line);
                }
            }
            int n = ins.size();
            int[] lineOf = new int[n];
            String[] stubOf = new String[n];
            boolean[] work = new boolean[n];
            boolean[] otherCall = new boolean[n];
            List<int[]> loops = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                Instruction i = ins.get(p);
                lineOf[p] = lines.get(p);
                switch (i) {
                    case InvokeInstruction inv -> {
                        String owner = inv.owner().asInternalName().replace('/', '.');
                        String name = inv.name().stringValue();
                        if (JdkIntrinsics.matches(owner, name)) {
                            stubOf[p] = owner + "." + name;
                        } else if (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath")) {
                            work[p] = true; // min, max, abs: an instruction or two, inlined without a frame
                        } else {
                            otherCall[p] = true;
                        }
                    }
                    case InvokeDynamicInstruction indy -> otherCall[p] = true;
                    case BranchInstruction b -> {
                        Integer target = labelAt.get(b.target());
                        if (target != null && target <= p) {
                            loops.add(new int[] {target, p});
                        }
                    }
                    case LoadInstruction l -> { }
                    case StoreInstruction s -> { }
                    case ConstantInstruction c -> { }
                    case StackInstruction s -> { }
                    case IncrementInstruction inc -> { }
                    case FieldInstruction f -> { }
                    case TypeCheckInstruction t -> { }
                    case ConvertInstruction c -> { }
                    case NopInstruction nop -> { }
                    case OperatorInstruction op -> work[p] = op.opcode() != Opcode.ARRAYLENGTH;
                    default -> work[p] = true; // array element access, allocation, switches, monitors, throws, returns
                }
            }
            // Innermost first, so that the first loop holding a line's code is the innermost one.
            loops.sort(Comparator.comparingInt((int[] l) -> l[1] - l[0]));
            return new MethodShape(lineOf, stubOf, work, otherCall, loops, new HashMap<>());
        }

        /** The stub line {@code line}'s samples belong to, or null; each line is judged once per analysis. */
        StubCall at(int line) {
            return byLine.computeIfAbsent(line, l -> java.util.Optional.ofNullable(judge(l))).orElse(null);
        }

        private StubCall judge(int line) {
            for (int p = 0; p < lineOf.length; p++) {
                if (lineOf[p] == line && stubOf[p] != null) {
                    return new StubCall(stubOf[p], -1);
                }
            }
            boolean inMethod = false;
            for (int p = 0; p < lineOf.length && !inMethod; p++) {
                inMethod = lineOf[p] == line;
            }
            if (!inMethod) {
                return null;
            }
            for (int[] loop : loops) {
                boolean holdsLine = false;
                for (int p = loop[0]; p <= loop[1] && !holdsLine; p++) {
                    holdsLine = lineOf[p] == line;
                }
                if (holdsLine) {
                    return trivialLoopStub(loop, line);
                }
            }
            // Outside every loop: JFR also puts a stub's samples on other lines of a method that does nothing else
            // (seen: String.getBytes in a loop, sampled on the method's return line). Judged like a loop, whole.
            StubCall whole = trivialLoopStub(new int[] {0, lineOf.length - 1}, line);
            return whole == null ? null : new StubCall(whole.callee(), StubCall.WHOLE_METHOD);
        }

        private StubCall trivialLoopStub(int[] loop, int line) {
            Map<String, Integer> calls = new java.util.LinkedHashMap<>();
            int stubCalls = 0;
            int workCount = 0;
            for (int p = loop[0]; p <= loop[1]; p++) {
                if (otherCall[p]) {
                    return null;
                }
                if (stubOf[p] != null) {
                    stubCalls++;
                    calls.merge(stubOf[p], 1, Integer::sum);
                } else if (work[p]) {
                    workCount++;
                }
            }
            if (stubCalls == 0 || workCount > WORK_PER_STUB_CALL * stubCalls) {
                return null;
            }
            String callee = calls.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            int header = -1;
            for (int p = loop[0]; p <= loop[1] && header < 0; p++) {
                header = lineOf[p];
            }
            return new StubCall(callee, header < 0 ? line : header);
        }
    }

    private byte[] classBytes(String className) {
        String resource = className.replace('.', '/') + ".class";
        for (Path entry : entries) {
            try {
                if (Files.isDirectory(entry)) {
                    Path f = entry.resolve(resource);
                    if (Files.isRegularFile(f)) {
                        return Files.readAllBytes(f);
                    }
                } else {
                    JarFile jar = jars.get(entry);
                    if (jar == null) {
                        jar = new JarFile(entry.toFile());
                        jars.put(entry, jar);
                    }
                    ZipEntry ze = jar.getEntry(resource);
                    if (ze != null) {
                        try (InputStream in = jar.getInputStream(ze)) {
                            return in.readAllBytes();
                        }
                    }
                }
            } catch (IOException e) {
                // try the next entry
            }
        }
        return null;
    }

    @Override
    public void close() {
        for (JarFile j : jars.values()) {
            try {
                j.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

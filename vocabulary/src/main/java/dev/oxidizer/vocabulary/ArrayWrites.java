package dev.oxidizer.vocabulary;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.LocalVariableInfo;
import java.lang.classfile.attribute.MethodParameterInfo;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one read/write decision for array parameters, and the parameter names, read from class files with the JDK's
 * {@code java.lang.classfile} API (classes are never loaded). The generator ({@code &mut [T]} in the crate) and the
 * analyzer (the report's proposed signature) both ask here, so they agree.
 *
 * <p>An array parameter is written when the body may store into it, or when it escapes where writes cannot be seen:
 * passed to a method whose code is not certain (overridable, native, not on the class path, or a signature-polymorphic
 * {@code VarHandle} view such as {@code MethodHandles.byteArrayViewVarHandle}), stored in a field or an array, captured
 * by a lambda. Calls into methods whose code is certain (static, private, final, in a final class) are followed up to 4
 * levels deep. It may over-approximate, never under-approximate: a write is never lost. When the method has no code or
 * its class cannot be read, every array parameter counts as written ({@link #UNKNOWN_NOTE}).
 *
 * <p>Not thread-safe: one instance per analysis (it memoises callees).
 */
public final class ArrayWrites {
    /** Why an array parameter is {@code &mut}, when the byte code says it may be written. */
    public static final String WRITTEN_NOTE = "the Java method may write into this array";
    /** Why an array parameter is {@code &mut}, when the byte code could not be read. */
    public static final String UNKNOWN_NOTE = "the Java method is assumed to write into this array (its byte code was not read)";

    /** Reads a class file by binary name ({@code pkg.Outer$Inner}); null when there is none. */
    @FunctionalInterface
    public interface ClassBytes {
        byte[] read(String binaryName);
    }

    private static final int MAX_DEPTH = 4;
    private final ClassBytes classes;
    private final Map<String, Optional<Set<Integer>>> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    public ArrayWrites(ClassBytes classes) {
        this.classes = classes;
    }

    /**
     * What the class file says about one method's parameters.
     *
     * @param names   parameter names: MethodParameters ({@code javac -parameters}), else the LocalVariableTable
     *                ({@code javac -g}), else {@code arg0, arg1...}
     * @param written 0-based indices of the array parameters the method may write
     * @param known   whether {@code written} comes from the method's code (false: no code, every array counted)
     */
    public record Facts(List<String> names, Set<Integer> written, boolean known) {
        public Facts {
            names = List.copyOf(names);
            written = Set.copyOf(written);
        }
    }

    /** Facts for a method known only by its descriptor: {@code arg0...}, every array parameter written. */
    public static Facts unknown(String descriptor) {
        List<String> types = MethodKey.types(descriptor);
        List<String> names = new ArrayList<>();
        Set<Integer> written = new TreeSet<>();
        for (int i = 0; i < types.size() - 1; i++) {
            names.add("arg" + i);
            if (types.get(i).startsWith("[")) {
                written.add(i);
            }
        }
        return new Facts(names, written, false);
    }

    /** Facts for {@code mm} of {@code cm}. */
    public Facts facts(ClassModel cm, MethodModel mm) {
        boolean isStatic = mm.flags().has(AccessFlag.STATIC);
        MethodTypeDesc mtd = mm.methodTypeSymbol();
        Set<Integer> arraySlots = new HashSet<>();
        int[] slots = new int[mtd.parameterCount()];
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < mtd.parameterCount(); i++) {
            slots[i] = slot;
            if (mtd.parameterType(i).isArray()) {
                arraySlots.add(slot);
            }
            slot += TypeKind.from(mtd.parameterType(i)).slotSize();
        }
        boolean known = mm.code().isPresent();
        Set<Integer> writtenSlots = known ? ArrayWriteAnalysis.writtenParameters(mm.code().get(), arraySlots, this::writtenArguments)
                : arraySlots;
        Set<Integer> written = new TreeSet<>();
        for (int i = 0; i < slots.length; i++) {
            if (writtenSlots.contains(slots[i])) {
                written.add(i);
            }
        }
        return new Facts(parameterNames(mm, isStatic, mtd), written, known);
    }

    /**
     * Facts for {@code className#name descriptor}, or null when its class file cannot be read or has no such method.
     */
    public Facts facts(String className, String name, String descriptor) {
        byte[] bytes = classes.read(className);
        if (bytes == null) {
            return null;
        }
        try {
            ClassModel cm = ClassFile.of().parse(bytes);
            for (MethodModel mm : cm.methods()) {
                if (mm.methodName().equalsString(name) && mm.methodType().equalsString(descriptor)) {
                    return facts(cm, mm);
                }
            }
        } catch (IllegalArgumentException e) {
            // not a class file this JDK can parse: unknown
        }
        return null;
    }

    /** The callee side of the analysis: which arguments a call may write, null when unknown. */
    private Set<Integer> writtenArguments(String owner, String name, String descriptor, Opcode opcode) {
        String key = owner + "." + name + descriptor;
        var known = memo.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        if (inProgress.size() >= MAX_DEPTH || !inProgress.add(key)) {
            return null;
        }
        Set<Integer> result;
        try {
            result = analyse(owner, name, descriptor, opcode);
        } catch (IllegalArgumentException e) {
            result = null;
        } finally {
            inProgress.remove(key);
        }
        memo.put(key, Optional.ofNullable(result));
        return result;
    }

    private Set<Integer> analyse(String owner, String name, String descriptor, Opcode opcode) {
        byte[] bytes = classes.read(owner.replace('/', '.'));
        if (bytes == null) {
            return null;
        }
        ClassModel cm = ClassFile.of().parse(bytes);
        MethodModel mm = cm.methods().stream()
                .filter(m -> m.methodName().equalsString(name) && m.methodType().equalsString(descriptor)).findFirst().orElse(null);
        if (mm == null || mm.code().isEmpty()) {
            return null;
        }
        boolean exact = opcode == Opcode.INVOKESTATIC || opcode == Opcode.INVOKESPECIAL || mm.flags().has(AccessFlag.PRIVATE)
                || mm.flags().has(AccessFlag.FINAL) || cm.flags().has(AccessFlag.FINAL);
        if (!exact || mm.flags().has(AccessFlag.STATIC) != (opcode == Opcode.INVOKESTATIC)) {
            return null;
        }
        MethodTypeDesc mtd = MethodTypeDesc.ofDescriptor(descriptor);
        Map<Integer, Integer> argBySlot = new HashMap<>();
        int slot = opcode == Opcode.INVOKESTATIC ? 0 : 1;
        for (int i = 0; i < mtd.parameterCount(); i++) {
            if (!mtd.parameterType(i).isPrimitive()) {
                argBySlot.put(slot, i);
            }
            slot += TypeKind.from(mtd.parameterType(i)).slotSize();
        }
        Set<Integer> written = ArrayWriteAnalysis.writtenParameters(mm.code().get(), argBySlot.keySet(), this::writtenArguments);
        Set<Integer> args = new HashSet<>();
        written.forEach(s -> args.add(argBySlot.get(s)));
        return args;
    }

    /** Parameter names (see {@link Facts#names}); a name that is not a Java identifier becomes {@code argN}. */
    public static List<String> parameterNames(MethodModel mm, boolean isStatic, MethodTypeDesc mtd) {
        int n = mtd.parameterCount();
        List<String> names = new ArrayList<>();
        var mp = mm.findAttribute(Attributes.methodParameters());
        if (mp.isPresent() && mp.get().parameters().size() == n) {
            for (MethodParameterInfo info : mp.get().parameters()) {
                names.add(info.name().map(u -> u.stringValue()).orElse(null));
            }
        } else {
            Map<Integer, String> bySlot = new LinkedHashMap<>();
            mm.code().ifPresent(code -> {
                for (var attr : code.findAttributes(Attributes.localVariableTable())) {
                    for (LocalVariableInfo lv : attr.localVariables()) {
                        if (lv.startPc() == 0) {
                            bySlot.putIfAbsent(lv.slot(), lv.name().stringValue());
                        }
                    }
                }
            });
            int slot = isStatic ? 0 : 1;
            for (int i = 0; i < n; i++) {
                names.add(bySlot.get(slot));
                slot += TypeKind.from(mtd.parameterType(i)).slotSize();
            }
        }
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = names.get(i);
            clean.add(s != null && Names.isJavaIdentifier(s) ? s : "arg" + i);
        }
        return clean;
    }
}

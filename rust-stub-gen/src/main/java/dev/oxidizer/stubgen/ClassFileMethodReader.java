package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.ArrayWrites;
import dev.oxidizer.vocabulary.MethodKey;
import dev.oxidizer.vocabulary.Names;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link MethodSpec} from class files with the JDK's {@code java.lang.classfile} API; user classes are
 * never loaded or run.
 *
 * <p>What it derives from the byte code, and how far to trust it:
 * <ul>
 *   <li>Parameter names: the MethodParameters attribute ({@code javac -parameters}), else the LocalVariableTable
 *       ({@code javac -g}), else {@code arg0, arg1...}.</li>
 *   <li>Array mutation: see {@link ArrayWrites}, following calls into methods whose code is certain (static,
 *       private, final) and on the class path; it may over-approximate, never under-approximate, so a mutation is
 *       never lost.</li>
 *   <li>Receiver fields (instance methods): fields of the method's own class read with {@code getfield}. The
 *       receiver is refused when the body writes a field of its class, calls one of its instance methods, uses
 *       {@code this} in any other way, or is {@code synchronized}.</li>
 * </ul>
 */
public final class ClassFileMethodReader {
    private final ClassPathReader classPath;

    public ClassFileMethodReader(ClassPathReader classPath) {
        this.classPath = classPath;
    }

    /**
     * Resolves {@code selector} ({@code pkg.Class#name(descriptor)}, or {@code pkg.Class#name} when only one method
     * has that name).
     *
     * @throws GeneratorException BAD_INPUT for a malformed selector, an unknown class or method, or an ambiguous name
     *                            (the message lists the overloads as full keys)
     */
    public MethodSpec read(String selector) throws GeneratorException {
        MethodKey key;
        try {
            key = MethodKey.parse(selector);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        String className = key.className();
        String name = key.methodName();
        String descriptor = key.descriptor();
        ClassPathReader.Found found = classPath.read(className);
        if (found == null) {
            throw bad("class " + className + " not found on the class path " + classPath
                    + "; expected a binary class name (nested classes as Outer$Inner)");
        }
        ClassModel cm;
        try {
            cm = ClassFile.of().parse(found.bytes());
        } catch (IllegalArgumentException e) {
            throw bad(found.location() + " is not a readable class file: " + e.getMessage());
        }
        List<MethodModel> named = cm.methods().stream().filter(m -> m.methodName().equalsString(name)).toList();
        List<MethodModel> matches = descriptor == null ? named
                : named.stream().filter(m -> m.methodType().equalsString(descriptor)).toList();
        if (matches.isEmpty()) {
            String others = named.isEmpty() ? "it has no method named " + name
                    : "its methods named " + name + " are: " + keys(className, named);
            throw bad("no method " + selector + " in " + found.location() + "; " + others);
        }
        if (matches.size() > 1) {
            throw bad("'" + selector + "' is ambiguous: " + matches.size() + " overloads; name one with its descriptor: "
                    + keys(className, matches));
        }
        return toSpec(cm, matches.getFirst(), className, found.location(), named.size() > 1, classPath, found.signed());
    }

    private static String keys(String className, List<MethodModel> methods) {
        return String.join(", ", methods.stream()
                .map(m -> className + "#" + m.methodName().stringValue() + m.methodType().stringValue()).toList());
    }

    private static GeneratorException bad(String message) {
        return new GeneratorException(GeneratorException.Kind.BAD_INPUT, message);
    }

    /** The class path as {@link ArrayWrites.ClassBytes}: an unreadable entry counts as absent (the analysis then assumes writes). */
    private static ArrayWrites.ClassBytes bytesOf(ClassPathReader classPath) {
        return name -> {
            try {
                ClassPathReader.Found f = classPath.read(name);
                return f == null ? null : f.bytes();
            } catch (GeneratorException e) {
                return null;
            }
        };
    }

    private static MethodSpec toSpec(ClassModel cm, MethodModel mm, String className, String location, boolean overloaded,
                                     ClassPathReader classPath, boolean signed) {
        String desc = mm.methodType().stringValue();
        boolean isStatic = mm.flags().has(AccessFlag.STATIC);
        MethodTypeDesc mtd = MethodTypeDesc.ofDescriptor(desc);
        List<String> readable = GenericSignatures.parameterTypes(
                mm.findAttribute(Attributes.signature()).map(s -> s.signature().stringValue()).orElse(null),
                mtd.parameterCount());
        String readableReturn = GenericSignatures.returnType(
                mm.findAttribute(Attributes.signature()).map(s -> s.signature().stringValue()).orElse(null));
        ArrayWrites.Facts facts = new ArrayWrites(bytesOf(classPath)).facts(cm, mm);
        List<String> names = facts.names();
        CodeModel code = mm.code().orElse(null);
        String ownerInternal = cm.thisClass().asInternalName();

        List<MethodSpec.Param> params = new ArrayList<>();
        for (int i = 0; i < mtd.parameterCount(); i++) {
            String pd = mtd.parameterType(i).descriptorString();
            JavaType type = new JavaType(pd, readable.get(i));
            params.add(new MethodSpec.Param(names.get(i), type, facts.written().contains(i)));
        }
        List<MethodSpec.Param> fields = new ArrayList<>();
        List<String> receiverProblems = new ArrayList<>();
        if (!isStatic && code != null) {
            receiverFields(code, ownerInternal, fields, receiverProblems);
            if (mm.flags().has(AccessFlag.SYNCHRONIZED)) {
                receiverProblems.add("it is synchronized on its receiver");
            }
        }
        if (!isStatic && code == null) {
            receiverProblems.add("it has no body (abstract or native), so its receiver's use cannot be read");
        }
        boolean noArgCtor = cm.methods().stream()
                .anyMatch(m -> m.methodName().equalsString("<init>") && m.methodType().equalsString("()V"));
        return new MethodSpec(className, mm.methodName().stringValue(), desc, isStatic, params,
                new JavaType(mtd.returnType().descriptorString(), readableReturn), fields, receiverProblems, noArgCtor,
                null, location, code != null, overloaded, traits(cm, mm, code, signed));
    }

    /** Varargs, the throws clause, static fields the body writes, and the enclosing instance's class. */
    private static MethodSpec.Traits traits(ClassModel cm, MethodModel mm, CodeModel code, boolean signed) {
        List<String> exceptions = mm.findAttribute(Attributes.exceptions())
                .map(a -> a.exceptions().stream().map(c -> c.asInternalName().replace('/', '.')).toList()).orElse(List.of());
        java.util.Set<String> statics = new java.util.LinkedHashSet<>();
        List<java.lang.classfile.Instruction> insns = new ArrayList<>();
        if (code != null) {
            for (CodeElement e : code) {
                if (e instanceof FieldInstruction fi && fi.opcode() == Opcode.PUTSTATIC) {
                    statics.add(fi.owner().asInternalName().replace('/', '.') + "." + fi.name().stringValue());
                }
                if (e instanceof java.lang.classfile.Instruction i) {
                    insns.add(i);
                }
            }
        }
        String enclosing = null;
        if (!mm.flags().has(AccessFlag.STATIC)) {
            String self = cm.thisClass().asInternalName();
            enclosing = cm.findAttribute(Attributes.innerClasses()).flatMap(a -> a.classes().stream()
                    .filter(ic -> ic.innerClass().asInternalName().equals(self) && !ic.flags().contains(AccessFlag.STATIC))
                    .findFirst()).map(ic -> ic.outerClass().map(o -> o.asInternalName().replace('/', '.')).orElse(null))
                    .orElse(null);
            if (enclosing == null) {
                enclosing = cm.fields().stream().filter(f -> f.fieldName().stringValue().startsWith("this$"))
                        .map(f -> JavaType.readableOf(f.fieldType().stringValue())).findFirst().orElse(null);
            }
        }
        return new MethodSpec.Traits(mm.flags().has(AccessFlag.VARARGS), exceptions, List.copyOf(statics), enclosing,
                comparedLengths(insns), arrayShapes(mm, insns), signed);
    }

    /**
     * Array parameters whose length the body compares with the product of two {@code int} parameters, in either order
     * and in {@code int} or {@code long} ({@code (long) width * height != pixels.length}): javac's
     * {@code iload, [i2l,] iload, [i2l,] imul|lmul, aload, arraylength, [i2l,] if_icmp|lcmp}, or the array first.
     */
    static List<MethodSpec.ArrayShape> arrayShapes(MethodModel mm, List<java.lang.classfile.Instruction> code) {
        boolean isStatic = mm.flags().has(AccessFlag.STATIC);
        List<java.lang.constant.ClassDesc> params = mm.methodTypeSymbol().parameterList();
        Map<Integer, Integer> paramOfSlot = new java.util.HashMap<>();
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < params.size(); i++) {
            paramOfSlot.put(slot, i);
            slot += params.get(i).equals(java.lang.constant.ConstantDescs.CD_long) || params.get(i).equals(java.lang.constant.ConstantDescs.CD_double) ? 2 : 1;
        }
        List<java.lang.classfile.Instruction> insns = code.stream().filter(i -> i.opcode() != Opcode.I2L).toList();
        java.util.Set<MethodSpec.ArrayShape> shapes = new java.util.LinkedHashSet<>();
        for (int k = 0; k + 5 < insns.size(); k++) {
            Opcode last = insns.get(k + 5).opcode();
            if (!(last == Opcode.LCMP || last.name().startsWith("IF_ICMP"))) {
                continue;
            }
            for (int productAt : new int[] {k, k + 2}) {
                int arrayAt = productAt == k ? k + 3 : k;
                Integer a = intParam(insns.get(productAt), paramOfSlot, params);
                Integer b = intParam(insns.get(productAt + 1), paramOfSlot, params);
                Opcode mul = insns.get(productAt + 2).opcode();
                if (a != null && b != null && !a.equals(b) && (mul == Opcode.IMUL || mul == Opcode.LMUL)
                        && insns.get(arrayAt) instanceof LoadInstruction al && al.typeKind() == TypeKind.REFERENCE
                        && paramOfSlot.containsKey(al.slot()) && params.get(paramOfSlot.get(al.slot())).isArray()
                        && insns.get(arrayAt + 1).opcode() == Opcode.ARRAYLENGTH) {
                    shapes.add(new MethodSpec.ArrayShape(paramOfSlot.get(al.slot()), a, b));
                }
            }
        }
        return List.copyOf(shapes);
    }

    /** The index of the {@code int} parameter {@code i} loads, or null. */
    private static Integer intParam(java.lang.classfile.Instruction i, Map<Integer, Integer> paramOfSlot,
                                    List<java.lang.constant.ClassDesc> params) {
        if (i instanceof LoadInstruction li && li.typeKind() == TypeKind.INT && paramOfSlot.containsKey(li.slot())
                && params.get(paramOfSlot.get(li.slot())).equals(java.lang.constant.ConstantDescs.CD_int)) {
            return paramOfSlot.get(li.slot());
        }
        return null;
    }

    /** The largest array length the generated tests add for a compared constant (a larger one is a limit, not a size). */
    static final int MAX_COMPARED_LENGTH = 1 << 20;

    /**
     * Constants compared with an array's length ({@code insns}: the method's instructions, in order): an {@code arraylength} and an int constant within the two instructions
     * before the compare that ends them ({@code h.length != 256}: {@code aload, arraylength, sipush 256, if_icmpeq};
     * {@code 256 == h.length}: {@code sipush 256, aload, arraylength, if_icmpne}). Lengths from 1 to
     * {@link #MAX_COMPARED_LENGTH}, in first-seen order.
     */
    static List<Integer> comparedLengths(List<java.lang.classfile.Instruction> insns) {
        java.util.Set<Integer> lengths = new java.util.LinkedHashSet<>();
        for (int k = 2; k < insns.size(); k++) {
            Opcode op = insns.get(k).opcode();
            boolean compare = op == Opcode.IF_ICMPEQ || op == Opcode.IF_ICMPNE || op == Opcode.IF_ICMPLT || op == Opcode.IF_ICMPGE
                    || op == Opcode.IF_ICMPGT || op == Opcode.IF_ICMPLE;
            if (!compare) {
                continue;
            }
            java.lang.classfile.Instruction a = insns.get(k - 2);
            java.lang.classfile.Instruction b = insns.get(k - 1);
            Integer c = null;
            if (a.opcode() == Opcode.ARRAYLENGTH) {
                c = intConstant(b);
            } else if (b.opcode() == Opcode.ARRAYLENGTH && k >= 3) {
                c = intConstant(insns.get(k - 3));
            }
            if (c != null && c >= 1 && c <= MAX_COMPARED_LENGTH) {
                lengths.add(c);
            }
        }
        return List.copyOf(lengths);
    }

    private static Integer intConstant(java.lang.classfile.Instruction i) {
        if (i instanceof java.lang.classfile.instruction.ConstantInstruction ci && ci.constantValue() instanceof Integer v) {
            return v;
        }
        return null;
    }

    private static void receiverFields(CodeModel code, String owner, List<MethodSpec.Param> fields, List<String> problems) {
        Map<String, MethodSpec.Param> byName = new LinkedHashMap<>();
        int thisLoads = 0;
        int explained = 0;
        for (CodeElement e : code) {
            if (e instanceof LoadInstruction li && li.slot() == 0 && li.typeKind() == TypeKind.REFERENCE) {
                thisLoads++;
            } else if (e instanceof FieldInstruction fi && fi.owner().asInternalName().equals(owner)) {
                if (fi.opcode() == Opcode.GETFIELD) {
                    explained++;
                    String d = fi.typeSymbol().descriptorString();
                    byName.putIfAbsent(fi.name().stringValue(),
                            new MethodSpec.Param(fi.name().stringValue(), JavaType.of(d), d.startsWith("[")));
                } else if (fi.opcode() == Opcode.PUTFIELD) {
                    explained++;
                    problems.add("it writes the field " + fi.name().stringValue() + " of its receiver");
                }
            } else if (e instanceof InvokeInstruction ii && ii.owner().asInternalName().equals(owner)
                    && ii.opcode() != Opcode.INVOKESTATIC && !ii.name().equalsString("<init>")) {
                explained++;
                problems.add("it calls the instance method " + ii.name().stringValue() + ii.typeSymbol().descriptorString()
                        + " on its class");
            }
        }
        if (thisLoads > explained) {
            problems.add("it uses 'this' other than to read its fields (passes, returns, compares or locks it)");
        }
        fields.addAll(byName.values());
    }
}

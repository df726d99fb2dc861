package dev.oxidizer.stubgen;

import java.util.List;
import java.util.Objects;

/**
 * The method to port, as read from a class file or from an analyzer report: the input of every generator pass.
 *
 * @param className       binary class name, e.g. {@code pkg.Outer$Inner}
 * @param methodName      method name
 * @param descriptor      JVM descriptor, e.g. {@code ([DI)D}
 * @param isStatic        whether the method is static
 * @param params          the declared parameters, in order
 * @param returnType      the return type ({@code V} for void)
 * @param receiverFields  for instance methods: the receiver's fields the body reads, in first-read order;
 *                        empty for static methods
 * @param receiverProblems for instance methods: why the receiver cannot be replaced by its fields
 *                        (writes a field, calls another instance method...), empty when it can
 * @param hasNoArgConstructor whether the class declares a no-argument constructor (the generated tests use it to
 *                        build a receiver)
 * @param measuredP99Ns   measured 99th-percentile latency from a report, null when not measured
 * @param source          where the model came from, for messages (a class file path or a report file)
 * @param mutationKnown   true when array mutation was detected from the byte code; false when unknown, in which
 *                        case every array parameter is treated as mutated
 * @param overloaded      whether the class has other methods of the same name (generated names then carry the
 *                        parameter types, so each overload gets its own crate and class)
 * @param traits          what else the declaration and the body say that the wrapper must keep or the user must know
 */
public record MethodSpec(
        String className,
        String methodName,
        String descriptor,
        boolean isStatic,
        List<Param> params,
        JavaType returnType,
        List<Param> receiverFields,
        List<String> receiverProblems,
        boolean hasNoArgConstructor,
        Long measuredP99Ns,
        String source,
        boolean mutationKnown,
        boolean overloaded,
        Traits traits) {

    public MethodSpec {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(descriptor, "descriptor");
        params = List.copyOf(params);
        receiverFields = List.copyOf(receiverFields);
        receiverProblems = List.copyOf(receiverProblems);
        traits = traits == null ? Traits.NONE : traits;
    }

    /** A spec without {@link Traits} (none known). */
    public MethodSpec(String className, String methodName, String descriptor, boolean isStatic, List<Param> params,
                      JavaType returnType, List<Param> receiverFields, List<String> receiverProblems,
                      boolean hasNoArgConstructor, Long measuredP99Ns, String source, boolean mutationKnown, boolean overloaded) {
        this(className, methodName, descriptor, isStatic, params, returnType, receiverFields, receiverProblems,
                hasNoArgConstructor, measuredP99Ns, source, mutationKnown, overloaded, Traits.NONE);
    }

    /**
     * What the declaration and the body say beyond the signature.
     *
     * @param varargs             declared with {@code ...}: the wrapper is too, and the original's handle is used with
     *                            {@code asFixedArity()}
     * @param exceptions          the {@code throws} clause, binary names (the wrapper declares the same, so callers'
     *                            {@code catch} blocks still compile)
     * @param staticFieldsWritten static fields the body writes ({@code Owner.name}): the Rust port does not, so the
     *                            generator warns
     * @param enclosingClass      for a method of an inner (non-static) class: the enclosing class's binary name, else null
     * @param arrayLengths        constants the body compares an array's length with ({@code if (h.length != 256)}): the
     *                            generated tests add arrays of these lengths, which the method may accept alone
     * @param arrayShapes         array parameters whose length the body compares with the product of two int parameters
     *                            ({@code width * height != pixels.length}): the generated tests add cases where it holds
     * @param signedJar           the class is in a signed jar, whose package no unsigned class may join: the generated
     *                            classes go to another package
     */
    public record Traits(boolean varargs, List<String> exceptions, List<String> staticFieldsWritten, String enclosingClass,
                         List<Integer> arrayLengths, List<ArrayShape> arrayShapes, boolean signedJar) {
        /** Nothing known. */
        public static final Traits NONE = new Traits(false, List.of(), List.of(), null, List.of(), List.of(), false);

        public Traits {
            exceptions = List.copyOf(exceptions);
            staticFieldsWritten = List.copyOf(staticFieldsWritten);
            arrayLengths = List.copyOf(arrayLengths);
            arrayShapes = List.copyOf(arrayShapes);
        }
    }

    /** Parameter {@code array}'s length is compared with parameter {@code first} times parameter {@code second} (indexes). */
    public record ArrayShape(int array, int first, int second) {}

    /** The method key {@code binary.ClassName#name(descriptor)}. */
    public String key() {
        return className + "#" + methodName + descriptor;
    }

    /** Simple name of the class (after the last {@code .} and {@code $}). */
    public String simpleClassName() {
        String s = className.substring(className.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    /** Package of the class, empty for the unnamed package. */
    public String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** Returns a copy with a measured latency. */
    public MethodSpec withMeasuredP99Ns(Long p99) {
        return new MethodSpec(className, methodName, descriptor, isStatic, params, returnType, receiverFields,
                receiverProblems, hasNoArgConstructor, p99, source, mutationKnown, overloaded, traits);
    }

    /**
     * A parameter or a receiver field.
     *
     * @param name    Java name (from MethodParameters, LocalVariableTable, or {@code argN})
     * @param type    its type
     * @param mutated for arrays: whether the body may write into it
     */
    public record Param(String name, JavaType type, boolean mutated) {}
}

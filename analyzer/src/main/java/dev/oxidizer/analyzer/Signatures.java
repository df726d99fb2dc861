package dev.oxidizer.analyzer;

import dev.oxidizer.model.MethodReport;
import dev.oxidizer.vocabulary.ArrayWrites;
import dev.oxidizer.vocabulary.JavaTypes;
import dev.oxidizer.vocabulary.Names;
import dev.oxidizer.vocabulary.Prim;
import dev.oxidizer.vocabulary.RustSignature;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads JVM method descriptors: a readable Java signature, and whether each type can cross the FFM boundary
 * as a plain value (primitives, one-dimensional primitive arrays, {@code String}), with the Rust type it maps
 * to or the wrapper/refactoring that would make it map.
 */
public final class Signatures {
    private Signatures() {}

    /** One parsed type: its descriptor, Java name and, when it cannot cross, what to do instead (null when it can). */
    public record Type(String descriptor, String javaName, String advice) {
        public boolean portable() {
            return advice == null;
        }
    }

    /** Parameter types then the return type (last), or null when the descriptor is malformed. */
    public static List<Type> parse(String descriptor) {
        if (descriptor == null || !descriptor.startsWith("(") || descriptor.indexOf(')') < 0) {
            return null;
        }
        List<Type> out = new ArrayList<>();
        int i = 1;
        int close = descriptor.indexOf(')');
        try {
            while (i < close) {
                int end = end(descriptor, i);
                out.add(type(descriptor.substring(i, end)));
                i = end;
            }
            out.add(type(descriptor.substring(close + 1)));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
        return out;
    }

    private static int end(String d, int i) {
        int j = i;
        while (d.charAt(j) == '[') {
            j++;
        }
        if (d.charAt(j) == 'L') {
            int semi = d.indexOf(';', j);
            if (semi < 0) {
                throw new IllegalArgumentException(d);
            }
            return semi + 1;
        }
        return j + 1;
    }

    static Type type(String d) {
        if (d.isEmpty()) {
            throw new IllegalArgumentException("empty type");
        }
        char c = d.charAt(0);
        if (c == 'V' || Prim.ofDescriptor(c) != null) {
            if (d.length() != 1) {
                throw new IllegalArgumentException("bad descriptor type " + d);
            }
            return new Type(d, JavaTypes.readable(d), null);
        }
        if (c == '[') {
            String inner = d.substring(1);
            Type el = type(inner);
            String javaName = el.javaName() + "[]";
            if (JavaTypes.arrayElement(d) != null) {
                return new Type(d, javaName, null);
            }
            return new Type(d, javaName, JavaTypes.advice(d));
        }
        if (c == 'L') {
            String name = d.substring(1, d.length() - 1).replace('/', '.');
            if (name.equals("java.lang.String")) {
                return new Type(d, "String", null);
            }
            return new Type(d, simple(name), JavaTypes.advice(d));
        }
        throw new IllegalArgumentException("bad descriptor type " + d);
    }

    private static String simple(String binary) {
        int dot = binary.lastIndexOf('.');
        return (dot < 0 ? binary : binary.substring(dot + 1)).replace('$', '.');
    }

    /** E.g. {@code static double mean(double[], int)}; null when the descriptor is unknown or malformed. */
    public static String javaSignature(String methodName, String descriptor, Boolean isStatic) {
        List<Type> types = parse(descriptor);
        if (types == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (Boolean.TRUE.equals(isStatic)) {
            sb.append("static ");
        }
        sb.append(types.getLast().javaName()).append(' ').append(methodName).append('(');
        for (int i = 0; i < types.size() - 1; i++) {
            sb.append(i == 0 ? "" : ", ").append(types.get(i).javaName());
        }
        return sb.append(')').toString();
    }

    /**
     * Portability of a method: every parameter and the return map to Rust, and (unless allowed) it has no
     * receiver. The proposed Rust signature is the generator's ({@link RustSignature}, {@link JavaTypes}): the
     * parameter names and the written arrays ({@code &mut}) come from the class file when {@code parameters} is
     * given, else {@code arg0...} with every array written, exactly as the generator assumes without class files.
     * A part that cannot cross is shown as {@code /* type *}{@code / ()}.
     */
    public static MethodReport.Portability portability(String methodName, String descriptor, Boolean isStatic,
                                                       boolean allowReceiver, ArrayWrites.Facts parameters) {
        List<Type> types = parse(descriptor);
        if (types == null) {
            return null;
        }
        ArrayWrites.Facts facts = parameters != null ? parameters : ArrayWrites.unknown(descriptor);
        List<MethodReport.Portability.Problem> problems = new ArrayList<>();
        if (Boolean.FALSE.equals(isStatic) && !allowReceiver && !methodName.equals("<init>")) {
            problems.add(new MethodReport.Portability.Problem("this", "instance method",
                    "make it a static function of its inputs: pass the fields it reads from 'this' as parameters"));
        }
        if (methodName.equals("<init>") || methodName.equals("<clinit>")) {
            problems.add(new MethodReport.Portability.Problem("this", methodName,
                    "constructors build Java objects: port the computation they run into a static method instead"));
        }
        List<RustSignature.Param> naming = new ArrayList<>();
        List<String> rustTypes = new ArrayList<>();
        for (int i = 0; i < types.size() - 1; i++) {
            Type t = types.get(i);
            naming.add(new RustSignature.Param(facts.names().get(i), false, JavaTypes.primitive(t.descriptor()) != null));
            String rust = JavaTypes.rustParameter(t.descriptor(), facts.written().contains(i));
            if (rust == null) {
                problems.add(new MethodReport.Portability.Problem("parameter " + (i + 1), t.javaName(), t.advice()));
            }
            rustTypes.add(rust != null ? rust : "/* " + t.javaName() + " */ ()");
        }
        Type ret = types.getLast();
        String result = JavaTypes.rustResult(ret.descriptor());
        if (result == null) {
            problems.add(new MethodReport.Portability.Problem("return", ret.javaName(),
                    ret.advice().replace("pass", "return").replace("parameter", "result")));
        }
        String rust = RustSignature.format(Names.rustIdentifier(methodName), RustSignature.parameterNames(naming), rustTypes,
                result != null ? result : "/* " + ret.javaName() + " */ ()");
        return new MethodReport.Portability(problems.isEmpty(), rust, problems);
    }

    /** {@link #portability(String, String, Boolean, boolean, ArrayWrites.Facts)} without the class file. */
    public static MethodReport.Portability portability(String methodName, String descriptor, Boolean isStatic,
                                                       boolean allowReceiver) {
        return portability(methodName, descriptor, isStatic, allowReceiver, null);
    }
}

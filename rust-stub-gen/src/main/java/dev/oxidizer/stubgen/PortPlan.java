package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.JavaTypes;
import dev.oxidizer.vocabulary.Prim;
import dev.oxidizer.vocabulary.RustSignature;
import java.util.List;

/**
 * The method after the mapping pass: every name and shape the emitters need, decided once.
 *
 * @param method       the input model
 * @param crateName    Cargo package and library base name
 * @param rustFn       the safe Rust function the user fills in
 * @param symbol       exported C symbol: {@code ox_<method>_<hash of the method key>}, distinct for overloads and
 *                     stable across runs
 * @param prefix       prefix of the crate-wide exports ({@code <prefix>take_error}, {@code <prefix>free_u8})
 * @param javaPackage  package of the generated Java classes (the original's package)
 * @param javaClass    simple name of the wrapper class
 * @param args         receiver fields first (instance methods), then the declared parameters
 * @param ret          the return shape
 * @param returnPrim   primitive of the return value or returned array element, null for void and String
 * @param memory       memory strategy
 * @param memoryReason why that strategy, for the Javadoc and the command's output
 * @param maxUlps      floating-point tolerance of the differential test
 * @param crateDirForJava absolute crate folder for the wrapper's last lookup place, may be null
 */
public record PortPlan(MethodSpec method, String crateName, String rustFn, String symbol, String prefix,
                       String javaPackage, String javaClass, List<Arg> args, Ret ret, Prim returnPrim,
                       MemoryMode memory, String memoryReason, int maxUlps, String crateDirForJava) {

    /** How an argument crosses. */
    public enum Shape {
        /** A primitive by value. */
        VALUE,
        /** A read-only array: {@code &[T]}, as (pointer, length). */
        SLICE,
        /** An array the method writes into: {@code &mut [T]}, as (pointer, length); writes are visible to Java. */
        SLICE_MUT,
        /** A String: {@code &str}, as UTF-8 (pointer, length), never NUL-terminated. */
        STR,
        /**
         * A String as its UTF-16 code units: {@code &[u16]}, as (pointer, length); the wrapper passes
         * {@code toCharArray()}. Auto-ports use it, so that {@code charAt}, {@code length} and lone surrogates keep
         * Java's meaning.
         */
        STR_UTF16
    }

    /** How the result crosses. */
    public enum Ret {
        /** Nothing: the C function returns the status. */
        VOID,
        /** A primitive returned directly; an error is signalled by a sentinel then confirmed by take_error. */
        VALUE,
        /** {@code Vec<T>}: status returned, (pointer, length) written to an out-parameter, freed by Rust. */
        VEC,
        /** {@code String}: as {@link #VEC} of UTF-8 bytes. */
        STRING
    }

    /**
     * One argument of the wrapper and of the Rust function.
     *
     * @param javaName  name in the Java wrapper
     * @param rustName  name in Rust (snake case, keyword-safe)
     * @param type      Java type
     * @param shape     how it crosses
     * @param prim      the primitive or array element primitive, null for String
     * @param fieldName for receiver fields, the field's Java name; null for declared parameters
     */
    public record Arg(String javaName, String rustName, JavaType type, Shape shape, Prim prim, String fieldName) {
        public boolean isField() {
            return fieldName != null;
        }
    }

    public List<Arg> fieldArgs() {
        return args.stream().filter(Arg::isField).toList();
    }

    public List<Arg> paramArgs() {
        return args.stream().filter(a -> !a.isField()).toList();
    }

    /** A copy whose String parameters cross as UTF-16 code units ({@link Shape#STR_UTF16}). */
    public PortPlan withUtf16Strings() {
        List<Arg> as = args.stream().map(a -> a.shape() == Shape.STR
                ? new Arg(a.javaName(), a.rustName(), a.type(), Shape.STR_UTF16, Prim.CHAR, a.fieldName()) : a).toList();
        // A String result crosses as its UTF-16 code units too (a char[] the wrapper turns into the String).
        boolean string = ret == Ret.STRING;
        return new PortPlan(method, crateName, rustFn, symbol, prefix, javaPackage, javaClass, as, string ? Ret.VEC : ret,
                string ? Prim.CHAR : returnPrim, memory, memoryReason, maxUlps, crateDirForJava);
    }

    /** Whether the String result crosses as UTF-16 code units ({@code Vec<u16>}, see {@link #withUtf16Strings}). */
    public boolean utf16Result() {
        return ret == Ret.VEC && method.returnType().isString();
    }

    /**
     * What the user must know before trusting the port, one sentence each: static fields the Java method writes (the
     * Rust port does not write them). Printed by {@code oxidizer generate} and written into README.md and src/lib.rs.
     */
    public List<String> warnings() {
        List<String> w = new java.util.ArrayList<>();
        List<String> statics = method.traits().staticFieldsWritten();
        if (!statics.isEmpty()) {
            w.add("the Java method writes the static field" + (statics.size() == 1 ? " " : "s ") + String.join(", ", statics)
                    + "; the Rust port cannot, so Java code that reads " + (statics.size() == 1 ? "it" : "them")
                    + " afterwards sees a difference: keep those writes in Java around the call, or port a method without"
                    + " them (the differential test compares results and arrays only, not static fields)");
        }
        return w;
    }

    /** Whether any argument or the result needs memory (arrays, strings, out-parameters). */
    public boolean needsMemory() {
        return ret == Ret.VEC || ret == Ret.STRING || args.stream().anyMatch(a -> a.shape() != Shape.VALUE);
    }

    /** Whether the downcall passes heap segments (critical mode with memory). */
    public boolean heapAccess() {
        return memory == MemoryMode.CRITICAL && needsMemory();
    }

    /** The safe Rust signature, e.g. {@code pub fn mean(values: &[f64]) -> Result<f64, PortError>}. */
    public String rustSignature() {
        return RustSignature.format(rustFn, args.stream().map(Arg::rustName).toList(),
                args.stream().map(PortPlan::rustType).toList(), rustReturnType());
    }

    static String rustType(Arg a) {
        return a.shape() == Shape.STR_UTF16 ? "&[u16]"
                : JavaTypes.rustParameter(a.type().descriptor(), a.shape() == Shape.SLICE_MUT);
    }

    /** Rust type inside the {@code Result}. */
    public String rustReturnType() {
        return utf16Result() ? "Vec<u16>" : JavaTypes.rustResult(method.returnType().descriptor());
    }

    /** The Java return type keyword or array type. */
    public String javaReturnType() {
        return method.returnType().readable();
    }

    /** Readable Java signature of the original, e.g. {@code static double mean(double[] values)}. */
    public String javaSignature() {
        StringBuilder sb = new StringBuilder(method.isStatic() ? "static " : "");
        sb.append(javaReturnType()).append(' ').append(method.methodName()).append('(');
        List<MethodSpec.Param> ps = method.params();
        for (int i = 0; i < ps.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(ps.get(i).type().readable()).append(' ').append(ps.get(i).name());
        }
        return sb.append(')').toString();
    }
}

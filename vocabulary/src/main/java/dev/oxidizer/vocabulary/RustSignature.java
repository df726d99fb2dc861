package dev.oxidizer.vocabulary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The safe Rust function a port proposes, spelled one way for the generator's {@code src/lib.rs} and the analyzer's
 * report: {@code pub fn mean(values: &[f64], n: i32) -> Result<f64, PortError>}.
 *
 * <p>Parameter names: {@link Names#rustIdentifier} of the Java name ({@code this_<field>} for a receiver field), made
 * unique with {@code _2, _3...}; names the generated shim uses itself ({@code ox_out}, {@code ox_outcome}) are avoided,
 * and a value parameter named like another parameter's C {@code <name>_ptr} / {@code <name>_len} gets {@code _v}.
 */
public final class RustSignature {
    /** The error type of every port's {@code Result}. */
    public static final String ERROR_TYPE = "PortError";

    private RustSignature() {}

    /**
     * One parameter, for naming.
     *
     * @param javaName Java name of the parameter or receiver field
     * @param field    whether it is a receiver field
     * @param value    whether it crosses by value (a primitive), as opposed to pointer and length
     */
    public record Param(String javaName, boolean field, boolean value) {}

    /** Rust names of {@code params}, in order (see the class comment). */
    public static List<String> parameterNames(List<Param> params) {
        Set<String> taken = new HashSet<>(Set.of("ox_out", "ox_outcome"));
        List<String> names = new ArrayList<>();
        for (Param p : params) {
            names.add(unique(p.field() ? "this_" + Names.snake(p.javaName()) : Names.rustIdentifier(p.javaName()), taken));
        }
        Set<String> derived = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            if (!params.get(i).value()) {
                derived.add(names.get(i) + "_ptr");
                derived.add(names.get(i) + "_len");
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            out.add(params.get(i).value() && derived.contains(names.get(i)) ? names.get(i) + "_v" : names.get(i));
        }
        return out;
    }

    private static String unique(String name, Set<String> taken) {
        String n = name;
        for (int i = 2; !taken.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    /**
     * {@code pub fn <fn>(<name>: <type>, ...) -> Result<<result>, PortError>}.
     *
     * @param types Rust parameter types, same length as {@code names}
     */
    public static String format(String rustFunction, List<String> names, List<String> types, String result) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("names and types differ in length: " + names.size() + " and " + types.size());
        }
        StringBuilder sb = new StringBuilder("pub fn ").append(rustFunction).append('(');
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ").append(types.get(i));
        }
        return sb.append(") -> Result<").append(result).append(", ").append(ERROR_TYPE).append(">").toString();
    }
}

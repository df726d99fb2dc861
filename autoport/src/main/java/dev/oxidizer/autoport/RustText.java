package dev.oxidizer.autoport;

import java.util.List;

/**
 * The few Rust lines whose length depends on names (signatures, calls, {@code return unsafe { .. }}), laid out as
 * {@code rustfmt} does with its defaults, so that a generated crate passes {@code cargo fmt --check} whatever the
 * method and its parameters are called. Only the rules these shapes meet are modelled: {@code max_width} 100,
 * {@code fn_call_width} 60 (a call's arguments wider than that go one per line), signatures on one line or one parameter
 * per line ({@code fn_params_layout = "Tall"}). The one place of these rules: the translator uses it directly, the stub
 * generator through its source builder ({@code RustLayout}), and {@code RustFormatTest} checks it against rustfmt.
 *
 * <p>Each method takes the column the text starts at and returns its lines, each ending with a newline, continuation
 * lines indented by four spaces relative to the first; the {@code indent} forms also put that many spaces before
 * every line.
 */
public final class RustText {
    /** rustfmt's {@code max_width}. */
    public static final int MAX_WIDTH = 100;
    /** rustfmt's {@code fn_call_width} (default heuristics). */
    public static final int CALL_WIDTH = 60;

    private RustText() {
    }

    /**
     * A function signature {@code head(params)tail} starting at {@code column}, e.g. head {@code pub fn f}, tail
     * {@code  -> i32 {}: one line when it fits, else one parameter per line with a trailing comma.
     */
    public static String signatureAt(int column, String head, List<String> params, String tail) {
        String one = head + "(" + String.join(", ", params) + ")" + tail;
        if (column + one.length() <= MAX_WIDTH) {
            return one + "\n";
        }
        StringBuilder b = new StringBuilder(head).append("(\n");
        params.forEach(p -> b.append("    ").append(p).append(",\n"));
        return b.append(")").append(tail).append('\n').toString();
    }

    /** The statement or expression {@code prefix fn(args) suffix} at {@code column}, its arguments one per line when too wide. */
    public static String callAt(int column, String prefix, String fn, List<String> args, String suffix) {
        String one = prefix + inline(fn, args) + suffix;
        if (narrow(args) && column + one.length() <= MAX_WIDTH) {
            return one + "\n";
        }
        StringBuilder b = new StringBuilder(prefix).append(fn).append("(\n");
        args.forEach(a -> b.append("    ").append(a).append(",\n"));
        return b.append(")").append(suffix).append('\n').toString();
    }

    /** {@link #signatureAt} at {@code indent} columns, every line after that many spaces. */
    static String signature(int indent, String head, List<String> params, String tail) {
        return indented(indent, signatureAt(indent, head, params, tail));
    }

    /** {@link #callAt} at {@code indent} columns, every line after that many spaces. */
    static String call(int indent, String prefix, String fn, List<String> args, String suffix) {
        return indented(indent, callAt(indent, prefix, fn, args, suffix));
    }

    /** {@code return unsafe { fn(args) };} at {@code indent}: on one line, or the call alone inside the block. */
    static String returnUnsafe(int indent, String fn, List<String> args) {
        String one = "return unsafe { " + inline(fn, args) + " };";
        if (narrow(args) && indent + one.length() <= MAX_WIDTH) {
            return " ".repeat(indent) + one + "\n";
        }
        String pad = " ".repeat(indent);
        return pad + "return unsafe {\n" + call(indent + 4, "", fn, args, "") + pad + "};\n";
    }

    /** Whether {@code fn(args)} may stay on one line as far as the argument width goes. */
    public static boolean narrow(List<String> args) {
        return String.join(", ", args).length() <= CALL_WIDTH;
    }

    /** {@code fn(args)} on one line. */
    public static String inline(String fn, List<String> args) {
        return fn + "(" + String.join(", ", args) + ")";
    }

    private static String indented(int indent, String lines) {
        String pad = " ".repeat(indent);
        return pad + lines.substring(0, lines.length() - 1).replace("\n", "\n" + pad) + "\n";
    }
}

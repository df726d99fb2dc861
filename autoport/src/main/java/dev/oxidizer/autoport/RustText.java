package dev.oxidizer.autoport;

import java.util.List;

/**
 * The few lines of a translation whose length depends on names (the entry's signatures and the calls passing its
 * parameters on), laid out as {@code rustfmt} does with its defaults so that a crate passes {@code cargo fmt --check}
 * whatever the parameters are called: {@code max_width} 100, {@code fn_call_width} 60 (arguments wider than that go one
 * per line), a signature on one line or one parameter per line. The same rules as the stub generator's
 * {@code RustLayout}, which builds with its own source builder; translated bodies are {@code #[rustfmt::skip]}.
 */
final class RustText {
    static final int MAX_WIDTH = 100;
    static final int CALL_WIDTH = 60;

    private RustText() {
    }

    /** {@code head(params)tail} at {@code indent} columns, each line ending with a newline. */
    static String signature(int indent, String head, List<String> params, String tail) {
        String pad = " ".repeat(indent);
        String one = head + "(" + String.join(", ", params) + ")" + tail;
        if (indent + one.length() <= MAX_WIDTH || params.isEmpty()) {
            return pad + one + "\n";
        }
        StringBuilder b = new StringBuilder(pad).append(head).append("(\n");
        params.forEach(p -> b.append(pad).append("    ").append(p).append(",\n"));
        return b.append(pad).append(")").append(tail).append('\n').toString();
    }

    /** The statement {@code prefix fn(args) suffix} at {@code indent}: one line, or its arguments one per line. */
    static String call(int indent, String prefix, String fn, List<String> args, String suffix) {
        String pad = " ".repeat(indent);
        String one = prefix + fn + "(" + String.join(", ", args) + ")" + suffix;
        if (narrow(args) && indent + one.length() <= MAX_WIDTH) {
            return pad + one + "\n";
        }
        StringBuilder b = new StringBuilder(pad).append(prefix).append(fn).append("(\n");
        args.forEach(a -> b.append(pad).append("    ").append(a).append(",\n"));
        return b.append(pad).append(")").append(suffix).append('\n').toString();
    }

    /** {@code return unsafe { fn(args) };} at {@code indent}: on one line, or the call alone inside the block. */
    static String returnUnsafe(int indent, String fn, List<String> args) {
        String one = "return unsafe { " + fn + "(" + String.join(", ", args) + ") };";
        if (narrow(args) && indent + one.length() <= MAX_WIDTH) {
            return " ".repeat(indent) + one + "\n";
        }
        String pad = " ".repeat(indent);
        return pad + "return unsafe {\n" + call(indent + 4, "", fn, args, "") + pad + "};\n";
    }

    private static boolean narrow(List<String> args) {
        return String.join(", ", args).length() <= CALL_WIDTH;
    }
}

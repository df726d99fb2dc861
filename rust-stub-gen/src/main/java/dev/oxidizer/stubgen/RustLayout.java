package dev.oxidizer.stubgen;

import java.util.List;

/**
 * Lays out the few Rust statements whose length depends on names (signatures, calls, {@code let x = unsafe {..}})
 * the way {@code rustfmt} does with its defaults, so that generated crates pass {@code cargo fmt --check} whatever
 * the method's names are. Only the rules these shapes meet are modelled: {@code max_width} 100, {@code fn_call_width}
 * 60 (a call's arguments wider than that go one per line), signatures one line or one parameter per line
 * ({@code fn_params_layout = "Tall"}). {@code RustFormatTest} checks it against rustfmt over many names.
 */
final class RustLayout {
    /** rustfmt's {@code max_width}. */
    static final int MAX_WIDTH = 100;
    /** rustfmt's {@code fn_call_width} (default heuristics). */
    static final int CALL_WIDTH = 60;

    private RustLayout() {
    }

    /**
     * A function signature {@code head(params)tail}, e.g. head {@code pub fn f}, tail {@code  -> i32 {}: one line when it
     * fits, else one parameter per line with a trailing comma.
     */
    static void signature(SourceBuilder b, String head, List<String> params, String tail) {
        String one = head + "(" + String.join(", ", params) + ")" + tail;
        if (b.column() + one.length() <= MAX_WIDTH) {
            b.line(one);
            return;
        }
        if (params.isEmpty()) {
            b.line(head + "(");
            b.line(")" + tail);
            return;
        }
        b.open(head + "(");
        params.forEach(p -> b.line(p + ","));
        b.close(")" + tail);
    }

    /** Whether {@code fn(args)} may stay on one line as far as the argument width goes. */
    private static boolean narrow(List<String> args) {
        return String.join(", ", args).length() <= CALL_WIDTH;
    }

    private static String inline(String fn, List<String> args) {
        return fn + "(" + String.join(", ", args) + ")";
    }

    /** The statement or expression {@code prefix fn(args) suffix}, its arguments one per line when too wide. */
    static void call(SourceBuilder b, String prefix, String fn, List<String> args, String suffix) {
        String one = prefix + inline(fn, args) + suffix;
        if (narrow(args) && b.column() + one.length() <= MAX_WIDTH) {
            b.line(one);
            return;
        }
        b.open(prefix + fn + "(");
        args.forEach(a -> b.line(a + ","));
        b.close(")" + suffix);
    }

    /**
     * {@code outer(inner(args))suffix}, e.g. {@code Err(PortError::not_yet_ported("f"))}: one line when the outer
     * call's argument (the whole inner call) is narrow and fits, else the inner call's arguments one per line.
     */
    static void nestedCall(SourceBuilder b, String outer, String inner, List<String> args, String suffix) {
        String innerText = inline(inner, args);
        String one = outer + "(" + innerText + ")" + suffix;
        if (innerText.length() <= CALL_WIDTH && b.column() + one.length() <= MAX_WIDTH) {
            b.line(one);
            return;
        }
        b.open(outer + "(" + inner + "(");
        args.forEach(a -> b.line(a + ","));
        b.close("))" + suffix);
    }

    /** {@code let name = unsafe { fn(args) }after;} as rustfmt breaks it: after {@code =}, or inside the block. */
    static void letUnsafe(SourceBuilder b, String name, String fn, List<String> args, String after) {
        String head = "let " + name + " =";
        String rhs = "unsafe { " + inline(fn, args) + " }" + after + ";";
        if (narrow(args) && b.column() + head.length() + 1 + rhs.length() <= MAX_WIDTH) {
            b.line(head + " " + rhs);
        } else if (narrow(args) && b.column() + 4 + rhs.length() <= MAX_WIDTH) {
            b.line(head);
            b.indent();
            b.line(rhs);
            b.dedent();
        } else {
            b.open(head + " unsafe {");
            call(b, "", fn, args, "");
            b.close("}" + after + ";");
        }
    }

    /** Whether {@code text} fits on one line at the builder's indentation. */
    static boolean fits(SourceBuilder b, String text) {
        return b.column() + text.length() <= MAX_WIDTH;
    }
}

package dev.oxidizer.stubgen;

import dev.oxidizer.autoport.RustText;

import java.util.List;

/**
 * The rustfmt layout of {@link RustText} (autoport, the one place of its rules: {@code max_width} 100,
 * {@code fn_call_width} 60, signatures on one line or one parameter per line) written through a {@link SourceBuilder},
 * plus the shapes only the stub generator meets ({@code outer(inner(args))}, {@code let x = unsafe {..}}).
 * {@code RustFormatTest} checks it against rustfmt over many names.
 */
final class RustLayout {
    private RustLayout() {
    }

    /**
     * A function signature {@code head(params)tail}, e.g. head {@code pub fn f}, tail {@code  -> i32 {}: one line when it
     * fits, else one parameter per line with a trailing comma.
     */
    static void signature(SourceBuilder b, String head, List<String> params, String tail) {
        b.block(RustText.signatureAt(b.column(), head, params, tail));
    }

    /** The statement or expression {@code prefix fn(args) suffix}, its arguments one per line when too wide. */
    static void call(SourceBuilder b, String prefix, String fn, List<String> args, String suffix) {
        b.block(RustText.callAt(b.column(), prefix, fn, args, suffix));
    }

    /**
     * {@code outer(inner(args))suffix}, e.g. {@code Err(PortError::not_yet_ported("f"))}: one line when the outer
     * call's argument (the whole inner call) is narrow and fits, else the inner call's arguments one per line.
     */
    static void nestedCall(SourceBuilder b, String outer, String inner, List<String> args, String suffix) {
        String innerText = RustText.inline(inner, args);
        String one = outer + "(" + innerText + ")" + suffix;
        if (innerText.length() <= RustText.CALL_WIDTH && fits(b, one)) {
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
        String rhs = "unsafe { " + RustText.inline(fn, args) + " }" + after + ";";
        if (RustText.narrow(args) && b.column() + head.length() + 1 + rhs.length() <= RustText.MAX_WIDTH) {
            b.line(head + " " + rhs);
        } else if (RustText.narrow(args) && b.column() + 4 + rhs.length() <= RustText.MAX_WIDTH) {
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
        return b.column() + text.length() <= RustText.MAX_WIDTH;
    }
}

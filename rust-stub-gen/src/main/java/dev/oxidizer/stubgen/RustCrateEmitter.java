package dev.oxidizer.stubgen;

import dev.oxidizer.autoport.RustText;
import dev.oxidizer.vocabulary.Prim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits the Cargo crate: {@code Cargo.toml}, {@code src/lib.rs} (the safe function the user writes),
 * {@code src/ffi.rs} (the {@code extern "C"} shim, regenerated), {@code include/<crate>.h} and a README.
 *
 * <p>The C ABI, shared with {@link JavaWrapperEmitter} and the header:
 * <ul>
 *   <li>arrays and strings as {@code (pointer, usize length)}; strings are UTF-8 and never NUL-terminated;</li>
 *   <li>a primitive result is returned directly ({@code bool}, {@code i8}, {@code u16}, {@code i16} widened to
 *       {@code i32}); on failure the shim returns a sentinel ({@code i32::MIN}, {@code i64::MIN} or NaN) and records
 *       the error in a thread-local, which the caller confirms and fetches with {@code <prefix>take_error};</li>
 *   <li>void, {@code Vec} and {@code String} results: the shim returns the status ({@code 0} ok, {@code 1} error,
 *       {@code 2} panic, {@code 3} not yet ported) and writes an {@code OxBuf} to the last argument; the caller frees
 *       it with {@code <prefix>free_<type>};</li>
 *   <li>every exported body runs inside {@code catch_unwind}: no panic crosses {@code extern "C"}.</li>
 * </ul>
 */
final class RustCrateEmitter {
    private final PortPlan plan;

    RustCrateEmitter(PortPlan plan) {
        this.plan = plan;
    }

    /** Files by path relative to the crate folder. */
    Map<String, String> emit() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Cargo.toml", emitCargoToml());
        files.put(".gitignore", "/target\n/java/target\n");
        files.put("src/lib.rs", emitLib());
        files.put("src/ffi.rs", emitFfi());
        files.put("include/" + plan.crateName() + ".h", emitHeader());
        return files;
    }

    String emitCargoToml() {
        return Templates.fill("Cargo.toml.template", Map.of("key", plan.method().key(), "crate", plan.crateName()));
    }

    String emitLib() {
        SourceBuilder b = new SourceBuilder("    ");
        b.block(Templates.fill("lib-head.rs.template", Map.of("key", plan.method().key(),
                "javaSignature", plan.javaSignature(), "rustFn", plan.rustFn())));
        emitSafeFunction(b);
        return b.build() + Templates.fill("lib-tests.rs.template", Map.of("rustFn", plan.rustFn()));
    }

    private void emitSafeFunction(SourceBuilder b) {
        b.line("/// Port of `" + plan.javaSignature() + "` from `" + plan.method().className() + "`.");
        List<String> notes = argumentNotes();
        if (!notes.isEmpty()) {
            b.line("///");
            notes.forEach(n -> b.line("/// " + n));
        }
        List<String> params = plan.args().stream().map(a -> a.rustName() + ": " + PortPlan.rustType(a)).toList();
        allowManyArguments(b, params.size());
        RustLayout.signature(b, "pub fn " + plan.rustFn(), params, " -> Result<" + plan.rustReturnType() + ", PortError> {");
        b.indent();
        if (!plan.args().isEmpty()) {
            List<String> names = plan.args().stream().map(PortPlan.Arg::rustName).toList();
            // A one-element tuple needs its trailing comma: (a,).
            RustLayout.call(b, "let _ = ", "", names.size() == 1 ? List.of(names.get(0) + ",") : names, ";");
        }
        RustLayout.nestedCall(b, "Err", "PortError::not_yet_ported", List.of("\"" + plan.rustFn() + "\""), "");
        b.close("}");
    }

    /** clippy's too_many_arguments (more than 7): the signature mirrors the Java method's, which the user chose. */
    private static void allowManyArguments(SourceBuilder b, int count) {
        if (count > 7) {
            b.line("// The parameters mirror the Java method's (or the C ABI's pointer/length pairs): not ours to group.");
            b.line("#[allow(clippy::too_many_arguments)]");
        }
    }

    private List<String> argumentNotes() {
        List<String> notes = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            if (a.isField()) {
                notes.add("- `" + a.rustName() + "`: the receiver's field `" + a.fieldName() + "` (passed explicitly).");
            }
            if (a.shape() == PortPlan.Shape.SLICE_MUT) {
                notes.add("- `" + a.rustName() + "`: the Java method " + (plan.method().mutationKnown() ? "may write into" : "is assumed to write into")
                        + " this array; writes here are visible to the Java caller.");
            }
            if (a.prim() == Prim.CHAR) {
                notes.add("- `" + a.rustName() + "`: Java `char` is a UTF-16 code unit (`u16`), not a Rust `char`.");
            }
        }
        if (plan.ret() == PortPlan.Ret.VALUE && plan.returnPrim().isFloating()) {
            notes.add("- Returning NaN is fine: the wrapper tells NaN from failure by asking for a pending error.");
        }
        for (String w : plan.warnings()) {
            notes.add("- WARNING: " + w + ".");
        }
        return notes;
    }

    String emitFfi() {
        SourceBuilder b = new SourceBuilder("    ");
        b.block(Templates.fill("ffi-prelude.rs.template", Map.of("key", plan.method().key(), "rustFn", plan.rustFn(),
                "crate", plan.crateName(), "prefix", plan.prefix())));
        b.blank();
        emitExport(b);
        b.blank();
        b.block(Templates.fill("ffi-take-error.rs.template", Map.of("prefix", plan.prefix())));
        for (String tag : freeTags()) {
            b.blank();
            b.block(Templates.fill("ffi-free.rs.template", Map.of("prefix", plan.prefix(), "tag", tag)));
        }
        b.blank();
        b.block(Templates.text("ffi-tests.rs.template"));
        b.indent();
        emitExportNeverUnwindsTest(b);
        b.close("}");
        return b.build();
    }

    /** Element types that need a free function: bytes always (error messages, strings), plus the returned array's. */
    private Set<String> freeTags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add("u8");
        if (plan.ret() == PortPlan.Ret.VEC) {
            tags.add(plan.returnPrim().tag);
        }
        return tags;
    }

    /** C parameters of the export, as "name: type" pairs. */
    private List<String> cParams() {
        List<String> ps = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            switch (a.shape()) {
                case VALUE -> ps.add(a.rustName() + ": " + a.prim().rust);
                case SLICE -> {
                    ps.add(a.rustName() + "_ptr: *const " + a.prim().rust);
                    ps.add(a.rustName() + "_len: usize");
                }
                case SLICE_MUT -> {
                    ps.add(a.rustName() + "_ptr: *mut " + a.prim().rust);
                    ps.add(a.rustName() + "_len: usize");
                }
                case STR -> {
                    ps.add(a.rustName() + "_ptr: *const u8");
                    ps.add(a.rustName() + "_len: usize");
                }
                case STR_UTF16 -> {
                    ps.add(a.rustName() + "_ptr: *const u16");
                    ps.add(a.rustName() + "_len: usize");
                }
            }
        }
        if (plan.ret() == PortPlan.Ret.VEC || plan.ret() == PortPlan.Ret.STRING) {
            ps.add("ox_out: *mut OxBuf");
        }
        return ps;
    }

    /** Rust return type of the export. */
    String cReturn() {
        if (plan.ret() != PortPlan.Ret.VALUE) {
            return "i32";
        }
        return switch (plan.returnPrim()) {
            case BOOLEAN, BYTE, CHAR, SHORT, INT -> "i32";
            default -> plan.returnPrim().rust;
        };
    }

    /** The value returned on failure when the result is a primitive. */
    String sentinel() {
        return switch (plan.returnPrim()) {
            case LONG -> "i64::MIN";
            case FLOAT -> "f32::NAN";
            case DOUBLE -> "f64::NAN";
            default -> "i32::MIN";
        };
    }

    private void emitExport(SourceBuilder b) {
        b.line("/// Exported for the Java wrapper; calls `" + plan.rustSignature() + "`.");
        b.line("///");
        b.line("/// Returns " + switch (plan.ret()) {
            case VALUE -> "the value, or `" + sentinel() + "` after recording an error (confirm with `" + plan.prefix() + "take_error`).";
            case VOID -> "a status (`OX_OK` or the failure recorded for `" + plan.prefix() + "take_error`).";
            case VEC, STRING -> "a status; on `OX_OK` the result is in `*ox_out`, to be freed with `" + plan.prefix()
                    + "free_" + (plan.ret() == PortPlan.Ret.STRING ? "u8" : plan.returnPrim().tag) + "`.";
        });
        b.line("///");
        b.line("/// # Safety");
        b.line("/// Each `*_ptr` must point to `*_len` initialised elements (any pointer when the length is 0), valid and");
        b.line("/// not otherwise accessed for the duration of the call" + (cParams().contains("ox_out: *mut OxBuf") ? "; `ox_out` must be writable." : "."));
        if (cParams().stream().anyMatch(p -> p.contains("__"))) {
            // a parameter named like a Rust keyword ('in' -> 'in_') gives 'in__ptr'
            b.line("#[allow(non_snake_case)]");
        }
        allowManyArguments(b, cParams().size());
        b.line("#[no_mangle]");
        RustLayout.signature(b, "pub unsafe extern \"C\" fn " + plan.symbol(), cParams(), " -> " + cReturn() + " {");
        b.indent();
        String closure = "let ox_outcome = catch_unwind(AssertUnwindSafe(|| -> Result<_, PortError> {";
        List<String> names = plan.args().stream().map(PortPlan.Arg::rustName).toList();
        String call = "crate::" + plan.rustFn() + "(" + String.join(", ", names) + ")";
        boolean conversions = plan.args().stream().anyMatch(a -> a.shape() != PortPlan.Shape.VALUE);
        if (!conversions && String.join(", ", names).length() <= RustText.CALL_WIDTH
                && ("AssertUnwindSafe(|| -> Result<_, PortError> { " + call + " })").length() <= RustText.CALL_WIDTH
                && RustLayout.fits(b, closure + " " + call + " }));")) {
            // rustfmt keeps a closure whose block is one short expression on one line when the call around it is narrow.
            b.line(closure + " " + call + " }));");
        } else {
            b.open(closure);
            for (PortPlan.Arg a : plan.args()) {
                String n = a.rustName();
                switch (a.shape()) {
                    case VALUE -> { }
                    case SLICE, STR_UTF16 -> RustLayout.letUnsafe(b, n, "slice_in", List.of(n + "_ptr", n + "_len"), "");
                    case SLICE_MUT -> RustLayout.letUnsafe(b, n, "slice_mut_in", List.of(n + "_ptr", n + "_len"), "");
                    case STR -> RustLayout.letUnsafe(b, n, "str_in", List.of(n + "_ptr", n + "_len", "\"" + n + "\""), "?");
                }
            }
            RustLayout.call(b, "", "crate::" + plan.rustFn(), names, "");
            b.close("}));");
        }
        switch (plan.ret()) {
            case VOID -> {
                b.open("match settle(ox_outcome) {");
                b.line("Ok(()) => OX_OK,");
                b.line("Err(status) => status,");
                b.close("}");
            }
            case VALUE -> b.line(cReturn().equals(plan.returnPrim().rust)
                    ? "settle(ox_outcome).unwrap_or(" + sentinel() + ")"
                    : "settle(ox_outcome).map_or(" + sentinel() + ", |value| value as i32)");
            case VEC, STRING -> {
                b.open("match settle(ox_outcome) {");
                b.open("Ok(value) => {");
                b.line("unsafe { ox_out.write(OxBuf::from_vec(value" + (plan.ret() == PortPlan.Ret.STRING ? ".into_bytes()" : "") + ")) };");
                b.line("OX_OK");
                b.close("}");
                b.line("Err(status) => status,");
                b.close("}");
            }
        }
        b.close("}");
    }

    private void emitExportNeverUnwindsTest(SourceBuilder b) {
        b.line("#[test]");
        b.open("fn the_export_returns_or_records_an_error_on_empty_inputs() {");
        List<String> call = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            switch (a.shape()) {
                case VALUE -> call.add(a.prim() == Prim.BOOLEAN ? "false" : a.prim().isFloating() ? "0.0" : "0");
                case SLICE, STR, STR_UTF16 -> {
                    call.add("std::ptr::null()");
                    call.add("0");
                }
                case SLICE_MUT -> {
                    call.add("std::ptr::null_mut()");
                    call.add("0");
                }
            }
        }
        boolean out = plan.ret() == PortPlan.Ret.VEC || plan.ret() == PortPlan.Ret.STRING;
        if (out) {
            b.open("let mut out = OxBuf {");
            b.line("ptr: std::ptr::null_mut(),");
            b.line("len: 0,");
            b.close("};");
            call.add("&mut out");
        }
        RustLayout.letUnsafe(b, "result", plan.symbol(), call, "");
        b.line("let (status, message) = take();");
        switch (plan.ret()) {
            case VALUE -> {
                String failed = plan.returnPrim().isFloating() ? "result.is_nan()" : "result == " + sentinel();
                b.open("assert!(");
                b.line("status == OX_OK || " + failed + ",");
                b.line("\"an error is only recorded with the sentinel\"");
                b.close(");");
            }
            case VOID -> b.line("assert_eq!(result, status, \"the returned status is the recorded one\");");
            case VEC, STRING -> {
                b.line("assert_eq!(result, status, \"the returned status is the recorded one\");");
                b.open("if result == OX_OK {");
                b.line("unsafe { free_" + (plan.ret() == PortPlan.Ret.STRING ? "u8" : plan.returnPrim().tag) + "(out.ptr as *mut _, out.len) };");
                b.close("}");
            }
        }
        b.open("assert!(");
        b.line("status == OX_OK || !message.is_empty(),");
        b.line("\"a failure carries a message\"");
        b.close(");");
        b.close("}");
    }

    String emitHeader() {
        String guard = plan.crateName().toUpperCase(java.util.Locale.ROOT) + "_H";
        SourceBuilder b = new SourceBuilder("    ");
        b.block(Templates.fill("header-head.h.template", Map.of("key", plan.method().key(), "crate", plan.crateName(),
                "prefix", plan.prefix(), "guard", guard)));
        b.line("/* " + plan.rustSignature() + " */");
        List<String> cps = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            switch (a.shape()) {
                case VALUE -> cps.add(a.prim().c + " " + a.rustName());
                case SLICE -> {
                    cps.add("const " + a.prim().c + " *" + a.rustName() + "_ptr");
                    cps.add("size_t " + a.rustName() + "_len");
                }
                case SLICE_MUT -> {
                    cps.add(a.prim().c + " *" + a.rustName() + "_ptr");
                    cps.add("size_t " + a.rustName() + "_len");
                }
                case STR -> {
                    cps.add("const uint8_t *" + a.rustName() + "_ptr");
                    cps.add("size_t " + a.rustName() + "_len");
                }
                case STR_UTF16 -> {
                    cps.add("const uint16_t *" + a.rustName() + "_ptr");
                    cps.add("size_t " + a.rustName() + "_len");
                }
            }
        }
        if (plan.ret() == PortPlan.Ret.VEC || plan.ret() == PortPlan.Ret.STRING) {
            cps.add("OxBuf *ox_out");
        }
        String cret = switch (cReturn()) {
            case "i32" -> "int32_t";
            case "i64" -> "int64_t";
            case "f32" -> "float";
            default -> "double";
        };
        b.line(cret + " " + plan.symbol() + "(" + (cps.isEmpty() ? "void" : String.join(", ", cps)) + ");");
        b.blank();
        b.line("/* Takes this thread's pending error: its status (OX_OK when none) and its message in *out. */");
        b.line("int32_t " + plan.prefix() + "take_error(OxBuf *out);");
        for (String tag : freeTags()) {
            String ct = tag.equals("u8") ? "uint8_t" : plan.returnPrim().c;
            b.line("void " + plan.prefix() + "free_" + tag + "(" + ct + " *ptr, size_t len);");
        }
        b.block(Templates.text("header-tail.h.template"));
        return b.build();
    }

    /** Element tags and their C types, for the README. */
    Map<String, String> exportedSymbols() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(plan.symbol(), "the port");
        m.put(plan.prefix() + "take_error", "pending error of this thread");
        for (String tag : freeTags()) {
            m.put(plan.prefix() + "free_" + tag, "frees " + tag + " buffers");
        }
        return m;
    }
}

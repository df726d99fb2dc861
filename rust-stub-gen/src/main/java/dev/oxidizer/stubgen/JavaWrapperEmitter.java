package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Prim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Emits the Java class that calls the Rust port through {@code java.lang.foreign}, with the original method's
 * signature (receiver fields first for instance methods). See {@link RustCrateEmitter} for the C ABI.
 *
 * <p>Per call the wrapper allocates nothing in {@link MemoryMode#CRITICAL} mode except what the result needs
 * (a {@code long[2]} out-buffer and the returned array) and the UTF-8 bytes of String arguments; in
 * {@link MemoryMode#ARENA} mode it opens one confined arena. Handles are created once, in the class initializer,
 * and called with {@code invokeExact}.
 */
final class JavaWrapperEmitter {
    private final PortPlan plan;

    JavaWrapperEmitter(PortPlan plan) {
        this.plan = plan;
    }

    String emit() {
        SourceBuilder b = new SourceBuilder("    ");
        if (!plan.javaPackage().isEmpty()) {
            b.line("package " + plan.javaPackage() + ";");
            b.blank();
        }
        emitImports(b);
        emitClassJavadoc(b);
        // Native access is this class's purpose; users enable it with --enable-native-access, as the Javadoc says.
        b.line("@SuppressWarnings(\"restricted\")");
        b.open("public final class " + plan.javaClass() + " {");
        emitConstants(b);
        b.blank();
        emitMethod(b);
        b.blank();
        emitErrorHelpers(b);
        emitResultHelpers(b);
        b.blank();
        emitExceptions(b);
        b.blank();
        emitLibrary(b);
        b.close("}");
        return b.build();
    }

    private void emitImports(SourceBuilder b) {
        java.util.TreeSet<String> imports = new java.util.TreeSet<>(List.of(
                "import java.lang.foreign.Arena;",
                "import java.lang.foreign.FunctionDescriptor;",
                "import java.lang.foreign.Linker;",
                "import java.lang.foreign.MemorySegment;",
                "import java.lang.foreign.ValueLayout;",
                "import java.lang.invoke.MethodHandle;",
                "import java.nio.charset.StandardCharsets;",
                "import java.util.Objects;"));
        imports.addAll(NativeLibraryTemplate.imports());
        imports.forEach(b::line);
        b.blank();
    }

    private void emitClassJavadoc(SourceBuilder b) {
        String crate = plan.crateName();
        b.block(Templates.fill("wrapper-javadoc.java.template", Map.ofEntries(
                Map.entry("key", plan.method().key()),
                Map.entry("rustSignature", esc(plan.rustSignature())),
                Map.entry("crate", crate),
                Map.entry("memory", plan.memory() == MemoryMode.CRITICAL
                        ? "critical downcall" + (plan.needsMemory() ? ", arrays and strings passed as heap segments without copying" : "")
                        : "ordinary downcall" + (plan.needsMemory() ? ", arrays and strings copied through a confined arena per call" : "")),
                Map.entry("memoryReason", esc(plan.memoryReason())))));
    }

    private void emitConstants(SourceBuilder b) {
        b.block("""
                /** Cargo crate name, also the library's base name for {@link System#mapLibraryName}. */
                static final String CRATE = "%s";
                /** The platform's linker. */
                private static final Linker LINKER = Linker.nativeLinker();
                /** The crate's symbols, opened once for the life of the JVM. */
                private static final SymbolLookup LIBRARY = Library.open();
                """.formatted(plan.crateName()));
        b.line("/** Downcall to {@code " + plan.symbol() + "}, which calls {@code " + esc(plan.rustSignature()) + "}. */");
        b.line("private static final MethodHandle PORT = LINKER.downcallHandle(LIBRARY.findOrThrow(\"" + plan.symbol() + "\"),");
        b.line("        " + portDescriptor() + portOptions() + ");");
        b.block("""
                /** Downcall to {@code %stake_error}: the calling thread's pending error. */
                private static final MethodHandle TAKE_ERROR = LINKER.downcallHandle(LIBRARY.findOrThrow("%stake_error"),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
                /** Downcall to {@code %sfree_u8}: frees bytes Rust handed out. */
                private static final MethodHandle FREE_U8 = LINKER.downcallHandle(LIBRARY.findOrThrow("%sfree_u8"),
                        FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), Linker.Option.critical(false));
                """.formatted(plan.prefix(), plan.prefix(), plan.prefix(), plan.prefix()));
        if (plan.ret() == PortPlan.Ret.VEC && plan.returnPrim() != Prim.BYTE) {
            String tag = plan.returnPrim().tag;
            b.line("/** Downcall to {@code " + plan.prefix() + "free_" + tag + "}: frees the returned array. */");
            b.line("private static final MethodHandle FREE_" + tag.toUpperCase(java.util.Locale.ROOT)
                    + " = LINKER.downcallHandle(LIBRARY.findOrThrow(\"" + plan.prefix() + "free_" + tag + "\"),");
            b.line("        FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), Linker.Option.critical(false));");
        }
        b.blank();
        b.line("private " + plan.javaClass() + "() {");
        b.line("}");
    }

    private String freeHandle() {
        return plan.ret() == PortPlan.Ret.STRING || plan.returnPrim() == Prim.BYTE ? "FREE_U8"
                : "FREE_" + plan.returnPrim().tag.toUpperCase(java.util.Locale.ROOT);
    }

    private String portOptions() {
        if (plan.memory() != MemoryMode.CRITICAL) {
            return "";
        }
        return ", Linker.Option.critical(" + plan.heapAccess() + ")";
    }

    private String portDescriptor() {
        List<String> layouts = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            if (a.shape() == PortPlan.Shape.VALUE) {
                layouts.add("ValueLayout." + a.prim().layout);
            } else {
                layouts.add("ValueLayout.ADDRESS");
                layouts.add("ValueLayout.JAVA_LONG");
            }
        }
        if (hasOut()) {
            layouts.add("ValueLayout.ADDRESS");
        }
        String args = String.join(", ", layouts);
        return "FunctionDescriptor.of(ValueLayout." + rawLayout() + (args.isEmpty() ? "" : ", " + args) + ")";
    }

    private boolean hasOut() {
        return plan.ret() == PortPlan.Ret.VEC || plan.ret() == PortPlan.Ret.STRING;
    }

    /** Layout of what the C function returns. */
    private String rawLayout() {
        return switch (rawType()) {
            case "long" -> "JAVA_LONG";
            case "float" -> "JAVA_FLOAT";
            case "double" -> "JAVA_DOUBLE";
            default -> "JAVA_INT";
        };
    }

    /** Java type of what the C function returns. */
    private String rawType() {
        if (plan.ret() != PortPlan.Ret.VALUE) {
            return "int";
        }
        return switch (plan.returnPrim()) {
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            default -> "int";
        };
    }

    private void emitMethod(SourceBuilder b) {
        List<String> params = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            params.add(a.type().readable() + " " + a.javaName());
        }
        if (plan.method().traits().varargs() && !params.isEmpty()) {
            // the original is declared with '...': so is the drop-in (callers passing separate values still compile)
            String last = params.getLast();
            int brackets = last.lastIndexOf("[]");
            params.set(params.size() - 1, last.substring(0, brackets) + "..." + last.substring(brackets + 2));
        }
        List<String> exceptions = plan.method().traits().exceptions();
        // the original's throws clause is kept, so callers' catch blocks for it still compile
        String throwsClause = exceptions.isEmpty() ? "" : " throws " + String.join(", ", exceptions.stream().map(e -> e.replace('$', '.')).toList());
        b.line("/**");
        b.line(" * Same contract as {@code " + esc(plan.method().className().replace('$', '.')) + "." + plan.method().methodName()
                + "}, computed in Rust by {@code " + esc(plan.rustSignature()) + "}.");
        if (!plan.fieldArgs().isEmpty()) {
            b.line(" *");
            b.line(" * <p>An instance method in Java: pass the receiver's fields first, e.g. in the original body");
            b.line(" * {@code return " + plan.javaClass() + "." + plan.method().methodName() + "("
                    + String.join(", ", plan.args().stream().map(a -> a.isField() ? "this." + a.fieldName() : a.javaName()).toList()) + ");}");
        }
        b.line(" *");
        for (PortPlan.Arg a : plan.args()) {
            String d = switch (a.shape()) {
                case VALUE -> "passed as {@code " + a.prim().rust + "}";
                case SLICE -> "passed as {@code &[" + a.prim().rust + "]}; not null";
                case SLICE_MUT -> "passed as {@code &mut [" + a.prim().rust + "]}: Rust's writes are visible in this array; not null";
                case STR -> "passed as UTF-8 {@code &str}; not null";
                case STR_UTF16 -> "passed as its UTF-16 code units, {@code &[u16]}; not null";
            };
            b.line(" * @param " + a.javaName() + " " + (a.isField() ? "the receiver's field {@code " + a.fieldName() + "}, " : "") + d);
        }
        if (plan.ret() != PortPlan.Ret.VOID) {
            b.line(" * @return the Rust result ({@code " + esc(plan.rustReturnType()) + "}" + (hasOut() ? ", copied to the Java heap" : "") + ")");
        }
        for (PortPlan.Arg[] pair : aliasablePairs()) {
            b.line(" * @throws IllegalArgumentException when {@code " + pair[0].javaName() + "} and {@code " + pair[1].javaName()
                    + "} are the same array (Rust cannot alias a written slice)");
        }
        b.line(" * @throws RustException when the port returns {@code Err}; {@link RustPanicException} when it panics;");
        b.line(" *         {@link NotYetPortedException} while it is the generated stub");
        b.line(" */");
        b.open("public static " + plan.javaReturnType() + " " + plan.method().methodName() + "(" + String.join(", ", params) + ")"
                + throwsClause + " {");
        for (PortPlan.Arg a : plan.args()) {
            if (a.shape() != PortPlan.Shape.VALUE) {
                b.line("Objects.requireNonNull(" + a.javaName() + ", \"" + a.javaName() + "\");");
            }
        }
        for (PortPlan.Arg[] pair : aliasablePairs()) {
            // Rust may not hold a &mut slice and another slice over the same memory: that is undefined behaviour.
            b.open("if (" + pair[0].javaName() + " == " + pair[1].javaName() + ") {");
            b.line("throw new IllegalArgumentException(\"" + pair[0].javaName() + " and " + pair[1].javaName()
                    + " are the same array; the Rust port takes them as separate slices and writes one of them, which Rust "
                    + "cannot alias: pass distinct arrays\");");
            b.close("}");
        }
        for (PortPlan.Arg a : plan.args()) {
            if (a.shape() == PortPlan.Shape.STR) {
                b.line("byte[] " + a.javaName() + "Utf8 = " + a.javaName() + ".getBytes(StandardCharsets.UTF_8);");
            } else if (a.shape() == PortPlan.Shape.STR_UTF16) {
                b.line("char[] " + a.javaName() + "Chars = " + a.javaName() + ".toCharArray();");
            } else if (a.prim() == Prim.BOOLEAN && a.shape() != PortPlan.Shape.VALUE) {
                b.line("byte[] " + a.javaName() + "Bytes = toBytes(" + a.javaName() + ");");
            }
        }
        b.line(rawType() + " oxResult;");
        if (hasOut()) {
            b.line("long oxAddress;");
            b.line("long oxLength;");
        }
        if (plan.memory() == MemoryMode.CRITICAL || !plan.needsMemory()) {
            emitDirectCall(b);
        } else {
            emitArenaCall(b);
        }
        emitResult(b);
        b.close("}");
    }

    /** Pairs of array arguments of one element type, at least one written: Java may pass the same array for both. */
    private List<PortPlan.Arg[]> aliasablePairs() {
        List<PortPlan.Arg[]> pairs = new ArrayList<>();
        List<PortPlan.Arg> args = plan.args();
        for (int i = 0; i < args.size(); i++) {
            for (int j = i + 1; j < args.size(); j++) {
                PortPlan.Arg a = args.get(i);
                PortPlan.Arg c = args.get(j);
                boolean arrays = isSlice(a) && isSlice(c) && a.prim() == c.prim() && a.prim() != Prim.BOOLEAN;
                if (arrays && (a.shape() == PortPlan.Shape.SLICE_MUT || c.shape() == PortPlan.Shape.SLICE_MUT)) {
                    pairs.add(new PortPlan.Arg[] {a, c});
                }
            }
        }
        return pairs;
    }

    private static boolean isSlice(PortPlan.Arg a) {
        return a.shape() == PortPlan.Shape.SLICE || a.shape() == PortPlan.Shape.SLICE_MUT;
    }

    private void emitDirectCall(SourceBuilder b) {
        if (hasOut()) {
            b.line("long[] oxOut = new long[2];");
        }
        List<String> call = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            String n = a.javaName();
            switch (a.shape()) {
                case VALUE -> call.add(n);
                case SLICE, SLICE_MUT -> {
                    String arr = a.prim() == Prim.BOOLEAN ? n + "Bytes" : n;
                    call.add("MemorySegment.ofArray(" + arr + ")");
                    call.add("(long) " + arr + ".length");
                }
                case STR -> {
                    call.add("MemorySegment.ofArray(" + n + "Utf8)");
                    call.add("(long) " + n + "Utf8.length");
                }
                case STR_UTF16 -> {
                    call.add("MemorySegment.ofArray(" + n + "Chars)");
                    call.add("(long) " + n + "Chars.length");
                }
            }
        }
        if (hasOut()) {
            call.add("MemorySegment.ofArray(oxOut)");
        }
        emitInvoke(b, call);
        for (PortPlan.Arg a : plan.args()) {
            if (a.shape() == PortPlan.Shape.SLICE_MUT && a.prim() == Prim.BOOLEAN) {
                b.line("fromBytes(" + a.javaName() + "Bytes, " + a.javaName() + ");");
            }
        }
        if (hasOut()) {
            b.line("oxAddress = oxOut[0];");
            b.line("oxLength = oxOut[1];");
        }
    }

    private void emitArenaCall(SourceBuilder b) {
        b.open("try (Arena oxArena = Arena.ofConfined()) {");
        List<String> call = new ArrayList<>();
        for (PortPlan.Arg a : plan.args()) {
            String n = a.javaName();
            switch (a.shape()) {
                case VALUE -> call.add(n);
                case SLICE, SLICE_MUT -> {
                    String arr = a.prim() == Prim.BOOLEAN ? n + "Bytes" : n;
                    String layout = a.prim() == Prim.BOOLEAN ? "JAVA_BYTE" : a.prim().layout;
                    b.line("MemorySegment " + n + "Segment = oxArena.allocateFrom(ValueLayout." + layout + ", " + arr + ");");
                    call.add(n + "Segment");
                    call.add("(long) " + arr + ".length");
                }
                case STR -> {
                    b.line("MemorySegment " + n + "Segment = oxArena.allocateFrom(ValueLayout.JAVA_BYTE, " + n + "Utf8);");
                    call.add(n + "Segment");
                    call.add("(long) " + n + "Utf8.length");
                }
                case STR_UTF16 -> {
                    b.line("MemorySegment " + n + "Segment = oxArena.allocateFrom(ValueLayout.JAVA_CHAR, " + n + "Chars);");
                    call.add(n + "Segment");
                    call.add("(long) " + n + "Chars.length");
                }
            }
        }
        if (hasOut()) {
            b.line("MemorySegment oxOut = oxArena.allocate(ValueLayout.JAVA_LONG, 2);");
            call.add("oxOut");
        }
        emitInvoke(b, call);
        for (PortPlan.Arg a : plan.args()) {
            if (a.shape() == PortPlan.Shape.SLICE_MUT) {
                String n = a.javaName();
                if (a.prim() == Prim.BOOLEAN) {
                    b.line("MemorySegment.copy(" + n + "Segment, ValueLayout.JAVA_BYTE, 0, " + n + "Bytes, 0, " + n + "Bytes.length);");
                    b.line("fromBytes(" + n + "Bytes, " + n + ");");
                } else {
                    b.line("MemorySegment.copy(" + n + "Segment, ValueLayout." + a.prim().layout + ", 0, " + n + ", 0, " + n + ".length);");
                }
            }
        }
        if (hasOut()) {
            b.line("oxAddress = oxOut.get(ValueLayout.JAVA_LONG, 0);");
            b.line("oxLength = oxOut.get(ValueLayout.JAVA_LONG, 8);");
        }
        b.close("}");
    }

    private void emitInvoke(SourceBuilder b, List<String> call) {
        b.open("try {");
        b.line("oxResult = (" + rawType() + ") PORT.invokeExact(" + String.join(", ", call) + ");");
        b.close("} catch (Throwable oxThrown) {");
        b.indent();
        b.line("throw unexpected(oxThrown);");
        b.close("}");
    }

    private void emitResult(SourceBuilder b) {
        switch (plan.ret()) {
            case VOID -> {
                b.open("if (oxResult != 0) {");
                b.line("throw failure(oxResult);");
                b.close("}");
            }
            case VALUE -> {
                String test = switch (plan.returnPrim()) {
                    case FLOAT, DOUBLE -> "oxResult != oxResult";
                    case LONG -> "oxResult == Long.MIN_VALUE";
                    default -> "oxResult == Integer.MIN_VALUE";
                };
                b.line("// The sentinel may also be a genuine result: only a pending error makes it a failure.");
                b.open("if (" + test + ") {");
                b.line("throwPendingError();");
                b.close("}");
                b.line("return " + switch (plan.returnPrim()) {
                    case BOOLEAN -> "oxResult != 0";
                    case BYTE -> "(byte) oxResult";
                    case CHAR -> "(char) oxResult";
                    case SHORT -> "(short) oxResult";
                    default -> "oxResult";
                } + ";");
            }
            case VEC, STRING -> {
                b.open("if (oxResult != 0) {");
                b.line("throw failure(oxResult);");
                b.close("}");
                b.line(plan.ret() == PortPlan.Ret.STRING
                        ? "return new String(takeBytes(oxAddress, oxLength), StandardCharsets.UTF_8);"
                        : plan.utf16Result() ? "return new String(take" + plan.returnPrim().boxed + "s(oxAddress, oxLength));"
                        : "return take" + plan.returnPrim().boxed + "s(oxAddress, oxLength);");
            }
        }
    }

    private void emitErrorHelpers(SourceBuilder b) {
        b.block(Templates.text("wrapper-error-helpers.java.template"));
    }

    private void emitResultHelpers(SourceBuilder b) {
        Set<String> done = new LinkedHashSet<>();
        if (plan.ret() == PortPlan.Ret.VEC && plan.returnPrim() != Prim.BYTE) {
            Prim p = plan.returnPrim();
            b.blank();
            b.line("/** Copies {@code length} {@code " + p.rust + "} Rust handed out into a new array, then frees them in Rust. */");
            b.open("private static " + p.java + "[] take" + p.boxed + "s(long address, long length) {");
            b.open("try {");
            b.line("MemorySegment segment = MemorySegment.ofAddress(address).reinterpret(length * " + p.size + ");");
            if (p == Prim.BOOLEAN) {
                b.line("boolean[] result = new boolean[Math.toIntExact(length)];");
                b.open("for (int i = 0; i < result.length; i++) {");
                b.line("result[i] = segment.get(ValueLayout.JAVA_BYTE, i) != 0;");
                b.close("}");
                b.line("return result;");
            } else {
                b.line("return segment.toArray(ValueLayout." + p.layout + ");");
            }
            b.close("} finally {");
            b.indent();
            b.line("free(" + freeHandle() + ", address, length);");
            b.close("}");
            b.close("}");
        }
        boolean boolArrays = plan.args().stream().anyMatch(a -> a.prim() == Prim.BOOLEAN && a.shape() != PortPlan.Shape.VALUE);
        if (boolArrays && done.add("bool")) {
            b.blank();
            b.block(Templates.text("wrapper-result-helpers.java.template"));
        }
    }

    private void emitExceptions(SourceBuilder b) {
        b.block(Templates.text("wrapper-exceptions.java.template"));
    }

    /** The loader, the same text in every wrapper: {@link NativeLibraryTemplate}. */
    private void emitLibrary(SourceBuilder b) {
        b.block(NativeLibraryTemplate.body());
    }

    /** Makes text safe inside a Javadoc {@code} span: no comment terminator, balanced braces only. */
    static String esc(String s) {
        return s.replace("*/", "* /").replace("{", "(").replace("}", ")");
    }
}

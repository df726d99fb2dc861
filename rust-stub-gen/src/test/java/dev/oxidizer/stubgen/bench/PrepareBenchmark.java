package dev.oxidizer.stubgen.bench;

import dev.oxidizer.stubgen.CargoBuild;
import dev.oxidizer.stubgen.ClassFileMethodReader;
import dev.oxidizer.stubgen.ClassPathReader;
import dev.oxidizer.stubgen.GeneratedFiles;
import dev.oxidizer.stubgen.GeneratorOptions;
import dev.oxidizer.stubgen.MemoryMode;
import dev.oxidizer.stubgen.OutputWriter;
import dev.oxidizer.stubgen.StubGenerator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the FFM overhead benchmark (run by {@code bench/run-ffm-benchmark.sh}): generates crates for
 * {@link BenchKernels#add} and {@link BenchKernels#sum} in critical and arena mode, writes their Rust bodies, appends
 * hand-written minimal exports ({@code raw_add}, {@code raw_sum}: no catch_unwind, no status) to the same crates, and
 * builds them. Usage: {@code PrepareBenchmark <work folder> <test classes folder>}.
 */
public final class PrepareBenchmark {
    private PrepareBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        String classes = args[1];
        ClassFileMethodReader reader = new ClassFileMethodReader(new ClassPathReader(classes));
        for (MemoryMode mode : MemoryMode.values()) {
            prepare(reader, work, "add", mode, "Ok(a.wrapping_add(b))", """
                    /// Hand-written minimal export for the benchmark's baseline.
                    #[no_mangle]
                    pub extern "C" fn raw_add(a: i32, b: i32) -> i32 {
                        a.wrapping_add(b)
                    }
                    """);
            prepare(reader, work, "sum", mode, "Ok(values.iter().sum())", """
                    /// Hand-written minimal export for the benchmark's baseline.
                    ///
                    /// # Safety
                    /// `ptr` must point to `len` doubles.
                    #[no_mangle]
                    pub unsafe extern "C" fn raw_sum(ptr: *const f64, len: usize) -> f64 {
                        unsafe { std::slice::from_raw_parts(ptr, len) }.iter().sum()
                    }
                    """);
        }
    }

    private static void prepare(ClassFileMethodReader reader, Path work, String method, MemoryMode mode, String body, String raw)
            throws Exception {
        String crate = "bench_" + method + "_" + mode.option();
        Path out = work.resolve(crate);
        GeneratedFiles g = StubGenerator.generate(reader.read(BenchKernels.class.getName() + "#" + method),
                new GeneratorOptions(mode, GeneratorOptions.DEFAULT_CRITICAL_MAX_NS, crate,
                        "Bench" + Character.toUpperCase(method.charAt(0)) + method.substring(1) + (mode == MemoryMode.CRITICAL ? "Critical" : "Arena"),
                        GeneratorOptions.DEFAULT_MAX_ULPS, out.toString()));
        OutputWriter.write(g, out, true);
        Path lib = out.resolve("src/lib.rs");
        String text = Files.readString(lib);
        // one line, or one parameter per line when long (rustfmt's layout)
        int start = text.indexOf("pub fn " + g.plan().rustFn() + "(");
        int from = text.indexOf(", PortError> {\n", start) + ", PortError> {\n".length();
        int end = text.indexOf("\n}\n", from);
        Files.writeString(lib, text.substring(0, from) + "    " + body + text.substring(end) + "\n" + raw);
        CargoBuild.Result r = new CargoBuild("cargo", null, 900).build(out);
        System.out.println(crate + " " + r.built());
    }
}

package dev.oxidizer.stubgen;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every portable fixture method, in both memory modes: the generated wrapper, differential test and benchmark compile
 * with {@code -Xlint:all -Werror}. (Running them needs cargo: see {@link GeneratedCrateIT}.)
 */
class GeneratedJavaCompilesIT {
    @TempDir
    Path dir;

    /** Every portable fixture method; all generated sources of one mode compiled in one javac run. */
    private static final List<String> SELECTORS = List.of("mix", "scale", "cumsum", "greet", "utf8Length", "score", "invert",
            "sumInts", "negate", "shift", "odd", "low", "pair", "bump", "twice", "reverse", "clamp(I)I", "clamp(J)J", "fn", "noop",
            "aliases", "collide", "sumAll", "firstByte", "counted", "résumé");

    @ParameterizedTest
    @EnumSource(MemoryMode.class)
    void generatedJavaCompilesCleanly(MemoryMode mode) throws Exception {
        List<Path> sources = new ArrayList<>();
        for (String selector : SELECTORS) {
            GeneratedFiles g = StubGenerator.generate(Fixtures.kernel(selector), GeneratorOptions.defaults().withMemory(mode));
            Path out = dir.resolve(selector.replaceAll("[^A-Za-z]", "_"));
            OutputWriter.write(g, out, false);
            sources.addAll(List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath()), out.resolve(g.benchmarkPath())));
        }
        JavaCompiler.compile(sources, dir.resolve("classes"), List.of(Fixtures.classes()));
    }

    @org.junit.jupiter.api.Test
    void anInstanceMethodOfAClassWithoutANoArgConstructorGetsATestThatAsksForAReceiver() throws Exception {
        MethodSpec spec = new ClassFileMethodReader(new ClassPathReader(Fixtures.classes().toString()))
                .read("dev.oxidizer.stubgen.fixture.Kernels$Scaled#fill");
        GeneratedFiles g = StubGenerator.generate(spec, GeneratorOptions.defaults());
        assertEquals("pub fn fill(this_table: &mut [f64], this_label: &str, value: f64) -> Result<i32, PortError>",
                g.plan().rustSignature());
        OutputWriter.write(g, dir, false);
        JavaCompiler.compile(List.of(dir.resolve(g.wrapperPath()), dir.resolve(g.testPath()), dir.resolve(g.benchmarkPath())),
                dir.resolve("classes"), List.of(Fixtures.classes()));
        String test = g.files().get(g.testPath());
        assertEquals(true, test.contains("has no no-argument constructor; build a representative instance here"));
    }

    @org.junit.jupiter.api.Test
    void cParameterNamesNeverCollide() throws Exception {
        PortPlan p = PortPlanner.plan(Fixtures.kernel("collide"), GeneratorOptions.defaults());
        assertEquals("pub fn collide(a: &[i32], a_ptr_v: i32, a_len_v: i32) -> Result<i32, PortError>", p.rustSignature());
    }
}

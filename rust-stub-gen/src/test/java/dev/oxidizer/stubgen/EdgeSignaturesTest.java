package dev.oxidizer.stubgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures and names at the edges: each case failed before (issue 21). */
class EdgeSignaturesTest {
    @TempDir
    Path dir;

    private static MethodSpec read(String selector) throws GeneratorException {
        return new ClassFileMethodReader(new ClassPathReader(Fixtures.classes().toString()))
                .read("dev.oxidizer.stubgen.fixture.Kernels" + selector);
    }

    private static PortPlan plan(String selector) throws GeneratorException {
        return PortPlanner.plan(read(selector), GeneratorOptions.defaults());
    }

    @Test
    void nestedClassesWithTheSameSimpleNameGetDifferentCrateClassAndSymbol() throws Exception {
        PortPlan a = plan("$Nest$Inner#twice");
        PortPlan b = plan("$Other$Inner#twice");
        assertEquals("kernels_nest_inner_twice", a.crateName());
        assertEquals("kernels_other_inner_twice", b.crateName());
        assertEquals("KernelsNestInnerTwiceRust", a.javaClass());
        assertEquals("KernelsOtherInnerTwiceRust", b.javaClass());
        assertNotEquals(a.symbol(), b.symbol());
    }

    @Test
    void overloadsWithA173CharacterNameKeepTheirIdentityInBoundedNames() throws Exception {
        String name = "a".repeat(173);
        PortPlan i = plan("#" + name + "(I)I");
        PortPlan j = plan("#" + name + "(J)J");
        assertNotEquals(i.crateName(), j.crateName());
        assertNotEquals(i.javaClass(), j.javaClass());
        assertNotEquals(i.symbol(), j.symbol());
        assertTrue(i.crateName().length() <= 48, i.crateName());
    }

    @Test
    void a240CharacterNameIsWrittenWithEveryFileNameWithinTheLimit() throws Exception {
        GeneratedFiles g = StubGenerator.generate(read("#" + "b".repeat(240)), GeneratorOptions.defaults());
        Path out = dir.resolve("out");
        OutputWriter.write(g, out, false);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.toList()) {
                assertTrue(p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255, p.toString());
            }
        }
        assertTrue(Files.isRegularFile(out.resolve(PortManifest.FILE_NAME)));
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath()), out.resolve(g.benchmarkPath())),
                dir.resolve("classes"), List.of(Fixtures.classes()));
    }

    @Test
    void unicodeNamesStayRecognisableAndTheManifestKeyLeadsBackToTheMethod() throws Exception {
        GeneratedFiles g = StubGenerator.generate(read("#résumé"), GeneratorOptions.defaults());
        assertEquals("pub fn résumé(années: i32) -> Result<i32, PortError>", g.plan().rustSignature());
        assertEquals("KernelsRésuméRust", g.plan().javaClass());
        assertTrue(g.plan().crateName().startsWith("kernels_resume_"), g.plan().crateName());
        assertTrue(g.plan().symbol().startsWith("ox_resume_"), g.plan().symbol());
        Path out = dir.resolve("out");
        OutputWriter.write(g, out, false);
        PortManifest m = PortManifest.read(out);
        assertEquals("dev.oxidizer.stubgen.fixture.Kernels#résumé(I)I", m.methodKey());
        assertEquals(m.methodKey(), new ClassFileMethodReader(new ClassPathReader(Fixtures.classes().toString()))
                .read(m.methodKey()).key());
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath()), out.resolve(g.benchmarkPath())),
                dir.resolve("classes"), List.of(Fixtures.classes()));
    }

    @Test
    void aVarargsMethodGetsAVarargsWrapperAndItsOriginalIsCalledWithFixedArity() throws Exception {
        GeneratedFiles g = StubGenerator.generate(read("#sumAll"), GeneratorOptions.defaults());
        String wrapper = g.files().get(g.wrapperPath());
        assertTrue(wrapper.contains("public static long sumAll(int... xs)"), wrapper);
        assertTrue(g.files().get(g.testPath()).contains(".asFixedArity()"));
        assertTrue(g.files().get(g.benchmarkPath()).contains(".asFixedArity()"));
    }

    @Test
    void theThrowsClauseIsKeptAndTheGeneratedCallersStillCompile() throws Exception {
        GeneratedFiles g = StubGenerator.generate(read("#firstByte"), GeneratorOptions.defaults());
        assertTrue(g.files().get(g.wrapperPath()).contains("public static int firstByte(byte[] data) throws java.io.IOException {"),
                g.files().get(g.wrapperPath()));
        Path out = dir.resolve("out");
        OutputWriter.write(g, out, false);
        JavaCompiler.compile(List.of(out.resolve(g.wrapperPath()), out.resolve(g.testPath()), out.resolve(g.benchmarkPath())),
                dir.resolve("classes"), List.of(Fixtures.classes()));
    }

    @Test
    void writingAStaticFieldIsWarnedAboutInTheOutputTheReadmeAndLibRs() throws Exception {
        GeneratedFiles g = StubGenerator.generate(read("#counted"), GeneratorOptions.defaults());
        assertEquals(1, g.plan().warnings().size());
        String w = g.plan().warnings().getFirst();
        assertTrue(w.contains("writes the static field dev.oxidizer.stubgen.fixture.Kernels.calls"), w);
        assertTrue(g.files().get("README.md").contains("## Warnings"), g.files().get("README.md"));
        assertTrue(g.files().get("src/lib.rs").contains("WARNING: the Java method writes the static field"), g.files().get("src/lib.rs"));
        assertEquals(List.of(), plan("#mix").warnings());
    }

    @Test
    void anInnerClassMethodUsingItsEnclosingInstanceIsRefusedInWordsAUserUnderstands() {
        GeneratorException e = assertThrows(GeneratorException.class, () -> plan("$Inner#twice"));
        assertEquals(GeneratorException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("inner class dev.oxidizer.stubgen.fixture.Kernels.Inner"), e.getMessage());
        assertTrue(e.getMessage().contains("declare the nested class static"), e.getMessage());
        assertFalse(e.getMessage().contains("this$0"), e.getMessage());
    }
}

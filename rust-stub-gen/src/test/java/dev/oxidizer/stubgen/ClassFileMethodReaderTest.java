package dev.oxidizer.stubgen;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFileMethodReaderTest {
    private static final String K = "dev.oxidizer.stubgen.fixture.Kernels";

    @Test
    void readsNamesTypesAndStaticnessWithoutLoadingTheClass() throws Exception {
        MethodSpec m = Fixtures.kernel("mix");
        assertTrue(m.isStatic());
        assertEquals("(ZBCSIJFD)D", m.descriptor());
        assertEquals(List.of("flag", "b", "c", "s", "match", "l", "f", "d"), m.params().stream().map(MethodSpec.Param::name).toList());
        assertEquals(K + "#mix(ZBCSIJFD)D", m.key());
    }

    @Test
    void findsTheArrayLengthsTheBodyComparesWith() throws Exception {
        assertEquals(List.of(256, 4), Fixtures.kernel("histogramPeak").traits().arrayLengths());
        assertEquals(List.of(), Fixtures.kernel("mix").traits().arrayLengths());
    }

    @Test
    void aClassOfASignedJarGetsItsGeneratedClassesInAnotherPackage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path jar = dir.resolve("signed.jar");
        String entry = K.replace('.', '/') + ".class";
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/SIGNER.SF"));
            out.write("Signature-Version: 1.0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.putNextEntry(new java.util.zip.ZipEntry(entry));
            out.write(java.nio.file.Files.readAllBytes(Fixtures.classes().resolve(entry)));
        }
        MethodSpec signed = new ClassFileMethodReader(new ClassPathReader(jar.toString())).read(K + "#gridSum");
        assertTrue(signed.traits().signedJar());
        assertEquals("oxidizer.port.dev.oxidizer.stubgen.fixture", PortPlanner.plan(signed, GeneratorOptions.defaults()).javaPackage());
        MethodSpec plain = Fixtures.kernel("gridSum");
        assertFalse(plain.traits().signedJar());
        assertEquals("dev.oxidizer.stubgen.fixture", PortPlanner.plan(plain, GeneratorOptions.defaults()).javaPackage());
    }

    @Test
    void findsTheArraysWhoseLengthTheBodyComparesWithAProductOfTwoParameters() throws Exception {
        assertEquals(List.of(new MethodSpec.ArrayShape(0, 1, 2), new MethodSpec.ArrayShape(3, 4, 5)),
                Fixtures.kernel("gridSum").traits().arrayShapes());
        assertEquals(List.of(), Fixtures.kernel("histogramPeak").traits().arrayShapes());
    }

    @Test
    void acceptsANameAloneOnlyWhenItIsUnambiguous() throws Exception {
        GeneratorException e = assertThrows(GeneratorException.class, () -> Fixtures.kernel("clamp"));
        assertEquals(GeneratorException.Kind.BAD_INPUT, e.kind());
        assertEquals("'" + K + "#clamp' is ambiguous: 2 overloads; name one with its descriptor: " + K + "#clamp(I)I, " + K + "#clamp(J)J",
                e.getMessage());
        assertTrue(Fixtures.kernel("clamp(J)J").overloaded());
        assertFalse(Fixtures.kernel("mix").overloaded());
    }

    @Test
    void namesTheMethodsThatExistWhenTheDescriptorIsWrong() {
        GeneratorException e = assertThrows(GeneratorException.class, () -> Fixtures.kernel("clamp(D)D"));
        assertTrue(e.getMessage().startsWith("no method " + K + "#clamp(D)D in "), e.getMessage());
        assertTrue(e.getMessage().endsWith("its methods named clamp are: " + K + "#clamp(I)I, " + K + "#clamp(J)J"), e.getMessage());
    }

    @Test
    void refusesMalformedSelectorsAndUnknownClasses() {
        assertEquals("'Kernels' has no '#' between the class and the method name; " + dev.oxidizer.vocabulary.MethodKey.ACCEPTED,
                assertThrows(GeneratorException.class, () -> new ClassFileMethodReader(new ClassPathReader(Fixtures.classes().toString()))
                        .read("Kernels")).getMessage());
        GeneratorException truncated = assertThrows(GeneratorException.class,
                () -> new ClassFileMethodReader(new ClassPathReader(Fixtures.classes().toString())).read("pkg.C#m("));
        assertEquals(GeneratorException.Kind.BAD_INPUT, truncated.kind());
        assertTrue(truncated.getMessage().startsWith("'(' in 'pkg.C#m(' is not a JVM method descriptor"), truncated.getMessage());
        GeneratorException unknown = assertThrows(GeneratorException.class,
                () -> new ClassFileMethodReader(new ClassPathReader(Fixtures.classes().toString())).read("no.Such#m"));
        assertTrue(unknown.getMessage().startsWith("class no.Such not found on the class path"), unknown.getMessage());
        GeneratorException badCp = assertThrows(GeneratorException.class, () -> new ClassPathReader("/no/such/dir"));
        assertEquals("class path entry /no/such/dir does not exist; expected a folder of .class files or a jar", badCp.getMessage());
    }

    @Test
    void detectsWhichArraysAreWritten() throws Exception {
        assertTrue(Fixtures.kernel("scale").params().getFirst().mutated());
        assertTrue(Fixtures.kernel("negate").params().getFirst().mutated());
        assertFalse(Fixtures.kernel("sumInts").params().getFirst().mutated());
        assertTrue(Fixtures.kernel("bump").params().getFirst().mutated());
        for (String readOnly : List.of("cumsum", "reverse", "invert", "twice")) {
            assertFalse(Fixtures.kernel(readOnly).params().getFirst().mutated(), readOnly + " only reads its array");
        }
        assertEquals(List.of(true, true, false, true, false),
                Fixtures.kernel("aliases").params().stream().map(MethodSpec.Param::mutated).toList(),
                "written through an alias, sorted in place, arraycopy source, arraycopy target, only read");
        assertEquals(List.of(false, true), Fixtures.kernel("helpers").params().stream().map(MethodSpec.Param::mutated).toList(),
                "cloned and read by a static helper; written by a private helper");
    }

    @Test
    void findsTheFieldsAnInstanceMethodReadsAndWhatStopsAReceiverFromBeingReplaced() throws Exception {
        MethodSpec score = Fixtures.kernel("score");
        assertEquals(List.of("weight"), score.receiverFields().stream().map(MethodSpec.Param::name).toList());
        assertEquals(List.of(), score.receiverProblems());
        assertTrue(score.hasNoArgConstructor());
        assertEquals(List.of("it writes the field counter of its receiver"), Fixtures.kernel("next").receiverProblems());
    }

    @Test
    void rendersGenericSignaturesForMessages() throws Exception {
        assertEquals("java.util.List<java.lang.String>", Fixtures.kernel("names").params().getFirst().type().readable());
        assertEquals(List.of("java.util.Map<java.lang.String, ? extends java.lang.Number>", "int[]"),
                GenericSignatures.parameterTypes("<T:Ljava/lang/Object;>(Ljava/util/Map<Ljava/lang/String;+Ljava/lang/Number;>;[I)V", 2));
    }
}

package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Prim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternSpecTest {
    @Test
    void recordLayoutMatchesReprC() {
        RecordLayout l = RecordLayout.parse("byte a, long b, short c, char d, int e, boolean f");
        assertEquals(List.of(0L, 8L, 16L, 18L, 20L, 24L),
                List.of(l.offset(0), l.offset(1), l.offset(2), l.offset(3), l.offset(4), l.offset(5)));
        assertEquals(32, l.size());
        assertEquals(8, l.alignment());
        assertEquals(2, RecordLayout.parse("byte a, byte b").size());
        assertEquals(8, RecordLayout.parse("int a, byte b").size());
    }

    @Test
    void fingerprintChangesWithNamesTypesAndOrder() {
        long base = RecordLayout.parse("long id, int qty").fingerprint();
        assertEquals(base, RecordLayout.parse("long id,int qty").fingerprint());
        assertNotEquals(base, RecordLayout.parse("long id, int quantity").fingerprint());
        assertNotEquals(base, RecordLayout.parse("long id, long qty").fingerprint());
        assertNotEquals(base, RecordLayout.parse("int qty, long id").fingerprint());
    }

    @Test
    void refusesBadRecordsWithTheAcceptedForm() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordLayout.parse("")).getMessage().contains("at least one field"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordLayout.parse("String name")).getMessage()
                .contains("accepted: boolean, byte, short, char, int, long, float, double"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordLayout.parse("long id, int id")).getMessage()
                .contains("duplicate field name 'id'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecordLayout.parse("long")).getMessage()
                .contains("'type name'"));
        assertThrows(IllegalArgumentException.class, () -> RecordLayout.parse("int class"));
    }

    @Test
    void refusesBadNames() {
        RecordLayout item = RecordLayout.parse("long id");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QueueSpec("com.1x", "Q", "q", item, true))
                .getMessage().contains("java package segment"));
        assertThrows(IllegalArgumentException.class, () -> new QueueSpec("com.x", "class", "q", item, true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new QueueSpec("com.x", "Q", "My-Crate", item, true))
                .getMessage().contains("crate name 'My-Crate'"));
        assertThrows(IllegalArgumentException.class, () -> new QueueSpec("com.x", "Q", "fn", item, true));
        assertThrows(IllegalArgumentException.class, () -> new EmbedJvmSpec("h", "com.example.", "main", false));
        assertThrows(IllegalArgumentException.class, () -> new EmbedJvmSpec("h", "com.example.App", "ma in", false));
        assertEquals("([Ljava/lang/String;)I", new EmbedJvmSpec("h", "com.example.Outer$Inner", "run", true).descriptor());
    }

    @Test
    void sidecarRefusesBooleanArraysNamingTheAlternatives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SidecarSpec("com.x", "S", "s", Prim.BOOLEAN, Prim.LONG));
        assertTrue(e.getMessage().contains("accepted: byte[], short[], char[], int[], long[], float[], double[]"), e.getMessage());
    }

    @Test
    void kindMustMatchTheSpec() {
        SidecarSpec s = new SidecarSpec("com.x", "S", "s", Prim.DOUBLE, Prim.LONG);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PatternGenerator().generate(PatternKind.QUEUE, s, Path.of("unused"), false));
        assertTrue(e.getMessage().contains("pattern 'queue' needs a queue spec, got a sidecar spec"), e.getMessage());
    }

    @Test
    void parsesPatternNames() {
        assertEquals(PatternKind.SIDECAR, PatternKind.parse("Sidecar"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PatternKind.parse("native")).getMessage()
                .contains("accepted: queue, sidecar, embed-jvm"));
    }

    @Test
    void hostIsADeprecatedAliasOfEmbedJvmThatNamesTheNewWord() {
        assertEquals(PatternKind.EMBED_JVM, PatternKind.parse("embed-jvm"));
        assertEquals(PatternKind.EMBED_JVM, PatternKind.parse("host"));
        assertEquals("embed-jvm", PatternKind.parse("host").id());
        String line = PatternKind.deprecation("host").orElseThrow();
        assertTrue(line.contains("'embed-jvm'") && line.contains("deprecated") && !line.contains("\n"), line);
        assertTrue(PatternKind.deprecation("embed-jvm").isEmpty());
        assertTrue(PatternKind.deprecation("queue").isEmpty());
    }

    @Test
    void rustKeywordsGetTheOneEscapeEveryGeneratorUses() {
        String item = new QueueEmitter(new QueueSpec("com.x", "Q", "q", RecordLayout.parse("int type, long match, short self"), true)).emitItem();
        assertTrue(item.contains("pub type_: i32,"), item);
        assertTrue(item.contains("pub match_: i64,"), item);
        assertTrue(item.contains("pub self_: i16,"), item);
    }

    @Test
    void outputIsDeterministicAndFullyFilled() {
        PatternGenerator gen = new PatternGenerator();
        List<PatternSpec> specs = List.of(
                new QueueSpec("com.x", "Q", "q", RecordLayout.parse("long id, float f, char c"), false),
                new SidecarSpec("com.x", "S", "s", Prim.CHAR, Prim.BOOLEAN),
                new EmbedJvmSpec("h", "com.x.App", "main", false));
        for (PatternSpec spec : specs) {
            List<GeneratedFile> a = gen.files(spec);
            assertEquals(a, gen.files(spec));
            for (GeneratedFile f : a) {
                assertFalse(f.content().contains("@@"), f.path());
            }
        }
    }
}

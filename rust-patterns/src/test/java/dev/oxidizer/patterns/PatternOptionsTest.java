package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Prim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PatternOptionsTest {
    @Test
    void buildsEachSpecWithDefaults() {
        QueueSpec q = (QueueSpec) PatternOptions.toSpec(PatternKind.QUEUE,
                Map.of("package", "com.acme", "class", "OrderQueue", "item", "long id, int qty"));
        assertEquals("order_queue", q.crateName());
        assertTrue(q.multiProducer());
        SidecarSpec s = (SidecarSpec) PatternOptions.toSpec(PatternKind.SIDECAR,
                Map.of("package", "com.acme", "class", "Scorer", "input", "float[]", "result", "double", "crate", "fast_score"));
        assertEquals(Prim.FLOAT, s.input());
        assertEquals("fast_score", s.crateName());
        EmbedJvmSpec h = (EmbedJvmSpec) PatternOptions.toSpec(PatternKind.EMBED_JVM, Map.of("main-class", "com.acme.BillingApp"));
        assertEquals("billing_app_host", h.crateName());
        assertEquals("main", h.entryMethod());
        assertEquals(false, h.returnsInt());
    }

    @Test
    void namesTheBadOptionAndWhatIsAccepted() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> PatternOptions.toSpec(
                PatternKind.EMBED_JVM, Map.of("main-class", "a.B", "item", "long x")));
        assertTrue(unknown.getMessage().contains("[item] do not apply to pattern 'embed-jvm'; accepted: [crate, entry, main-class, returns]"),
                unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PatternOptions.toSpec(
                PatternKind.QUEUE, Map.of("package", "a", "class", "B")));
        assertTrue(missing.getMessage().contains("needs option 'item'"), missing.getMessage());
        IllegalArgumentException notArray = assertThrows(IllegalArgumentException.class, () -> PatternOptions.toSpec(
                PatternKind.SIDECAR, Map.of("package", "a", "class", "B", "input", "double", "result", "long")));
        assertTrue(notArray.getMessage().contains("neither a primitive array nor a record"), notArray.getMessage());
        SidecarSpec rec = (SidecarSpec) PatternOptions.toSpec(PatternKind.SIDECAR,
                Map.of("package", "a", "class", "B", "input", "long id, double spot", "result", "double"));
        assertEquals("long id, double spot", rec.record().toString());
        assertThrows(IllegalArgumentException.class, () -> PatternOptions.toSpec(PatternKind.QUEUE,
                Map.of("package", "a", "class", "B", "item", "long x", "producers", "many")));
        assertThrows(IllegalArgumentException.class, () -> PatternOptions.toSpec(PatternKind.EMBED_JVM,
                Map.of("main-class", "a.B", "returns", "long")));
    }
}

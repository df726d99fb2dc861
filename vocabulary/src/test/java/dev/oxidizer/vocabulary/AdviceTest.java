package dev.oxidizer.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdviceTest {
    @Test
    void eachWordHasOneMeaning() {
        Set<String> words = new HashSet<>();
        for (Advice a : Advice.values()) {
            assertTrue(words.add(a.word), "word used twice: " + a.word);
            assertEquals(a, Advice.of(a.word));
        }
        assertEquals("keep", Advice.KEEP.word);
        assertEquals("embed-jvm", Advice.EMBED_JVM.word);
    }

    @Test
    void hostIsNoLongerAnAdviceWord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Advice.of("host"));
        assertEquals("'host' is not an advice word; accepted: native, sidecar, queue, keep, embed-jvm", e.getMessage());
    }
}

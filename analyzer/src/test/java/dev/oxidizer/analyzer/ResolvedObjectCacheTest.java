package dev.oxidizer.analyzer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity lookups with two bounded generations: entries in use survive, memory stays within two generations. */
class ResolvedObjectCacheTest {

    @Test
    void looksUpByIdentityNotEquality() {
        ResolvedObjectCache<String, Integer> c = new ResolvedObjectCache<>(10);
        String a = new String("frame");
        c.put(a, 1);
        assertEquals(1, c.get(a));
        assertNull(c.get(new String("frame")));
    }

    @Test
    void entriesStillInUseSurviveGenerationsAndOthersAreDropped() {
        ResolvedObjectCache<Object, Integer> c = new ResolvedObjectCache<>(4);
        Object hot = new Object();
        c.put(hot, 0);
        Object first = new Object();
        c.put(first, 1);
        for (int i = 0; i < 40; i++) {
            c.put(new Object(), i);
            assertEquals(0, c.get(hot), "an entry looked up every generation stays");
            assertTrue(c.size() <= 8, "at most two generations are held, was " + c.size());
        }
        assertNull(c.get(first), "an entry not looked up for two generations is dropped");
    }

    @Test
    void rejectsAnEmptyGeneration() {
        assertThrows(IllegalArgumentException.class, () -> new ResolvedObjectCache<>(0));
    }
}

package dev.oxidizer.analyzer;

import java.util.IdentityHashMap;

/**
 * Maps objects that {@code jdk.jfr} resolved from a recording's constant pools (threads, classes, methods, stack
 * traces) to what the analyzer derived from them, by identity, so that the derivation runs once per object instead
 * of once per event.
 *
 * <p>{@code jdk.jfr} resolves a constant-pool entry once per chunk and hands the same object to every event of the
 * chunk that refers to it; when the next chunk's pool holds the same id (ids are unique within a recording) it
 * carries the object over instead of parsing the entry again. A hit returns the value derived from that very object,
 * so the cache changes no result, only how often the work is done.
 *
 * <p>Memory is bounded in entries: two generations of at most {@code generationSize} each. When the current generation
 * is full it becomes the previous one and the older one is dropped; an entry found in the previous generation moves
 * back to the current one. Objects still in use therefore stay, and at most {@code 2 * generationSize} are held. Not
 * thread-safe.
 */
final class ResolvedObjectCache<K, V> {
    private final int generationSize;
    private IdentityHashMap<K, V> current = new IdentityHashMap<>();
    private IdentityHashMap<K, V> previous = new IdentityHashMap<>();

    /** @param generationSize entries per generation, at least 1 */
    ResolvedObjectCache(int generationSize) {
        if (generationSize < 1) {
            throw new IllegalArgumentException("generationSize must be at least 1, was " + generationSize);
        }
        this.generationSize = generationSize;
    }

    /** The value cached for {@code key}, or null. */
    V get(K key) {
        V v = current.get(key);
        if (v == null && !previous.isEmpty()) {
            v = previous.remove(key);
            if (v != null) {
                put(key, v);
            }
        }
        return v;
    }

    void put(K key, V value) {
        if (current.size() >= generationSize) {
            IdentityHashMap<K, V> older = previous;
            previous = current;
            current = new IdentityHashMap<>();
            older.clear();
        }
        current.put(key, value);
    }

    /** Entries held (both generations). */
    int size() {
        return current.size() + previous.size();
    }
}

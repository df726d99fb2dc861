package dev.oxidizer.stubgen;

/**
 * How the generated wrapper passes arguments.
 *
 * <p>{@link #CRITICAL}: the downcall is linked with {@code Linker.Option.critical(true)} when it takes arrays or
 * strings (heap segments, zero copy) and {@code critical(false)} otherwise. A critical call holds off the GC and
 * safepoints for its whole duration, so it is only for short calls.
 * <p>{@link #ARENA}: an ordinary downcall; arrays and strings are copied into a confined arena per call and mutated
 * arrays copied back. Costs 0.1-0.3 ns per element plus the arena, but never stalls the GC.
 */
public enum MemoryMode {
    CRITICAL,
    ARENA;

    /** Lower-case option spelling. */
    public String option() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

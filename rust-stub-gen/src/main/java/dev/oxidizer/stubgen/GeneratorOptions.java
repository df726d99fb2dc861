package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Names;

/**
 * Choices for one generation.
 *
 * @param memory          forced memory strategy, or null to choose from the measured latency
 * @param criticalMaxNs   a measured p99 at or below this uses {@link MemoryMode#CRITICAL} when {@code memory} is null
 * @param crateName       Cargo package and library name, or null for {@code <class>_<method>} in snake case
 * @param javaClass       simple name of the generated Java class, or null for {@code <Class><Method>Rust}
 * @param maxUlps         floating-point tolerance of the differential test, in units in the last place
 * @param crateDirForJava no longer used: the wrapper holds no absolute path (it finds the library as a class path
 *                        resource, or through -Doxidizer.&lt;crate&gt;.crate); kept so existing callers compile
 */
public record GeneratorOptions(MemoryMode memory, long criticalMaxNs, String crateName, String javaClass, int maxUlps,
                               String crateDirForJava) {
    /** Default threshold for critical calls: 100 µs at p99. */
    public static final long DEFAULT_CRITICAL_MAX_NS = 100_000;
    /** Default tolerance: 4 ulps. */
    public static final int DEFAULT_MAX_ULPS = 4;

    public GeneratorOptions {
        if (criticalMaxNs <= 0) {
            throw new IllegalArgumentException("criticalMaxNs must be > 0, was " + criticalMaxNs);
        }
        if (maxUlps < 0) {
            throw new IllegalArgumentException("maxUlps must be >= 0, was " + maxUlps);
        }
        if (crateName != null && !crateName.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("crate name '" + crateName
                    + "' is not accepted; expected lower-case letters, digits and '_', starting with a letter, at most 64");
        }
        if (javaClass != null && !(Names.isJavaIdentifier(javaClass) && Character.isUpperCase(javaClass.charAt(0)))) {
            throw new IllegalArgumentException("Java class name '" + javaClass + "' is not accepted; expected a Java identifier starting with an upper-case letter");
        }
    }

    /** Defaults: memory from latency, 100 µs threshold, derived names, 4 ulps, no crate folder. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(null, DEFAULT_CRITICAL_MAX_NS, null, null, DEFAULT_MAX_ULPS, null);
    }

    public GeneratorOptions withMemory(MemoryMode m) {
        return new GeneratorOptions(m, criticalMaxNs, crateName, javaClass, maxUlps, crateDirForJava);
    }

    public GeneratorOptions withCrateName(String n) {
        return new GeneratorOptions(memory, criticalMaxNs, n, javaClass, maxUlps, crateDirForJava);
    }

    public GeneratorOptions withCrateDirForJava(String d) {
        return new GeneratorOptions(memory, criticalMaxNs, crateName, javaClass, maxUlps, d);
    }
}

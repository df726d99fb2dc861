package dev.oxidizer.stubgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Java may pass one array for two parameters; Rust may not alias a written slice. The wrapper refuses the
 * alias before any native call (the generated Java is compiled and run by GeneratedJavaCompilesIT and
 * GeneratedCrateIT).
 */
class WrapperAliasGuardTest {

    static String wrapper(String selector, MemoryMode mode) throws GeneratorException {
        GeneratedFiles g = StubGenerator.generate(Fixtures.kernel(selector), GeneratorOptions.defaults().withMemory(mode));
        return g.files().get(g.wrapperPath());
    }

    @Test
    void refusesTheSameArrayForAReadAndAWrittenParameterInBothModes() throws Exception {
        for (MemoryMode mode : MemoryMode.values()) {
            String w = wrapper("helpers", mode);
            int guard = w.indexOf("if (a == b) {");
            assertTrue(guard > 0, mode + ": no alias guard for helpers(double[] a, double[] b) where b is written:\n" + w);
            assertTrue(w.indexOf("throw new IllegalArgumentException(\"a and b are the same array", guard) > guard, w);
            assertTrue(guard < w.indexOf("oxResult", guard), "the guard must run before the downcall");
        }
    }

    @Test
    void guardsOnlyPairsOfOneElementTypeWithAWrittenSide() throws Exception {
        String w = wrapper("aliases", MemoryMode.CRITICAL);
        assertTrue(w.contains("if (source == target) {"), w);
        assertFalse(w.contains("viaAlias == "), "arrays of different element types cannot be the same array");
        assertFalse(wrapper("cumsum", MemoryMode.CRITICAL).contains("IllegalArgumentException(\""), "one array, nothing to alias");
    }
}

package dev.oxidizer.vocabulary;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodKeyTest {
    @Test
    void parsesKeysAndSelectors() {
        MethodKey k = MethodKey.parse("pkg.Outer$Inner#twice([DI)D");
        assertEquals("pkg.Outer$Inner", k.className());
        assertEquals(List.of("Outer", "Inner"), k.nestedClassNames());
        assertEquals("([DI)D", k.descriptor());
        assertNull(MethodKey.parse("pkg.C#m").descriptor());
        assertEquals(List.of("[D", "I", "D"), MethodKey.types("([DI)D"));
    }

    @Test
    void aTruncatedDescriptorIsOneClearSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MethodKey.parse("pkg.C#m("));
        assertTrue(e.getMessage().contains("'(' in 'pkg.C#m(' is not a JVM method descriptor"), e.getMessage());
        assertTrue(e.getMessage().contains("accepted: pkg.Class#name(descriptor)"), e.getMessage());
        for (String bad : List.of("pkg.C", "#m", "pkg.C#", "pkg.C#m(V)V", "pkg.C#m(I)", "pkg.C#m(Q)V", "pkg.C#m(L;)V", "pkg.C#m()II")) {
            assertThrows(IllegalArgumentException.class, () -> MethodKey.parse(bad), bad);
        }
    }
}

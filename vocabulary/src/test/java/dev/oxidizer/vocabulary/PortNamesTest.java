package dev.oxidizer.vocabulary;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortNamesTest {
    @Test
    void nestedClassesOfDifferentOutersGetDifferentNames() {
        MethodKey a = MethodKey.parse("p.A$Inner#twice(I)I");
        MethodKey b = MethodKey.parse("p.B$Inner#twice(I)I");
        assertEquals("a_inner_twice", PortNames.crate(a, false));
        assertEquals("b_inner_twice", PortNames.crate(b, false));
        assertEquals("AInnerTwiceRust", PortNames.javaClass(a, false));
        assertEquals("BInnerTwiceRust", PortNames.javaClass(b, false));
        assertNotEquals(PortNames.symbol(a), PortNames.symbol(b));
    }

    @Test
    void topLevelNamesAreUnchanged() {
        MethodKey k = MethodKey.parse("acme.math.Stats#mean([D)D");
        assertEquals("stats_mean", PortNames.crate(k, false));
        assertEquals("StatsMeanRust", PortNames.javaClass(k, false));
        assertEquals("ox_mean_" + Names.shortHash(k.toString()), PortNames.symbol(k));
        assertEquals("stats_mean_double_array", PortNames.crate(k, true));
    }

    @Test
    void longOverloadsKeepTheirIdentityWithinTheBound() {
        String name = "m" + "x".repeat(172);
        MethodKey one = MethodKey.parse("p.C#" + name + "(I)I");
        MethodKey two = MethodKey.parse("p.C#" + name + "(J)J");
        String c1 = PortNames.crate(one, true);
        String c2 = PortNames.crate(two, true);
        assertNotEquals(c1, c2);
        assertTrue(c1.length() <= PortNames.MAX_CRATE && Names.isCrateName(c1), c1);
        String j1 = PortNames.javaClass(one, true);
        String j2 = PortNames.javaClass(two, true);
        assertNotEquals(j1, j2);
        assertTrue(j1.getBytes(StandardCharsets.UTF_8).length <= PortNames.MAX_CLASS_BYTES, j1);
        assertTrue(Names.isJavaIdentifier(j1), j1);
        assertNotEquals(PortNames.symbol(one), PortNames.symbol(two));
        assertTrue(PortNames.symbol(one).length() <= 3 + PortNames.MAX_SYMBOL_METHOD + 9, PortNames.symbol(one));
        // stable: the same key gives the same names
        assertEquals(c1, PortNames.crate(MethodKey.parse(one.toString()), true));
    }

    @Test
    void unicodeIsKeptWhereRustAndJavaAcceptItAndFoldedWhereAsciiIsRequired() {
        MethodKey k = MethodKey.parse("p.Texte#résumé(I)I");
        assertEquals("résumé", PortNames.rustFunction(k));
        assertEquals("TexteRésuméRust", PortNames.javaClass(k, false));
        assertEquals("texte_resume_" + Names.shortHash(k.toString()), PortNames.crate(k, false));
        assertNotEquals(PortNames.crate(k, false), PortNames.crate(MethodKey.parse("p.Texte#resume(I)I"), false));
        assertTrue(PortNames.symbol(k).startsWith("ox_resume_"), PortNames.symbol(k));
    }

    @Test
    void namesWithoutAnyAsciiLetterStillGetAUsableCrate() {
        MethodKey k = MethodKey.parse("p.数学#计算(I)I");
        String crate = PortNames.crate(k, false);
        assertTrue(Names.isCrateName(crate), crate);
        assertNotEquals(crate, PortNames.crate(MethodKey.parse("p.数学#求和(I)I"), false));
        assertEquals("计算", PortNames.rustFunction(k));
    }
}

package dev.oxidizer.autoport;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tables answer exactly what {@code java.lang.Character} answers, for every code point and the ints around them,
 * through the same lookup {@code jrt.rs} does ({@link CharTables#lookup}); the generated crates' differential tests
 * check the Rust side (AutoPortCorpusIT: characterClasses over every code point).
 */
class CharTablesTest {
    private static final int[] EXTRA = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -65536, -2, -1, 0x110000, 0x110001,
            0x7FFF_FFFF, 0x1_0000_00, 0xFFFF_FFFE};

    @Test
    void everyTableAgreesWithCharacterOnEveryCodePointAndBeyond() {
        for (CharTables.Table t : CharTables.Table.values()) {
            CharTables.Data d = CharTables.data(t);
            for (int c = -300; c <= CharTables.LAST + 300; c++) {
                check(t, d, c);
            }
            for (int c : EXTRA) {
                check(t, d, c);
            }
        }
    }

    private static void check(CharTables.Table t, CharTables.Data d, int c) {
        int expected = t.java.applyAsInt(c);
        int actual = CharTables.lookup(d, c);
        if (expected != actual) {
            fail(t + " of " + c + " (0x" + Integer.toHexString(c) + "): Character says " + expected + ", the table " + actual);
        }
    }

    @Test
    void digitOfAnyRadixIsTheRadix36ValueWhenBelowTheRadix() {
        // jrt::char_digit's rule, checked against Character.digit(int, int) for every code point and radix -1..40.
        CharTables.Data d = CharTables.data(CharTables.Table.DIGIT_VALUE);
        for (int c = -2; c <= CharTables.LAST + 1; c++) {
            int v = CharTables.lookup(d, c);
            for (int radix = -1; radix <= 40; radix++) {
                int model = radix < Character.MIN_RADIX || radix > Character.MAX_RADIX ? -1 : v >= 0 && v < radix ? v : -1;
                if (model != Character.digit(c, radix)) {
                    fail("digit(" + c + ", " + radix + "): Character says " + Character.digit(c, radix) + ", the model " + model);
                }
            }
        }
    }

    @Test
    void theCharFormsAreTheLow16BitsOfTheIntForms() {
        // jrt's char forms are (char) of the int forms: check that Character's char methods are exactly that.
        for (int i = 0; i <= 0xFFFF; i++) {
            char c = (char) i;
            assertEquals(Character.toUpperCase(c), (char) Character.toUpperCase((int) c), "toUpperCase " + i);
            assertEquals(Character.toLowerCase(c), (char) Character.toLowerCase((int) c), "toLowerCase " + i);
            assertEquals(Character.toTitleCase(c), (char) Character.toTitleCase((int) c), "toTitleCase " + i);
            assertEquals(Character.isLetter(c), Character.isLetter((int) c), "isLetter " + i);
            assertEquals(Character.digit(c, 16), Character.digit((int) c, 16), "digit " + i);
        }
    }

    @Test
    void theRustModuleHoldsOnlyTheTablesUsedAndIsCompact() {
        String rust = CharTables.rust(EnumSet.of(CharTables.Table.LETTER, CharTables.Table.TO_UPPER));
        assertTrue(rust.contains("pub static LETTER: crate::jrt::CharSet"), rust);
        assertTrue(rust.contains("pub static TO_UPPER: crate::jrt::CharCase"), rust);
        assertTrue(!rust.contains("DIGIT_VALUE"), rust);
        assertTrue(rust.contains("Java " + Runtime.version().feature()), rust);
        // Runs, not one entry per code point: the whole set of tables stays small enough to compile in a moment.
        int runs = CharTables.sizes().values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(runs < 12_000, "runs: " + CharTables.sizes());
        String all = CharTables.rust(EnumSet.allOf(CharTables.Table.class));
        assertTrue(all.length() < 600_000, "jchar.rs with every table: " + all.length() + " chars; runs " + CharTables.sizes());
    }

    @Test
    void aStringsUpperCaseIsThatOfItsCodePointsOneByOne() {
        java.util.Map<Integer, String> special = CharTables.upperSpecials();
        assertEquals("SS", special.get(0xDF));
        assertTrue(special.size() > 90 && special.size() < 150, "specials: " + special.size());
        java.util.Random r = new java.util.Random(7);
        int[] pool = special.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int n = 0; n < 100_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(8); k > 0; k--) {
                s.appendCodePoint(switch (r.nextInt(4)) {
                    case 0 -> pool[r.nextInt(pool.length)];
                    case 1 -> r.nextInt(0x110000); // lone surrogates too
                    default -> r.nextInt(0x600);
                });
            }
            assertEquals(s.toString().toUpperCase(java.util.Locale.ROOT), rebuilt(s.toString(), special),
                    "upper case of " + s.codePoints().mapToObj(Integer::toHexString).toList());
        }
        String rust = CharTables.rust(EnumSet.of(CharTables.Table.TO_UPPER), true);
        assertTrue(rust.contains("pub static UPPER_SPECIAL: &[(u32, &[u16])] = &[") && rust.contains("(0xdf, &[0x53, 0x53]),"), rust);
    }

    /** The per-code-point upper case of {@code s} as the Rust side computes it (pairs read as code points). */
    private static String rebuilt(String s, java.util.Map<Integer, String> special) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String sp = special.get(cp);
            if (sp != null) {
                b.append(sp);
            } else {
                b.appendCodePoint(CharTables.lookup(CharTables.data(CharTables.Table.TO_UPPER), cp));
            }
        });
        return b.toString();
    }
}

package dev.oxidizer.vocabulary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {
    @Test
    void acronymsBecomeOneWord() {
        assertEquals("parse_http_header", Names.snake("parseHTTPHeader"));
        assertEquals("to_utf8", Names.snake("toUTF8"));
        assertEquals("fast_scoring", Names.snake("FastScoring"));
        assertEquals("mean", Names.snake("mean"));
        assertEquals("lambda_main_0", Names.snake("lambda$main$0"));
        assertEquals("n2d_sum", Names.snake("2dSum"));
        assertEquals("x", Names.snake("$"));
    }

    @Test
    void unicodeLettersAreKept() {
        assertEquals("résumé", Names.snake("résumé"));
        assertEquals("années", Names.rustIdentifier("années"));
        assertEquals("größe_berechnen", Names.snake("größeBerechnen"));
        assertEquals("resume", Names.ascii("résumé"));
    }

    @Test
    void everyKeywordIsEscapedOneWay() {
        assertEquals("match_", Names.rustIdentifier("match"));
        assertEquals("self_", Names.rustIdentifier("self"));
        assertEquals("type_", Names.rustIdentifier("type"));
        assertEquals("value", Names.rustIdentifier("value"));
    }

    @Test
    void crateNamesAreChecked() {
        assertTrue(Names.isCrateName("stats_mean"));
        assertFalse(Names.isCrateName("std"));
        assertFalse(Names.isCrateName("Stats"));
        assertFalse(Names.isCrateName("a".repeat(65)));
    }
}

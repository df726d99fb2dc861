package dev.oxidizer.demo.kernels;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryTokenizerTest {

    private static List<String> tokens(String q) {
        int[] offsets = new int[2 * q.length() + 2];
        int n = QueryTokenizer.tokenize(q, offsets);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(q.substring(offsets[2 * i], offsets[2 * i + 1]));
        }
        return out;
    }

    @Test
    void emptyAndBlankQueriesHaveNoTokens() {
        assertEquals(0, QueryTokenizer.tokenize("", new int[4]));
        assertEquals(0, QueryTokenizer.tokenize(" \t\r\n\f\u000B", new int[4]));
    }

    @Test
    void splitsWordsNumbersAndPunctuation() {
        assertEquals(List.of("select", "ts.created", ",", "order_id", "from", "orders", "where", "id", "in", "(", "1", ",", "22", ")"),
                tokens("select ts.created,order_id\nfrom orders where id in (1,22)"));
    }

    @Test
    void twoCharacterOperatorsAreOneToken() {
        assertEquals(List.of("a", "<=", "b", ">=", "c", "<>", "d", "!=", "e", "||", "f", "<", "=", ">", "!", "|"),
                tokens("a<=b >= c<>d!=e||f < = > ! |"));
    }

    @Test
    void stringLiteralsKeepQuotesAndDoubledQuotes() {
        assertEquals(List.of("name", "=", "'O''Brien'", "and", "x"), tokens("name='O''Brien' and x"));
        assertEquals(List.of("''"), tokens("''"));
    }

    @Test
    void unterminatedLiteralRunsToTheEnd() {
        assertEquals(List.of("x", "=", "'abc def"), tokens("x = 'abc def"));
    }

    @Test
    void nonAsciiCodeUnitsAreWordCharactersIncludingNonAsciiSpaceAndSurrogates() {
        // U+00A0 (no-break space) is not ASCII whitespace, so it joins the word; 😀 is two UTF-16 units.
        assertEquals(List.of("Zürich\u00A0東京", "=", "café😀"), tokens("Zürich\u00A0東京 = café😀"));
        int[] offsets = new int[6];
        assertEquals(3, QueryTokenizer.tokenize("Zürich\u00A0東京 = café😀", offsets));
        assertArrayEquals(new int[] {0, 9, 10, 11, 12, 18}, offsets);
    }

    @Test
    void countsTokensBeyondTheOffsetCapacity() {
        int[] offsets = new int[3];
        assertEquals(3, QueryTokenizer.tokenize("a b c", offsets));
        assertArrayEquals(new int[] {0, 1, 0}, offsets);
        assertEquals(3, QueryTokenizer.tokenize("a b c", new int[0]));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> QueryTokenizer.tokenize(null, new int[2]));
        assertThrows(NullPointerException.class, () -> QueryTokenizer.tokenize("a", null));
    }
}

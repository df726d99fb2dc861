package dev.oxidizer.demo.kernels;

/**
 * Splits a SQL-like search query into tokens. A true Rust candidate: pure CPU over a String, called for
 * every search request.
 *
 * <p>Token rules (character classes are decided on UTF-16 code units, ASCII only; every code unit
 * {@code >= 0x80}, including both halves of a surrogate pair and non-ASCII spaces such as U+00A0, is a
 * word character, so a port working on UTF-8 bytes finds the same tokens):
 * <ol>
 *   <li>ASCII whitespace (space, {@code \t}, {@code \n}, {@code \u000B}, {@code \f}, {@code \r})
 *       separates tokens and is never part of one;</li>
 *   <li>a run of word characters ({@code A-Z a-z 0-9 _ .} and any code unit {@code >= 0x80}) is one
 *       token;</li>
 *   <li>a single quote starts a string literal that ends at the next single quote not doubled
 *       ({@code ''} is an escaped quote); the token includes both quotes; an unterminated literal runs to
 *       the end of the input;</li>
 *   <li>the two-character operators {@code <= >= <> != ||} are one token each;</li>
 *   <li>any other ASCII character is a one-character token.</li>
 * </ol>
 *
 * <p>Thread-safe (no state).
 */
public final class QueryTokenizer {

    private QueryTokenizer() {
    }

    /**
     * Tokenizes {@code query}.
     *
     * @param query   the text; an empty string has no tokens
     * @param offsets receives, for token {@code k} while {@code 2k+1 < offsets.length}, its start index
     *                at {@code offsets[2k]} and its exclusive end index at {@code offsets[2k+1]} (UTF-16
     *                indices, as {@link String#substring(int, int)} takes); tokens beyond the capacity are
     *                counted but not recorded; may have length 0
     * @return the number of tokens in the whole query, recorded or not
     * @throws NullPointerException if an argument is null
     */
    public static int tokenize(String query, int[] offsets) {
        int n = query.length();
        int capacity = offsets.length / 2;
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = query.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isWordChar(c)) {
                i++;
                while (i < n && isWordChar(query.charAt(i))) {
                    i++;
                }
            } else if (c == '\'') {
                i++;
                while (i < n) {
                    if (query.charAt(i) == '\'') {
                        if (i + 1 < n && query.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
            } else if (i + 1 < n && isTwoCharOperator(c, query.charAt(i + 1))) {
                i += 2;
            } else {
                i++;
            }
            if (count < capacity) {
                offsets[2 * count] = start;
                offsets[2 * count + 1] = i;
            }
            count++;
        }
        return count;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c >= 0x80;
    }

    private static boolean isTwoCharOperator(char a, char b) {
        return (a == '<' && (b == '=' || b == '>'))
                || (a == '>' && b == '=')
                || (a == '!' && b == '=')
                || (a == '|' && b == '|');
    }
}

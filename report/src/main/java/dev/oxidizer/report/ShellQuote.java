package dev.oxidizer.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Quotes words for a POSIX shell (sh, bash, zsh), so a command shown in the report can be pasted as is:
 * the shell hands each word to the program byte for byte, whatever the method name contains.
 *
 * <p>Words made only of characters no shell treats specially are left bare for readability; every other
 * word is wrapped in single quotes, where nothing is special except the single quote itself, which is
 * written as {@code '\''} (close, escaped quote, reopen).
 */
final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {}

    /** One word, quoted when needed; the empty word becomes {@code ''}. */
    static String word(String s) {
        if (!s.isEmpty() && SAFE.matcher(s).matches()) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Words joined by single spaces, each quoted when needed. */
    static String command(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(word(w));
        }
        return b.toString();
    }
}

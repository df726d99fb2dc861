package dev.oxidizer.analyzer;

import java.util.regex.Pattern;

/** Glob patterns as users write them: {@code *} any characters, {@code ?} one character, the rest literal. */
final class Globs {
    private Globs() {}

    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!lit.isEmpty()) {
                    re.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (!lit.isEmpty()) {
            re.append(Pattern.quote(lit.toString()));
        }
        return Pattern.compile(re.toString());
    }
}

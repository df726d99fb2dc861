package dev.oxidizer.stubgen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/** Naming rules shared by the generator passes: Java and Rust identifiers, keywords, stable symbol hashes. */
public final class Names {
    private Names() {}

    /** Rust keywords, strict and reserved, in editions 2015 to 2024. */
    static final Set<String> RUST_KEYWORDS = Set.of(
            "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
            "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
            "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
            "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual",
            "yield", "try", "gen", "union");

    static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_");

    /** Whether {@code s} is a legal Java identifier (not a keyword). */
    public static boolean isJavaIdentifier(String s) {
        if (s.isEmpty() || JAVA_KEYWORDS.contains(s) || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    /**
     * {@code camelCase} to {@code snake_case}, ASCII letters, digits and underscores only; never empty, never
     * starting with a digit. Keywords are not handled here: see {@link #rustIdentifier}.
     */
    public static String snake(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                boolean prevLower = i > 0 && (Character.isLowerCase(s.charAt(i - 1)) || Character.isDigit(s.charAt(i - 1)));
                boolean nextLower = i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1))
                        && i > 0 && Character.isUpperCase(s.charAt(i - 1));
                if ((prevLower || nextLower) && !sb.isEmpty() && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        String r = sb.toString();
        if (r.isEmpty()) {
            return "x";
        }
        return Character.isDigit(r.charAt(0)) ? "n" + r : r;
    }

    /**
     * A Rust identifier for a Java name: snake case, with a trailing underscore when the result is a Rust keyword
     * ({@code match} becomes {@code match_}; raw identifiers cannot spell {@code self}, {@code super} or
     * {@code crate}, so one rule is used for all).
     */
    public static String rustIdentifier(String javaName) {
        String s = snake(javaName);
        return RUST_KEYWORDS.contains(s) ? s + "_" : s;
    }

    /** {@code word} with its first letter upper-cased. */
    public static String capitalize(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** First 8 hex digits of the SHA-256 of {@code s}: stable across runs and machines. */
    public static String shortHash(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    /** Hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

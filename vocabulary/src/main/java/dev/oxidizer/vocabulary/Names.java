package dev.oxidizer.vocabulary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a Java name is spelled in Rust and in generated Java: the one snake-casing, the one keyword escape, identifier
 * and crate-name checks, and stable hashes. Every generator and the analyzer spell names through this class, so the
 * report, the crate and the patterns agree ({@code parseHTTPHeader} is {@code parse_http_header} everywhere).
 *
 * <p>Unicode letters are kept: Rust (since 1.53) and Java both accept them in identifiers, so {@code années} stays
 * {@code années}. Only where ASCII is required (Cargo package names, {@code #[no_mangle]} symbols, see
 * {@link #ascii}) are accents removed.
 */
public final class Names {
    private Names() {}

    /** Rust keywords, strict and reserved, in editions 2015 to 2024. */
    public static final Set<String> RUST_KEYWORDS = Set.of(
            "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
            "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
            "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
            "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual",
            "yield", "try", "gen", "union", "_");

    /** Java reserved words, including the literals and the restricted identifiers a class cannot be named. */
    public static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_",
            "var", "yield", "record", "sealed", "permits");

    /** Crate names Cargo or rustc reserve. */
    private static final Set<String> RESERVED_CRATES = Set.of("std", "core", "alloc", "test", "proc_macro");
    private static final Pattern CRATE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Whether {@code s} is a legal Java identifier and not a reserved word. */
    public static boolean isJavaIdentifier(String s) {
        if (s == null || s.isEmpty() || JAVA_KEYWORDS.contains(s) || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    /**
     * {@code camelCase} to {@code snake_case}: an underscore before an upper-case letter that follows a lower-case letter
     * or digit, or that starts a word after an acronym ({@code parseHTTPHeader} → {@code parse_http_header},
     * {@code toUTF8} → {@code to_utf8}); letters (Unicode included) and digits kept, lower-cased; anything else becomes
     * one underscore. Never empty ({@code x}), never starting with a digit ({@code n} prefix) or an underscore. Keywords
     * are not handled here: see {@link #rustIdentifier}.
     */
    public static String snake(String s) {
        String in = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder();
        int[] cps = in.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                boolean prevLowerOrDigit = i > 0 && (Character.isLowerCase(cps[i - 1]) || Character.isDigit(cps[i - 1]));
                boolean endsAcronym = i > 0 && Character.isUpperCase(cps[i - 1])
                        && i + 1 < cps.length && Character.isLowerCase(cps[i + 1]);
                if ((prevLowerOrDigit || endsAcronym) && !sb.isEmpty() && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                sb.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
            } else if (Character.isLetterOrDigit(c) || (!sb.isEmpty() && isMark(c))) {
                sb.appendCodePoint(c);
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
        return Character.isDigit(r.codePointAt(0)) ? "n" + r : r;
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /**
     * A Rust identifier for a Java name: {@link #snake}, with a trailing underscore when the result is a Rust keyword
     * ({@code match} → {@code match_}). One escape for every keyword: raw identifiers cannot spell {@code self},
     * {@code super}, {@code crate} or {@code _}, and C headers cannot spell {@code r#} at all.
     */
    public static String rustIdentifier(String javaName) {
        return escapeRustKeyword(snake(javaName));
    }

    /** {@code name} itself, or with a trailing underscore when it is a Rust keyword. */
    public static String escapeRustKeyword(String name) {
        return RUST_KEYWORDS.contains(name) ? name + "_" : name;
    }

    /**
     * {@code s} in ASCII: accents removed ({@code résumé} → {@code resume}), any other non-ASCII character dropped.
     * For Cargo package names and exported symbols, which must be ASCII.
     */
    public static String ascii(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < 128) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code word} with its first letter upper-cased. */
    public static String capitalize(String word) {
        if (word.isEmpty()) {
            return word;
        }
        int first = word.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + word.substring(Character.charCount(first));
    }

    /** Whether {@code crate} is a usable Cargo package and library name. */
    public static boolean isCrateName(String crate) {
        return crate != null && CRATE.matcher(crate).matches() && !RUST_KEYWORDS.contains(crate) && !RESERVED_CRATES.contains(crate);
    }

    /**
     * Checks a crate name.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public static String requireCrateName(String crate) {
        if (!isCrateName(crate)) {
            throw new IllegalArgumentException("crate name '" + crate + "' is not accepted; accepted: lower-case letters, "
                    + "digits and '_', starting with a letter, at most 64, not a Rust keyword or std crate");
        }
        return crate;
    }

    /**
     * Checks a name a user gives for a generated Java class, field or package segment: a Java identifier, not a
     * reserved word, without {@code $} (which javac reserves for nested and synthetic names).
     *
     * @throws IllegalArgumentException naming {@code what} and what is accepted
     */
    public static String requireJavaIdentifier(String what, String name) {
        if (!isJavaIdentifier(name) || name.contains("$")) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a usable Java identifier; accepted: letters,"
                    + " digits and '_', not starting with a digit, not a keyword");
        }
        return name;
    }

    /**
     * Checks a Java package name ({@code com.example.fast}).
     *
     * @throws IllegalArgumentException naming the bad segment and what is accepted
     */
    public static String requireJavaPackage(String pkg) {
        if (pkg == null || pkg.isEmpty()) {
            throw new IllegalArgumentException("java package must not be empty; accepted: e.g. 'com.example.fast'");
        }
        for (String part : pkg.split("\\.", -1)) {
            requireJavaIdentifier("java package segment of '" + pkg + "':", part);
        }
        return pkg;
    }

    /**
     * Checks a binary class name ({@code com.example.Main}, {@code com.example.Outer$Inner}).
     *
     * @throws IllegalArgumentException naming {@code what} and what is accepted
     */
    public static String requireBinaryClassName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty; accepted: a binary class name like 'com.example.Main'");
        }
        for (String part : name.split("\\.", -1)) {
            if (!isJavaIdentifier(part)) {
                throw new IllegalArgumentException(what + " '" + name
                        + "' is not a binary class name; accepted: e.g. 'com.example.Main' or 'com.example.Outer$Inner'");
            }
        }
        return name;
    }

    /** First 8 hex digits of the SHA-256 of {@code s} (UTF-8): stable across runs and machines. */
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

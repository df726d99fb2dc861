package dev.oxidizer.patterns;

import java.util.Set;
import java.util.regex.Pattern;

/** Validation and translation of the names a spec gives: Java identifiers, packages, crate names, Rust identifiers. */
final class Names {
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "_", "var", "yield", "record", "sealed", "permits");
    private static final Set<String> RUST_KEYWORDS = Set.of("as", "break", "const", "continue", "crate", "else",
            "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
            "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe",
            "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
            "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen");
    /** Keywords that cannot be raw identifiers in Rust. */
    private static final Set<String> RUST_NOT_RAW = Set.of("self", "Self", "super", "crate", "_");
    private static final Pattern JAVA_IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern CRATE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private Names() {
    }

    static void requireJavaIdentifier(String what, String name) {
        if (name == null || !JAVA_IDENT.matcher(name).matches() || JAVA_KEYWORDS.contains(name) || name.contains("$")) {
            throw new IllegalArgumentException(what + " '" + name
                    + "' is not a usable Java identifier; accepted: letters, digits and '_', not starting with a digit, not a keyword");
        }
    }

    static void requireJavaPackage(String pkg) {
        if (pkg == null || pkg.isEmpty()) {
            throw new IllegalArgumentException("java package must not be empty; accepted: e.g. 'com.example.fast'");
        }
        for (String part : pkg.split("\\.", -1)) {
            requireJavaIdentifier("java package segment of '" + pkg + "':", part);
        }
    }

    static void requireBinaryClassName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty; accepted: a binary class name like 'com.example.Main'");
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !JAVA_IDENT.matcher(part).matches() || JAVA_KEYWORDS.contains(part)) {
                throw new IllegalArgumentException(what + " '" + name
                        + "' is not a binary class name; accepted: e.g. 'com.example.Main' or 'com.example.Outer$Inner'");
            }
        }
    }

    static void requireCrateName(String crate) {
        if (crate == null || !CRATE.matcher(crate).matches() || RUST_KEYWORDS.contains(crate) || crate.equals("std")
                || crate.equals("core") || crate.equals("alloc") || crate.equals("test")) {
            throw new IllegalArgumentException("crate name '" + crate
                    + "' is not accepted; accepted: lowercase letters, digits and '_', starting with a letter, at most 64, not a Rust keyword or std crate");
        }
    }

    /** {@code FastScoring} → {@code fast_scoring}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && (Character.isLowerCase(camel.charAt(i - 1)) || Character.isDigit(camel.charAt(i - 1)))) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A Rust identifier for a Java name: raw identifier for keywords, {@code _} suffix where raw is not allowed. */
    static String rustIdent(String javaName) {
        if (RUST_NOT_RAW.contains(javaName)) {
            return javaName + "_";
        }
        return RUST_KEYWORDS.contains(javaName) ? "r#" + javaName : javaName;
    }
}

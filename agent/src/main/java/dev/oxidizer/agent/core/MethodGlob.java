package dev.oxidizer.agent.core;

import java.util.regex.Pattern;

/**
 * A glob over methods: {@code CLASSGLOB[#METHODGLOB]}. In the class part {@code **} matches anything,
 * {@code *} anything but a dot (so {@code com.acme.*} is the classes of {@code com.acme}, inner classes
 * included, and {@code com.acme.**} adds subpackages), {@code ?} one character. In the method part {@code *}
 * matches any run of characters. Without a method part every method of a matching class matches.
 */
public final class MethodGlob {
    private final String text;
    private final Pattern classPattern;
    private final Pattern methodPattern; // null: all methods

    private MethodGlob(String text, Pattern classPattern, Pattern methodPattern) {
        this.text = text;
        this.classPattern = classPattern;
        this.methodPattern = methodPattern;
    }

    /** Parses a glob; throws {@link IllegalArgumentException} naming what is accepted. */
    public static MethodGlob parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        int hash = t.indexOf('#');
        String cls = hash < 0 ? t : t.substring(0, hash);
        String method = hash < 0 ? null : t.substring(hash + 1);
        if (cls.isEmpty() || (method != null && method.isEmpty()) || (method != null && method.indexOf('#') >= 0)) {
            throw new IllegalArgumentException("pattern '" + t + "' is not CLASSGLOB[#METHODGLOB]");
        }
        for (char c : cls.toCharArray()) {
            if (!(Character.isJavaIdentifierPart(c) || c == '.' || c == '*' || c == '?')) {
                throw new IllegalArgumentException("pattern '" + t + "' has '" + c
                        + "' in its class part; use letters, digits, '.', '$', '_', '*', '**' and '?'");
            }
        }
        return new MethodGlob(t, Pattern.compile(toRegex(cls, "[^.]*")),
                method == null ? null : Pattern.compile(toRegex(method, ".*")));
    }

    private static String toRegex(String glob, String star) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append(star);
                }
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** Whether the class matches the class part. */
    public boolean matchesClass(String className) {
        return classPattern.matcher(className).matches();
    }

    /** Whether the pattern names all methods of a class (no method part). */
    public boolean allMethods() {
        return methodPattern == null;
    }

    /** Whether class and method both match. */
    public boolean matches(String className, String methodName) {
        return matchesClass(className) && (methodPattern == null || methodPattern.matcher(methodName).matches());
    }

    @Override
    public String toString() {
        return text;
    }
}

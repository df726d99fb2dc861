package dev.oxidizer.stubgen;

import java.util.List;

/**
 * The native-library loader every generated wrapper nests as {@code Library}: resource
 * {@code NativeLibrary.java.template}, the one place its text lives. The template is its imports, a line starting
 * {@value #SEPARATOR}, then the nested class, which needs only a constant {@code CRATE} in the enclosing class and
 * the JDK. Its contract (lookup order, hash-checked extraction into a per-version cache, fallbacks, errors) is the
 * template's class comment and docs/maven-plugin.md.
 */
public final class NativeLibraryTemplate {
    /** Start of the line between the imports and the class. */
    static final String SEPARATOR = "//--";
    private static final String TEXT = load();

    private NativeLibraryTemplate() {}

    /** The import lines the class needs. */
    public static List<String> imports() {
        return TEXT.substring(0, TEXT.indexOf(SEPARATOR)).lines().filter(l -> l.startsWith("import ")).toList();
    }

    /** The nested class {@code Library}, at indentation zero. */
    public static String body() {
        int separator = TEXT.indexOf(SEPARATOR);
        return TEXT.substring(TEXT.indexOf('\n', separator) + 1);
    }

    private static String load() {
        String text = Templates.text("NativeLibrary.java.template");
        if (!text.contains(SEPARATOR)) {
            throw new IllegalStateException("NativeLibrary.java.template lacks its '" + SEPARATOR + "' line");
        }
        return text;
    }
}

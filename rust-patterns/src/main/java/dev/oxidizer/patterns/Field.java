package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Names;

import dev.oxidizer.vocabulary.Prim;

import java.util.Objects;

/**
 * One primitive field of a fixed-size record carried by a generated pattern.
 *
 * @param name a Java identifier; the Rust side uses the same name (raw identifier or {@code _} suffix for Rust keywords)
 * @param type its primitive type
 */
public record Field(String name, Prim type) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Names.requireJavaIdentifier("field name", name);
    }

    /**
     * Parses {@code "type name"}, e.g. {@code "double price"}.
     *
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    public static Field parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("field '" + text + "' must be written 'type name', e.g. 'double price'");
        }
        return new Field(parts[1], Prim.parse(parts[0]));
    }
}

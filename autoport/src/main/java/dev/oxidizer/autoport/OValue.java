package dev.oxidizer.autoport;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.Value;

import java.util.HashSet;
import java.util.Set;

/**
 * A frame slot as the translator sees it: its exact type (int-like types collapse to {@code int}, as on the JVM's
 * stack) and, for references, every place the reference may come from. A null type is an unusable slot (never
 * written, or different types merged).
 */
record OValue(Type type, Set<Origin> origins) implements Value {
    static final OValue TOP = new OValue(null, Set.of());
    static final Type NULL_TYPE = Type.getObjectType("null");

    OValue {
        origins = Set.copyOf(origins);
    }

    static OValue of(Type t) {
        return new OValue(t, Set.of());
    }

    static OValue of(Type t, Origin o) {
        return new OValue(t, Set.of(o));
    }

    @Override
    public int getSize() {
        return type != null && (type.getSort() == Type.LONG || type.getSort() == Type.DOUBLE) ? 2 : 1;
    }

    boolean isReference() {
        return type != null && (type.getSort() == Type.ARRAY || type.getSort() == Type.OBJECT);
    }

    OValue union(OValue o) {
        Set<Origin> u = new HashSet<>(origins);
        u.addAll(o.origins);
        return new OValue(type, u);
    }

    /** Where a reference comes from. */
    sealed interface Origin {}

    /** A parameter (or the receiver, slot 0 of an instance method), by local slot. */
    record Param(int slot) implements Origin {}

    /** A field of the receiver read with getfield. */
    record Field(String name) implements Origin {}

    /** The instruction (by index) that allocated or returned the array, or pushed the constant or object. */
    record Made(int insn) implements Origin {}

    /** The null constant. */
    record Null() implements Origin {}

    /** A static field. */
    record Static(String owner, String name) implements Origin {}

    /**
     * An array read from a variable that owns it ({@link OwnedArrays}): the translator's stack entries only, never a
     * frame's. Named by the Rust variable, since the array it holds changes while the variable does not.
     */
    record Slot(int slot, String var) implements Origin {}

    /**
     * A String a conditional expression chose ({@code c ? "yes" : s}): each predecessor of the block copied its code
     * units into the stack variable {@code var}. The translator's stack entries only, never a frame's.
     */
    record Merged(String var) implements Origin {}
}

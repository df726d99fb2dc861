package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Names;

import dev.oxidizer.vocabulary.Prim;

import java.util.Objects;

/**
 * The sidecar pattern: a Rust worker pool owned by a Java handle; each task is a function over either a primitive
 * array or a fixed-size record of primitives, returning one primitive.
 *
 * @param javaPackage package of the generated Java class
 * @param className   simple name of the generated handle class
 * @param crateName   Cargo package name of the worker crate
 * @param input       element type of the input array, or null when the task takes a {@code record}
 *                    ({@code boolean} is refused: FFM has no heap segment for {@code boolean[]})
 * @param record      the task's input record, or null when it takes an array
 * @param result      type of the task's result
 */
public record SidecarSpec(String javaPackage, String className, String crateName, Prim input, RecordLayout record,
                          Prim result) implements PatternSpec {
    public SidecarSpec {
        Names.requireJavaPackage(javaPackage);
        Names.requireJavaIdentifier("class name", className);
        Names.requireCrateName(crateName);
        Objects.requireNonNull(result, "result");
        if ((input == null) == (record == null)) {
            throw new IllegalArgumentException("a sidecar task takes either a primitive array or a record, exactly one;"
                    + " got " + (input == null ? "neither" : "both"));
        }
        if (input == Prim.BOOLEAN) {
            throw new IllegalArgumentException("sidecar input 'boolean[]' is not supported (no zero-copy heap segment"
                    + " exists for it); accepted: byte[], short[], char[], int[], long[], float[], double[]");
        }
    }

    /** A task over a primitive array. */
    public SidecarSpec(String javaPackage, String className, String crateName, Prim input, Prim result) {
        this(javaPackage, className, crateName, Objects.requireNonNull(input, "input"), null, result);
    }

    /** A task over a fixed-size record of primitives. */
    public static SidecarSpec ofRecord(String javaPackage, String className, String crateName, RecordLayout record,
                                       Prim result) {
        return new SidecarSpec(javaPackage, className, crateName, null, Objects.requireNonNull(record, "record"), result);
    }

    @Override
    public PatternKind kind() {
        return PatternKind.SIDECAR;
    }
}

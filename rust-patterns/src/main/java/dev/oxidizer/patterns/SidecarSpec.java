package dev.oxidizer.patterns;

import java.util.Objects;

/**
 * The sidecar pattern: a Rust worker pool owned by a Java handle; each task is a function over a primitive array
 * returning one primitive.
 *
 * @param javaPackage package of the generated Java class
 * @param className   simple name of the generated handle class
 * @param crateName   Cargo package name of the worker crate
 * @param input       element type of the input array ({@code boolean} is refused: FFM has no heap segment for it)
 * @param result      type of the task's result
 */
public record SidecarSpec(String javaPackage, String className, String crateName, Prim input, Prim result)
        implements PatternSpec {
    public SidecarSpec {
        Names.requireJavaPackage(javaPackage);
        Names.requireJavaIdentifier("class name", className);
        Names.requireCrateName(crateName);
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(result, "result");
        if (input == Prim.BOOLEAN) {
            throw new IllegalArgumentException("sidecar input 'boolean[]' is not supported (no zero-copy heap segment"
                    + " exists for it); accepted: byte[], short[], char[], int[], long[], float[], double[]");
        }
    }

    @Override
    public PatternKind kind() {
        return PatternKind.SIDECAR;
    }
}

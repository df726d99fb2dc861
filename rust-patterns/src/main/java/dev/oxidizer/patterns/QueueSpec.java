package dev.oxidizer.patterns;

import dev.oxidizer.vocabulary.Names;

import java.util.Objects;

/**
 * The queue pattern: Java producers write fixed-size records into a ring buffer in a {@code MemorySegment}; a Rust
 * consumer drains it.
 *
 * @param javaPackage   package of the generated Java classes
 * @param className     simple name of the generated queue class; the consumer binding is {@code className + "Consumer"}
 * @param crateName     Cargo package name of the consumer crate
 * @param item          the record each slot carries
 * @param multiProducer true: any number of producer threads (CAS claim); false: exactly one producer thread
 *                      (plain stores, cheaper), enforced at run time
 */
public record QueueSpec(String javaPackage, String className, String crateName, RecordLayout item,
                        boolean multiProducer) implements PatternSpec {
    public QueueSpec {
        Names.requireJavaPackage(javaPackage);
        Names.requireJavaIdentifier("class name", className);
        Names.requireCrateName(crateName);
        Objects.requireNonNull(item, "item");
    }

    @Override
    public PatternKind kind() {
        return PatternKind.QUEUE;
    }
}

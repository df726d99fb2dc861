package dev.oxidizer.analyzer.rules;

/**
 * A typed value a rule publishes beside its finding (JMC's {@code IRule2} result values): the rest of the analysis
 * reads values by key, never by the id of the rule that wrote them, so rules can be added, removed or reordered
 * without the verdict code knowing them. Keys are compared by identity; the shared ones are in {@link Results}.
 *
 * @param name readable name, for messages
 * @param type the value's type
 * @param <T>  the value's type
 */
public record ResultKey<T>(String name, Class<T> type) {
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

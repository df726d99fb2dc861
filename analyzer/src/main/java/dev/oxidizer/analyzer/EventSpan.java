package dev.oxidizer.analyzer;

/**
 * The first and last time (epoch ms) of the events a family saw: min and max, so merging in any order gives the
 * span of all its events. Empty while {@code firstMs > lastMs}.
 */
final class EventSpan {
    long firstMs = Long.MAX_VALUE;
    long lastMs = Long.MIN_VALUE;

    void see(long epochMs) {
        firstMs = Math.min(firstMs, epochMs);
        lastMs = Math.max(lastMs, epochMs);
    }

    void merge(EventSpan other) {
        firstMs = Math.min(firstMs, other.firstMs);
        lastMs = Math.max(lastMs, other.lastMs);
    }
}

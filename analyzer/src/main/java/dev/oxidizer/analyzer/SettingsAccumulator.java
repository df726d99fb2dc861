package dev.oxidizer.analyzer;

import jdk.jfr.consumer.RecordedEvent;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The recording's settings ({@code jdk.ActiveSetting}: per event type id, every value each setting took) and the type
 * ids of the sampled event types whose settings the analysis reads (sampler periods, throttles; the first id seen per
 * name). Sets and first-seen values, so merging in file and chunk order ({@link #merge}) gives what reading all events
 * in order gives. Not thread-safe.
 */
final class SettingsAccumulator {
    /** Settings by event type id, then setting name to the values seen. */
    final Map<Long, Map<String, Set<String>>> settings = new HashMap<>();
    /** Event type ids by name, of the event types whose settings are read. */
    final Map<String, Long> eventTypeIds = new HashMap<>();

    /** One jdk.ActiveSetting event. */
    void accept(RecordedEvent e) {
        settings.computeIfAbsent(e.getLong("id"), k -> new HashMap<>())
                .computeIfAbsent(e.getString("name"), k -> new LinkedHashSet<>()).add(e.getString("value"));
    }

    /** An event of a type whose settings are read (its id identifies its ActiveSetting events). */
    void acceptType(RecordedEvent e) {
        eventTypeIds.putIfAbsent(e.getEventType().getName(), e.getEventType().getId());
    }

    /** Adds a unit's events after those merged so far. {@code unit} must not be used afterwards. */
    void merge(SettingsAccumulator unit) {
        unit.settings.forEach((type, byName) -> {
            Map<String, Set<String>> target = settings.computeIfAbsent(type, k -> new HashMap<>());
            byName.forEach((name, values) -> target.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(values));
        });
        unit.eventTypeIds.forEach(eventTypeIds::putIfAbsent);
    }
}

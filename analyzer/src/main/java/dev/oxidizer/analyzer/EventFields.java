package dev.oxidizer.analyzer;

import jdk.jfr.EventType;
import jdk.jfr.Timestamp;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

import java.time.Instant;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Field access for the accumulators of one read unit: what the accumulators need to know of an event type's fields is
 * found once per type ({@code RecordedEvent} looks fields up by name on every access, and its typed getters look twice:
 * the descriptor, then the value), and times are moved into the file's time base ({@link #timeShiftNs}). The event
 * being handled is the one last passed to {@link #enter}. Not thread-safe: one per read unit.
 */
final class EventFields {
    /** What is known of one event type's fields. */
    static final class TypeInfo {
        final Set<String> fields = new HashSet<>();
        /** Fields of type String, Thread and StackTrace: read with one lookup ({@code getValue}) and a cast. */
        final Set<String> strings = new HashSet<>();
        final Set<String> threads = new HashSet<>();
        final boolean stackTrace;
        final boolean objectClass;
        /** Which family the type's events go to. */
        final EventKind kind;
        /** Events of this type seen. */
        long count;

        TypeInfo(EventType type) {
            boolean st = false;
            for (ValueDescriptor v : type.getFields()) {
                fields.add(v.getName());
                switch (v.getTypeName()) {
                    case "java.lang.String" -> strings.add(v.getName());
                    case "jdk.types.Thread", "java.lang.Thread" -> threads.add(v.getName());
                    case "jdk.types.StackTrace" -> st |= v.getName().equals("stackTrace");
                    default -> { }
                }
            }
            stackTrace = st;
            objectClass = fields.contains("objectClass");
            kind = EventKind.of(type.getName());
        }
    }

    /** Names of an event type's timestamp fields, by unit. */
    private record TimeUnits(Set<String> millis, Set<String> ticks) {}

    private final IdentityHashMap<EventType, TypeInfo> types = new IdentityHashMap<>();
    private final IdentityHashMap<EventType, TimeUnits> timeUnits = new IdentityHashMap<>();
    private TypeInfo current;
    /**
     * Added to tick-based times of the events being read. {@code jdk.jfr} converts every chunk of a stream with the
     * time base of the stream's first chunk; reading a file in parts would give each part its own. When the shift is
     * exact (one tick is one ns), the reader sets this so that every time is in the base of the file's first readable
     * chunk, whatever the split; otherwise it is 0.
     */
    long timeShiftNs;

    /** Counts the event and makes its type's field information the current one. */
    TypeInfo enter(RecordedEvent e) {
        EventType type = e.getEventType();
        TypeInfo info = types.get(type);
        if (info == null) {
            info = new TypeInfo(type);
            types.put(type, info);
        }
        info.count++;
        current = info;
        return info;
    }

    /** The current event type's field information. */
    TypeInfo current() {
        return current;
    }

    /** Event counts by name, added into {@code into}. */
    void addCounts(java.util.Map<String, Long> into) {
        types.forEach((t, info) -> into.merge(t.getName(), info.count, Long::sum));
    }

    /** Whether the event being handled has {@code field} (the type's field set, cached). */
    boolean has(RecordedEvent e, String field) {
        return current.fields.contains(field);
    }

    /** {@link RecordedEvent#getStackTrace()} with one field lookup. */
    RecordedStackTrace stackTrace(RecordedEvent e) {
        if (current.stackTrace) {
            return e.getValue("stackTrace") instanceof RecordedStackTrace st ? st : null;
        }
        return e.getStackTrace();
    }

    /** {@link RecordedEvent#getThread(String)} (for {@code eventThread}: {@link RecordedEvent#getThread()}) with one lookup. */
    RecordedThread thread(RecordedEvent e, String field) {
        if (current.threads.contains(field)) {
            return e.getValue(field) instanceof RecordedThread t ? t : null;
        }
        return field.equals("eventThread") ? e.getThread() : e.getThread(field);
    }

    String string(RecordedEvent e, String field) {
        if (current.strings.contains(field)) {
            return (String) e.getValue(field);
        }
        return has(e, field) ? e.getString(field) : null;
    }

    /**
     * {@link RecordedEvent#getLong} of {@code field}, 0 when the type has no such field. A {@code Long} value is taken
     * as is, which is what {@code getLong} returns for it too; {@code getLong} would first look up the field's
     * {@code @Unsigned} annotation, on every call. Other values (int, short, unsigned ...) go through {@code getLong}.
     */
    long longField(RecordedEvent e, String field) {
        if (!has(e, field)) {
            return 0;
        }
        return e.getValue(field) instanceof Long l ? l : e.getLong(field);
    }

    /** {@link RecordedEvent#getInt} of {@code field}, 0 when absent; an {@code Integer} is taken as is (see {@link #longField}). */
    int intField(RecordedEvent e, String field) {
        if (!has(e, field)) {
            return 0;
        }
        return e.getValue(field) instanceof Integer i ? i : e.getInt(field);
    }

    /** A duration field in ns, -1 when absent or unset. */
    long ticksAsNs(RecordedEvent e, String field) {
        if (!has(e, field) || e.getLong(field) == Long.MIN_VALUE) {
            return -1;
        }
        return e.getDuration(field).toNanos();
    }

    /** A timestamp field in epoch ms in the file's time base, 0 when absent. */
    long timestampMs(RecordedEvent e, String field) {
        if (!has(e, field)) {
            return 0;
        }
        if (timeUnits(e.getEventType()).millis.contains(field)) {
            // Epoch ms as stored: what getInstant(field).toEpochMilli() gives, without its per-call annotation lookup.
            long ms = e.getValue(field) instanceof Long l ? l : e.getLong(field);
            if (ms != Long.MIN_VALUE) {
                return ms;
            }
        }
        Instant i = e.getInstant(field);
        if (i == null) {
            return 0;
        }
        if (timeShiftNs != 0 && i != Instant.MIN && timeUnits(e.getEventType()).ticks.contains(field)) {
            return shiftedMs(i);
        }
        return i.toEpochMilli();
    }

    /** The event's start time in epoch ms, in the file's time base (see {@link #timeShiftNs}). */
    long startMs(RecordedEvent e) {
        Instant start = e.getStartTime();
        return timeShiftNs == 0 ? start.toEpochMilli() : shiftedMs(start);
    }

    private long shiftedMs(Instant i) {
        long ns = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano() + timeShiftNs);
        return Math.floorDiv(ns, 1_000_000L);
    }

    private TimeUnits timeUnits(EventType type) {
        TimeUnits u = timeUnits.get(type);
        if (u == null) {
            Set<String> millis = new HashSet<>();
            Set<String> ticks = new HashSet<>();
            for (ValueDescriptor v : type.getFields()) {
                Timestamp ts = v.getAnnotation(Timestamp.class);
                if (ts != null && Timestamp.TICKS.equals(ts.value())) {
                    ticks.add(v.getName());
                } else if (ts != null && Timestamp.MILLISECONDS_SINCE_EPOCH.equals(ts.value())
                        && v.getTypeName().equals("long")) {
                    millis.add(v.getName());
                }
            }
            u = new TimeUnits(millis, ticks);
            timeUnits.put(type, u);
        }
        return u;
    }
}

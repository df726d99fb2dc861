package dev.oxidizer.patterns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed-size record of primitives laid out exactly as Rust {@code #[repr(C)]} lays it out: fields in declared
 * order, each at the next multiple of its own size, the whole padded to the largest field alignment.
 * Java writes it with {@code ValueLayout} accesses at {@link #offset(int)}; Rust reads it as a struct.
 */
public final class RecordLayout {
    private final List<Field> fields;
    private final long[] offsets;
    private final long size;
    private final long alignment;

    /**
     * @throws IllegalArgumentException when {@code fields} is empty, has duplicate names, or more than 64 fields
     */
    public RecordLayout(List<Field> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("a record needs at least one field, e.g. 'long id, double price'");
        }
        if (fields.size() > 64) {
            throw new IllegalArgumentException("a record may have at most 64 fields, got " + fields.size());
        }
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("duplicate field name '" + f.name() + "'");
            }
        }
        this.fields = List.copyOf(fields);
        this.offsets = new long[fields.size()];
        long at = 0;
        long align = 1;
        for (int i = 0; i < fields.size(); i++) {
            int s = fields.get(i).type().size;
            at = (at + s - 1) / s * s;
            offsets[i] = at;
            at += s;
            align = Math.max(align, s);
        }
        this.alignment = align;
        this.size = (at + align - 1) / align * align;
    }

    /** Parses {@code "long id, double price"}. */
    public static RecordLayout parse(String text) {
        List<Field> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(Field.parse(part));
            }
        }
        return new RecordLayout(out);
    }

    public List<Field> fields() {
        return fields;
    }

    public long offset(int index) {
        return offsets[index];
    }

    public long size() {
        return size;
    }

    public long alignment() {
        return alignment;
    }

    /**
     * A 64-bit fingerprint of the layout (names, types, offsets), written into shared memory so a consumer
     * built for another record type refuses the queue instead of misreading it. FNV-1a over a canonical string.
     */
    public long fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            sb.append(fields.get(i).type().java).append(' ').append(fields.get(i).name()).append('@').append(offsets[i]).append(';');
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** {@code "long id, double price"}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(f.type().java).append(' ').append(f.name());
        }
        return sb.toString();
    }
}

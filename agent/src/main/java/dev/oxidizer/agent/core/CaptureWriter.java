package dev.oxidizer.agent.core;

import dev.oxidizer.agent.runtime.ArgumentCapture;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes captured calls in the format {@code oxidizer-captures 1} (docs/formats/captures.md; the generator's
 * {@code CaptureFile} reads it): a header line, then one {@code M} line per method ({@code M<TAB>id<TAB>key}), then one
 * {@code C} line per call ({@code C<TAB>id<TAB>result<TAB>arg1<TAB>arg2...}). Values: {@code Z0}/{@code Z1}, {@code B},
 * {@code C} (UTF-16 code unit), {@code S}, {@code I}, {@code J} in decimal; {@code F}/{@code D} the raw IEEE bits in hex;
 * {@code T} a String as base64 of its UTF-16BE code units (lone surrogates survive); {@code [<code><count>:<base64>}
 * a primitive array, elements big-endian (booleans one byte each); {@code N} null; {@code V} no result (void);
 * {@code !<class>} the exception the call ended with. The file is written atomically with owner-only permissions.
 */
final class CaptureWriter {
    private CaptureWriter() {}

    /** Writes {@code calls}; returns how many. */
    static int write(Path file, List<ArgumentCapture.Call> calls) throws IOException {
        TreeMap<Integer, String> methods = new TreeMap<>();
        for (ArgumentCapture.Call c : calls) {
            methods.put(c.method, ArgumentCapture.key(c.method));
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".captures-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the default permissions of the platform apply
            }
            int n = 0;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# oxidizer-captures 1\n# captured arguments and results: may hold user data; keep this file private\n");
                for (var m : methods.entrySet()) {
                    w.write("M\t" + m.getKey() + "\t" + m.getValue() + "\n");
                }
                for (ArgumentCapture.Call c : calls) {
                    if (!c.complete) {
                        continue;
                    }
                    StringBuilder line = new StringBuilder("C\t").append(c.method).append('\t');
                    line.append(c.thrown != null ? "!" + c.thrown : c.result == null ? "V" : encode(c.result));
                    for (Object a : c.args) {
                        line.append('\t').append(encode(a));
                    }
                    w.write(line.append('\n').toString());
                    n++;
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String encode(Object v) {
        if (v == null) return "N";
        if (v instanceof Boolean b) return b ? "Z1" : "Z0";
        if (v instanceof Byte b) return "B" + b;
        if (v instanceof Character c) return "C" + (int) c;
        if (v instanceof Short s) return "S" + s;
        if (v instanceof Integer i) return "I" + i;
        if (v instanceof Long l) return "J" + l;
        if (v instanceof Float f) return "F" + Integer.toHexString(Float.floatToRawIntBits(f));
        if (v instanceof Double d) return "D" + Long.toHexString(Double.doubleToRawLongBits(d));
        if (v instanceof String s) {
            return "T" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_16BE));
        }
        ByteBuffer buf;
        String code;
        int n;
        if (v instanceof boolean[] a) {
            code = "Z"; n = a.length; buf = ByteBuffer.allocate(n);
            for (boolean x : a) buf.put((byte) (x ? 1 : 0));
        } else if (v instanceof byte[] a) {
            code = "B"; n = a.length; buf = ByteBuffer.wrap(a.clone()); buf.position(n);
        } else if (v instanceof char[] a) {
            code = "C"; n = a.length; buf = ByteBuffer.allocate(2 * n); buf.asCharBuffer().put(a); buf.position(2 * n);
        } else if (v instanceof short[] a) {
            code = "S"; n = a.length; buf = ByteBuffer.allocate(2 * n); buf.asShortBuffer().put(a); buf.position(2 * n);
        } else if (v instanceof int[] a) {
            code = "I"; n = a.length; buf = ByteBuffer.allocate(4 * n); buf.asIntBuffer().put(a); buf.position(4 * n);
        } else if (v instanceof long[] a) {
            code = "J"; n = a.length; buf = ByteBuffer.allocate(8 * n); buf.asLongBuffer().put(a); buf.position(8 * n);
        } else if (v instanceof float[] a) {
            code = "F"; n = a.length; buf = ByteBuffer.allocate(4 * n);
            for (float x : a) buf.putInt(Float.floatToRawIntBits(x));
        } else if (v instanceof double[] a) {
            code = "D"; n = a.length; buf = ByteBuffer.allocate(8 * n);
            for (double x : a) buf.putLong(Double.doubleToRawLongBits(x));
        } else {
            return "N";
        }
        byte[] bytes = new byte[buf.position()];
        buf.flip();
        buf.get(bytes);
        return "[" + code + n + ":" + Base64.getEncoder().encodeToString(bytes);
    }
}

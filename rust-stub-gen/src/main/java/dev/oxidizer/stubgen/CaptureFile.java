package dev.oxidizer.stubgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a captures file written by the agent's {@code capture=GLOB} option (format {@code oxidizer-captures 1},
 * docs/formats/captures.md; the agent's {@code CaptureWriter} writes it): the captured calls of one method, as lines of
 * the same format with that method's id renumbered 0, so the generator can copy them into the port.
 */
public final class CaptureFile {
    static final String HEADER = "# oxidizer-captures 1";

    private CaptureFile() {}

    /**
     * The calls of {@code methodKey} in {@code file}, at most {@code max}, each line validated (field count, value codes).
     *
     * @throws GeneratorException (BAD_INPUT) naming the file, the line and what was wrong
     */
    public static List<String> callsOf(Path file, String methodKey, int max) throws GeneratorException, IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new GeneratorException(GeneratorException.Kind.BAD_INPUT, List.of(file + ": not a captures file (first line '"
                    + (lines.isEmpty() ? "" : lines.getFirst()) + "'); expected '" + HEADER + "' as the agent's capture= option writes it"));
        }
        Map<String, String> ids = new HashMap<>();
        List<String> out = new ArrayList<>();
        int params = parameterCount(methodKey);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("M") && f.length == 3) {
                ids.put(f[1], f[2]);
            } else if (f[0].equals("C") && f.length >= 3) {
                if (!methodKey.equals(ids.get(f[1]))) {
                    continue;
                }
                if (f.length != 3 + params) {
                    throw bad(file, i, "a call of " + methodKey + " has " + (f.length - 3) + " arguments, expected " + params);
                }
                for (int k = 2; k < f.length; k++) {
                    if (f[k].isEmpty() || "ZBCSIJFDTN[V!".indexOf(f[k].charAt(0)) < 0) {
                        throw bad(file, i, "value '" + abbreviate(f[k]) + "' has no known type code");
                    }
                }
                if (out.size() < max) {
                    f[1] = "0";
                    out.add(String.join("\t", f));
                }
            } else {
                throw bad(file, i, "expected an M or a C line");
            }
        }
        return out;
    }

    /** Declared parameters of a method key's descriptor. */
    static int parameterCount(String methodKey) {
        String d = methodKey.substring(methodKey.indexOf('(') + 1, methodKey.indexOf(')'));
        int n = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            while (c == '[') {
                c = d.charAt(++i);
            }
            if (c == 'L') {
                i = d.indexOf(';', i);
            }
            n++;
        }
        return n;
    }

    private static GeneratorException bad(Path file, int index, String what) {
        return new GeneratorException(GeneratorException.Kind.BAD_INPUT, List.of(file + " line " + (index + 1) + ": " + what
                + " (format oxidizer-captures 1, docs/formats/captures.md)"));
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}

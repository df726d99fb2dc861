package dev.oxidizer.stubgen;

import dev.oxidizer.vocabulary.Prim;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders JVM generic signatures (JVMS 4.7.9.1) as Java source types, for messages only:
 * {@code (Ljava/util/List<Ljava/lang/String;>;)V} gives {@code java.util.List<java.lang.String>}.
 */
final class GenericSignatures {
    private GenericSignatures() {}

    /** Readable parameter types, or a list of nulls (meaning "use the descriptor") when absent or unparsable. */
    static List<String> parameterTypes(String signature, int count) {
        List<String> out = new ArrayList<>();
        try {
            if (signature != null) {
                int[] pos = {skipTypeParameters(signature)};
                expect(signature, pos, '(');
                while (signature.charAt(pos[0]) != ')') {
                    out.add(type(signature, pos));
                }
            }
        } catch (RuntimeException e) {
            out.clear();
        }
        if (out.size() != count) {
            out.clear();
            for (int i = 0; i < count; i++) {
                out.add(null);
            }
        }
        return out;
    }

    /** Readable return type, or null when absent or unparsable. */
    static String returnType(String signature) {
        if (signature == null) {
            return null;
        }
        try {
            int close = signature.indexOf(')', skipTypeParameters(signature));
            int[] pos = {close + 1};
            return signature.charAt(pos[0]) == 'V' ? "void" : type(signature, pos);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int skipTypeParameters(String s) {
        if (s.charAt(0) != '<') {
            return 0;
        }
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unbalanced type parameters");
    }

    private static void expect(String s, int[] pos, char c) {
        if (s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos[0]++;
    }

    private static String type(String s, int[] pos) {
        char c = s.charAt(pos[0]++);
        switch (c) {
            case '[':
                return type(s, pos) + "[]";
            case 'T': {
                int semi = s.indexOf(';', pos[0]);
                String name = s.substring(pos[0], semi);
                pos[0] = semi + 1;
                return name;
            }
            case 'L': {
                StringBuilder sb = new StringBuilder();
                while (true) {
                    char d = s.charAt(pos[0]++);
                    if (d == ';') {
                        return sb.toString();
                    } else if (d == '/' ) {
                        sb.append('.');
                    } else if (d == '<') {
                        sb.append('<');
                        boolean first = true;
                        while (s.charAt(pos[0]) != '>') {
                            if (!first) {
                                sb.append(", ");
                            }
                            first = false;
                            char w = s.charAt(pos[0]);
                            if (w == '*') {
                                pos[0]++;
                                sb.append('?');
                            } else if (w == '+' || w == '-') {
                                pos[0]++;
                                sb.append(w == '+' ? "? extends " : "? super ").append(type(s, pos));
                            } else {
                                sb.append(type(s, pos));
                            }
                        }
                        pos[0]++;
                        sb.append('>');
                    } else {
                        sb.append(d);
                    }
                }
            }
            default: {
                Prim p = Prim.ofDescriptor(c);
                if (p == null) {
                    throw new IllegalArgumentException("bad signature char " + c);
                }
                return p.java;
            }
        }
    }
}

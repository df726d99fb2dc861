package dev.oxidizer.autoport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * The Unicode tables behind {@code java.lang.Character}'s classification, case and digit methods, taken from the JDK
 * that runs the translator and written as Rust data ({@code src/jchar.rs}): a translated {@code Character.isLetter}
 * answers exactly what this JDK's answers, for every code point, instead of what Rust's own (different) Unicode tables
 * say. The lookups are in {@code jrt.rs} ({@code CharSet}, {@code CharValues}, {@code CharCase}); only the tables a
 * port uses are written.
 *
 * <p>Each table has a direct array for Latin-1 (where most text is, and where Java's own lookup is a direct array
 * too) and sorted, disjoint runs above it, searched by binary search:
 * <ul>
 *   <li>a set: runs {@code (start, end)} of code points in it;</li>
 *   <li>values: runs {@code (start, end, base, step)} with value {@code base + step * (c - start)}, step 0 or 1, and a
 *       default outside the runs;</li>
 *   <li>a case map: runs {@code (start, end, stride, delta)} mapping {@code c} to {@code c + delta} when
 *       {@code (c - start) % stride == 0}, every other code point to itself.</li>
 * </ul>
 * Code points outside {@code 0..0x10FFFF} (negative ints included) are in no run: false, the default, or themselves,
 * as Java answers for them. {@link #lookup} is the same lookup in Java, so that a test can check every table against
 * {@code Character} over every code point.
 */
public final class CharTables {
    private CharTables() {}

    static final int LAST = Character.MAX_CODE_POINT;

    /** What a table answers. */
    enum Kind { SET, VALUES, CASE }

    /** The tables, by the Rust static's name. */
    enum Table {
        DIGIT(Kind.SET, c -> Character.isDigit(c) ? 1 : 0, 0),
        LETTER(Kind.SET, c -> Character.isLetter(c) ? 1 : 0, 0),
        LETTER_OR_DIGIT(Kind.SET, c -> Character.isLetterOrDigit(c) ? 1 : 0, 0),
        ALPHABETIC(Kind.SET, c -> Character.isAlphabetic(c) ? 1 : 0, 0),
        UPPER_CASE(Kind.SET, c -> Character.isUpperCase(c) ? 1 : 0, 0),
        LOWER_CASE(Kind.SET, c -> Character.isLowerCase(c) ? 1 : 0, 0),
        TITLE_CASE(Kind.SET, c -> Character.isTitleCase(c) ? 1 : 0, 0),
        SPACE_CHAR(Kind.SET, c -> Character.isSpaceChar(c) ? 1 : 0, 0),
        DEFINED(Kind.SET, c -> Character.isDefined(c) ? 1 : 0, 0),
        JAVA_IDENTIFIER_START(Kind.SET, c -> Character.isJavaIdentifierStart(c) ? 1 : 0, 0),
        JAVA_IDENTIFIER_PART(Kind.SET, c -> Character.isJavaIdentifierPart(c) ? 1 : 0, 0),
        /** {@code Character.digit(c, 36)}: {@code digit(c, radix)} is this value when it is below the radix. */
        DIGIT_VALUE(Kind.VALUES, c -> Character.digit(c, Character.MAX_RADIX), -1),
        NUMERIC_VALUE(Kind.VALUES, Character::getNumericValue, -1),
        TYPE(Kind.VALUES, Character::getType, Character.UNASSIGNED),
        TO_UPPER(Kind.CASE, Character::toUpperCase, 0),
        TO_LOWER(Kind.CASE, Character::toLowerCase, 0),
        TO_TITLE(Kind.CASE, Character::toTitleCase, 0);

        final Kind kind;
        final IntUnaryOperator java;
        final int otherwise;

        Table(Kind kind, IntUnaryOperator java, int otherwise) {
            this.kind = kind;
            this.java = java;
            this.otherwise = otherwise;
        }

        String rustName() {
            return name();
        }
    }

    /** One run of a table (see the class comment); {@code a}, {@code b} are base/step or stride/delta. */
    record Run(int start, int end, int a, int b) {}

    /** A computed table: the Latin-1 answers and the runs above them. */
    record Data(Table table, int[] latin1, List<Run> runs) {}

    private static final Map<Table, Data> CACHE = new java.util.EnumMap<>(Table.class);

    static synchronized Data data(Table t) {
        return CACHE.computeIfAbsent(t, CharTables::compute);
    }

    private static Data compute(Table t) {
        int[] latin1 = new int[256];
        for (int c = 0; c < 256; c++) {
            latin1[c] = t.java.applyAsInt(c);
        }
        List<Run> runs = new ArrayList<>();
        int c = 256;
        while (c <= LAST) {
            switch (t.kind) {
                case SET -> {
                    if (t.java.applyAsInt(c) == 0) {
                        c++;
                        continue;
                    }
                    int end = c;
                    while (end < LAST && t.java.applyAsInt(end + 1) != 0) {
                        end++;
                    }
                    runs.add(new Run(c, end, 0, 0));
                    c = end + 1;
                }
                case VALUES -> {
                    int v = t.java.applyAsInt(c);
                    if (v == t.otherwise) {
                        c++;
                        continue;
                    }
                    int step = c < LAST && t.java.applyAsInt(c + 1) == v + 1 ? 1 : 0;
                    int end = c;
                    while (end < LAST && t.java.applyAsInt(end + 1) == v + step * (end + 1 - c)
                            && t.java.applyAsInt(end + 1) != t.otherwise) {
                        end++;
                    }
                    runs.add(new Run(c, end, v, step));
                    c = end + 1;
                }
                case CASE -> {
                    int delta = t.java.applyAsInt(c) - c;
                    if (delta == 0) {
                        c++;
                        continue;
                    }
                    // The next mapped code point decides the stride (1, or 2 for the alternating upper/lower pairs of
                    // Latin Extended and Greek); the run goes on while the mapped points keep stride and delta and
                    // nothing between them is mapped.
                    int next = nextMapped(t, c + 1);
                    int stride = next > 0 && next - c <= 2 && t.java.applyAsInt(next) - next == delta ? next - c : 1;
                    int end = c;
                    while (true) {
                        int n = nextMapped(t, end + 1);
                        if (n != end + stride || t.java.applyAsInt(n) - n != delta) {
                            break;
                        }
                        end = n;
                    }
                    runs.add(new Run(c, end, stride, delta));
                    c = end + 1;
                }
            }
        }
        return new Data(t, latin1, List.copyOf(runs));
    }

    /** The first code point from {@code from} on that the case map changes, or -1; looks at most 2 ahead. */
    private static int nextMapped(Table t, int from) {
        for (int c = from; c <= LAST && c < from + 2; c++) {
            if (t.java.applyAsInt(c) != c) {
                return c;
            }
        }
        return -1;
    }

    /** The lookup {@code jrt.rs} does, in Java: what the port answers for {@code c}. */
    static int lookup(Data d, int c) {
        if (c >= 0 && c < 256) {
            return d.latin1[c];
        }
        int lo = 0;
        int hi = d.runs.size();
        while (lo < hi) { // the number of runs starting at or below c (unsigned, as the Rust side compares u32)
            int mid = (lo + hi) >>> 1;
            if (Integer.compareUnsigned(d.runs.get(mid).start(), c) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Run r = lo > 0 ? d.runs.get(lo - 1) : null;
        boolean in = r != null && Integer.compareUnsigned(c, r.end()) <= 0;
        return switch (d.table.kind) {
            case SET -> in ? 1 : 0;
            case VALUES -> in ? r.a() + r.b() * (c - r.start()) : d.table.otherwise;
            case CASE -> in && (c - r.start()) % r.a() == 0 ? c + r.b() : c;
        };
    }

    /**
     * The code points whose upper case, as {@code String.toUpperCase} makes it in a locale other than Turkish, Azeri and
     * Lithuanian, is not {@code Character.toUpperCase} of them: the code units of each ({@code ß} to {@code SS}),
     * sorted by code point. Such a mapping never depends on the neighbouring characters (checked against Java in
     * {@code CharTablesTest}), so a string's upper case is that of its code points one by one.
     */
    static Map<Integer, String> upperSpecials() {
        Map<Integer, String> m = new TreeMap<>();
        for (int cp = 0; cp <= LAST; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String u = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
            if (!u.equals(new String(Character.toChars(Character.toUpperCase(cp))))) {
                m.put(cp, u);
            }
        }
        return m;
    }

    /** {@code src/jchar.rs}: the named tables as Rust statics of the {@code jrt} types. */
    static String rust(Set<Table> used) {
        return rust(used, false);
    }

    /** {@code src/jchar.rs}: the named tables, and with {@code upperSpecial} the {@link #upperSpecials} as {@code UPPER_SPECIAL}. */
    static String rust(Set<Table> used, boolean upperSpecial) {
        StringBuilder b = new StringBuilder();
        b.append("//! The Unicode tables of `java.lang.Character` that the translated code uses, taken from the JDK that\n")
                .append("//! generated this crate (Java ").append(Runtime.version().feature()).append(", ")
                .append(System.getProperty("java.vendor", "unknown vendor"))
                .append("): each answers what that JDK answers, for every code point.\n")
                .append("//! Generated, do not edit: regenerate with the application's JDK if its Unicode version differs.\n");
        for (Table t : new java.util.TreeSet<>(used)) {
            Data d = data(t);
            b.append('\n').append("/// `Character` table ").append(t.name().toLowerCase(Locale.ROOT)).append(".\n");
            switch (t.kind) {
                case SET -> {
                    long[] bits = new long[4];
                    for (int c = 0; c < 256; c++) {
                        if (d.latin1[c] != 0) {
                            bits[c >> 6] |= 1L << (c & 63);
                        }
                    }
                    b.append("#[rustfmt::skip]\npub static ").append(t.rustName()).append(": crate::jrt::CharSet = crate::jrt::CharSet {\n    latin1: [");
                    for (int i = 0; i < 4; i++) {
                        b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "0x%016x", bits[i]));
                    }
                    b.append("],\n    runs: &[");
                    runs(b, d, r -> "(" + hex(r.start()) + ", " + hex(r.end()) + ")");
                    b.append("],\n};\n");
                }
                case VALUES -> {
                    b.append("#[rustfmt::skip]\npub static ").append(t.rustName()).append(": crate::jrt::CharValues = crate::jrt::CharValues {\n    otherwise: ")
                            .append(t.otherwise).append(",\n    latin1: [");
                    latin1(b, d);
                    b.append("],\n    runs: &[");
                    runs(b, d, r -> "(" + hex(r.start()) + ", " + hex(r.end()) + ", " + r.a() + ", " + r.b() + ")");
                    b.append("],\n};\n");
                }
                case CASE -> {
                    b.append("#[rustfmt::skip]\npub static ").append(t.rustName()).append(": crate::jrt::CharCase = crate::jrt::CharCase {\n    latin1: [");
                    latin1(b, d);
                    b.append("],\n    runs: &[");
                    runs(b, d, r -> "(" + hex(r.start()) + ", " + hex(r.end()) + ", " + r.a() + ", " + r.b() + ")");
                    b.append("],\n};\n");
                }
            }
        }
        if (upperSpecial) {
            b.append("\n/// `String.toUpperCase` of the code points that do not map to `Character.toUpperCase` of them.\n")
                    .append("#[rustfmt::skip]\npub static UPPER_SPECIAL: &[(u32, &[u16])] = &[");
            int i = 0;
            for (Map.Entry<Integer, String> e : upperSpecials().entrySet()) {
                b.append(i++ % 4 == 0 ? "\n    " : " ").append('(').append(hex(e.getKey())).append(", &[");
                String u = e.getValue();
                for (int k = 0; k < u.length(); k++) {
                    b.append(k == 0 ? "" : ", ").append(hex(u.charAt(k)));
                }
                b.append("]),");
            }
            b.append("\n];\n");
        }
        return b.toString();
    }

    private static void latin1(StringBuilder b, Data d) {
        for (int c = 0; c < 256; c++) {
            b.append(c == 0 ? "" : c % 16 == 0 ? ",\n        " : ", ").append(d.latin1[c]);
        }
    }

    private static void runs(StringBuilder b, Data d, java.util.function.Function<Run, String> f) {
        for (int i = 0; i < d.runs.size(); i++) {
            b.append(i % 4 == 0 ? "\n        " : " ").append(f.apply(d.runs.get(i))).append(',');
        }
        if (!d.runs.isEmpty()) {
            b.append("\n    ");
        }
    }

    private static String hex(int c) {
        return String.format(Locale.ROOT, "0x%x", c);
    }

    static Map<String, Integer> sizes() {
        Map<String, Integer> m = new TreeMap<>();
        for (Table t : Table.values()) {
            m.put(t.name(), data(t).runs().size());
        }
        return m;
    }
}

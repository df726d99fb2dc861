package dev.oxidizer.vocabulary;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The names a port of one method gets: Cargo crate, exported C symbol, Java wrapper class and safe Rust function. All
 * derive from the method key alone, so they are stable (the same method always gets the same names) and unique:
 * <ul>
 *   <li>Nested classes keep their outer classes ({@code A$Inner#twice} → crate {@code a_inner_twice}, class
 *       {@code AInnerTwiceRust}), so {@code B$Inner#twice} differs.</li>
 *   <li>An overload carries its parameter types ({@code IntDoubleArray}).</li>
 *   <li>Every name has a bounded length. A name that would exceed it is cut and ends with {@link Names#shortHash} of
 *       the full method key, so two overloads with long names never meet; the symbol always carries that hash.</li>
 *   <li>Crate and symbol are ASCII (Cargo and {@code #[no_mangle]} require it; accents are removed, and a crate name
 *       that lost characters so carries the hash). The Java class and the Rust function keep Unicode letters, which
 *       both languages accept.</li>
 * </ul>
 * The port manifest records the method key beside the names, which is how a name leads back to its method.
 */
public final class PortNames {
    /** Longest crate name (the library file is {@code lib<crate>.so}, and the name is a resource folder). */
    public static final int MAX_CRATE = 48;
    /** Longest method part of a symbol, before {@code _<hash>}. */
    public static final int MAX_SYMBOL_METHOD = 40;
    /**
     * Longest wrapper class name, in UTF-8 bytes: with the longest suffix a generated file adds
     * ({@code DifferentialTest.java}) it stays far below the 255 bytes file systems allow for a file name.
     */
    public static final int MAX_CLASS_BYTES = 96;

    private PortNames() {}

    /**
     * Crate name: {@code <classes>_<method>[_<overload>]} in snake case, ASCII.
     *
     * @param overloaded whether other methods of the class share the name (then the parameter types are part of it)
     */
    public static String crate(MethodKey key, boolean overloaded) {
        StringBuilder sb = new StringBuilder();
        for (String c : key.nestedClassNames()) {
            sb.append(Names.snake(c)).append('_');
        }
        sb.append(Names.snake(key.methodName()));
        if (overloaded) {
            sb.append('_').append(Names.snake(overloadSuffix(key.descriptor())));
        }
        String full = sb.toString();
        String s = Names.snake(Names.ascii(full));
        if (!Character.isLetter(s.charAt(0))) {
            s = "ox_" + s;
        }
        // folding to ASCII can merge names (résumé, resume): a folded name carries the key's hash
        boolean folded = !Names.ascii(full).equals(full);
        if (folded || s.length() > MAX_CRATE || !Names.isCrateName(s)) {
            String stem = s.substring(0, Math.min(s.length(), MAX_CRATE - 9));
            stem = stem.endsWith("_") ? stem.substring(0, stem.length() - 1) : stem;
            s = stem + "_" + Names.shortHash(key.toString());
        }
        return s;
    }

    /** Exported C symbol: {@code ox_<method>_<hash of the key>}, ASCII, the method part cut to {@value #MAX_SYMBOL_METHOD}. */
    public static String symbol(MethodKey key) {
        String m = Names.snake(Names.ascii(key.methodName()));
        if (m.length() > MAX_SYMBOL_METHOD) {
            m = m.substring(0, MAX_SYMBOL_METHOD);
            m = m.endsWith("_") ? m.substring(0, m.length() - 1) : m;
        }
        return "ox_" + m + "_" + Names.shortHash(key.toString());
    }

    /** Prefix of a crate's own exports ({@code <prefix>take_error}). */
    public static String exportPrefix(String crate) {
        return "ox_" + crate + "_";
    }

    /**
     * Java wrapper class: {@code <Classes><Method>[<Overload>]Rust}, e.g. {@code AInnerTwiceRust}; at most
     * {@value #MAX_CLASS_BYTES} UTF-8 bytes, else cut and ending in {@code <hash>Rust}.
     */
    public static String javaClass(MethodKey key, boolean overloaded) {
        StringBuilder sb = new StringBuilder();
        for (String c : key.nestedClassNames()) {
            sb.append(Names.capitalize(c));
        }
        sb.append(Names.capitalize(key.methodName().replace("$", "_")));
        if (overloaded) {
            sb.append(overloadSuffix(key.descriptor()));
        }
        String stem = sb.toString();
        String name = stem + "Rust";
        if (!Names.isJavaIdentifier(name)) {
            stem = "Ported";
            name = stem + Names.shortHash(key.toString()) + "Rust";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_CLASS_BYTES) {
            String suffix = "_" + Names.shortHash(key.toString()) + "Rust";
            int budget = MAX_CLASS_BYTES - suffix.length();
            StringBuilder cut = new StringBuilder();
            for (int cp : stem.codePoints().toArray()) {
                String ch = new String(Character.toChars(cp));
                if (cut.toString().getBytes(StandardCharsets.UTF_8).length + ch.getBytes(StandardCharsets.UTF_8).length > budget) {
                    break;
                }
                cut.append(ch);
            }
            name = cut + suffix;
        }
        return name;
    }

    /** The safe Rust function the user fills in: {@link Names#rustIdentifier} of the method name. */
    public static String rustFunction(MethodKey key) {
        return Names.rustIdentifier(key.methodName());
    }

    /**
     * Parameter types as a name part, e.g. {@code (I[D)D} gives {@code IntDoubleArray}; {@code NoArgs} for none.
     */
    public static String overloadSuffix(String descriptor) {
        if (descriptor == null) {
            return "";
        }
        List<String> types = MethodKey.types(descriptor);
        StringBuilder sb = new StringBuilder();
        for (String d : types.subList(0, types.size() - 1)) {
            String r = JavaTypes.readable(d);
            String simple = r.substring(r.lastIndexOf('.') + 1).replace("$", "");
            sb.append(Names.capitalize(simple.replace("[]", "Array")));
        }
        return sb.isEmpty() ? "NoArgs" : sb.toString();
    }
}

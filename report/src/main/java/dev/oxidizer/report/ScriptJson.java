package dev.oxidizer.report;

/**
 * Makes JSON text safe to place inside an HTML {@code <script type="application/json">} element.
 *
 * <p>The HTML parser ends a script element at the first {@code </script} and treats {@code <!--} inside it
 * specially, whatever the JSON means; a name such as {@code </script><script>alert(1)</script>} would
 * otherwise break out. Replacing {@code <}, {@code >} and {@code &} by their JSON escapes
 * ({@code \u003c} ...) removes every such sequence while {@code JSON.parse} still yields the same value,
 * because those characters can only occur inside JSON strings. U+2028 and U+2029 are escaped too, so the
 * text stays valid if someone pastes it into JavaScript source.
 */
final class ScriptJson {
    private ScriptJson() {}

    /** Returns {@code json} with {@code < > & U+2028 U+2029} written as JSON unicode escapes. */
    static String escape(String json) {
        StringBuilder b = null;
        int copied = 0;
        for (int i = 0; i < json.length(); i++) {
            String e = switch (json.charAt(i)) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (e != null) {
                if (b == null) {
                    b = new StringBuilder(json.length() + 64);
                }
                b.append(json, copied, i).append(e);
                copied = i + 1;
            }
        }
        return b == null ? json : b.append(json, copied, json.length()).toString();
    }
}

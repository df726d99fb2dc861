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
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

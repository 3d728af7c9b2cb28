package io.github.itsmejakarta.testkit.internal;

/** HTML escaping for everything the simulator echoes into a page. Stateless, thread-safe. */
public final class Html {

    private Html() {
    }

    /** Escapes text for an element body or a double- or single-quoted attribute value. */
    public static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package io.express4j.http;

/**
 * HTML escaping as the npm {@code escape-html} package does it, and the fixed error document of
 * {@code finalhandler} 2.1.1, whose bytes (and so Content-Length) clients can observe.
 */
public final class Html {

    private static final String DOCUMENT_TAIL = "</pre>\n</body>\n</html>\n";

    private Html() {}

    /**
     * Replaces {@code & < > " '} by {@code &amp; &lt; &gt; &quot; &#39;}; returns the same instance
     * when nothing needs escaping.
     */
    public static String escape(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && replacement(text.charAt(i)) == null) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16);
        out.append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            String escaped = replacement(c);
            if (escaped == null) {
                out.append(c);
            } else {
                out.append(escaped);
            }
        }
        return out.toString();
    }

    /**
     * finalhandler's page around {@code message}: escaped, newlines as {@code <br>}, each pair of
     * spaces as {@code " &nbsp;"}, inside a fixed HTML skeleton ending with a newline.
     */
    public static String errorDocument(String message) {
        return document("Error", escape(message).replace("\n", "<br>").replace("  ", " &nbsp;"));
    }

    /**
     * The minimal page finalhandler, send and serve-static all write: {@code title} and the already
     * escaped {@code bodyHtml} in a {@code <pre>} (e.g. send's {@code Redirecting to /dir/}).
     */
    public static String document(String title, String bodyHtml) {
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<title>"
                + title
                + "</title>\n"
                + "</head>\n"
                + "<body>\n"
                + "<pre>"
                + bodyHtml
                + DOCUMENT_TAIL;
    }

    private static String replacement(char c) {
        return switch (c) {
            case '"' -> "&quot;";
            case '&' -> "&amp;";
            case '\'' -> "&#39;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> null;
        };
    }
}

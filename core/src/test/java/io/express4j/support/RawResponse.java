package io.express4j.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A response as it came off the wire: status line, header lines in order with their casing, and the body bytes
 * (de-chunked; {@link #chunked()} says whether it was).
 */
public record RawResponse(
        String version,
        int status,
        String reason,
        List<Map.Entry<String, String>> headerLines,
        byte[] body,
        boolean chunked) {
    private static final Pattern IMF_FIXDATE =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headerLines) {
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
        }
        return null;
    }

    /** Every value of a header, one per line, in order. */
    public List<String> headers(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headerLines) {
            if (h.getKey().equalsIgnoreCase(name)) out.add(h.getValue());
        }
        return out;
    }

    public boolean hasHeader(String name) {
        return header(name) != null;
    }

    /** Header names in wire order, with their casing. */
    public List<String> headerNames() {
        return headerLines.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * The status line and header lines as {@code curl -si} prints them, one per line, each ending in a newline, with
     * the {@code Date} value replaced by {@code <date>} once it was checked to be an IMF-fixdate — so a test can
     * compare a whole head, order included, against an oracle capture.
     */
    public String head() {
        StringBuilder sb = new StringBuilder(version)
                .append(' ')
                .append(status)
                .append(' ')
                .append(reason)
                .append('\n');
        for (Map.Entry<String, String> h : headerLines) {
            String value = h.getValue();
            if (h.getKey().equalsIgnoreCase("Date")) {
                if (!IMF_FIXDATE.matcher(value).matches()) throw new AssertionError("not an IMF-fixdate: " + value);
                value = "<date>";
            }
            sb.append(h.getKey()).append(": ").append(value).append('\n');
        }
        return sb.toString();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(version)
                .append(' ')
                .append(status)
                .append(' ')
                .append(reason);
        for (Map.Entry<String, String> h : headerLines)
            sb.append("\n").append(h.getKey()).append(": ").append(h.getValue());
        return sb.append("\n\n").append(text()).toString();
    }
}

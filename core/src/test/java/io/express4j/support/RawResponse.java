package io.express4j.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response as it came off the wire: status line, header lines in order with their casing, and the body bytes
 * (de-chunked; {@link #chunked()} says whether it was).
 */
public record RawResponse(String version, int status, String reason, List<Map.Entry<String, String>> headerLines,
                          byte[] body, boolean chunked) {

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

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(version).append(' ').append(status).append(' ').append(reason);
        for (Map.Entry<String, String> h : headerLines) sb.append("\n").append(h.getKey()).append(": ").append(h.getValue());
        return sb.append("\n\n").append(text()).toString();
    }
}

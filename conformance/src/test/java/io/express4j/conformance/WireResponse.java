package io.express4j.conformance;

import java.util.List;
import java.util.Map;

/**
 * One response as read off the socket: the status line parts, the header lines in wire order with their casing,
 * (values verbatim after the {@code ": "}), the body (de-chunked), how it was framed, and whether it ended early.
 *
 * @param framing   {@code "length"}, {@code "chunked"}, {@code "close"} (read until EOF) or {@code "none"}
 * @param truncated the connection ended (or timed out) before the framing said the body was complete
 */
record WireResponse(
        String version,
        int status,
        String reason,
        List<Map.Entry<String, String>> headers,
        byte[] body,
        String framing,
        boolean truncated) {

    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue().strip();
        }
        return null;
    }
}

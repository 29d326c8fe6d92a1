package io.express4j.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP/2 response as {@link H2Client} received it: the {@code :status}, the header fields in order (names as
 * sent: lower case), the body, the size of each DATA frame (how it was cut on the wire), and the RST_STREAM error
 * code if the stream was reset (else null).
 *
 * @param interim the statuses of 1xx responses before the final one
 */
public record H2Response(
        int status,
        List<Map.Entry<String, String>> headerLines,
        byte[] body,
        List<Integer> dataFrames,
        Long resetCode,
        List<Integer> interim) {

    /** The first value of a header, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headerLines) {
            if (h.getKey().equals(name)) return h.getValue();
        }
        return null;
    }

    public List<String> headers(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headerLines) {
            if (h.getKey().equals(name)) out.add(h.getValue());
        }
        return out;
    }

    public List<String> headerNames() {
        return headerLines.stream().map(Map.Entry::getKey).toList();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Status and header lines with the Date value masked, for whole-head comparisons. */
    public List<String> head() {
        List<String> out = new ArrayList<>();
        out.add(":status: " + status);
        for (Map.Entry<String, String> h : headerLines) {
            out.add(h.getKey() + ": " + (h.getKey().equals("date") ? "<date>" : h.getValue()));
        }
        return out;
    }

    /**
     * What an HTTP/1.1 answer's head becomes over HTTP/2, for comparison with {@link #head()}: names in lower case,
     * the connection-specific headers gone, the Date value masked. Content-Length comes last: Netty's HTTP/2
     * decoder (the test client's) re-sets the field once it has checked it, which moves it to the end.
     */
    public static List<String> http2Head(RawResponse http1) {
        List<String> out = new ArrayList<>();
        out.add(":status: " + http1.status());
        String length = null;
        for (Map.Entry<String, String> h : http1.headerLines()) {
            String name = h.getKey().toLowerCase();
            if (CONNECTION_SPECIFIC.contains(name)) continue;
            if (name.equals("content-length")) length = name + ": " + h.getValue();
            else out.add(name + ": " + (name.equals("date") ? "<date>" : h.getValue()));
        }
        if (length != null) out.add(length);
        return out;
    }

    private static final List<String> CONNECTION_SPECIFIC =
            List.of("connection", "keep-alive", "transfer-encoding", "upgrade");
}

package io.express4j.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The {@code text/event-stream} wire format of the WHATWG HTML standard ("Server-sent events", §9.2.6): each
 * message is a run of {@code field: value} lines ended by a blank line; the stream is UTF-8. A value may not hold a
 * line end, so multi-line data becomes one {@code data:} line per line — CR, LF and CRLF all count as line ends, as
 * they do for the parser in the browser — and the browser joins them again with LF. Field order follows common Node
 * helpers (better-sse): {@code event}, {@code id}, {@code data}.
 */
public final class EventStreamFormat {
    /** The media type, without a charset parameter: the format is always UTF-8 and browsers ignore the parameter. */
    public static final String CONTENT_TYPE = "text/event-stream";

    private EventStreamFormat() {}

    /**
     * One message. {@code event} and {@code id} may be null (left out); {@code data} may not.
     *
     * @throws IllegalArgumentException an event name with a line end, or an id with a line end or NUL (the browser
     *     would split the first and ignore the second; either way the message would not mean what was written)
     */
    public static byte[] message(String event, String data, String id) {
        if (data == null) throw new NullPointerException("data");
        StringBuilder out = new StringBuilder(data.length() + 32);
        if (event != null) {
            if (hasLineEnd(event)) throw new IllegalArgumentException("An SSE event name cannot contain CR or LF");
            out.append("event: ").append(event).append('\n');
        }
        if (id != null) {
            if (hasLineEnd(id) || id.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("An SSE id cannot contain CR, LF or NUL");
            }
            out.append("id: ").append(id).append('\n');
        }
        appendLines(out, "data: ", data);
        return utf8(out.append('\n'));
    }

    /** A comment: ignored by the browser, it keeps proxies and the connection from timing out. */
    public static byte[] comment(String text) {
        if (text == null) throw new NullPointerException("text");
        StringBuilder out = new StringBuilder(text.length() + 4);
        appendLines(out, ": ", text);
        return utf8(out.append('\n'));
    }

    /** The reconnection delay the browser waits before it reconnects, in whole milliseconds. */
    public static byte[] retry(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException("An SSE retry delay cannot be negative");
        return utf8(new StringBuilder("retry: ").append(delay.toMillis()).append("\n\n"));
    }

    /** {@code prefix + line + LF} for each line of {@code text}; an empty text is one empty line. */
    private static void appendLines(StringBuilder out, String prefix, String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n') continue;
            out.append(prefix).append(text, start, i).append('\n');
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
            start = i + 1;
        }
        out.append(prefix).append(text, start, text.length()).append('\n');
    }

    private static boolean hasLineEnd(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }

    private static byte[] utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}

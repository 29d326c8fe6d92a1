package io.express4j.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A whole response, as supertest's {@code res}: status, headers (names lower-case), the body as text, bytes or
 * parsed JSON, and the cookies it set. A gzip or deflate body is decoded, as superagent does (requests ask for
 * them with {@code Accept-Encoding: gzip, deflate}, as supertest's do).
 */
public final class TestResponse {
    private static final int SHOWN_BODY = 1_000;

    private final ResponseHead head;
    private final byte[] body;
    private final Map<String, List<String>> headers;

    TestResponse(ResponseHead head, byte[] body) {
        this.head = head;
        this.body = body;
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : head.fields()) {
            byName.computeIfAbsent(f.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(f.getValue());
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(byName);
    }

    static TestResponse read(ResponseHead head, InputStream framedBody) throws IOException {
        byte[] bytes = framedBody.readAllBytes();
        return new TestResponse(head, decode(head.value("content-encoding"), bytes));
    }

    private static byte[] decode(String encoding, byte[] bytes) throws IOException {
        if (encoding == null || bytes.length == 0) return bytes;
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            default -> bytes;
        };
    }

    /**
     * The status code.
     *
     * @return the status, such as {@code 200}
     */
    public int status() {
        return head.status();
    }

    /**
     * The reason phrase of the status line.
     *
     * @return the phrase as sent, such as {@code OK}
     */
    public String statusMessage() {
        return head.reason();
    }

    /**
     * A header's value; repeated ones are joined with ", ", as Node joins them.
     *
     * @param name the header's name, in any case
     * @return its value, or null when the response has no such header
     */
    public String header(String name) {
        return head.value(name);
    }

    /**
     * Every header.
     *
     * @return header names in lower case, in the order first sent, each with its values in the order sent
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The body as text.
     *
     * @return the body decoded with the Content-Type's charset (UTF-8 when it names none or an unknown one)
     */
    public String text() {
        return new String(body, charset());
    }

    /**
     * The body as bytes, after gzip or deflate decoding.
     *
     * @return a copy of the body
     */
    public byte[] bytes() {
        return body.clone();
    }

    /**
     * The body parsed as JSON.
     *
     * @return maps, lists, strings, numbers, booleans or null, as the JSON holds
     */
    public Object json() {
        return Json.parse(text());
    }

    /**
     * The cookies this response sets, from its Set-Cookie headers.
     *
     * @return name → value, in the order set
     */
    public Map<String, String> cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String line : headers.getOrDefault("set-cookie", List.of())) {
            SetCookie cookie = SetCookie.parse(line);
            if (cookie != null) cookies.put(cookie.name(), cookie.value());
        }
        return cookies;
    }

    private Charset charset() {
        String type = header("content-type");
        if (type != null) {
            for (String param : type.split(";")) {
                String p = param.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The response as a failed expectation shows it: status line, headers, and the body cut at 1,000 characters. */
    String describe() {
        StringBuilder out = new StringBuilder(head.version())
                .append(' ')
                .append(head.status())
                .append(' ')
                .append(head.reason())
                .append('\n');
        for (Map.Entry<String, String> f : head.fields()) {
            out.append(f.getKey()).append(": ").append(f.getValue()).append('\n');
        }
        String text = text();
        out.append('\n').append(text.length() > SHOWN_BODY ? text.substring(0, SHOWN_BODY) : text);
        if (text.length() > SHOWN_BODY)
            out.append("… (").append(text.length() - SHOWN_BODY).append(" more)");
        return out.toString();
    }

    /** The response as a failed expectation shows it: status line, headers, and the body cut at 1,000 characters. */
    @Override
    public String toString() {
        return describe();
    }
}

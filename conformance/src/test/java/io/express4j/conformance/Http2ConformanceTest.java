package io.express4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.Server;
import io.express4j.ServerOptions;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The corpus over HTTP/2: every case that is one plain request (request line, headers, a body of its declared
 * length) is sent to the express4j twin app over HTTP/1.1 and, as an h2c stream, over HTTP/2; the answers must
 * agree — status, header fields in order (names lower-cased, without Connection, Keep-Alive and Transfer-Encoding,
 * which HTTP/2 forbids) and body bytes — up to the Date value and a multipart boundary (random per response).
 * Left out: wire-level and connection cases (framing, pipelining, keep-alive: HTTP/1.1's own), requests HTTP/2
 * cannot carry (Transfer-Encoding, Connection, Upgrade, HTTP/1.0, absolute or asterisk targets, a missing Host),
 * and cases whose answers depend on state the first request changes (rate-limit counters, session ids).
 */
class Http2ConformanceTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Set<String> SKIPPED_FILES = Set.of("07-connection.txt", "09-wire.txt", "99-pending.txt");
    private static final Set<String> FORBIDDEN = Set.of(
            "transfer-encoding",
            "connection",
            "upgrade",
            "keep-alive",
            "proxy-connection",
            "te",
            "expect",
            "http2-settings");
    /** Cases whose HTTP/2 answer differs on purpose, and why. */
    private static final Map<String, String> EXPECTED = Map.of(
            "req.http-version", "req.httpVersion() is 2.0 over HTTP/2",
            "req.http-version.head", "req.httpVersion() is 2.0 over HTTP/2 (the ETag of that body)");

    private static final Pattern BOUNDARY = Pattern.compile("boundary=([0-9a-f]+)");

    @Test
    void http2AnswersAsHttp11() throws Exception {
        Path fixtures = FixtureCopy.of(MODULE.resolve("fixtures"), ConformanceTest.FIXTURE_MTIME);
        List<Case> cases = Corpus.load(MODULE.resolve("src/test/resources/corpus"));
        Server dev = TwinApp.build("development", fixtures).listen(0, "127.0.0.1", new ServerOptions().http2(true));
        Server prod = TwinApp.build("production", fixtures).listen(0, "127.0.0.1", new ServerOptions().http2(true));
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int expected = 0;
        try (H2WireClient devH2 = new H2WireClient(dev.port());
                H2WireClient prodH2 = new H2WireClient(prod.port())) {
            for (Case c : cases) {
                Request request = plain(c);
                if (request == null) continue;
                WireExchange http1 = WireClient.exchange(c.production() ? prod.port() : dev.port(), c);
                if (http1.responses().size() != 1 || !http1.end().equals("ok")) continue;
                WireResponse r1 = http1.responses().get(0);
                if (r1.status() < 200 || "close".equalsIgnoreCase(r1.header("Connection"))) {
                    continue; // a bare refusal by the HTTP/1.1 decoder, or an answer that ends the connection
                }
                H2WireClient.Answer r2 = (c.production() ? prodH2 : devH2)
                        .exchange(request.headers(), request.body(), c.timeoutMillis());
                compared++;
                String diff = compare(r1, r2);
                if (diff != null && EXPECTED.containsKey(c.id())) {
                    System.out.println(c.id() + " differs as expected: " + EXPECTED.get(c.id()));
                    expected++;
                } else if (diff != null) {
                    differences.add(c.id() + ": " + diff);
                }
            }
        } finally {
            dev.close();
            prod.close();
        }
        differences.forEach(System.out::println);
        System.out.println("conformance over HTTP/2: " + compared + " cases compared with their HTTP/1.1 answers, "
                + (compared - expected - differences.size()) + " identical, " + expected + " differ as expected");
        assertThat(compared).as("cases compared").isGreaterThan(700);
        assertThat(differences).as("HTTP/2 answers that differ from HTTP/1.1's").isEmpty();
    }

    record Request(Http2Headers headers, byte[] body) {}

    /** The case as HTTP/2 request headers and body, or null when it is not one plain request. */
    private static Request plain(Case c) {
        if (SKIPPED_FILES.contains(c.source().split(":")[0]) || c.methods().size() != 1) return null;
        if (c.id().startsWith("limit.") || c.source().startsWith("16-session")) return null;
        byte[] raw = c.request();
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) return null;
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !requestLine[2].equals("HTTP/1.1") || !requestLine[1].startsWith("/")) {
            return null;
        }
        Http2Headers headers = new DefaultHttp2Headers(false)
                .method(requestLine[0])
                .path(requestLine[1])
                .scheme("http");
        long length = 0;
        int hosts = 0;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) return null;
            String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (FORBIDDEN.contains(name) || !name.matches("[a-z0-9!#$%&'*+.^_`|~-]+")) return null;
            if (name.equals("host")) {
                if (value.isEmpty()) return null; // an empty :authority is malformed in HTTP/2
                hosts++;
                headers.authority(value);
            } else {
                if (name.equals("content-length")) {
                    if (!value.matches("\\d{1,9}")) return null;
                    length = Long.parseLong(value);
                }
                headers.add(name, value);
            }
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if (hosts != 1 || body.length != length) return null;
        return new Request(headers, body);
    }

    /** Null when the HTTP/2 answer is the HTTP/1.1 one, else what differs. */
    private static String compare(WireResponse http1, H2WireClient.Answer http2) {
        if (!http2.end().equals("ok")) return "HTTP/2 stream ended: " + http2.end();
        if (http1.status() != http2.status()) return "status " + http1.status() + " vs " + http2.status();
        String boundary1 = boundary(http1.headers());
        String boundary2 = boundary(http2.headers());
        List<String> head1 = new ArrayList<>();
        String length = null;
        for (Map.Entry<String, String> h : http1.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (Set.of("connection", "keep-alive", "transfer-encoding").contains(name)) continue;
            String line = name + ": " + normalise(name, h.getValue().strip(), boundary1);
            // Netty's HTTP/2 decoder (the client's) re-sets content-length after checking it: it arrives last
            if (name.equals("content-length")) length = line;
            else head1.add(line);
        }
        if (length != null) head1.add(length);
        List<String> head2 = new ArrayList<>();
        for (Map.Entry<String, String> h : http2.headers()) {
            head2.add(h.getKey() + ": " + normalise(h.getKey(), h.getValue(), boundary2));
        }
        if (!head1.equals(head2)) return "headers " + head1 + " vs " + head2;
        String body1 = new String(http1.body(), StandardCharsets.ISO_8859_1);
        String body2 = new String(http2.body(), StandardCharsets.ISO_8859_1);
        if (boundary1 != null) body1 = body1.replace(boundary1, "<boundary>");
        if (boundary2 != null) body2 = body2.replace(boundary2, "<boundary>");
        return body1.equals(body2) ? null : "body (" + http1.body().length + " vs " + http2.body().length + " bytes)";
    }

    private static String normalise(String name, String value, String boundary) {
        if (name.equals("date")) return "<date>";
        return boundary == null ? value : value.replace(boundary, "<boundary>");
    }

    private static String boundary(List<Map.Entry<String, String>> headers) {
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase("content-type")) continue;
            Matcher m = BOUNDARY.matcher(h.getValue());
            if (m.find()) return m.group(1);
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}

package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The requests of Express's body-parser tests, each on a fresh server: {@code POST /} with a body as one piece
 * (with its Content-Length) or in chunks, and the one check they all make, status and body text.
 */
final class BodyParserRequests {
    private BodyParserRequests() {}

    static RawResponse post(App app, Map<String, String> headers, String body) {
        try (TestServer server = TestServer.serve(app)) {
            return server.request("POST", "/", headers, body);
        }
    }

    static RawResponse post(App app, Map<String, String> headers, byte[] body) {
        try (TestServer server = TestServer.serve(app)) {
            return server.requestBytes("POST", "/", headers, body);
        }
    }

    /** Chunked: one chunk per array, so a parser sees the body arrive in pieces. */
    static RawResponse write(App app, Map<String, String> headers, byte[]... chunks) {
        try (TestServer server = TestServer.serve(app)) {
            return server.chunked("POST", "/", headers, chunks);
        }
    }

    /** {@code base} plus one header. */
    static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(name, value);
        return all;
    }

    static void expect(RawResponse r, int status, String body) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.text()).isEqualTo(body);
    }
}

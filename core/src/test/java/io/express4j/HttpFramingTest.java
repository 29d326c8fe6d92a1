package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request framing defences (RFC 9112 §2–§7): every ambiguous or malformed head gets a bare error response
 * ({@code Connection: close}, no body) and the connection is closed, so nothing after the bad bytes can be taken for
 * a request; no handler ever runs for such a request.
 */
class HttpFramingTest {
    private final AtomicInteger handled = new AtomicInteger();
    private TestServer server;

    @BeforeEach
    void start() {
        App app = Express.app();
        app.use((req, res, next) -> {
            handled.incrementAndGet();
            next.run();
        });
        app.get("/", (req, res) -> res.send("root"));
        app.post("/echo", (req, res) -> res.send(new String(req.inputStream().readAllBytes(), StandardCharsets.UTF_8)));
        app.get("/where", (req, res) -> res.send(req.hostname() + " " + req.path() + " " + req.url()));
        app.method("BREW", "/", (req, res) -> res.send("brewing")); // two-argument lambda, no cast
        server = TestServer.serve(app);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // Content-Length and Transfer-Encoding (RFC 9112 §6.1, §6.3)
                Arguments.of(
                        "CL with TE",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nX"),
                Arguments.of(
                        "TE with CL",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                + "Content-Length: 3\r\n\r\n0\r\n\r\n"),
                Arguments.of(
                        "duplicate CL, same value",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n" + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc"),
                Arguments.of(
                        "duplicate CL, other value",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n" + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
                Arguments.of("CL list", 400, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc"),
                Arguments.of(
                        "duplicate CL in HTTP/1.0",
                        400,
                        "POST /echo HTTP/1.0\r\nContent-Length: 3\r\n" + "Content-Length: 5\r\n\r\nabcde"),
                Arguments.of("CL with sign", 400, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc"),
                Arguments.of("negative CL", 400, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
                Arguments.of("hex CL", 400, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 0x3\r\n\r\nabc"),
                Arguments.of("empty CL", 400, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n"),
                Arguments.of(
                        "CL with inner space",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1 2\r\n" + "\r\n"),
                Arguments.of(
                        "huge CL",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + "99999999999999999999\r\n\r\n"),
                Arguments.of(
                        "TE not ending in chunked",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n" + "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"),
                Arguments.of(
                        "TE identity (an unknown coding)",
                        501,
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n" + "\r\n"),
                Arguments.of(
                        "TE chunked twice",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                Arguments.of(
                        "TE lookalike (an unknown coding)",
                        501,
                        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n" + "\r\n0\r\n\r\n"),
                Arguments.of(
                        "TE gzip alone", 501, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n" + "\r\n"),
                Arguments.of(
                        "TE in HTTP/1.0",
                        400,
                        "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n" + "0\r\n\r\n"),
                Arguments.of(
                        "TE gzip then chunked",
                        501,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n" + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                // header lines (RFC 9112 §5)
                Arguments.of("obs-fold", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"),
                Arguments.of("obs-fold with tab", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n"),
                Arguments.of("space before colon", 400, "GET / HTTP/1.1\r\nHost : x\r\n\r\n"),
                Arguments.of("tab before colon", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A\t: b\r\n\r\n"),
                Arguments.of("line starting with space", 400, "GET / HTTP/1.1\r\n Host: x\r\n\r\n"),
                Arguments.of("header without colon", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A\r\n\r\n"),
                Arguments.of("empty header name", 400, "GET / HTTP/1.1\r\nHost: x\r\n: b\r\n\r\n"),
                Arguments.of("bare CR in a value", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"),
                Arguments.of("bare LF line ends", 400, "GET / HTTP/1.1\nHost: x\n\n"),
                Arguments.of("bare LF in a value", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\nX-B: b\r\n\r\n"),
                Arguments.of("bare CR ending the head", 400, "GET / HTTP/1.1\r\nHost: x\r\n\r\r\n"),
                Arguments.of("NUL in a value", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"),
                Arguments.of("control char in a value", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u001bb\r\n\r\n"),
                Arguments.of("DEL in a value", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u007fb\r\n\r\n"),
                Arguments.of("NUL in a name", 400, "GET / HTTP/1.1\r\nHost: x\r\nX-\u0000A: b\r\n\r\n"),
                Arguments.of("separator in a name", 400, "GET / HTTP/1.1\r\nHost: x\r\nX(A): b\r\n\r\n"),
                // request line (RFC 9112 §3)
                Arguments.of("NUL in the target", 400, "GET /a\u0000b HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("bare CR in the request line", 400, "GET /a\rb HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("bare CR as separator", 400, "GET\r/ HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("tab as separator", 400, "GET\t/ HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("two spaces", 400, "GET  / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("trailing space", 400, "GET / HTTP/1.1 \r\nHost: x\r\n\r\n"),
                Arguments.of("no version", 400, "GET /\r\nHost: x\r\n\r\n"),
                Arguments.of("lower-case version", 400, "GET / http/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("version with extra digit", 400, "GET / HTTP/1.11\r\nHost: x\r\n\r\n"),
                Arguments.of("HTTP/2.0 request line", 505, "GET / HTTP/2.0\r\nHost: x\r\n\r\n"),
                Arguments.of("HTTP/0.9 style", 400, "GET /\r\n\r\n"),
                Arguments.of("HTTP/1.2", 400, "GET / HTTP/1.2\r\nHost: x\r\n\r\n"),
                Arguments.of("raw UTF-8 in the path", 400, "GET /caf\u00c3\u00a9 HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("raw byte in the query", 400, "GET /?q=\u00ff HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("method not a token", 400, "G(T / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("garbage", 400, "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\r\n\r\n"),
                // request target forms (RFC 9112 §3.2)
                Arguments.of("asterisk-form with GET", 400, "GET * HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("authority-form with GET", 400, "GET example.com:80 HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("absolute-form, other scheme", 400, "GET ftp://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("absolute-form, no authority", 400, "GET http:///a HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of(
                        "absolute-form with userinfo",
                        400,
                        "GET http://u@example.com/ HTTP/1.1\r\nHost: x\r\n" + "\r\n"),
                Arguments.of("relative target", 400, "GET a/b HTTP/1.1\r\nHost: x\r\n\r\n"),
                // Host (RFC 9112 §3.2)
                Arguments.of("HTTP/1.1 without Host", 400, "GET / HTTP/1.1\r\n\r\n"),
                Arguments.of("two Host headers", 400, "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                Arguments.of("two Host headers in HTTP/1.0", 400, "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n"),
                Arguments.of("Host with a space", 400, "GET / HTTP/1.1\r\nHost: a b\r\n\r\n"),
                Arguments.of("Host with a slash", 400, "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n"),
                Arguments.of("Host with a bad port", 400, "GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n"),
                // methods
                Arguments.of("unknown method", 501, "FOO / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("lower-case method", 501, "get / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("CONNECT", 501, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
                // expectations
                Arguments.of(
                        "unknown expectation",
                        417,
                        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n" + "Content-Length: 1\r\n\r\na"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("refused")
    void refusesAndCloses(String name, int status, String raw) {
        try (RawClient client = server.connect()) {
            RawResponse r =
                    client.send(raw.getBytes(StandardCharsets.ISO_8859_1)).read("GET");
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.headerLines())
                    .extracting(e -> e.getKey() + ": " + e.getValue())
                    .containsExactly("Connection: close");
            assertThat(r.body()).isEmpty();
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
        assertThat(handled).hasValue(0);
        assertThat(server.get("/").status()).isEqualTo(200); // the server keeps serving
    }

    /** Broken chunked framing is found after dispatch: the handler sees its body read fail, the client a 400. */
    static Stream<Arguments> brokenChunks() {
        return Stream.of(
                Arguments.of(
                        "chunk size not hex",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
                Arguments.of(
                        "chunk size overflow",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\nabc\r\n0\r\n\r\n"),
                Arguments.of(
                        "empty chunk size",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n"),
                Arguments.of(
                        "chunk extension with control",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n3;a=\u0001\r\nabc\r\n0\r\n\r\n"),
                Arguments.of(
                        "chunk data overrun",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n"),
                Arguments.of(
                        "chunk size with bare LF",
                        400,
                        "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("brokenChunks")
    void refusesABrokenChunkedBodyAndCloses(String name, int status, String raw) {
        try (RawClient client = server.connect()) {
            RawResponse r =
                    client.send(raw.getBytes(StandardCharsets.ISO_8859_1)).read("POST");
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.headerLines())
                    .extracting(e -> e.getKey() + ": " + e.getValue())
                    .containsExactly("Connection: close");
            assertThat(r.body()).isEmpty();
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
        assertThat(server.get("/").status()).isEqualTo(200);
    }

    /** Issue 18: RFC 9112 §6.1, a transfer coding the server does not implement is 501, not 400. */
    @Test
    void anUnknownTransferCodingGetsExactlyABare501() {
        try (RawClient client = server.connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
            assertThat(new String(client.readToClose(), StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 501 Not Implemented\r\nConnection: close\r\n\r\n");
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void theReasonPhrasesAreTheStandardOnes() {
        assertThat(server.raw("GET", "FOO / HTTP/1.1\r\nHost: x\r\n\r\n").reason())
                .isEqualTo("Not Implemented");
        assertThat(server.raw("GET", "GET / HTTP/1.1\r\n\r\n").reason()).isEqualTo("Bad Request");
        assertThat(server.raw("GET", "GET / HTTP/3.0\r\nHost: x\r\n\r\n").reason())
                .isEqualTo("HTTP Version Not Supported");
    }

    @Test
    void aSmuggledRequestAfterAFramingErrorIsNeverServed() {
        // CL.TE: a front end honouring Content-Length would forward "0\r\n\r\nGET /where…" as one body.
        try (RawClient client = server.connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 43\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\nGET /where HTTP/1.1\r\nHost: smuggled\r\n\r\n");
            assertThat(client.read("POST").status()).isEqualTo(400);
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void requestsBeforeTheBadOneAreAnsweredThenTheConnectionCloses() {
        try (RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nX-A: a\r\n b\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse first = client.read("GET");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.text()).isEqualTo("root");
            assertThat(client.read("GET").status()).isEqualTo(400);
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
        assertThat(handled).hasValue(1);
    }

    @Test
    void aBadChunkAfterTheResponseStartedClosesWithoutA400() throws Exception {
        App app = Express.app();
        app.post("/early", (req, res) -> {
            res.write("started;");
            try {
                req.inputStream().readAllBytes();
                res.end("read");
            } catch (java.io.IOException e) {
                res.end("body failed");
            }
        });
        try (TestServer s = TestServer.serve(app);
                RawClient client = s.connect()) {
            client.send("POST /early HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
            Thread.sleep(100);
            client.send("zz\r\n");
            RawResponse r = client.read("POST");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualTo("keep-alive"); // the head left before the error
            assertThat(r.text()).isEqualTo("started;body failed");
            assertThat(client.isClosedByServer(2_000)).isTrue();
        }
    }

    @Test
    void aValidChunkedBodyWithExtensionsAndTrailersIsAccepted() {
        RawResponse r = server.raw(
                "POST",
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
                        + "3;name=value\r\nabc\r\n2 ; q=\"x\"\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("abcde");
    }

    @Test
    void leadingEmptyLinesBeforeTheRequestLineAreIgnored() {
        // RFC 9112 §2.2: e.g. the CRLF some clients send after a POST body.
        try (RawClient client = server.connect()) {
            client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.read("POST").text()).isEqualTo("hi");
            assertThat(client.read("GET").text()).isEqualTo("root");
        }
    }

    @Test
    void absoluteFormTakesTheHostFromTheTarget() {
        // RFC 9112 §3.2.2: the authority of an absolute-form target replaces Host; Express's url stays as sent.
        RawResponse r = server.raw("GET", "GET http://example.com:8080/where?x=1 HTTP/1.1\r\nHost: other\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("example.com /where http://example.com:8080/where?x=1");
    }

    @Test
    void asteriskFormOptionsAsksAboutTheServer() {
        RawResponse r = server.raw("OPTIONS", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.header("Connection")).isEqualTo("keep-alive");
        assertThat(handled).hasValue(1); // middleware may still answer it, as in Express
    }

    @Test
    void hostIsOptionalInHttp10() {
        RawResponse r = server.raw("GET", "GET / HTTP/1.0\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("root");
    }

    @Test
    void hostMayBeAnIpLiteralOrEmpty() {
        assertThat(server.raw("GET", "GET / HTTP/1.1\r\nHost: [::1]:3000\r\n\r\n")
                        .status())
                .isEqualTo(200);
        assertThat(server.raw("GET", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .status())
                .isEqualTo(200);
        assertThat(server.raw("GET", "GET / HTTP/1.1\r\nHost:\r\n\r\n").status())
                .isEqualTo(200);
    }

    @Test
    void aMethodARouteDeclaresIsServed() {
        RawResponse r = server.raw("BREW", "BREW / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("brewing");
    }

    @Test
    void standardMethodsWithoutARouteReachTheAppAndGet404() {
        RawResponse r = server.raw("PROPFIND", "PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).contains("Cannot PROPFIND /");
    }

    @Test
    void headerValuesMayHoldTabsAndObsText() {
        RawResponse r = server.raw("GET", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\tb \u00e9\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
    }
}

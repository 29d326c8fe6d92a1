package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.NodeMethods;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Express 5's test/res.send.js (EXPRESS.md §6.1, rows in order) and the §9 captures of {@code /send/*}. */
class ResSendTest {
    private static final String DASHES = "-".repeat(999);

    private static RawResponse get(App app) {
        return once(app, "GET", "/");
    }

    private static RawResponse get(App app, String header, String value) {
        return once(app, "GET", "/", Map.of(header, value));
    }

    private static App app(Handler handler) {
        App app = Express.app();
        app.use(handler);
        return app;
    }

    @Nested
    class Bodies {
        @Test
        void sendWithoutBodyIsEmpty() { // row 1
            RawResponse r = get(app((req, res) -> res.send()));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void sendNullIsAnEmptyBodyWithLengthZero() { // row 2
            RawResponse r = get(app((req, res) -> res.send((Object) null)));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("0");
            assertThat(r.body()).isEmpty();
        }

        @Test
        void sendUndefinedIsEmpty() { // row 3
            RawResponse r = get(app((req, res) -> res.send(Express.UNDEFINED)));
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    Content-Length: 0
                    """);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void numberIsSentAsJson() { // row 4
            RawResponse r = get(app((req, res) -> res.send(1000)));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(r.text()).isEqualTo("1000");
        }

        @Test
        void stringIsSentAsHtml() { // row 5
            RawResponse r = get(app((req, res) -> res.send("<p>hey</p>")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.text()).isEqualTo("<p>hey</p>");
        }

        @Test
        void stringGetsAnETag() { // row 6
            RawResponse r = get(app((req, res) -> res.send(DASHES)));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("ETag")).isEqualTo("W/\"3e7-qPnkJ3CVdVhFJQvUBfF10TmVA7g\"");
        }

        @Test
        void stringKeepsTheContentTypeAndAddsTheCharset() { // row 7
            RawResponse r =
                    get(app((req, res) -> res.set("Content-Type", "text/plain").send("hey")));
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.text()).isEqualTo("hey");
        }

        @Test
        void stringOverridesTheCharset() { // row 8
            RawResponse r = get(app((req, res) ->
                    res.set("Content-Type", "text/plain; charset=iso-8859-1").send("hey")));
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.text()).isEqualTo("hey");
        }

        @Test
        void stringPreservesOtherParameters() { // row 9
            RawResponse r = get(app(
                    (req, res) -> res.set("Content-Type", "text/plain; foo=bar").send("hey")));
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; foo=bar; charset=utf-8");
            assertThat(r.text()).isEqualTo("hey");
        }

        @Test
        void stringDoesNotThrowOnAMalformedParameter() { // row 10
            RawResponse r = get(
                    app((req, res) -> res.set("Content-Type", "text/plain; foo").send("hey")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.text()).isEqualTo("hey");
        }

        /** Oracle: type and parameter names are lower-cased, values kept. */
        @Test
        void stringNormalisesTheContentType() {
            RawResponse r = get(app((req, res) -> {
                res.setHeader("Content-Type", "TEXT/Plain; Foo=Bar");
                res.send("x");
            }));
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; foo=Bar; charset=utf-8");
        }

        /** Oracle: a Content-Type that is no media type makes send throw (TypeError: Invalid type: garbage). */
        @Test
        void stringRefusesAnInvalidContentType() {
            App app = app((req, res) -> {
                res.setHeader("Content-Type", "garbage");
                res.send("x");
            });
            app.set("env", "test");
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.headerNames())
                    .containsSubsequence(
                            "X-Powered-By",
                            "Content-Type",
                            "Content-Security-Policy",
                            "X-Content-Type-Options",
                            "Content-Length",
                            "Date");
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.text()).contains("<pre>java.lang.IllegalArgumentException: Invalid type: garbage<br>");
        }

        /** Oracle: the literal false an unknown extension left behind counts as no Content-Type. */
        @Test
        void stringReplacesTheLiteralFalseContentType() {
            RawResponse r =
                    get(app((req, res) -> res.set("Content-Type", "nosuchext").send("x")));
            assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.header("ETag")).isEqualTo("W/\"1-EfatjsUqKYSrqv18O1FlA3hcIHI\"");
        }

        @Test
        void bytesKeepTheCharsetOfTheContentType() { // row 11
            RawResponse r = get(app((req, res) -> res.set("Content-Type", "text/plain; charset=iso-8859-1")
                    .send("hi".getBytes(StandardCharsets.UTF_8))));
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=iso-8859-1");
            assertThat(r.text()).isEqualTo("hi");
        }

        @Test
        void bytesAreSentAsOctetStream() { // row 12
            RawResponse r = get(app((req, res) -> res.send("hello".getBytes(StandardCharsets.UTF_8))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(r.body()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void bytesGetTheSameETagAsTheEqualString() { // row 13
            RawResponse r = get(app((req, res) -> res.send(DASHES.getBytes(StandardCharsets.UTF_8))));
            assertThat(r.header("ETag")).isEqualTo("W/\"3e7-qPnkJ3CVdVhFJQvUBfF10TmVA7g\"");
        }

        @Test
        void bytesKeepTheContentType() { // row 14
            RawResponse r = get(app(
                    (req, res) -> res.set("Content-Type", "text/plain").send("hey".getBytes(StandardCharsets.UTF_8))));
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.text()).isEqualTo("hey");
        }

        @Test
        void byteBufferIsBinaryLikeUint8Array() { // row 15
            RawResponse r = get(app((req, res) -> res.set("Content-Type", "text/plain")
                    .send(ByteBuffer.wrap("hey".getBytes(StandardCharsets.UTF_8)))));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.text()).isEqualTo("hey");
        }

        @Test
        void bytesDoNotOverrideASetETag() { // row 16
            RawResponse r = get(app((req, res) ->
                    res.type("text/plain").set("ETag", "\"foo\"").send("hey".getBytes(StandardCharsets.UTF_8))));
            assertThat(r.header("ETag")).isEqualTo("\"foo\"");
            assertThat(r.text()).isEqualTo("hey");
        }

        @Test
        void mapIsSentAsJson() { // row 17
            RawResponse r = get(app((req, res) -> res.send(Map.of("name", "tobi"))));
            assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(r.text()).isEqualTo("{\"name\":\"tobi\"}");
        }
    }

    @Nested
    class Stripping {
        @Test
        void headIgnoresTheBody() { // row 18
            RawResponse r = once(app((req, res) -> res.send("yay")), "HEAD", "/");
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Content-Type: text/html; charset=utf-8
                    Content-Length: 3
                    ETag: W/"3-RRH4wOITyOxRVZ60of/MvH5CcQ4"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void status204StripsContentFieldsTransferEncodingAndBody() { // row 19
            RawResponse r = get(app((req, res) ->
                    res.status(204).set("Transfer-Encoding", "chunked").send("foo")));
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 204 No Content
                    X-Powered-By: express4j
                    ETag: W/"3-C+7Hteo/D9vJXQ3UfzxbwnXaijM"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void status205StripsTransferEncodingAndBodyAndSetsLengthZero() { // row 20
            RawResponse r = get(app((req, res) ->
                    res.status(205).set("Transfer-Encoding", "chunked").send("foo")));
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 205 Reset Content
                    X-Powered-By: express4j
                    Content-Type: text/html; charset=utf-8
                    ETag: W/"3-C+7Hteo/D9vJXQ3UfzxbwnXaijM"
                    Content-Length: 0
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void status304StripsContentFieldsTransferEncodingAndBody() { // row 21
            RawResponse r = get(app((req, res) ->
                    res.status(304).set("Transfer-Encoding", "chunked").send("foo")));
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 304 Not Modified
                    X-Powered-By: express4j
                    ETag: W/"3-C+7Hteo/D9vJXQ3UfzxbwnXaijM"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.body()).isEmpty();
        }
    }

    @Nested
    class Freshness {
        @Test
        void shortBodiesAreCheckedToo() { // row 22
            App app = app((req, res) -> res.set("ETag", "\"asdf\"").send("hey"));
            RawResponse r = get(app, "If-None-Match", "\"asdf\"");
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void answers304WhenFresh() { // row 23
            App app = app((req, res) -> res.set("ETag", "\"asdf\"").send(DASHES));
            RawResponse r = get(app, "If-None-Match", "\"asdf\"");
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.hasHeader("Content-Length")).isFalse();
            assertThat(r.body()).isEmpty();
        }

        @Test
        void noFreshnessCheckOutside2xxAnd304() { // row 24
            App app = app((req, res) -> res.status(500).set("ETag", "\"asdf\"").send("hey"));
            RawResponse r = get(app, "If-None-Match", "\"asdf\"");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.text()).isEqualTo("hey");
        }
    }

    @Test
    void doesNotSupportJsonpCallbacks() { // row 25
        RawResponse r = once(app((req, res) -> res.send(Map.of("foo", "bar"))), "GET", "/?callback=foo");
        assertThat(r.text()).isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void isChainable() throws Exception { // row 26
        AtomicReference<Object> response = new AtomicReference<>();
        // completed after send returns, which may be after the client has read the response
        CompletableFuture<Object> returned = new CompletableFuture<>();
        RawResponse r = get(app((req, res) -> {
            response.set(res);
            returned.complete(res.send("hey"));
        }));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("hey");
        assertThat(returned.get(10, TimeUnit.SECONDS)).isSameAs(response.get());
    }

    @Nested
    class ETagSetting {
        @Test
        void enabledSendsAWeakETag() { // row 27
            App app = app((req, res) -> res.send("kajdslfkasdf"));
            app.enable("etag");
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("ETag")).isEqualTo("W/\"c-IgR/L5SF7CJQff4wxKGF/vfPuZ0\"");
        }

        @Test
        void isSentForTheEmptyString() { // row 29
            App app = app((req, res) -> res.send(""));
            app.enable("etag");
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("ETag")).isEqualTo("W/\"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk\"");
        }

        @Test
        void isSentForALongBody() { // row 30
            App app = app((req, res) -> res.send(DASHES));
            app.enable("etag");
            assertThat(get(app).header("ETag")).isEqualTo("W/\"3e7-qPnkJ3CVdVhFJQvUBfF10TmVA7g\"");
        }

        @Test
        void doesNotOverrideAManualETag() { // row 31
            App app = app((req, res) -> {
                res.set("etag", "\"asdf\"");
                res.send("hello!");
            });
            app.enable("etag");
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers("ETag")).containsExactly("\"asdf\"");
        }

        @Test
        void isNotSentForSendWithoutBody() { // row 32
            App app = app((req, res) -> res.send());
            app.enable("etag");
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("ETag")).isFalse();
        }

        @Test
        void disabledSendsNoETag() { // row 33
            App app = app((req, res) -> res.send(DASHES));
            app.disable("etag");
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("ETag")).isFalse();
        }

        @Test
        void disabledStillSendsAManualETag() { // row 34
            App app = Express.app();
            app.disable("etag");
            app.use((req, res) -> {
                res.set("etag", "\"asdf\"");
                res.send("hello!");
            });
            assertThat(get(app).header("ETag")).isEqualTo("\"asdf\"");
        }

        @Test
        void strongSendsAStrongETag() { // row 35
            App app = Express.app();
            app.set("etag", "strong");
            app.use((req, res) -> res.send("hello, world!"));
            assertThat(get(app).header("ETag")).isEqualTo("\"d-HwnTDHB9U/PRbFMN1z1wps51lqk\"");
        }

        @Test
        void weakSendsAWeakETag() { // row 36
            App app = Express.app();
            app.set("etag", "weak");
            app.use((req, res) -> res.send("hello, world!"));
            assertThat(get(app).header("ETag")).isEqualTo("W/\"d-HwnTDHB9U/PRbFMN1z1wps51lqk\"");
        }

        @Test
        void aFunctionMakesTheETag() { // row 37
            AtomicReference<String> seen = new AtomicReference<>();
            App app = Express.app();
            app.etag(body -> {
                seen.set(new String(body, StandardCharsets.UTF_8));
                return "\"custom\"";
            });
            app.use((req, res) -> res.send("hello, world!"));
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("ETag")).isEqualTo("\"custom\"");
            assertThat(seen.get()).isEqualTo("hello, world!");
        }

        @Test
        void aFunctionReturningNullSendsNoETag() { // row 38
            App app = Express.app();
            app.etag(body -> null);
            app.use((req, res) -> res.send("hello, world!"));
            RawResponse r = get(app);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.hasHeader("ETag")).isFalse();
        }
    }

    /** Node 20's {@code http.METHODS} without CONNECT, as Express's own loop uses them. */
    static Stream<String> methods() {
        return NodeMethods.WITHOUT_CONNECT.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void etagIsSentForEveryMethod(String method) { // row 28, "etag" setting
        App app = Express.app();
        app.method(method, "/", (Handler) (req, res) -> res.send("kajdslfkasdf"));
        RawResponse r = once(app, method, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("W/\"c-IgR/L5SF7CJQff4wxKGF/vfPuZ0\"");
        assertThat(r.header("Content-Length")).isEqualTo("12");
        assertThat(r.text()).isEqualTo(method.equals("HEAD") ? "" : "kajdslfkasdf");
    }

    /** Row 39: a user Transfer-Encoding means no Content-Length (the request says close, to delimit the reply). */
    @ParameterizedTest
    @ValueSource(strings = {"chunked", "compress", "deflate", "gzip"})
    void transferEncodingSuppressesContentLength(String encoding) {
        App app = app(
                (req, res) -> res.status(200).set("Transfer-Encoding", encoding).send(""));
        RawResponse r = once(app, "GET", "/", Map.of("Connection", "close"));
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Transfer-Encoding: %s
                Content-Type: text/html; charset=utf-8
                ETag: W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"
                Date: <date>
                Connection: close
                """.formatted(encoding));
        assertThat(r.body()).isEmpty();
    }

    @Test
    void transferEncodingChunkedGetsItsTerminatingChunk() {
        App app = app((req, res) -> res.set("Transfer-Encoding", "chunked").send(""));
        byte[] wire = TestServer.rawToClose(app, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).endsWith("Connection: close\r\n\r\n0\r\n\r\n");
    }

    /** The §9 captures of the oracle app's {@code /send/*} routes, header order included. */
    @Nested
    class Captures {
        private App app() {
            App app = Express.app();
            app.get("/send/string", (req, res) -> res.send("Hello World"));
            app.get("/send/buffer", (req, res) -> res.send("Hello Buffer".getBytes(StandardCharsets.UTF_8)));
            app.get("/send/object", (req, res) -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("hello", "world");
                body.put("n", List.of(1, 2));
                res.send(body);
            });
            app.get("/send/number", (req, res) -> res.send(42));
            app.get("/send/null", (req, res) -> res.send((Object) null));
            app.get("/send/undefined", (req, res) -> res.send());
            app.get(
                    "/send/custom-ct",
                    (req, res) -> res.set("Content-Type", "text/plain; charset=iso-8859-1")
                            .send("latin"));
            return app;
        }

        private static final String HELLO_HEAD_200 = """
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Content-Type: text/html; charset=utf-8
                Content-Length: 11
                ETag: W/"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """;
        private static final String HELLO_HEAD_304 = """
                HTTP/1.1 304 Not Modified
                X-Powered-By: express4j
                ETag: W/"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """;

        @Test
        void string() {
            RawResponse r = once(app(), "GET", "/send/string");
            assertThat(r.head()).isEqualTo(HELLO_HEAD_200);
            assertThat(r.text()).isEqualTo("Hello World");
        }

        @Test
        void stringToHead() {
            RawResponse r = once(app(), "HEAD", "/send/string");
            assertThat(r.head()).isEqualTo(HELLO_HEAD_200);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void ifNoneMatchWeak() {
            RawResponse r =
                    once(app(), "GET", "/send/string", Map.of("If-None-Match", "W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\""));
            assertThat(r.head()).isEqualTo(HELLO_HEAD_304);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void ifNoneMatchStrongMatchesTheWeakTag() {
            RawResponse r =
                    once(app(), "GET", "/send/string", Map.of("If-None-Match", "\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\""));
            assertThat(r.head()).isEqualTo(HELLO_HEAD_304);
        }

        @Test
        void ifNoneMatchStar() {
            RawResponse r = once(app(), "GET", "/send/string", Map.of("If-None-Match", "*"));
            assertThat(r.head()).isEqualTo(HELLO_HEAD_304);
        }

        @Test
        void noCacheForcesAFullResponse() {
            RawResponse r = once(
                    app(),
                    "GET",
                    "/send/string",
                    Map.of("If-None-Match", "W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"", "Cache-Control", "no-cache"));
            assertThat(r.head()).isEqualTo(HELLO_HEAD_200);
            assertThat(r.text()).isEqualTo("Hello World");
        }

        @Test
        void buffer() {
            RawResponse r = once(app(), "GET", "/send/buffer");
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Content-Type: application/octet-stream
                    Content-Length: 12
                    ETag: W/"c-s12zOAI280CSlVptiTswii4kBWE"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.text()).isEqualTo("Hello Buffer");
        }

        @Test
        void object() {
            RawResponse r = once(app(), "GET", "/send/object");
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Content-Type: application/json; charset=utf-8
                    Content-Length: 27
                    ETag: W/"1b-uOAZEGPJmQSUQZjsEnQ9rkI7WnI"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.text()).isEqualTo("{\"hello\":\"world\",\"n\":[1,2]}");
        }

        @Test
        void number() {
            RawResponse r = once(app(), "GET", "/send/number");
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Content-Type: application/json; charset=utf-8
                    Content-Length: 2
                    ETag: W/"2-ks/Os51X2RTtixTQ43ZD3geXrlY"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.text()).isEqualTo("42");
        }

        @Test
        void nullBody() {
            RawResponse r = once(app(), "GET", "/send/null");
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Content-Length: 0
                    ETag: W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void undefinedBody() {
            RawResponse r = once(app(), "GET", "/send/undefined");
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    Content-Length: 0
                    """);
            assertThat(r.body()).isEmpty();
        }

        @Test
        void customContentTypeGetsUtf8() {
            RawResponse r = once(app(), "GET", "/send/custom-ct");
            assertThat(r.head()).isEqualTo("""
                    HTTP/1.1 200 OK
                    X-Powered-By: express4j
                    Content-Type: text/plain; charset=utf-8
                    Content-Length: 5
                    ETag: W/"5-4tNa2UDxB7dVyQWbk2JMez3T5W0"
                    Date: <date>
                    Connection: keep-alive
                    Keep-Alive: timeout=5
                    """);
            assertThat(r.text()).isEqualTo("latin");
        }
    }

    @Nested
    class SendTwice {
        private static final String FIRST_HEAD = """
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Content-Type: text/html; charset=utf-8
                Content-Length: 5
                ETag: W/"5-4JlqN8E9RMOwYHSTnUP6N1m9MsE"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """;

        @Test
        void theSecondSendThrowsAndOnlyTheFirstResponseGoesOut() {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            App app = Express.app();
            app.get("/send/twice", (req, res) -> {
                res.send("first");
                try {
                    res.send("second");
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
            });
            app.get("/next", (req, res) -> res.send("next"));
            try (TestServer server = TestServer.serve(app);
                    RawClient client = server.connect()) {
                RawResponse first = client.send("GET /send/twice HTTP/1.1\r\nHost: x\r\n\r\n")
                        .read("GET");
                assertThat(first.head()).isEqualTo(FIRST_HEAD);
                assertThat(first.text()).isEqualTo("first");
                // the connection carries on with the next request's answer, not a second response
                RawResponse next =
                        client.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
                assertThat(next.text()).isEqualTo("next");
            }
            assertThat(thrown.get())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot set headers after they are sent to the client");
        }

        @Test
        void anUncaughtSecondSendDestroysTheConnectionAfterTheFirstResponse() {
            App app = Express.app();
            app.get("/send/twice", (req, res) -> {
                res.send("first");
                res.send("second");
            });
            try (TestServer server = TestServer.serve(app);
                    RawClient client = server.connect()) {
                RawResponse first = client.send("GET /send/twice HTTP/1.1\r\nHost: x\r\n\r\n")
                        .read("GET");
                assertThat(first.head()).isEqualTo(FIRST_HEAD);
                assertThat(first.text()).isEqualTo("first");
                assertThat(client.isClosedByServer(5_000)).isTrue();
            }
        }
    }
}

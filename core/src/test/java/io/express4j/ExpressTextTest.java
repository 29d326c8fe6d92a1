package io.express4j;

import static io.express4j.BodyParserApps.createApp;
import static io.express4j.BodyParserApps.dots;
import static io.express4j.BodyParserApps.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Express's test/express.text.js (45 cases). "should 400 when invalid content-length" rewrites
 * {@code req.headers} and is ported to io.express4j.body.RawBodyTest; "should assert value is function" passes a
 * string as {@code verify}, which Java's types rule out.
 */
class ExpressTextTest {
    private static final Map<String, String> TYPE = Map.of("Content-Type", "text/plain");
    private static final String SAMPLE = "user is tobi";
    private static final String SAMPLE_ECHO = "\"user is tobi\"";
    private static final String LIMIT_PREFIX = "user is ";
    private static final String PLAIN_SAMPLE = "6e616d6520697320e8aeba";
    private static final String GZIP_SAMPLE = "1f8b080000000000000bcb4bcc4d55c82c5678b16e170072b3e0200b000000";
    private static final String DEFLATE_SAMPLE = "789ccb4bcc4d55c82c5678b16e17001a6f050e";
    private static final String GZIP_ECHO = "\"name is 论\"";

    private static RawResponse SEND_1028(App app) {
        return post(app, TYPE, ".".repeat(1028));
    }

    private static RawResponse post(App app, Map<String, String> headers, String body) {
        try (TestServer server = TestServer.serve(app)) {
            return server.request("POST", "/", headers, body);
        }
    }

    private static RawResponse write(App app, Map<String, String> headers, byte[]... chunks) {
        try (TestServer server = TestServer.serve(app)) {
            return server.chunked("POST", "/", headers, chunks);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(name, value);
        return all;
    }

    private static void expect(RawResponse r, int status, String body) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.text()).isEqualTo(body);
    }

    private static App app() {
        return createApp(Express.text());
    }

    private static App app(BodyParserOptions options) {
        return createApp(Express.text(options));
    }

    @Test
    void shouldHandleDuplicatedMiddleware() {
        App app = Express.app();
        app.use(Express.text());
        app.use(Express.text());
        app.post("/", BodyParserApps::echo);
        expect(post(app, TYPE, SAMPLE), 200, SAMPLE_ECHO);
    }

    @Nested
    class WithLimitOption {
        @Test
        void shouldRespond413WhenOverLimitWithContentLength() {
            RawResponse r = post(
                    app(new BodyParserOptions().limit("1kb")), with(TYPE, "Content-Length", "1028"), ".".repeat(1028));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldRespond413WhenOverLimitWithChunkedEncoding() {
            assertThat(write(app(new BodyParserOptions().limit("1kb")), TYPE, dots(1028))
                            .status())
                    .isEqualTo(413);
        }

        @Test
        void shouldRespond413WhenInflatedBodyOverLimit() {
            RawResponse r = write(
                    app(new BodyParserOptions().limit("1kb")),
                    with(TYPE, "Content-Encoding", "gzip"),
                    hex("1f8b080000000000000ad3d31b05a360148c64000087e5a14704040000"));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldAcceptNumberOfBytes() {
            assertThat(SEND_1028(app(new BodyParserOptions().limit(1024))).status())
                    .isEqualTo(413);
        }

        @Test
        void shouldNotChangeWhenOptionsAltered() {
            BodyParserOptions options = new BodyParserOptions().limit("1kb");
            App app = app(options);
            options.limit("100kb");
            assertThat(SEND_1028(app).status()).isEqualTo(413);
        }

        @Test
        void shouldNotHangResponse() {
            RawResponse r =
                    write(app(new BodyParserOptions().limit("8kb")), TYPE, dots(10240), dots(10240), dots(10240));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldNotErrorWhenInflating() {
            RawResponse r = write(
                    app(new BodyParserOptions().limit("1kb")),
                    with(TYPE, "Content-Encoding", "gzip"),
                    hex("1f8b080000000000000ad3d31b05a360148c64000087e5a1470404"));
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Nested
    class WithInflateOption {
        @Test
        void whenFalseShouldNotAcceptContentEncoding() {
            expect(
                    write(
                            app(new BodyParserOptions().inflate(false)),
                            with(TYPE, "Content-Encoding", "gzip"),
                            hex(GZIP_SAMPLE)),
                    415,
                    "[encoding.unsupported] content encoding unsupported");
        }

        @Test
        void whenTrueShouldAcceptContentEncoding() {
            expect(
                    write(
                            app(new BodyParserOptions().inflate(true)),
                            with(TYPE, "Content-Encoding", "gzip"),
                            hex(GZIP_SAMPLE)),
                    200,
                    GZIP_ECHO);
        }
    }

    @Nested
    class AsyncLocalStorage {
        private static final ThreadLocal<Map<String, String>> STORE = new ThreadLocal<>();

        private App app() {
            App app = Express.app();
            app.use((req, res, next) -> {
                STORE.set(Map.of("foo", "bar"));
                next.run();
            });
            app.use(Express.text());
            app.use((req, res, next) -> {
                if (STORE.get() != null)
                    res.setHeader("x-store-foo", STORE.get().get("foo"));
                next.run();
            });
            app.use((err, req, res, next) -> {
                if (STORE.get() != null)
                    res.setHeader("x-store-foo", STORE.get().get("foo"));
                BodyParserApps.renderError(err, req, res, next);
            });
            app.post("/", BodyParserApps::echo);
            return app;
        }

        private void expectStore(RawResponse r, int status) {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.header("x-store-foo")).isEqualTo("bar");
        }

        @Test
        void shouldPersistStore() {
            RawResponse r = post(app(), TYPE, SAMPLE);
            expectStore(r, 200);
            assertThat(r.text()).isEqualTo(SAMPLE_ECHO);
        }

        @Test
        void shouldPersistStoreWhenUnmatchedContentType() {
            expectStore(post(app(), Map.of("Content-Type", "application/fizzbuzz"), "buzz"), 200);
        }

        @Test
        void shouldPersistStoreWhenInflated() {
            RawResponse r = write(app(), with(TYPE, "Content-Encoding", "gzip"), hex(GZIP_SAMPLE));
            expectStore(r, 200);
            assertThat(r.text()).isEqualTo(GZIP_ECHO);
        }

        @Test
        void shouldPersistStoreWhenInflateError() {
            expectStore(
                    write(
                            app(),
                            with(TYPE, "Content-Encoding", "gzip"),
                            hex(GZIP_SAMPLE.substring(0, GZIP_SAMPLE.length() - 4))),
                    400);
        }

        @Test
        void shouldPersistStoreWhenLimitExceeded() {
            expectStore(post(app(), TYPE, LIMIT_PREFIX + ".".repeat(1024 * 100)), 413);
        }
    }

    @Nested
    class Encoding {
        @Test
        void shouldParseWithoutEncoding() {
            expect(write(app(), TYPE, hex(PLAIN_SAMPLE)), 200, GZIP_ECHO);
        }

        @Test
        void shouldSupportIdentityEncoding() {
            expect(write(app(), with(TYPE, "Content-Encoding", "identity"), hex(PLAIN_SAMPLE)), 200, GZIP_ECHO);
        }

        @Test
        void shouldSupportGzipEncoding() {
            expect(write(app(), with(TYPE, "Content-Encoding", "gzip"), hex(GZIP_SAMPLE)), 200, GZIP_ECHO);
        }

        @Test
        void shouldSupportDeflateEncoding() {
            expect(write(app(), with(TYPE, "Content-Encoding", "deflate"), hex(DEFLATE_SAMPLE)), 200, GZIP_ECHO);
        }

        @Test
        void shouldBeCaseInsensitive() {
            expect(write(app(), with(TYPE, "Content-Encoding", "GZIP"), hex(GZIP_SAMPLE)), 200, GZIP_ECHO);
        }

        @Test
        void shouldRespond415OnUnknownEncoding() {
            expect(
                    write(app(), with(TYPE, "Content-Encoding", "nulls"), hex("000000000000")),
                    415,
                    "[encoding.unsupported] unsupported content encoding \"nulls\"");
        }
    }

    @Test
    void shouldParseTextPlain() {
        expect(post(app(), TYPE, "user is tobi"), 200, "\"user is tobi\"");
    }

    @Test
    void shouldHandleContentLength0() {
        expect(post(app(new BodyParserOptions().limit("1kb")), with(TYPE, "Content-Length", "0"), ""), 200, "\"\"");
    }

    @Test
    void shouldHandleEmptyMessageBody() {
        expect(write(app(new BodyParserOptions().limit("1kb")), TYPE), 200, "\"\"");
    }

    @Nested
    class WithDefaultCharsetOption {
        @Test
        void shouldChangeDefaultCharset() {
            expect(
                    write(app(new BodyParserOptions().defaultCharset("koi8-r")), TYPE, hex("6e616d6520697320cec5d4")),
                    200,
                    "\"name is нет\"");
        }

        @Test
        void shouldHonorContentTypeCharset() {
            expect(
                    write(
                            app(new BodyParserOptions().defaultCharset("koi8-r")),
                            Map.of("Content-Type", "text/plain; charset=utf-8"),
                            hex("6e616d6520697320e8aeba")),
                    200,
                    "\"name is 论\"");
        }
    }

    @Nested
    class WithTypeOption {
        @Test
        void htmlShouldParseForCustomType() {
            expect(
                    post(
                            app(new BodyParserOptions().type("text/html")),
                            Map.of("Content-Type", "text/html"),
                            "<b>tobi</b>"),
                    200,
                    "\"<b>tobi</b>\"");
        }

        @Test
        void htmlShouldIgnoreStandardType() {
            expect(post(app(new BodyParserOptions().type("text/html")), TYPE, "user is tobi"), 200, "");
        }

        @Test
        void listShouldParseTextHtml() {
            expect(
                    post(
                            app(new BodyParserOptions().type("text/html", "text/plain")),
                            Map.of("Content-Type", "text/html"),
                            "<b>tobi</b>"),
                    200,
                    "\"<b>tobi</b>\"");
        }

        @Test
        void listShouldParseTextPlain() {
            expect(post(app(new BodyParserOptions().type("text/html", "text/plain")), TYPE, "tobi"), 200, "\"tobi\"");
        }

        @Test
        void listShouldIgnoreTextXml() {
            expect(
                    post(
                            app(new BodyParserOptions().type("text/html", "text/plain")),
                            Map.of("Content-Type", "text/xml"),
                            "<user>tobi</user>"),
                    200,
                    "");
        }

        @Test
        void functionShouldParseWhenTruthyValueReturned() {
            BodyParserOptions options =
                    new BodyParserOptions().type(req -> "text/vnd.something".equals(req.get("content-type")));
            expect(
                    post(app(options), Map.of("Content-Type", "text/vnd.something"), "user is tobi"),
                    200,
                    "\"user is tobi\"");
        }

        @Test
        void functionShouldWorkWithoutContentType() {
            expect(
                    write(app(new BodyParserOptions().type(req -> true)), Map.of(), "user is tobi".getBytes()),
                    200,
                    "\"user is tobi\"");
        }

        @Test
        void functionShouldNotInvokeWithoutABody() {
            App app = app(new BodyParserOptions().type(req -> {
                throw new IllegalStateException("oops!");
            }));
            try (TestServer server = TestServer.serve(app)) {
                assertThat(server.get("/").status()).isEqualTo(404);
            }
        }
    }

    @Nested
    class WithVerifyOption {
        private final BodyVerifier noLeadingSpace = (req, res, buf, encoding) -> {
            if (buf[0] == 0x20) throw new Exception("no leading space");
        };

        @Test
        void shouldAssertValueIsFunction() {
            assertThat(BodyVerifier.class.isAnnotationPresent(FunctionalInterface.class))
                    .isTrue();
        }

        @Test
        void shouldErrorFromVerify() {
            expect(
                    post(app(new BodyParserOptions().verify(noLeadingSpace)), TYPE, " user is tobi"),
                    403,
                    "[entity.verify.failed] no leading space");
        }

        @Test
        void shouldAllowCustomCodes() {
            BodyVerifier verify = (req, res, buf, encoding) -> {
                if (buf[0] != 0x20) return;
                throw new HttpError(400, "no leading space");
            };
            expect(
                    post(app(new BodyParserOptions().verify(verify)), TYPE, " user is tobi"),
                    400,
                    "[entity.verify.failed] no leading space");
        }

        @Test
        void shouldAllowPassThrough() {
            expect(
                    post(app(new BodyParserOptions().verify(noLeadingSpace)), TYPE, "user is tobi"),
                    200,
                    "\"user is tobi\"");
        }

        @Test
        void shouldRespond415OnUnknownCharsetPriorToVerify() {
            BodyVerifier verify = (req, res, buf, encoding) -> {
                throw new Exception("unexpected verify call");
            };
            expect(
                    write(
                            app(new BodyParserOptions().verify(verify)),
                            Map.of("Content-Type", "text/plain; charset=x-bogus"),
                            hex("00000000")),
                    415,
                    "[charset.unsupported] unsupported charset \"X-BOGUS\"");
        }
    }

    @Nested
    class Charset {
        @Test
        void shouldParseUtf8() {
            expect(
                    write(app(), Map.of("Content-Type", "text/plain; charset=utf-8"), hex("6e616d6520697320e8aeba")),
                    200,
                    "\"name is 论\"");
        }

        @Test
        void shouldParseCodepageCharsets() {
            expect(
                    write(app(), Map.of("Content-Type", "text/plain; charset=koi8-r"), hex("6e616d6520697320cec5d4")),
                    200,
                    "\"name is нет\"");
        }

        @Test
        void shouldParseWhenContentLengthIsNotCharLength() {
            try (TestServer server = TestServer.serve(app())) {
                expect(
                        server.requestBytes(
                                "POST",
                                "/",
                                Map.of("Content-Type", "text/plain; charset=utf-8", "Content-Length", "11"),
                                hex("6e616d6520697320e8aeba")),
                        200,
                        "\"name is 论\"");
            }
        }

        @Test
        void shouldDefaultToUtf8() {
            expect(write(app(), TYPE, hex("6e616d6520697320e8aeba")), 200, "\"name is 论\"");
        }

        @Test
        void shouldRespond415OnUnknownCharset() {
            expect(
                    write(app(), Map.of("Content-Type", "text/plain; charset=x-bogus"), hex("00000000")),
                    415,
                    "[charset.unsupported] unsupported charset \"X-BOGUS\"");
        }
    }
}

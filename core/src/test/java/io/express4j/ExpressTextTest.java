package io.express4j;

import static io.express4j.BodyParserApps.hex;
import static io.express4j.BodyParserRequests.expect;
import static io.express4j.BodyParserRequests.post;
import static io.express4j.BodyParserRequests.with;
import static io.express4j.BodyParserRequests.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Express's test/express.text.js (45 cases). "should 400 when invalid content-length" rewrites
 * {@code req.headers} and is ported to io.express4j.body.RawBodyTest; "should assert value is function" passes a
 * string as {@code verify}, which Java's types rule out. The cases it shares with express.raw.js
 * are in {@link RawAndTextParserCases}.
 */
class ExpressTextTest extends RawAndTextParserCases {
    private static final Map<String, String> TYPE = Map.of("Content-Type", "text/plain");
    private static final String SAMPLE_ECHO = "\"user is tobi\"";

    ExpressTextTest() {
        super(new Samples(
                TYPE,
                "user is tobi",
                SAMPLE_ECHO,
                "user is ",
                "6e616d6520697320e8aeba",
                "1f8b080000000000000bcb4bcc4d55c82c5678b16e170072b3e0200b000000",
                "789ccb4bcc4d55c82c5678b16e17001a6f050e",
                "\"name is 论\"",
                "1f8b080000000000000ad3d31b05a360148c64000087e5a1470404"));
    }

    @Override
    Middleware parser() {
        return Express.text();
    }

    @Override
    Middleware parser(BodyParserOptions options) {
        return Express.text(options);
    }

    @Override
    RawResponse send1028(App app) {
        return post(app, TYPE, ".".repeat(1028));
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

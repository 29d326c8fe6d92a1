package io.express4j;

import static io.express4j.BodyParserApps.dots;
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
 * Express's test/express.raw.js (38 cases). "should 400 when invalid content-length" rewrites {@code req.headers}
 * and is ported to io.express4j.body.RawBodyTest; "should assert value is function" passes a string as
 * {@code verify}, which Java's types rule out. The cases it shares with express.text.js
 * are in {@link RawAndTextParserCases}. {@code req.body} is a {@code byte[]}; the app answers
 * {@code {"buf": hex}} as Express's does.
 */
class ExpressRawTest extends RawAndTextParserCases {
    private static final Map<String, String> TYPE = Map.of("Content-Type", "application/octet-stream");
    private static final String SAMPLE_ECHO = "{\"buf\":\"746865207573657220697320746f6269\"}";

    ExpressRawTest() {
        super(new Samples(
                TYPE,
                "the user is tobi",
                SAMPLE_ECHO,
                "the user is ",
                "6e616d653de8aeba",
                "1f8b080000000000000bcb4bcc4db57db16e170099a4bad608000000",
                "789ccb4bcc4db57db16e17001068042f",
                "{\"buf\":\"6e616d653de8aeba\"}",
                "1f8b080000000000000ad3d31b05a360148c64000087e5a147040400"));
    }

    @Override
    Middleware parser() {
        return Express.raw();
    }

    @Override
    Middleware parser(BodyParserOptions options) {
        return Express.raw(options);
    }

    @Override
    RawResponse send1028(App app) {
        return write(app, TYPE, dots(1028));
    }

    @Test
    void shouldParseApplicationOctetStream() {
        expect(post(app(), TYPE, "the user is tobi"), 200, SAMPLE_ECHO);
    }

    @Test
    void shouldHandleContentLength0() {
        expect(post(app(), with(TYPE, "Content-Length", "0"), ""), 200, "{\"buf\":\"\"}");
    }

    @Test
    void shouldHandleEmptyMessageBody() {
        expect(write(app(), TYPE), 200, "{\"buf\":\"\"}");
    }

    @Nested
    class WithTypeOption {
        private final Map<String, String> vnd = Map.of("Content-Type", "application/vnd+octets");

        @Test
        void customShouldParseForCustomType() {
            expect(
                    write(app(new BodyParserOptions().type("application/vnd+octets")), vnd, hex("000102")),
                    200,
                    "{\"buf\":\"000102\"}");
        }

        @Test
        void customShouldIgnoreStandardType() {
            expect(write(app(new BodyParserOptions().type("application/vnd+octets")), TYPE, hex("000102")), 200, "");
        }

        @Test
        void listShouldParseApplicationOctetStream() {
            BodyParserOptions options =
                    new BodyParserOptions().type("application/octet-stream", "application/vnd+octets");
            expect(write(app(options), TYPE, hex("000102")), 200, "{\"buf\":\"000102\"}");
        }

        @Test
        void listShouldParseApplicationVndOctets() {
            BodyParserOptions options =
                    new BodyParserOptions().type("application/octet-stream", "application/vnd+octets");
            expect(write(app(options), vnd, hex("000102")), 200, "{\"buf\":\"000102\"}");
        }

        @Test
        void listShouldIgnoreApplicationXFoo() {
            BodyParserOptions options =
                    new BodyParserOptions().type("application/octet-stream", "application/vnd+octets");
            expect(write(app(options), Map.of("Content-Type", "application/x-foo"), hex("000102")), 200, "");
        }

        @Test
        void functionShouldParseWhenTruthyValueReturned() {
            BodyParserOptions options =
                    new BodyParserOptions().type(req -> "application/vnd.octet".equals(req.get("content-type")));
            expect(
                    write(app(options), Map.of("Content-Type", "application/vnd.octet"), hex("000102")),
                    200,
                    "{\"buf\":\"000102\"}");
        }

        @Test
        void functionShouldWorkWithoutContentType() {
            expect(
                    write(app(new BodyParserOptions().type(req -> true)), Map.of(), hex("000102")),
                    200,
                    "{\"buf\":\"000102\"}");
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
        private final BodyVerifier noLeadingNull = (req, res, buf, encoding) -> {
            if (buf[0] == 0x00) throw new Exception("no leading null");
        };

        @Test
        void shouldAssertValueIsFunction() {
            assertThat(BodyVerifier.class.isAnnotationPresent(FunctionalInterface.class))
                    .isTrue();
        }

        @Test
        void shouldErrorFromVerify() {
            expect(
                    write(app(new BodyParserOptions().verify(noLeadingNull)), TYPE, hex("000102")),
                    403,
                    "[entity.verify.failed] no leading null");
        }

        @Test
        void shouldAllowCustomCodes() {
            BodyVerifier verify = (req, res, buf, encoding) -> {
                if (buf[0] != 0x00) return;
                throw new HttpError(400, "no leading null");
            };
            expect(
                    write(app(new BodyParserOptions().verify(verify)), TYPE, hex("000102")),
                    400,
                    "[entity.verify.failed] no leading null");
        }

        @Test
        void shouldAllowPassThrough() {
            expect(
                    write(app(new BodyParserOptions().verify(noLeadingNull)), TYPE, hex("0102")),
                    200,
                    "{\"buf\":\"0102\"}");
        }
    }

    @Test
    void charsetShouldIgnoreCharset() {
        expect(
                write(
                        app(),
                        Map.of("Content-Type", "application/octet-stream; charset=utf-8"),
                        hex("6e616d6520697320e8aeba")),
                200,
                "{\"buf\":\"6e616d6520697320e8aeba\"}");
    }

    @Test
    void verifySeesNoEncodingForRawBodies() {
        String[] seen = new String[1];
        App app = app(new BodyParserOptions().verify((req, res, buf, encoding) -> seen[0] = String.valueOf(encoding)));
        expect(write(app, TYPE, hex("01")), 200, "{\"buf\":\"01\"}");
        assertThat(seen[0]).isEqualTo("null");
    }
}

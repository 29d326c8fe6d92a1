package io.express4j;

import static io.express4j.BodyParserApps.createApp;
import static io.express4j.BodyParserApps.createStoreApp;
import static io.express4j.BodyParserApps.dots;
import static io.express4j.BodyParserApps.expectStore;
import static io.express4j.BodyParserApps.hex;
import static io.express4j.BodyParserRequests.expect;
import static io.express4j.BodyParserRequests.post;
import static io.express4j.BodyParserRequests.with;
import static io.express4j.BodyParserRequests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Express's test/express.urlencoded.js (68 cases). Ported to what they check: "should 400 when invalid
 * content-length" (io.express4j.body.RawBodyTest: Java request headers cannot be rewritten), the two "should
 * reject string" cases (a string {@code parameterLimit} does not compile in Java; a non-positive one is rejected)
 * and "should assert value if function" ({@code verify} is typed). {@code parameterLimit: 10.1} is written
 * {@code 10} (body-parser truncates it so) and {@code Infinity} as {@code Integer.MAX_VALUE}.
 */
class ExpressUrlencodedTest {
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GZIP_NAME = "1f8b080000000000000bcb4bcc4db57db16e170099a4bad608000000";

    private static App app() {
        return createApp(Express.urlencoded());
    }

    private static App app(BodyParserOptions options) {
        return createApp(Express.urlencoded(options));
    }

    private static String createManyParams(int count) {
        StringBuilder str = new StringBuilder("0=0");
        for (int i = 1; i < count; i++) {
            String n = Integer.toString(i, 36);
            str.append('&').append(n).append('=').append(n);
        }
        return str.toString();
    }

    private static void expectKeyCount(RawResponse r, int count) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(JSON.readTree(r.text()).size()).isEqualTo(count);
    }

    @Test
    void shouldParseXWwwFormUrlencoded() {
        expect(post(app(), FORM, "user=tobi"), 200, "{\"user\":\"tobi\"}");
    }

    @Test
    void shouldHandleContentLength0() {
        expect(post(app(), with(FORM, "Content-Length", "0"), ""), 200, "{}");
    }

    @Test
    void shouldHandleEmptyMessageBody() {
        expect(write(createApp(Express.urlencoded(new BodyParserOptions().limit("1kb"))), FORM), 200, "{}");
    }

    @Test
    void shouldHandleDuplicatedMiddleware() {
        App app = Express.app();
        app.use(Express.urlencoded());
        app.use(Express.urlencoded());
        app.post("/", BodyParserApps::echo);
        expect(post(app, FORM, "user=tobi"), 200, "{\"user\":\"tobi\"}");
    }

    @Test
    void shouldNotParseExtendedSyntax() {
        expect(post(app(), FORM, "user[name][first]=Tobi"), 200, "{\"user[name][first]\":\"Tobi\"}");
    }

    @Nested
    class WithExtendedOption {
        private final App flat = app(new BodyParserOptions().extended(false));
        private final App extended = app(new BodyParserOptions().extended(true));

        @Test
        void whenFalseShouldNotParseExtendedSyntax() {
            expect(post(flat, FORM, "user[name][first]=Tobi"), 200, "{\"user[name][first]\":\"Tobi\"}");
        }

        @Test
        void whenFalseShouldParseMultipleKeyInstances() {
            expect(post(flat, FORM, "user=Tobi&user=Loki"), 200, "{\"user\":[\"Tobi\",\"Loki\"]}");
        }

        @Test
        void whenTrueShouldParseMultipleKeyInstances() {
            expect(post(extended, FORM, "user=Tobi&user=Loki"), 200, "{\"user\":[\"Tobi\",\"Loki\"]}");
        }

        @Test
        void whenTrueShouldParseExtendedSyntax() {
            expect(post(extended, FORM, "user[name][first]=Tobi"), 200, "{\"user\":{\"name\":{\"first\":\"Tobi\"}}}");
        }

        @Test
        void whenTrueShouldParseParametersWithDots() {
            expect(post(extended, FORM, "user.name=Tobi"), 200, "{\"user.name\":\"Tobi\"}");
        }

        @Test
        void whenTrueShouldParseFullyEncodedExtendedSyntax() {
            expect(
                    post(extended, FORM, "user%5Bname%5D%5Bfirst%5D=Tobi"),
                    200,
                    "{\"user\":{\"name\":{\"first\":\"Tobi\"}}}");
        }

        @Test
        void whenTrueShouldParseArrayIndexNotation() {
            expect(post(extended, FORM, "foo[0]=bar&foo[1]=baz"), 200, "{\"foo\":[\"bar\",\"baz\"]}");
        }

        @Test
        void whenTrueShouldParseArrayIndexNotationWithLargeArray() {
            StringBuilder str = new StringBuilder("f[0]=0");
            for (int i = 1; i < 500; i++)
                str.append("&f[").append(i).append("]=").append(Integer.toHexString(i));
            RawResponse r = post(extended, FORM, str.toString());
            assertThat(r.status()).isEqualTo(200);
            JsonNode obj = JSON.readTree(r.text());
            assertThat(obj.size()).isEqualTo(1);
            assertThat(obj.get("f").isArray()).isTrue();
            assertThat(obj.get("f").size()).isEqualTo(500);
        }

        @Test
        void whenTrueShouldParseArrayOfObjectsSyntax() {
            expect(
                    post(extended, FORM, "foo[0][bar]=baz&foo[0][fizz]=buzz&foo[]=done!"),
                    200,
                    "{\"foo\":[{\"bar\":\"baz\",\"fizz\":\"buzz\"},\"done!\"]}");
        }

        @Test
        void whenTrueShouldParseDeepObject() {
            RawResponse r = post(extended, FORM, "foo" + "[p]".repeat(32) + "=bar");
            assertThat(r.status()).isEqualTo(200);
            JsonNode obj = JSON.readTree(r.text());
            assertThat(obj.size()).isEqualTo(1);
            assertThat(obj.get("foo").isObject()).isTrue();
            int depth = 0;
            JsonNode ref = obj.get("foo");
            while ((ref = ref.get("p")) != null) depth++;
            assertThat(depth).isEqualTo(32);
        }
    }

    @Nested
    class WithInflateOption {
        @Test
        void whenFalseShouldNotAcceptContentEncoding() {
            expect(
                    write(
                            app(new BodyParserOptions().inflate(false)),
                            with(FORM, "Content-Encoding", "gzip"),
                            hex(GZIP_NAME)),
                    415,
                    "[encoding.unsupported] content encoding unsupported");
        }

        @Test
        void whenTrueShouldAcceptContentEncoding() {
            expect(
                    write(
                            app(new BodyParserOptions().inflate(true)),
                            with(FORM, "Content-Encoding", "gzip"),
                            hex(GZIP_NAME)),
                    200,
                    "{\"name\":\"论\"}");
        }
    }

    @Nested
    class WithLimitOption {
        private final String big = "str=" + ".".repeat(1024);

        @Test
        void shouldRespond413WhenOverLimitWithContentLength() {
            RawResponse r = post(app(new BodyParserOptions().limit("1kb")), with(FORM, "Content-Length", "1028"), big);
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldRespond413WhenOverLimitWithChunkedEncoding() {
            RawResponse r = write(app(new BodyParserOptions().limit("1kb")), FORM, "str=".getBytes(), dots(1024));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldRespond413WhenInflatedBodyOverLimit() {
            RawResponse r = write(
                    app(new BodyParserOptions().limit("1kb")),
                    with(FORM, "Content-Encoding", "gzip"),
                    hex("1f8b080000000000000a2b2e29b2d51b05a360148c580000a0351f9204040000"));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldAcceptNumberOfBytes() {
            assertThat(post(app(new BodyParserOptions().limit(1024)), FORM, big).status())
                    .isEqualTo(413);
        }

        @Test
        void shouldNotChangeWhenOptionsAltered() {
            BodyParserOptions options = new BodyParserOptions().limit("1kb");
            App app = app(options);
            options.limit("100kb");
            assertThat(post(app, FORM, big).status()).isEqualTo(413);
        }

        @Test
        void shouldNotHangResponse() {
            RawResponse r =
                    write(app(new BodyParserOptions().limit("8kb")), FORM, dots(10240), dots(10240), dots(10240));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldNotErrorWhenInflating() {
            RawResponse r = write(
                    app(new BodyParserOptions().limit("1kb")),
                    with(FORM, "Content-Encoding", "gzip"),
                    hex("1f8b080000000000000a2b2e29b2d51b05a360148c580000a0351f92040400"));
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Nested
    class WithParameterLimitOption {
        private void parameterLimitCases(boolean extended) {
            assertThatThrownBy(
                            () -> app(new BodyParserOptions().extended(extended).parameterLimit(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("option parameterLimit must be a positive number");
            assertThatThrownBy(
                            () -> app(new BodyParserOptions().extended(extended).parameterLimit(-1)))
                    .hasMessage("option parameterLimit must be a positive number");
        }

        @Test
        void withExtendedFalseShouldReject0() {
            parameterLimitCases(false);
        }

        @Test
        void withExtendedFalseShouldRejectString() {
            // 'beep' cannot be passed in Java; the nearest invalid value is a negative one
            assertThatThrownBy(() -> app(new BodyParserOptions().extended(false).parameterLimit(Integer.MIN_VALUE)))
                    .hasMessage("option parameterLimit must be a positive number");
        }

        @Test
        void withExtendedFalseShouldRespond413IfOverLimit() {
            expect(
                    post(app(new BodyParserOptions().extended(false).parameterLimit(10)), FORM, createManyParams(11)),
                    413,
                    "[parameters.too.many] too many parameters");
        }

        @Test
        void withExtendedFalseShouldWorkWhenAtTheLimit() {
            expectKeyCount(
                    post(app(new BodyParserOptions().extended(false).parameterLimit(10)), FORM, createManyParams(10)),
                    10);
        }

        @Test
        void withExtendedFalseShouldWorkIfNumberIsFloatingPoint() {
            RawResponse r =
                    post(app(new BodyParserOptions().extended(false).parameterLimit(10)), FORM, createManyParams(11));
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).contains("too many parameters");
        }

        @Test
        void withExtendedFalseShouldWorkWithLargeLimit() {
            expectKeyCount(
                    post(
                            app(new BodyParserOptions().extended(false).parameterLimit(5000)),
                            FORM,
                            createManyParams(5000)),
                    5000);
        }

        @Test
        void withExtendedFalseShouldWorkWithInfinityLimit() {
            expectKeyCount(
                    post(
                            app(new BodyParserOptions().extended(false).parameterLimit(Integer.MAX_VALUE)),
                            FORM,
                            createManyParams(10000)),
                    10000);
        }

        @Test
        void withExtendedTrueShouldReject0() {
            parameterLimitCases(true);
        }

        @Test
        void withExtendedTrueShouldRejectString() {
            assertThatThrownBy(() -> app(new BodyParserOptions().extended(true).parameterLimit(Integer.MIN_VALUE)))
                    .hasMessage("option parameterLimit must be a positive number");
        }

        @Test
        void withExtendedTrueShouldRespond413IfOverLimit() {
            expect(
                    post(app(new BodyParserOptions().extended(true).parameterLimit(10)), FORM, createManyParams(11)),
                    413,
                    "[parameters.too.many] too many parameters");
        }

        @Test
        void withExtendedTrueShouldWorkWhenAtTheLimit() {
            expectKeyCount(
                    post(app(new BodyParserOptions().extended(true).parameterLimit(10)), FORM, createManyParams(10)),
                    10);
        }

        @Test
        void withExtendedTrueShouldWorkIfNumberIsFloatingPoint() {
            RawResponse r =
                    post(app(new BodyParserOptions().extended(true).parameterLimit(10)), FORM, createManyParams(11));
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).contains("too many parameters");
        }

        @Test
        void withExtendedTrueShouldWorkWithLargeLimit() {
            expectKeyCount(
                    post(
                            app(new BodyParserOptions().extended(true).parameterLimit(5000)),
                            FORM,
                            createManyParams(5000)),
                    5000);
        }

        @Test
        void withExtendedTrueShouldWorkWithInfinityLimit() {
            expectKeyCount(
                    post(
                            app(new BodyParserOptions().extended(true).parameterLimit(Integer.MAX_VALUE)),
                            FORM,
                            createManyParams(10000)),
                    10000);
        }
    }

    @Nested
    class WithTypeOption {
        @Test
        void customTypeShouldParseForCustomType() {
            expect(
                    post(
                            app(new BodyParserOptions().type("application/vnd.x-www-form-urlencoded")),
                            Map.of("Content-Type", "application/vnd.x-www-form-urlencoded"),
                            "user=tobi"),
                    200,
                    "{\"user\":\"tobi\"}");
        }

        @Test
        void customTypeShouldIgnoreStandardType() {
            expect(
                    post(app(new BodyParserOptions().type("application/vnd.x-www-form-urlencoded")), FORM, "user=tobi"),
                    200,
                    "");
        }

        @Test
        void listShouldParseApplicationXWwwFormUrlencoded() {
            expect(
                    post(app(new BodyParserOptions().type("urlencoded", "application/x-pairs")), FORM, "user=tobi"),
                    200,
                    "{\"user\":\"tobi\"}");
        }

        @Test
        void listShouldParseApplicationXPairs() {
            expect(
                    post(
                            app(new BodyParserOptions().type("urlencoded", "application/x-pairs")),
                            Map.of("Content-Type", "application/x-pairs"),
                            "user=tobi"),
                    200,
                    "{\"user\":\"tobi\"}");
        }

        @Test
        void listShouldIgnoreApplicationXFoo() {
            expect(
                    post(
                            app(new BodyParserOptions().type("urlencoded", "application/x-pairs")),
                            Map.of("Content-Type", "application/x-foo"),
                            "user=tobi"),
                    200,
                    "");
        }

        @Test
        void functionShouldParseWhenTruthyValueReturned() {
            BodyParserOptions options =
                    new BodyParserOptions().type(req -> "application/vnd.something".equals(req.get("content-type")));
            expect(
                    post(app(options), Map.of("Content-Type", "application/vnd.something"), "user=tobi"),
                    200,
                    "{\"user\":\"tobi\"}");
        }

        @Test
        void functionShouldWorkWithoutContentType() {
            expect(
                    write(app(new BodyParserOptions().type(req -> true)), Map.of(), "user=tobi".getBytes()),
                    200,
                    "{\"user\":\"tobi\"}");
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
        void shouldAssertValueIfFunction() {
            assertThat(BodyVerifier.class.isAnnotationPresent(FunctionalInterface.class))
                    .isTrue();
        }

        @Test
        void shouldErrorFromVerify() {
            expect(
                    post(app(new BodyParserOptions().verify(noLeadingSpace)), FORM, " user=tobi"),
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
                    post(app(new BodyParserOptions().verify(verify)), FORM, " user=tobi"),
                    400,
                    "[entity.verify.failed] no leading space");
        }

        @Test
        void shouldAllowCustomType() {
            BodyVerifier verify = (req, res, buf, encoding) -> {
                if (buf[0] != 0x20) return;
                throw new HttpError(403, "no leading space", Map.of(), "foo.bar", null);
            };
            expect(
                    post(app(new BodyParserOptions().verify(verify)), FORM, " user=tobi"),
                    403,
                    "[foo.bar] no leading space");
        }

        @Test
        void shouldAllowPassThrough() {
            BodyVerifier verify = (req, res, buf, encoding) -> {
                if (buf[0] == 0x5b) throw new Exception("no arrays");
            };
            expect(post(app(new BodyParserOptions().verify(verify)), FORM, "user=tobi"), 200, "{\"user\":\"tobi\"}");
        }

        @Test
        void shouldRespond415OnUnknownCharsetPriorToVerify() {
            BodyVerifier verify = (req, res, buf, encoding) -> {
                throw new Exception("unexpected verify call");
            };
            expect(
                    write(
                            app(new BodyParserOptions().verify(verify)),
                            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=x-bogus"),
                            hex("00000000")),
                    415,
                    "[charset.unsupported] unsupported charset \"X-BOGUS\"");
        }
    }

    @Nested
    class AsyncLocalStorage {
        private App app() {
            return createStoreApp(Express.urlencoded());
        }

        @Test
        void shouldPersistStore() {
            RawResponse r = post(app(), FORM, "user=tobi");
            expectStore(r, 200);
            assertThat(r.text()).isEqualTo("{\"user\":\"tobi\"}");
        }

        @Test
        void shouldPersistStoreWhenUnmatchedContentType() {
            expectStore(post(app(), Map.of("Content-Type", "application/fizzbuzz"), "buzz"), 200);
        }

        @Test
        void shouldPersistStoreWhenInflated() {
            RawResponse r = write(app(), with(FORM, "Content-Encoding", "gzip"), hex(GZIP_NAME));
            expectStore(r, 200);
            assertThat(r.text()).isEqualTo("{\"name\":\"论\"}");
        }

        @Test
        void shouldPersistStoreWhenInflateError() {
            expectStore(
                    write(
                            app(),
                            with(FORM, "Content-Encoding", "gzip"),
                            hex("1f8b080000000000000bcb4bcc4db57db16e170099a4bad6080000")),
                    400);
        }

        @Test
        void shouldPersistStoreWhenLimitExceeded() {
            expectStore(post(app(), FORM, "user=" + ".".repeat(1024 * 100)), 413);
        }
    }

    @Nested
    class Charset {
        @Test
        void shouldParseUtf8() {
            expect(
                    write(
                            app(),
                            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                            hex("6e616d653de8aeba")),
                    200,
                    "{\"name\":\"论\"}");
        }

        @Test
        void shouldParseWhenContentLengthIsNotCharLength() {
            try (TestServer server = TestServer.serve(app())) {
                expect(
                        server.requestBytes(
                                "POST",
                                "/",
                                Map.of(
                                        "Content-Type",
                                        "application/x-www-form-urlencoded; charset=utf-8",
                                        "Content-Length",
                                        "7"),
                                hex("746573743dc3a5")),
                        200,
                        "{\"test\":\"å\"}");
            }
        }

        @Test
        void shouldDefaultToUtf8() {
            expect(write(app(), FORM, hex("6e616d653de8aeba")), 200, "{\"name\":\"论\"}");
        }

        @Test
        void shouldFailOnUnknownCharset() {
            expect(
                    write(
                            app(),
                            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=koi8-r"),
                            hex("6e616d653dcec5d4")),
                    415,
                    "[charset.unsupported] unsupported charset \"KOI8-R\"");
        }
    }

    @Nested
    class Encoding {
        private App app() {
            return ExpressUrlencodedTest.app(new BodyParserOptions().limit("10kb"));
        }

        @Test
        void shouldParseWithoutEncoding() {
            expect(write(app(), FORM, hex("6e616d653de8aeba")), 200, "{\"name\":\"论\"}");
        }

        @Test
        void shouldSupportIdentityEncoding() {
            expect(
                    write(app(), with(FORM, "Content-Encoding", "identity"), hex("6e616d653de8aeba")),
                    200,
                    "{\"name\":\"论\"}");
        }

        @Test
        void shouldSupportGzipEncoding() {
            expect(write(app(), with(FORM, "Content-Encoding", "gzip"), hex(GZIP_NAME)), 200, "{\"name\":\"论\"}");
        }

        @Test
        void shouldSupportDeflateEncoding() {
            expect(
                    write(app(), with(FORM, "Content-Encoding", "deflate"), hex("789ccb4bcc4db57db16e17001068042f")),
                    200,
                    "{\"name\":\"论\"}");
        }

        @Test
        void shouldBeCaseInsensitive() {
            expect(write(app(), with(FORM, "Content-Encoding", "GZIP"), hex(GZIP_NAME)), 200, "{\"name\":\"论\"}");
        }

        @Test
        void shouldRespond415OnUnknownEncoding() {
            expect(
                    write(app(), with(FORM, "Content-Encoding", "nulls"), hex("000000000000")),
                    415,
                    "[encoding.unsupported] unsupported content encoding \"nulls\"");
        }
    }

    @Test
    void deeperThanTheDepthOptionIs400() {
        expect(
                post(app(new BodyParserOptions().extended(true).depth(2)), FORM, "a[b][c][d]=1"),
                400,
                "[querystring.parse.rangeError] The input exceeded the depth");
    }

    @Test
    void iso88591BodiesDecodeAsLatin1() {
        expect(
                write(
                        app(),
                        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=iso-8859-1"),
                        "a=%E4&b=\u00e4".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                200,
                "{\"a\":\"ä\",\"b\":\"ä\"}");
    }

    @Test
    void defaultCharsetIsChecked() {
        assertThatThrownBy(() -> Express.urlencoded(new BodyParserOptions().defaultCharset("koi8-r")))
                .hasMessage("option defaultCharset must be either utf-8 or iso-8859-1");
    }
}

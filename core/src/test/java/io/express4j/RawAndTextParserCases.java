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

import io.express4j.support.RawResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The cases Express's test/express.raw.js and test/express.text.js share, word for word but for the bodies they
 * send and the parser they mount (both parsers read the body the same way: limit, inflate, encodings, async local
 * storage). {@link ExpressRawTest} and {@link ExpressTextTest} run them with their own {@link Samples}, beside the
 * cases that are theirs alone.
 */
abstract class RawAndTextParserCases {
    /**
     * What one parser's suite sends and expects back (hex where the body is binary).
     *
     * @param type the Content-Type the parser reads by default
     * @param body a body, and {@code echo} the answer echoing it
     * @param limitPrefix the start of a body 100kb over the limit
     * @param plain one body, also {@code gzip}ped and {@code deflate}d, and {@code inflatedEcho} the answer echoing it
     * @param overLimitGzip a gzip body that inflates past 1kb
     */
    record Samples(
            Map<String, String> type,
            String body,
            String echo,
            String limitPrefix,
            String plain,
            String gzip,
            String deflate,
            String inflatedEcho,
            String overLimitGzip) {}

    private final Samples samples;

    RawAndTextParserCases(Samples samples) {
        this.samples = samples;
    }

    /** The parser with its defaults. */
    abstract Middleware parser();

    abstract Middleware parser(BodyParserOptions options);

    /** 1028 dots, as the upstream suite sends them (raw: chunked, text: with a Content-Length). */
    abstract RawResponse send1028(App app);

    App app() {
        return createApp(parser());
    }

    App app(BodyParserOptions options) {
        return createApp(parser(options));
    }

    @Test
    void shouldHandleDuplicatedMiddleware() {
        App app = Express.app();
        app.use(parser());
        app.use(parser());
        app.post("/", BodyParserApps::echo);
        expect(post(app, samples.type(), samples.body()), 200, samples.echo());
    }

    @Nested
    class WithLimitOption {
        @Test
        void shouldRespond413WhenOverLimitWithContentLength() {
            RawResponse r = post(
                    app(new BodyParserOptions().limit("1kb")),
                    with(samples.type(), "Content-Length", "1028"),
                    ".".repeat(1028));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldRespond413WhenOverLimitWithChunkedEncoding() {
            assertThat(write(app(new BodyParserOptions().limit("1kb")), samples.type(), dots(1028))
                            .status())
                    .isEqualTo(413);
        }

        @Test
        void shouldRespond413WhenInflatedBodyOverLimit() {
            RawResponse r = write(
                    app(new BodyParserOptions().limit("1kb")),
                    with(samples.type(), "Content-Encoding", "gzip"),
                    hex("1f8b080000000000000ad3d31b05a360148c64000087e5a14704040000"));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldAcceptNumberOfBytes() {
            assertThat(send1028(app(new BodyParserOptions().limit(1024))).status())
                    .isEqualTo(413);
        }

        @Test
        void shouldNotChangeWhenOptionsAltered() {
            BodyParserOptions options = new BodyParserOptions().limit("1kb");
            App app = app(options);
            options.limit("100kb");
            assertThat(send1028(app).status()).isEqualTo(413);
        }

        @Test
        void shouldNotHangResponse() {
            RawResponse r = write(
                    app(new BodyParserOptions().limit("8kb")), samples.type(), dots(10240), dots(10240), dots(10240));
            assertThat(r.status()).isEqualTo(413);
        }

        @Test
        void shouldNotErrorWhenInflating() {
            RawResponse r = write(
                    app(new BodyParserOptions().limit("1kb")),
                    with(samples.type(), "Content-Encoding", "gzip"),
                    hex("1f8b080000000000000ad3d31b05a360148c64000087e5a147040400"));
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
                            with(samples.type(), "Content-Encoding", "gzip"),
                            hex(samples.gzip())),
                    415,
                    "[encoding.unsupported] content encoding unsupported");
        }

        @Test
        void whenTrueShouldAcceptContentEncoding() {
            expect(
                    write(
                            app(new BodyParserOptions().inflate(true)),
                            with(samples.type(), "Content-Encoding", "gzip"),
                            hex(samples.gzip())),
                    200,
                    samples.inflatedEcho());
        }
    }

    @Nested
    class AsyncLocalStorage {
        private App app() {
            return createStoreApp(parser());
        }

        @Test
        void shouldPersistStore() {
            RawResponse r = post(app(), samples.type(), samples.body());
            expectStore(r, 200);
            assertThat(r.text()).isEqualTo(samples.echo());
        }

        @Test
        void shouldPersistStoreWhenUnmatchedContentType() {
            expectStore(post(app(), Map.of("Content-Type", "application/fizzbuzz"), "buzz"), 200);
        }

        @Test
        void shouldPersistStoreWhenInflated() {
            RawResponse r = write(app(), with(samples.type(), "Content-Encoding", "gzip"), hex(samples.gzip()));
            expectStore(r, 200);
            assertThat(r.text()).isEqualTo(samples.inflatedEcho());
        }

        @Test
        void shouldPersistStoreWhenInflateError() {
            expectStore(
                    write(
                            app(),
                            with(samples.type(), "Content-Encoding", "gzip"),
                            hex(samples.gzip().substring(0, samples.gzip().length() - 4))),
                    400);
        }

        @Test
        void shouldPersistStoreWhenLimitExceeded() {
            expectStore(post(app(), samples.type(), samples.limitPrefix() + ".".repeat(1024 * 100)), 413);
        }
    }

    @Nested
    class Encoding {
        @Test
        void shouldParseWithoutEncoding() {
            expect(write(app(), samples.type(), hex(samples.plain())), 200, samples.inflatedEcho());
        }

        @Test
        void shouldSupportIdentityEncoding() {
            expect(
                    write(app(), with(samples.type(), "Content-Encoding", "identity"), hex(samples.plain())),
                    200,
                    samples.inflatedEcho());
        }

        @Test
        void shouldSupportGzipEncoding() {
            expect(
                    write(app(), with(samples.type(), "Content-Encoding", "gzip"), hex(samples.gzip())),
                    200,
                    samples.inflatedEcho());
        }

        @Test
        void shouldSupportDeflateEncoding() {
            expect(
                    write(app(), with(samples.type(), "Content-Encoding", "deflate"), hex(samples.deflate())),
                    200,
                    samples.inflatedEcho());
        }

        @Test
        void shouldBeCaseInsensitive() {
            expect(
                    write(app(), with(samples.type(), "Content-Encoding", "GZIP"), hex(samples.gzip())),
                    200,
                    samples.inflatedEcho());
        }

        @Test
        void shouldRespond415OnUnknownEncoding() {
            expect(
                    write(app(), with(samples.type(), "Content-Encoding", "nulls"), hex("000000000000")),
                    415,
                    "[encoding.unsupported] unsupported content encoding \"nulls\"");
        }
    }
}

package io.express4j;

import static io.express4j.support.Requests.get;
import static io.express4j.support.Requests.head;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import io.express4j.support.Dechunked;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compression 1.8.2's test/compression.js, case by case (as {@code Express.compression}), then express4j's own
 * cases for files, ranges and bodiless statuses. Bodies are decoded and compared; supertest's default {@code
 * Accept-Encoding: gzip, deflate} is sent where the upstream case sets none.
 *
 * <p>Not ported: "should allow writing after close" (Java's {@code res.write} on a closed connection throws instead
 * of being ignored, as without compression); "should return false writing after end" (a write after {@code end}
 * throws {@code write after end}, ported as {@link #writingAfterEndThrows}); "should work with http2 server"
 * (express4j speaks HTTP/1.1); the two "br and passing compression level" cases and "gzip, br → gzip when brotli is
 * unsupported" (no {@code brotli} options: br always uses compression's quality 4; brotli4j is always present).
 */
class CompressionTest {
    private static final String HELLO = "hello, world";

    private static App server(CompressionOptions options, Handler handler) {
        App app = Express.app();
        app.disable("x-powered-by");
        app.use(options == null ? Express.compression() : Express.compression(options));
        app.use(handler);
        return app;
    }

    private static App helloServer(CompressionOptions options) {
        return server(options, (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.end(HELLO);
        });
    }

    private static CompressionOptions threshold0() {
        return new CompressionOptions().threshold(0);
    }

    static byte[] decode(String coding, byte[] body) {
        try (InputStream in = decoder(coding, new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream decoder(String coding, InputStream raw) throws IOException {
        return switch (coding) {
            case "gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            case "br" -> new BrotliInputStream(raw);
            default -> raw;
        };
    }

    private static void assertEncoded(RawResponse r, String coding, String body) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Encoding")).isEqualTo(coding);
        assertThat(new String(decode(coding, r.body()), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void shouldSkipHead() {
        RawResponse r = head(helloServer(threshold0()), "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
    }

    @Test
    void shouldSkipUnknownAcceptEncoding() {
        RawResponse r = get(helloServer(threshold0()), "/", "Accept-Encoding", "bogus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEqualTo(HELLO);
    }

    @Test
    void shouldSkipIfContentEncodingAlreadySet() {
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.setHeader("Content-Encoding", "x-custom");
            res.end(HELLO);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Encoding")).isEqualTo("x-custom");
        assertThat(r.text()).isEqualTo(HELLO);
    }

    @Test
    void shouldSetVary() {
        RawResponse r = get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void shouldSetVaryEvenIfAcceptEncodingIsNotSet() {
        RawResponse r = get(helloServer(new CompressionOptions().threshold(1000)), "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
    }

    @Test
    void shouldNotSetVaryIfContentTypeDoesNotPassFilter() {
        App app = server(null, (req, res) -> {
            res.setHeader("Content-Type", "image/jpeg");
            res.end();
        });
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Vary")).isFalse();
    }

    @Test
    void shouldSetVaryForHeadRequest() {
        RawResponse r = head(helloServer(threshold0()), "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void shouldTransferChunked() {
        RawResponse r = get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.chunked()).isTrue();
        assertEncoded(r, "gzip", HELLO);
    }

    @Test
    void shouldRemoveContentLengthForChunked() {
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.setHeader("Content-Length", "12");
            res.end(HELLO);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip, deflate");
        assertEncoded(r, "gzip", HELLO);
        assertThat(r.hasHeader("Content-Length")).isFalse();
    }

    @Test
    void shouldWorkWithEncodingArguments() {
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.write("hello, ");
            res.end("world");
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertEncoded(r, "gzip", HELLO);
    }

    /**
     * "should back-pressure when compressed": incompressible bytes written to a client that does not read block
     * the writer (the compressor holds no backlog), then all of it arrives once the client reads.
     */
    @Test
    void shouldBackPressureWhenCompressed() throws Exception {
        backPressure(threshold0(), "gzip");
    }

    @Test
    void shouldBackPressureWhenUncompressed() throws Exception {
        backPressure(new CompressionOptions().filter((req, res) -> false), null);
    }

    private static void backPressure(CompressionOptions options, String coding) throws Exception {
        byte[] block = new byte[128 * 1024];
        new Random(7).nextBytes(block);
        int blocks = 512; // 64 MiB: far more than socket buffers and the channel's high-water mark hold
        AtomicLong written = new AtomicLong();
        App app = server(options, (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.write("start");
            for (int i = 0; i < blocks; i++) {
                res.write(block);
                res.flush();
                written.addAndGet(block.length);
            }
            res.write("end");
            res.end();
        });
        try (TestServer s = TestServer.serve(app);
                RawClient client = s.connect()) {
            client.socket().setReceiveBufferSize(64 * 1024);
            client.send("GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n\r\n");
            Thread.sleep(1_000); // the client reads nothing meanwhile
            long stalledAt = written.get();
            assertThat(stalledAt).isLessThan((long) blocks * block.length / 2);
            client.socket().setSoTimeout(120_000);
            RawResponse r = client.read("GET");
            assertThat(r.header("Content-Encoding")).isEqualTo(coding);
            byte[] body = coding == null ? r.body() : decode(coding, r.body());
            assertThat(body).hasSize(5 + blocks * block.length + 3);
            assertThat(Arrays.copyOfRange(body, 5, 5 + block.length)).isEqualTo(block);
        }
    }

    @Test
    void shouldTransferLargeBodies() {
        byte[] buf = new byte[1024 * 1024];
        Arrays.fill(buf, (byte) '.');
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.end(buf);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertEncoded(r, "gzip", new String(buf, StandardCharsets.US_ASCII));
        assertThat(r.body().length).isLessThan(buf.length / 100);
    }

    @Test
    void shouldTransferLargeBodiesWithMultipleWrites() {
        byte[] buf = new byte[40 * 1024];
        Arrays.fill(buf, (byte) '.');
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.write(buf);
            res.write(buf);
            res.write(buf);
            res.end(buf);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertEncoded(r, "gzip", ".".repeat(4 * buf.length));
    }

    // ---- threshold ----

    @Test
    void shouldNotCompressResponsesBelowTheThresholdSize() {
        App app = server(new CompressionOptions().threshold("1kb"), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.setHeader("Content-Length", "12");
            res.end(HELLO);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEqualTo(HELLO);
    }

    @Test
    void shouldCompressResponsesAboveTheThresholdSize() {
        App app = server(new CompressionOptions().threshold("1kb"), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.setHeader("Content-Length", "2048");
            res.end(new byte[2048]);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(decode("gzip", r.body())).isEqualTo(new byte[2048]);
    }

    @Test
    void shouldCompressWhenStreamingWithoutAContentLength() {
        App app = server(new CompressionOptions().threshold("1kb"), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.write("hello, ");
            Thread.sleep(10);
            res.end("world");
        });
        assertEncoded(get(app, "/", "Accept-Encoding", "gzip"), "gzip", HELLO);
    }

    @Test
    void shouldNotCompressWhenStreamingAndContentLengthIsLowerThanThreshold() {
        App app = server(new CompressionOptions().threshold("1kb"), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.setHeader("Content-Length", "12");
            res.write("hello, ");
            Thread.sleep(10);
            res.end("world");
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEqualTo(HELLO);
    }

    @Test
    void shouldCompressWhenStreamingAndContentLengthIsLargerThanThreshold() {
        App app = server(new CompressionOptions().threshold("1kb"), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.setHeader("Content-Length", "2048");
            res.write(new byte[1024]);
            Thread.sleep(10);
            res.end(new byte[1024]);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(decode("gzip", r.body())).isEqualTo(new byte[2048]);
    }

    /** "should handle writing hex data": {@code res.end('2e2e2e2e', 'hex')} is four bytes, under threshold 6. */
    @Test
    void shouldHandleWritingHexData() {
        App app = server(new CompressionOptions().threshold(6), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.end(new byte[] {0x2e, 0x2e, 0x2e, 0x2e});
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEqualTo("....");
    }

    @Test
    void shouldConsiderResEndAsZeroLength() {
        App app = server(new CompressionOptions().threshold(1), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.end();
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEmpty();
    }

    /** "should work with res.end(null)": Java's nearest is an empty body. */
    @Test
    void shouldWorkWithResEndOfNothing() {
        App app = server(new CompressionOptions().threshold(1000), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.end(new byte[0]);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEmpty();
    }

    // ---- negotiation ----

    @Test
    void gzipRespondsWithGzip() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip"), "gzip", HELLO);
    }

    @Test
    void writingAfterEndThrows() {
        CountDownLatch checked = new CountDownLatch(1);
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            res.end(HELLO);
            assertThatThrownBy(() -> res.write("more")).hasMessage("write after end");
            res.end(); // a second end is a no-op, as in Node
            checked.countDown();
        });
        assertEncoded(get(app, "/", "Accept-Encoding", "gzip"), "gzip", HELLO);
        assertThat(awaitQuietly(checked)).isTrue();
    }

    @Test
    void deflateRespondsWithDeflate() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "deflate"), "deflate", HELLO);
    }

    @Test
    void brRespondsWithBr() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "br"), "br", HELLO);
    }

    @Test
    void gzipDeflateRespondsWithGzip() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip, deflate"), "gzip", HELLO);
    }

    @Test
    void deflateGzipRespondsWithGzip() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "deflate, gzip"), "gzip", HELLO);
    }

    @Test
    void gzipBrRespondsWithBr() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip, br"), "br", HELLO);
    }

    @Test
    void deflateGzipBrRespondsWithBr() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "deflate, gzip, br"), "br", HELLO);
    }

    @Test
    void gzipQ1BrQ03RespondsWithGzip() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip;q=1, br;q=0.3"), "gzip", HELLO);
    }

    @Test
    void gzipBrQ08RespondsWithGzip() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip, br;q=0.8"), "gzip", HELLO);
    }

    @Test
    void gzipQ0001RespondsWithGzip() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip;q=0.001"), "gzip", HELLO);
    }

    @Test
    void deflateBrRespondsWithBr() {
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "deflate, br"), "br", HELLO);
    }

    // ---- Cache-Control: no-transform ----

    @Test
    void noTransformShouldNotCompressResponse() {
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Cache-Control", "no-transform");
            res.setHeader("Content-Type", "text/plain");
            res.end(HELLO);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-transform");
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEqualTo(HELLO);
    }

    @Test
    void noTransformShouldNotSetVary() {
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Cache-Control", "public, No-Transform");
            res.setHeader("Content-Type", "text/plain");
            res.end(HELLO);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Vary")).isFalse();
    }

    // ---- .filter ----

    @Test
    void filterShouldBeAFunction() {
        assertThat(CompressionOptions.defaultFilter()).isNotNull();
    }

    private static RawResponse filterAnswer(String type) {
        App app = Express.app();
        app.use((req, res) -> {
            if (type != null) res.setHeader("Content-Type", type);
            res.end(String.valueOf(CompressionOptions.defaultFilter().test(req, res)));
        });
        return get(app, "/");
    }

    @Test
    void filterShouldReturnFalseOnEmptyResponse() {
        assertThat(filterAnswer(null).text()).isEqualTo("false");
    }

    @Test
    void filterShouldReturnTrueForTextPlain() {
        assertThat(filterAnswer("text/plain").text()).isEqualTo("true");
    }

    @Test
    void filterShouldReturnFalseForApplicationXBogus() {
        assertThat(filterAnswer("application/x-bogus").text()).isEqualTo("false");
    }

    // ---- res.flush() ----

    @Test
    void flushShouldAlwaysBePresent() {
        App app = server(null, (req, res) -> {
            res.flush();
            res.end();
        });
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void flushShouldFlushTheResponse() throws Exception {
        byte[] kib = new byte[1024];
        Arrays.fill(kib, (byte) 'a');
        flushes("gzip", kib, true);
    }

    @Test
    void flushShouldFlushSmallChunksForGzip() throws Exception {
        flushes("gzip", "..".getBytes(StandardCharsets.US_ASCII), false);
    }

    @Test
    void flushShouldFlushSmallChunksForBrotli() throws Exception {
        flushes("br", "..".getBytes(StandardCharsets.US_ASCII), false);
    }

    @Test
    void flushShouldFlushSmallChunksForDeflate() throws Exception {
        flushes("deflate", "..".getBytes(StandardCharsets.US_ASCII), false);
    }

    /**
     * upstream's writeAndFlush: write a piece and flush; the next piece is written only once the client decoded the
     * previous one (which it could not if the compressor held it), and the last one ends the response.
     */
    private static void flushes(String coding, byte[] piece, boolean withLength) throws Exception {
        CountDownLatch firstDecoded = new CountDownLatch(1);
        App app = server(threshold0(), (req, res) -> {
            res.setHeader("Content-Type", "text/plain");
            if (withLength) res.setHeader("Content-Length", Integer.toString(2 * piece.length));
            res.write(piece);
            res.flush();
            if (!firstDecoded.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("client never decoded");
            res.end(piece);
        });
        try (TestServer s = TestServer.serve(app);
                RawClient client = s.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: " + coding + "\r\n\r\n");
            InputStream wire = client.socket().getInputStream();
            String head = readHead(wire);
            assertThat(head).contains("Content-Encoding: " + coding).doesNotContain("Content-Length");
            if (coding.equals("br")) {
                // brotli4j's decoding stream waits for a full buffer, so here the flushed bytes are checked to
                // arrive (a non-empty chunk before the end) and decoded with the rest
                Dechunked chunks = new Dechunked(wire);
                byte[] first = new byte[64 * 1024];
                int n = chunks.read(first, 0, first.length);
                assertThat(n).isPositive();
                firstDecoded.countDown();
                byte[] all = concat(Arrays.copyOf(first, n), chunks.readAllBytes());
                assertThat(decode("br", all)).isEqualTo(concat(piece, piece));
                return;
            }
            InputStream decoded = decoder(coding, new Dechunked(wire));
            assertThat(decoded.readNBytes(piece.length)).isEqualTo(piece);
            firstDecoded.countDown();
            assertThat(decoded.readAllBytes()).isEqualTo(piece);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed in the head");
            head.append((char) b);
        }
        return head.toString();
    }

    // ---- enforceEncoding ----

    @Test
    void enforceEncodingShouldCompressTheProvidedEncodingAndNotTheDefaultEncoding() {
        App app = helloServer(threshold0().enforceEncoding("deflate"));
        assertEncoded(get(app, "/", "Accept-Encoding", "gzip"), "gzip", HELLO);
    }

    @Test
    void enforceEncodingIdentityShouldNotCompress() {
        RawResponse r = get(helloServer(threshold0().enforceEncoding("identity")), "/", "Accept-Encoding", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEqualTo(HELLO);
    }

    @Test
    void enforceEncodingGzipShouldCompress() {
        RawResponse r = get(helloServer(threshold0().enforceEncoding("gzip")), "/", "Accept-Encoding", "");
        assertEncoded(r, "gzip", HELLO);
    }

    @Test
    void enforceEncodingDeflateShouldCompress() {
        RawResponse r = get(helloServer(threshold0().enforceEncoding("deflate")), "/", "Accept-Encoding", "");
        assertEncoded(r, "deflate", HELLO);
    }

    @Test
    void enforceEncodingBrotliShouldCompress() {
        RawResponse r = get(helloServer(threshold0().enforceEncoding("br")), "/", "Accept-Encoding", "");
        assertEncoded(r, "br", HELLO);
    }

    @Test
    void enforceEncodingUnknownShouldNotCompress() {
        RawResponse r = get(helloServer(threshold0().enforceEncoding("bogus")), "/", "Accept-Encoding", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.text()).isEqualTo(HELLO);
    }

    @Test
    void enforceEncodingStarShouldNotCompress() {
        RawResponse r = get(helloServer(threshold0().enforceEncoding("*")), "/", "Accept-Encoding", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
    }

    // ---- express4j: Express's senders, files, ranges, bodiless statuses ----

    /** The heads below are Express 5.3.0 with compression 1.8.2's, line for line (X-Powered-By disabled). */
    @Test
    void resSendAboveTheDefaultThresholdIsCompressedWithItsEtagUnchanged() {
        String big = "x".repeat(2000);
        App app = server(null, (req, res) -> ((Response) res).send(big));
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertEncoded(r, "gzip", big);
        assertThat(r.headerNames())
                .containsExactly(
                        "Content-Type",
                        "ETag",
                        "Vary",
                        "Content-Encoding",
                        "Date",
                        "Connection",
                        "Keep-Alive",
                        "Transfer-Encoding");
        assertThat(r.header("ETag")).isEqualTo("W/\"7d0-jolN0a75RjfzR69WjpNAdaadG3k\"");
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
        assertEncoded(get(app, "/", "Accept-Encoding", "gzip, deflate, br"), "br", big);

        RawResponse plain = get(app, "/", "Accept-Encoding", "identity");
        assertThat(plain.headerNames())
                .containsExactly("Content-Type", "Content-Length", "ETag", "Vary", "Date", "Connection", "Keep-Alive");
        assertThat(plain.header("ETag")).isEqualTo(r.header("ETag"));
        assertThat(plain.header("Content-Length")).isEqualTo("2000");
    }

    @Test
    void resSendUnderTheDefaultThresholdIsSentAsItIs() {
        RawResponse r = get(server(null, (req, res) -> ((Response) res).send("small")), "/", "Accept-Encoding", "gzip");
        assertThat(r.headerNames())
                .containsExactly("Content-Type", "Content-Length", "ETag", "Vary", "Date", "Connection", "Keep-Alive");
        assertThat(r.header("Content-Length")).isEqualTo("5");
        assertThat(r.header("ETag")).isEqualTo("W/\"5-ifYimhGsTrqlU8Gj6pbXj6dINzU\"");
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(r.text()).isEqualTo("small");
    }

    @Test
    void aFileIsCompressedAndARangeOfItIsNot(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.txt");
        String text = "line of text\n".repeat(1000);
        Files.writeString(file, text);
        App app = server(null, (req, res) -> ((Response) res).sendFile(file.toString()));
        RawResponse whole = get(app, "/", "Accept-Encoding", "gzip");
        assertEncoded(whole, "gzip", text);
        assertThat(whole.hasHeader("Content-Length")).isFalse();
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");

        RawResponse part = get(app, "/", "Accept-Encoding", "gzip", "Range", "bytes=0-4095");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.hasHeader("Content-Encoding")).isFalse();
        assertThat(part.header("Content-Range")).isEqualTo("bytes 0-4095/13000");
        assertThat(part.header("Content-Length")).isEqualTo("4096");
        assertThat(part.text()).isEqualTo(text.substring(0, 4096));
        assertThat(part.header("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void aSmallFileKeepsItsLengthAndIsNotCompressed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.txt");
        Files.writeString(file, "tiny");
        App app = server(null, (req, res) -> ((Response) res).sendFile(file.toString()));
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.header("Content-Length")).isEqualTo("4");
        assertThat(r.text()).isEqualTo("tiny");
    }

    @Test
    void aStatusWithoutBodyIsNeverEncoded() {
        App app = server(threshold0(), (req, res) -> {
            res.statusCode(204);
            res.setHeader("Content-Type", "text/plain");
            res.end(HELLO);
        });
        RawResponse r = get(app, "/", "Accept-Encoding", "gzip");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(r.body()).isEmpty();
    }

    /**
     * As compression 1.8.2 answers them (checked on Node): its negotiator 0.6.4 reads an empty or unreadable q as
     * NaN, which refuses the coding (negotiator 1.x, Express's req.acceptsEncodings, would take an empty q as 1).
     */
    @Test
    void garbageQValuesAreNotAcceptedAndNeverFail() {
        RawResponse r = get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip;q=abc, br;q=, deflate;q=0");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.hasHeader("Content-Encoding")).isFalse();
        assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(r.text()).isEqualTo(HELLO);
        assertEncoded(get(helloServer(threshold0()), "/", "Accept-Encoding", "gzip;q=, deflate"), "deflate", HELLO);
        RawResponse none = get(helloServer(threshold0()), "/", "Accept-Encoding", ";;;,,=,q=1");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.hasHeader("Content-Encoding")).isFalse();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

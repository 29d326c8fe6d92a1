package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code res.write}, {@code writeHead} and {@code flushHeaders} under Express (EXPRESS.md §1.2–1.3 and the
 * §9 {@code /write*} and {@code /writehead} captures): once the head leaves before the body is complete, the body
 * is chunked (HTTP/1.1) or delimited by closing the connection (HTTP/1.0).
 */
class ResWriteTest {

    private static App app() {
        App app = Express.app();
        app.set("env", "test");
        app.get("/write", (req, res) -> {
            res.write("chunk1;");
            res.write("chunk2;");
            res.end("last");
        });
        app.get("/write/with-length", (req, res) -> {
            res.setHeader("Content-Length", "6");
            res.write("abc");
            res.end("def");
        });
        app.get("/writehead", (req, res) -> {
            res.writeHead(201, Map.of("Content-Type", "text/plain"));
            res.end("created");
        });
        return app;
    }

    private static App app(Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        app.use(handler);
        return app;
    }

    private static String masked(byte[] wire) {
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        assertThat(text).containsPattern("\r\nDate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n");
        return text.replaceFirst("\r\nDate: [^\r]*\r\n", "\r\nDate: <date>\r\n");
    }

    @Test
    void writeMakesTheBodyChunked() {
        RawResponse r = once(app(), "GET", "/write");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Transfer-Encoding: chunked
                """);
        assertThat(r.chunked()).isTrue();
        assertThat(r.text()).isEqualTo("chunk1;chunk2;last");
    }

    @Test
    void eachWriteIsOneChunkOnTheWire() {
        byte[] wire = TestServer.rawToClose(app(), "GET /write HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(masked(wire))
                .isEqualTo("HTTP/1.1 200 OK\r\nX-Powered-By: express4j\r\nDate: <date>\r\n"
                        + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "7\r\nchunk1;\r\n7\r\nchunk2;\r\n4\r\nlast\r\n0\r\n\r\n");
    }

    @Test
    void headGetsNeitherFramingNorBody() {
        RawResponse r = once(app(), "HEAD", "/write");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void headIsFollowedAtOnceByTheNextResponse() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            client.send("HEAD /write HTTP/1.1\r\nHost: x\r\n\r\nGET /write HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.read("HEAD").body()).isEmpty();
            assertThat(client.read("GET").text()).isEqualTo("chunk1;chunk2;last");
        }
    }

    @Test
    void http10BodyIsDelimitedByClosing() {
        byte[] wire = TestServer.rawToClose(app(), "GET /write HTTP/1.0\r\nHost: x\r\n\r\n");
        assertThat(masked(wire))
                .isEqualTo("HTTP/1.1 200 OK\r\nX-Powered-By: express4j\r\nDate: <date>\r\n"
                        + "Connection: close\r\n\r\nchunk1;chunk2;last");
    }

    @Test
    void aUserContentLengthIsUsedAsIs() {
        RawResponse r = once(app(), "GET", "/write/with-length");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Content-Length: 6
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.chunked()).isFalse();
        assertThat(r.text()).isEqualTo("abcdef");
    }

    /** Node 20 quirk: writeHead serialises the head before end's data is known, so the body is chunked. */
    @Test
    void writeHeadThenEndWithDataIsChunked() {
        RawResponse r = once(app(), "GET", "/writehead");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 201 Created
                X-Powered-By: express4j
                Content-Type: text/plain
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Transfer-Encoding: chunked
                """);
        assertThat(r.chunked()).isTrue();
        assertThat(r.text()).isEqualTo("created");
    }

    /** Oracle: headers given to writeHead merge over the stored ones, a re-set name keeping its place. */
    @Test
    void writeHeadWithReasonAndHeaders() {
        RawResponse r = once(
                app((req, res) -> {
                    res.setHeader("X-A", "a");
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("X-B", "b");
                    extra.put("x-a", "A2");
                    res.writeHead(202, "Fine", extra);
                    res.end();
                }),
                "GET",
                "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 202 Fine
                X-Powered-By: express4j
                x-a: A2
                X-B: b
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Transfer-Encoding: chunked
                """);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void writeHeadTwiceThrows() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RawResponse r = once(
                app((req, res) -> {
                    res.writeHead(200);
                    try {
                        res.writeHead(500);
                    } catch (IllegalStateException e) {
                        thrown.set(e);
                    }
                    res.end("ok");
                }),
                "GET",
                "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("ok");
        assertThat(thrown.get()).hasMessage("Cannot write headers after they are sent to the client");
    }

    @Test
    void flushHeadersSendsTheHeadAndTheBodyIsChunked() {
        List<Boolean> sent = new ArrayList<>();
        RawResponse r = once(
                app((req, res) -> {
                    sent.add(res.headersSent());
                    res.flushHeaders();
                    sent.add(res.headersSent());
                    res.end("after");
                }),
                "GET",
                "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Transfer-Encoding: chunked
                """);
        assertThat(r.text()).isEqualTo("after");
        assertThat(sent).containsExactly(false, true);
    }

    @Test
    void flushHeadersReachesTheClientBeforeTheBody() throws Exception {
        CountDownLatch headRead = new CountDownLatch(1);
        App app = app((req, res) -> {
            res.flushHeaders();
            headRead.await();
            res.end("later");
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            // the whole head arrives while the handler still waits (a missing flush would time the read out)
            InputStream in = client.socket().getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
            assertThat(head.toString())
                    .startsWith("HTTP/1.1 200 OK\r\n")
                    .endsWith("Transfer-Encoding: chunked\r\n\r\n");
            headRead.countDown();
        }
    }

    @Test
    void flushHeadersThenEndIsAnEmptyChunkedBody() {
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> {
                    res.flushHeaders();
                    res.end();
                }),
                "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(masked(wire))
                .isEqualTo("HTTP/1.1 200 OK\r\nX-Powered-By: express4j\r\nDate: <date>\r\n"
                        + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    }

    @Test
    void anEmptyWriteStillStartsAChunkedBody() {
        RawResponse r = once(
                app((req, res) -> {
                    res.write("");
                    res.end();
                }),
                "GET",
                "/");
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void status204DropsWrittenBytes() {
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> {
                    res.statusCode(204);
                    res.write("a");
                    res.end("b");
                }),
                "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(masked(wire))
                .isEqualTo("HTTP/1.1 204 No Content\r\nX-Powered-By: express4j\r\nDate: <date>\r\n"
                        + "Connection: close\r\n\r\n");
    }

    @Test
    void writeReturnsTrueAndSetsHeadersSent() {
        List<Boolean> states = new ArrayList<>();
        RawResponse r = once(
                app((req, res) -> {
                    states.add(res.headersSent());
                    states.add(res.write("a"));
                    states.add(res.headersSent());
                    res.end();
                }),
                "GET",
                "/");
        assertThat(r.text()).isEqualTo("a");
        assertThat(states).containsExactly(false, true, true);
    }

    /** Oracle: the error is Node's, and the response carries on (the handler ends it with the message). */
    @Test
    void settingAHeaderAfterAWriteThrowsNodesError() {
        RawResponse r = once(
                app((req, res) -> {
                    res.write("a");
                    try {
                        res.setHeader("X-Late", "1");
                    } catch (IllegalStateException e) {
                        res.end(e.getMessage());
                    }
                }),
                "GET",
                "/");
        assertThat(r.hasHeader("X-Late")).isFalse();
        assertThat(r.text()).isEqualTo("aCannot set headers after they are sent to the client");
    }

    @Test
    void writeAfterEndThrowsIllegalState() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RawResponse r = once(
                app((req, res) -> {
                    res.write("a");
                    res.end();
                    try {
                        res.write("b");
                    } catch (IllegalStateException e) {
                        thrown.set(e);
                    }
                }),
                "GET",
                "/");
        assertThat(r.text()).isEqualTo("a");
        assertThat(thrown.get()).hasMessage("write after end");
    }

    @Test
    void aLargeBodyArrivesIntact() {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'x');
        RawResponse r = once(
                app((req, res) -> {
                    for (int i = 0; i < 32; i++) res.write(block);
                    res.end();
                }),
                "GET",
                "/");
        assertThat(r.body()).hasSize(32 * block.length);
    }

    @Test
    void aLoneWriteReachesTheClientWhileTheHandlerWaits() throws Exception {
        // a server-sent event: nothing may hold the write back for more writes to join it
        CountDownLatch eventRead = new CountDownLatch(1);
        App app = app((req, res) -> {
            res.set("Content-Type", "text/event-stream");
            res.write("data: 1\n\n");
            eventRead.await();
            res.end("data: 2\n\n");
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = client.socket().getInputStream();
            StringBuilder wire = new StringBuilder();
            while (!wire.toString().endsWith("\r\n\r\n")) wire.append((char) in.read());
            String event = "9\r\ndata: 1\n\n\r\n";
            wire.setLength(0);
            while (wire.length() < event.length()) wire.append((char) in.read());
            assertThat(wire.toString()).isEqualTo(event);
            eventRead.countDown();
            String end = "9\r\ndata: 2\n\n\r\n0\r\n\r\n";
            wire.setLength(0);
            while (wire.length() < end.length()) wire.append((char) in.read());
            assertThat(wire.toString()).isEqualTo(end);
        } catch (AssertionError e) {
            eventRead.countDown();
            throw e;
        }
    }

    @Test
    void writesOfEverySizeKeepTheirOrderAndEachIsOneChunk() {
        int[] sizes = {1, 3, 20_000, 5, 70_000, 16 * 1024, 2, 40_000};
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] piece = new byte[sizes[i]];
            Arrays.fill(piece, (byte) ('a' + i));
            pieces.add(piece);
        }
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> {
                    for (byte[] piece : pieces) res.write(piece);
                    res.end("tail");
                }),
                "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        StringBuilder expected = new StringBuilder();
        for (byte[] piece : pieces) {
            expected.append(Integer.toHexString(piece.length))
                    .append("\r\n")
                    .append(new String(piece, StandardCharsets.ISO_8859_1))
                    .append("\r\n");
        }
        expected.append("4\r\ntail\r\n0\r\n\r\n");
        assertThat(text.substring(text.indexOf("\r\n\r\n") + 4)).isEqualTo(expected.toString());
    }

    @Test
    void writesWithAContentLengthGoOutUnframedInOrder() {
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> {
                    res.setHeader("Content-Length", "20009");
                    res.write("abc");
                    res.write(new byte[20_000]);
                    res.write("def");
                    res.end("ghi");
                }),
                "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        assertThat(text.substring(text.indexOf("\r\n\r\n") + 4)).isEqualTo("abc" + "\0".repeat(20_000) + "defghi");
    }

    @Test
    void aWriteAfterTheClientLeftFailsAndTheServerServesOn() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        byte[] block = new byte[8 * 1024];
        App app = Express.app();
        app.set("env", "test");
        app.get("/forever", (req, res) -> {
            try {
                while (true) res.write(block);
            } catch (RuntimeException e) {
                failure.set(e);
                failed.countDown();
            }
        });
        app.get("/", (req, res) -> res.send("still here"));
        try (TestServer server = TestServer.serve(app)) {
            try (RawClient client = server.connect()) {
                client.send("GET /forever HTTP/1.1\r\nHost: x\r\n\r\n");
                InputStream in = client.socket().getInputStream();
                in.readNBytes(256 * 1024);
            }
            assertThat(failed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(server.get("/").text()).isEqualTo("still here");
        }
    }
}

package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.http.EventStreamFormat;
import io.express4j.support.Dechunked;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code res.sse()}: the head of an event stream, every field form of the WHATWG {@code text/event-stream} format
 * byte for byte (inside HTTP/1.1 chunks), the heartbeat, {@code Last-Event-ID}, backpressure, a client leaving, and
 * HEAD. A small parser written from the WHATWG algorithm checks what a browser's EventSource would make of it.
 */
class ResSseTest {

    private static App app(Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        app.get("/events", handler);
        return app;
    }

    /** The body of a stream written by {@code producer} and closed, unframed from its chunks. */
    private static String streamed(Consumer<SseStream> producer) {
        return streamed(Duration.ZERO, producer);
    }

    /**
     * The body a producer streams; returns once the producer has also returned (what it records after closing the
     * stream races with the client reading the end).
     */
    private static String streamed(Duration heartbeat, Consumer<SseStream> producer) {
        CountDownLatch returned = new CountDownLatch(1);
        RawResponse r = TestServer.once(
                app((req, res) -> {
                    try {
                        SseStream sse = res.sse(heartbeat);
                        producer.accept(sse);
                        sse.close();
                    } finally {
                        returned.countDown();
                    }
                }),
                "GET",
                "/events");
        try {
            assertThat(returned.await(10, TimeUnit.SECONDS))
                    .as("the producer returned")
                    .isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.chunked()).isTrue();
        return r.text();
    }

    // ---- the head ----

    @Test
    void theHeadIsAnEventStreamsAndLeavesAtOnce() throws Exception {
        CountDownLatch headRead = new CountDownLatch(1);
        App app = app((req, res) -> {
            SseStream sse = res.sse();
            headRead.await(10, TimeUnit.SECONDS); // the head must reach the client before any event
            sse.close();
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = client.socket().getInputStream();
            String head = readHead(in);
            headRead.countDown();
            assertThat(head.replaceFirst("Date: [^\r]+", "Date: *"))
                    .isEqualTo("HTTP/1.1 200 OK\r\n"
                            + "X-Powered-By: express4j\r\n"
                            + "Content-Type: text/event-stream\r\n"
                            + "Cache-Control: no-cache\r\n"
                            + "Date: *\r\n"
                            + "Connection: keep-alive\r\n"
                            + "Keep-Alive: timeout=5\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n");
            assertThat(readExactly(in, 5)).isEqualTo("0\r\n\r\n");
        }
    }

    @Test
    void aCacheControlTheAppSetIsKeptAndAContentLengthDropped() {
        RawResponse r = TestServer.once(
                app((req, res) -> {
                    res.set("Cache-Control", "no-store").set("Content-Length", "3");
                    res.sse(Duration.ZERO).send("x").close();
                }),
                "GET",
                "/events");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.hasHeader("Content-Length")).isFalse();
        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.text()).isEqualTo("data: x\n\n");
    }

    @Test
    void aConnectionCloseRequestGetsConnectionCloseAsNodeAnswersIt() {
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> res.sse(Duration.ZERO).send("x").close()),
                "GET /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String text = new String(wire, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\nConnection: close\r\n").doesNotContain("Keep-Alive");
        assertThat(text).endsWith("\r\n\r\n9\r\ndata: x\n\n\r\n0\r\n\r\n");
    }

    @Test
    void theStatusTheAppSetIsKept() {
        RawResponse r = TestServer.once(
                app((req, res) -> res.status(201).sse(Duration.ZERO).send("x").close()), "GET", "/events");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).isEqualTo("data: x\n\n");
    }

    @Test
    void aStreamCannotStartAfterTheHeadWasSent() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        RawResponse r = TestServer.once(
                app((req, res) -> {
                    res.flushHeaders();
                    try {
                        res.sse();
                    } catch (IllegalStateException e) {
                        thrown.set(e);
                    }
                    res.end();
                }),
                "GET",
                "/events");
        assertThat(r.status()).isEqualTo(200);
        assertThat(thrown.get()).hasMessage("Cannot start an event stream after the head was sent");
    }

    // ---- the fields, byte for byte ----

    @Test
    void eachFieldFormOnTheWire() {
        byte[] wire = TestServer.rawToClose(
                app((req, res) -> {
                    SseStream sse = res.sse(Duration.ZERO);
                    sse.send("hello");
                    sse.send("tick", "1");
                    sse.send("tick", "2", "42");
                    sse.send(null, "3", "43");
                    sse.comment("keep");
                    sse.retry(Duration.ofSeconds(3));
                    sse.close();
                }),
                "GET /events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String text = new String(wire, StandardCharsets.UTF_8);
        // one chunk per message: each left on its own
        assertThat(text.substring(text.indexOf("\r\n\r\n") + 4))
                .isEqualTo("d\r\ndata: hello\n\n\r\n"
                        + "15\r\nevent: tick\ndata: 1\n\n\r\n"
                        + "1c\r\nevent: tick\nid: 42\ndata: 2\n\n\r\n"
                        + "10\r\nid: 43\ndata: 3\n\n\r\n"
                        + "8\r\n: keep\n\n\r\n"
                        + "d\r\nretry: 3000\n\n\r\n"
                        + "0\r\n\r\n");
    }

    @Test
    void multiLineDataIsOneDataLinePerLineWhateverTheLineEnd() {
        assertThat(streamed(sse -> sse.send("a\nb"))).isEqualTo("data: a\ndata: b\n\n");
        assertThat(streamed(sse -> sse.send("a\r\nb"))).isEqualTo("data: a\ndata: b\n\n");
        assertThat(streamed(sse -> sse.send("a\rb"))).isEqualTo("data: a\ndata: b\n\n");
        assertThat(streamed(sse -> sse.send("a\r\rb\n\nc\r\n\r\nd")))
                .isEqualTo("data: a\ndata: \ndata: b\ndata: \ndata: c\ndata: \ndata: d\n\n");
        assertThat(streamed(sse -> sse.send("a\n"))).isEqualTo("data: a\ndata: \n\n");
        assertThat(streamed(sse -> sse.send("\r\n"))).isEqualTo("data: \ndata: \n\n");
        assertThat(streamed(sse -> sse.send(""))).isEqualTo("data: \n\n");
        assertThat(streamed(sse -> sse.send(" lead"))).isEqualTo("data:  lead\n\n");
    }

    @Test
    void dataIsUtf8() {
        RawResponse r = TestServer.once(
                app((req, res) -> res.sse(Duration.ZERO).send("é€😀").close()), "GET", "/events");
        assertThat(r.body()).isEqualTo("data: é€😀\n\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void multiLineCommentsAreOneCommentLinePerLine() {
        assertThat(streamed(sse -> sse.comment("a\r\nb\rc\nd"))).isEqualTo(": a\n: b\n: c\n: d\n\n");
        assertThat(streamed(sse -> sse.comment(""))).isEqualTo(": \n\n");
    }

    @Test
    void retryIsInWholeMilliseconds() {
        assertThat(streamed(sse -> sse.retry(Duration.ofMillis(1500)))).isEqualTo("retry: 1500\n\n");
        assertThat(streamed(sse -> sse.retry(Duration.ofNanos(2_999_999)))).isEqualTo("retry: 2\n\n");
        assertThat(streamed(sse -> sse.retry(Duration.ZERO))).isEqualTo("retry: 0\n\n");
    }

    @Test
    void anIdWithALineEndOrNulAndAnEventNameWithALineEndAreRefused() {
        List<String> refusals = new ArrayList<>();
        String body = streamed(sse -> {
            for (String id : new String[] {"a\nb", "a\rb", "a\r\nb", "a\0b"}) {
                try {
                    sse.send("e", "d", id);
                } catch (IllegalArgumentException e) {
                    refusals.add(e.getMessage());
                }
            }
            try {
                sse.send("a\nb", "d");
            } catch (IllegalArgumentException e) {
                refusals.add(e.getMessage());
            }
            try {
                sse.retry(Duration.ofMillis(-1));
            } catch (IllegalArgumentException e) {
                refusals.add(e.getMessage());
            }
            sse.send("still open");
        });
        assertThat(refusals)
                .containsExactly(
                        "An SSE id cannot contain CR, LF or NUL",
                        "An SSE id cannot contain CR, LF or NUL",
                        "An SSE id cannot contain CR, LF or NUL",
                        "An SSE id cannot contain CR, LF or NUL",
                        "An SSE event name cannot contain CR or LF",
                        "An SSE retry delay cannot be negative");
        assertThat(body).isEqualTo("data: still open\n\n"); // nothing of a refused message went out
    }

    @Test
    void aSendAfterCloseIsRefusedAndASecondCloseIsHarmless() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        String body = streamed(sse -> {
            sse.send("one");
            sse.close();
            sse.close();
            assertThat(sse.closed()).isTrue();
            try {
                sse.send("two");
            } catch (IllegalStateException e) {
                thrown.set(e);
            }
        });
        assertThat(body).isEqualTo("data: one\n\n");
        assertThat(thrown.get()).hasMessage("The event stream is closed");
    }

    @Test
    void aResponseEndedDirectlyClosesTheStreamAsTheServersDoing() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch over = new CountDownLatch(1);
        CountDownLatch handlerDone = new CountDownLatch(1);
        RawResponse r = TestServer.once(
                app((req, res) -> {
                    try {
                        SseStream sse = res.sse(Duration.ZERO);
                        sse.onClose(over::countDown);
                        sse.send("one");
                        res.end();
                        over.await(10, TimeUnit.SECONDS);
                        sse.send("two");
                    } catch (RuntimeException e) {
                        thrown.set(e);
                    } finally {
                        handlerDone.countDown();
                    }
                }),
                "GET",
                "/events");
        assertThat(r.text()).isEqualTo("data: one\n\n");
        assertThat(handlerDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(over.getCount()).isZero();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessage("The event stream is closed");
    }

    // ---- what a browser makes of it ----

    @Test
    void anEventSourceParserGetsBackWhatWasSent() {
        String body = streamed(sse -> {
            sse.send("a\r\nb\rc\nd");
            sse.comment("ignored");
            sse.send("update", "{\"x\":1}\n", "7");
            sse.send(null, " spaced ", "8");
        });
        List<String[]> events = EventSourceParser.parse(body);
        assertThat(events)
                .containsExactly(
                        new String[] {"message", "a\nb\nc\nd", ""},
                        new String[] {"update", "{\"x\":1}\n", "7"},
                        new String[] {"message", " spaced ", "8"});
    }

    // ---- heartbeat ----

    @Test
    void aHeartbeatCommentGoesOutAfterAQuietInterval() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        App app = app((req, res) -> {
            SseStream sse = res.sse(Duration.ofMillis(300));
            sse.send("first");
            done.await(20, TimeUnit.SECONDS);
            sse.close();
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = client.socket().getInputStream();
            readHead(in);
            assertThat(readChunk(in)).isEqualTo("data: first\n\n");
            long sent = System.nanoTime();
            assertThat(readChunk(in)).isEqualTo(": heartbeat\n\n");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertThat(waited).isBetween(200L, 10_000L);
            assertThat(readChunk(in)).isEqualTo(": heartbeat\n\n"); // and again, while it stays quiet
            done.countDown();
            assertThat(readExactly(in, 5)).isEqualTo("0\r\n\r\n");
        } finally {
            done.countDown();
        }
    }

    @Test
    void noHeartbeatWhileEventsFlow() {
        String body = streamed(Duration.ofSeconds(2), sse -> {
            // sends every 50 ms for about a second, the heartbeat interval being 2 s
            for (int i = 0; i < 20; i++) {
                sse.send(Integer.toString(i));
                sleep(50);
            }
        });
        assertThat(body).doesNotContain("heartbeat").startsWith("data: 0\n\n").endsWith("data: 19\n\n");
    }

    @Test
    void theDefaultHeartbeatIsFifteenSeconds() {
        assertThat(SseStream.DEFAULT_HEARTBEAT).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> EventStreamFormat.retry(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeHeartbeatIsRefusedBeforeAnythingIsSent() {
        RawResponse r = TestServer.once(
                app((req, res) -> {
                    try {
                        res.sse(Duration.ofSeconds(-1));
                    } catch (IllegalArgumentException e) {
                        res.status(500).send(e.getMessage());
                    }
                }),
                "GET",
                "/events");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).isEqualTo("heartbeat interval cannot be negative");
    }

    // ---- Last-Event-ID ----

    @Test
    void lastEventIdIsTheRequestHeader() {
        App app = app((req, res) -> {
            SseStream sse = res.sse(Duration.ZERO);
            sse.send(String.valueOf(sse.lastEventId()));
            sse.close();
        });
        assertThat(TestServer.once(app, "GET", "/events", Map.of("Last-Event-ID", "41"))
                        .text())
                .isEqualTo("data: 41\n\n");
        assertThat(TestServer.once(app, "GET", "/events").text()).isEqualTo("data: null\n\n");
    }

    // ---- backpressure ----

    @Test
    void aClientThatDoesNotReadBlocksTheProducerInsteadOfFillingMemory() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(1);
        String data = "x".repeat(1024);
        int total = 20_000; // 20 MiB: far more than the socket buffers and the high-water mark hold
        App app = app((req, res) -> {
            SseStream sse = res.sse(Duration.ZERO);
            for (int i = 0; i < total; i++) {
                sse.send(data);
                sent.incrementAndGet();
            }
            sse.close();
            finished.countDown();
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.socket().setReceiveBufferSize(64 * 1024);
            client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            // wait until the producer stalls: the count stops moving
            int before;
            int after = sent.get();
            do {
                before = after;
                Thread.sleep(300);
                after = sent.get();
            } while (after != before);
            assertThat(after).isLessThan(total / 2);
            assertThat(finished.getCount()).isEqualTo(1);
            // reading releases it, and everything arrives
            InputStream in = client.socket().getInputStream();
            readHead(in);
            long bytes = 0;
            int events = 0;
            while (true) {
                String chunk = readChunk(in);
                if (chunk.isEmpty()) break;
                bytes += chunk.length();
                events++;
            }
            assertThat(events).isEqualTo(total);
            assertThat(bytes).isEqualTo((long) total * ("data: ".length() + 1024 + 2));
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    // ---- a client leaving ----

    @Test
    void aProducerLoopStopsWhenTheClientLeaves() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch hookRan = new CountDownLatch(1);
        CountDownLatch loopEnded = new CountDownLatch(1);
        AtomicReference<SseStream> stream = new AtomicReference<>();
        App app = app((req, res) -> {
            SseStream sse = res.sse(Duration.ofMillis(100));
            stream.set(sse);
            sse.onClose(hookRan::countDown);
            try {
                while (!sse.closed()) {
                    sse.send("tick");
                    Thread.sleep(20);
                }
            } catch (ClientAbortException e) {
                failure.set(e);
            }
            loopEnded.countDown();
        });
        app.get("/", (req, res) -> res.send("still here"));
        try (TestServer server = TestServer.serve(app)) {
            try (RawClient client = server.connect()) {
                client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
                InputStream in = client.socket().getInputStream();
                readHead(in);
                assertThat(readChunk(in)).isEqualTo("data: tick\n\n");
            }
            assertThat(hookRan.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(loopEnded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.get().closed()).isTrue();
            // the loop either saw closed() or its send failed: both are the client's leaving
            if (failure.get() != null) assertThat(failure.get()).isInstanceOf(ClientAbortException.class);
            assertThatThrownBy(() -> stream.get().send("late"))
                    .isInstanceOf(ClientAbortException.class)
                    .hasMessage("Request aborted");
            stream.get().close(); // nothing to end: no error
            assertThat(server.get("/").text()).isEqualTo("still here");
        }
    }

    @Test
    void anIdleStreamNoticesTheClientLeaving() throws Exception {
        CountDownLatch hookRan = new CountDownLatch(1);
        AtomicReference<SseStream> stream = new AtomicReference<>();
        App app = app((req, res) -> {
            SseStream sse = res.sse(); // a 15 s heartbeat: the close must be noticed without it
            stream.set(sse); // before the hook: the client may leave as soon as the head is out
            sse.onClose(hookRan::countDown);
        });
        try (TestServer server = TestServer.serve(app)) {
            try (RawClient client = server.connect()) {
                client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
                readHead(client.socket().getInputStream());
            }
            assertThat(hookRan.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.get().closed()).isTrue();
            assertThatThrownBy(() -> stream.get().send("late")).isInstanceOf(ClientAbortException.class);
        }
    }

    @Test
    void theStreamOutlivesItsHandlerAndOtherThreadsSendOnIt() throws Exception {
        AtomicReference<SseStream> stream = new AtomicReference<>();
        CountDownLatch opened = new CountDownLatch(1);
        App app = app((req, res) -> {
            stream.set(res.sse(Duration.ZERO));
            opened.countDown(); // and return: the framework must not end the response
        });
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = client.socket().getInputStream();
            assertThat(readHead(in)).startsWith("HTTP/1.1 200 OK\r\n");
            assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            Thread.ofVirtual().start(() -> stream.get().send("news", "from elsewhere"));
            assertThat(readChunk(in)).isEqualTo("event: news\ndata: from elsewhere\n\n");
            stream.get().close();
            assertThat(readChunk(in)).isEmpty();
        }
    }

    // ---- HEAD ----

    @Test
    void headGetsTheHeadOnlyAndTheStreamIsClosedAtOnce() {
        AtomicReference<Boolean> closedAtOnce = new AtomicReference<>();
        App app = app((req, res) -> {
            SseStream sse = res.sse();
            closedAtOnce.set(sse.closed());
            sse.send("dropped", "as Node drops body writes for HEAD");
            sse.close();
        });
        app.get("/", (req, res) -> res.send("next"));
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            client.send("HEAD /events HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = client.read("HEAD");
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(head.header("Cache-Control")).isEqualTo("no-cache");
            // no framing header, as Node's head for a bodyless response
            assertThat(head.hasHeader("Transfer-Encoding")).isFalse();
            assertThat(head.hasHeader("Content-Length")).isFalse();
            assertThat(head.body()).isEmpty();
            // the connection carries on: nothing of the dropped event was on it
            assertThat(client.read("GET").text()).isEqualTo("next");
        }
        assertThat(closedAtOnce.get()).isTrue();
    }

    // ---- helpers ----

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- under compression() ----

    /**
     * compression's README: event streams need {@code res.flush()}, or the compressor holds each message. The
     * stream flushes after every message, so the client decodes event {@code i} before event {@code i + 1} is
     * sent: the producer waits for it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate"})
    void underCompressionEachEventIsDecodedBeforeTheNextIsSent(String coding) throws Exception {
        List<CountDownLatch> decoded = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        try (TestServer s = TestServer.serve(compressedTicks(decoded));
                RawClient client = s.connect()) {
            client.send("GET /events HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: " + coding + "\r\n\r\n");
            InputStream wire = client.socket().getInputStream();
            assertCompressedStreamHead(readHead(wire), coding);
            InputStream events = CompressionTest.decoder(coding, new Dechunked(wire));
            for (int i = 0; i < 3; i++) {
                String expected = "event: tick\nid: " + i + "\ndata: " + i + "\n\n";
                assertThat(new String(events.readNBytes(expected.length()), StandardCharsets.UTF_8))
                        .isEqualTo(expected);
                decoded.get(i).countDown();
            }
            assertThat(events.readAllBytes()).isEmpty();
        }
    }

    /**
     * br: brotli4j's decoding stream waits for a full buffer, so here each event's compressed bytes are checked to
     * arrive (a chunk) before the next event is sent, and the whole body is decoded at the end.
     */
    @Test
    void underBrotliEachEventArrivesBeforeTheNextIsSent() throws Exception {
        List<CountDownLatch> arrived = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        try (TestServer s = TestServer.serve(compressedTicks(arrived));
                RawClient client = s.connect()) {
            client.send("GET /events HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: br\r\n\r\n");
            InputStream wire = client.socket().getInputStream();
            assertCompressedStreamHead(readHead(wire), "br");
            Dechunked chunks = new Dechunked(wire);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int i = 0; i < 3; i++) {
                int n = chunks.read(buffer, 0, buffer.length);
                assertThat(n).as("bytes of event " + i).isPositive();
                body.write(buffer, 0, n);
                arrived.get(i).countDown();
            }
            body.write(chunks.readAllBytes());
            assertThat(new String(CompressionTest.decode("br", body.toByteArray()), StandardCharsets.UTF_8))
                    .isEqualTo("event: tick\nid: 0\ndata: 0\n\n"
                            + "event: tick\nid: 1\ndata: 1\n\n"
                            + "event: tick\nid: 2\ndata: 2\n\n");
        }
    }

    /** Behind compression(): three events, each sent once the client has taken the one before. */
    private static App compressedTicks(List<CountDownLatch> taken) {
        App app = Express.app();
        app.set("env", "test");
        app.use(Express.compression());
        app.get("/events", (req, res) -> {
            SseStream sse = res.sse(Duration.ZERO);
            for (int i = 0; i < taken.size(); i++) {
                sse.send("tick", Integer.toString(i), Integer.toString(i));
                if (!taken.get(i).await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the client never got event " + i);
                }
            }
            sse.close();
        });
        return app;
    }

    private static void assertCompressedStreamHead(String head, String coding) {
        assertThat(head)
                .startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\nContent-Type: text/event-stream\r\n")
                .contains("\r\nCache-Control: no-cache\r\n")
                .contains("\r\nVary: Accept-Encoding\r\n")
                .contains("\r\nContent-Encoding: " + coding + "\r\n")
                .contains("\r\nTransfer-Encoding: chunked\r\n")
                .doesNotContain("Content-Length");
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed in the head: " + head);
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** One chunk's content (UTF-8); empty for the last chunk, whose trailer is read too. */
    private static String readChunk(InputStream in) throws IOException {
        StringBuilder size = new StringBuilder();
        while (!size.toString().endsWith("\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed before a chunk");
            size.append((char) b);
        }
        int length = Integer.parseInt(size.toString().trim(), 16);
        byte[] data = in.readNBytes(length + 2);
        assertThat(new String(data, length, 2, StandardCharsets.ISO_8859_1)).isEqualTo("\r\n");
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    private static String readExactly(InputStream in, int n) throws IOException {
        try {
            return new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing came", e);
        }
    }
}

package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.ClientAbortException;
import io.express4j.Express;
import io.express4j.SseStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link TestRequest#stream()}: a body read while the server is still writing it (SSE, long streams). */
class StreamingResponseTest {

    @Test
    void eventsAreReadableAsTheyAreSent() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        App app = Express.app();
        app.get("/events", (req, res) -> {
            res.set("Content-Type", "text/event-stream");
            res.write("data: one\n\n");
            // the second event waits until the test has read the first: it must have arrived on its own
            if (!firstRead.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("first event never read");
            res.write("data: two\n\n");
            res.end();
        });
        try (StreamingResponse events = TestClient.of(app).get("/events").stream()) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
            assertThat(events.header("Transfer-Encoding")).isEqualTo("chunked");
            BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("data: one");
            assertThat(lines.readLine()).isEmpty();
            firstRead.countDown();
            assertThat(lines.readLine()).isEqualTo("data: two");
            assertThat(lines.readLine()).isEmpty();
            assertThat(lines.readLine()).isNull();
        }
    }

    @Test
    void closingTheStreamIsTheClientGoingAway() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        AtomicBoolean wroteAfterClose = new AtomicBoolean();
        App app = Express.app();
        app.get("/forever", (req, res) -> {
            try {
                for (int i = 0; i < 60_000; i++) {
                    res.write("tick\n");
                    Thread.sleep(5);
                }
                wroteAfterClose.set(true);
            } catch (RuntimeException gone) {
                // a write failed: the client went away
            } finally {
                aborted.countDown();
            }
        });
        try (StreamingResponse stream = TestClient.of(app).get("/forever").stream()) {
            assertThat(new String(stream.body().readNBytes(10), StandardCharsets.US_ASCII))
                    .isEqualTo("tick\ntick\n");
        }
        assertThat(aborted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(wroteAfterClose).isFalse();
    }

    @Test
    void anEventStreamIsReadEventByEventAndNoticesTheClientLeaving() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch streamOver = new CountDownLatch(1);
        CountDownLatch handlerDone = new CountDownLatch(1);
        AtomicBoolean closedSeen = new AtomicBoolean();
        App app = Express.app();
        app.get("/events", (req, res) -> {
            SseStream sse = res.sse(Duration.ZERO);
            sse.onClose(streamOver::countDown);
            sse.send("tick", "1", "1");
            try {
                if (!firstRead.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("first event never read");
                try {
                    sse.send("a\nb");
                } catch (ClientAbortException e) {
                    // the client may read the event and close before this send returns: it then reports the close
                }
                streamOver.await(30, TimeUnit.SECONDS); // the test closes its end now
                closedSeen.set(sse.closed());
            } finally {
                handlerDone.countDown();
            }
        });
        try (StreamingResponse events = TestClient.of(app).get("/events").stream()) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.header("Content-Type")).isEqualTo("text/event-stream");
            assertThat(events.header("Cache-Control")).isEqualTo("no-cache");
            BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("event: tick");
            assertThat(lines.readLine()).isEqualTo("id: 1");
            assertThat(lines.readLine()).isEqualTo("data: 1");
            assertThat(lines.readLine()).isEmpty();
            firstRead.countDown();
            assertThat(lines.readLine()).isEqualTo("data: a");
            assertThat(lines.readLine()).isEqualTo("data: b");
            assertThat(lines.readLine()).isEmpty();
        }
        assertThat(streamOver.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(handlerDone.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(closedSeen).isTrue(); // what the handler saw after the hook ran
    }

    @Test
    void aWholeBodyStreamsToItsEnd() throws Exception {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("x".repeat(100_000)));
        try (StreamingResponse stream = TestClient.of(app).get("/").stream()) {
            assertThat(stream.header("content-length")).isEqualTo("100000");
            assertThat(stream.body().readAllBytes()).hasSize(100_000);
        }
    }
}

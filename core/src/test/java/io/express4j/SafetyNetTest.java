package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §3.6, a deliberate difference from Express (which leaves such a response hanging): when the handler
 * chain returns and the response is neither ended nor taken with {@code res.async()}, the framework ends it (and
 * logs a warning).
 */
class SafetyNetTest {

    @Test
    void aHandlerThatReturnsWithoutRespondingGetsA500() {
        App app = Express.app();
        app.set("env", "production");
        app.get("/", (req, res) -> res.set("X-Started", "yes"));
        RawResponse r = once(app, "GET", "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 500 Internal Server Error
                X-Powered-By: express4j
                X-Started: yes
                Content-Security-Policy: default-src 'none'
                X-Content-Type-Options: nosniff
                Content-Type: text/html; charset=utf-8
                Content-Length: 148
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).contains("<pre>Internal Server Error</pre>");
    }

    @Test
    void inDevelopmentThePageSaysWhatHappened() {
        App app = Express.app();
        app.set("env", "development");
        app.get("/quiet", (req, res) -> {});
        RawResponse r = once(app, "GET", "/quiet");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text())
                .contains("<pre>InternalServerError: The handlers of GET /quiet returned without "
                        + "ending the response<br>");
    }

    @Test
    void aStartedStreamIsClosedAndTheConnectionStaysUsable() {
        App app = Express.app();
        app.get("/stream", (req, res) -> res.write("a"));
        app.get("/next", (req, res) -> res.send("next"));
        try (TestServer server = TestServer.serve(app);
                RawClient client = server.connect()) {
            RawResponse r =
                    client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n").read("GET");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.chunked()).isTrue();
            assertThat(r.text()).isEqualTo("a");
            assertThat(client.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .text())
                    .isEqualTo("next");
        }
    }

    /** Express would hang here (the final handler drops a 404 once the head is out); the net closes the body. */
    @Test
    void aStreamFollowedByNextIsClosedToo() {
        App app = Express.app();
        app.use((req, res, next) -> {
            res.write("partial");
            next.run();
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("partial");
    }

    @Test
    void anAsyncResponseIsEndedLaterFromAnotherThread() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            res.async();
            Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                res.send("later");
            });
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Content-Type: text/html; charset=utf-8
                Content-Length: 5
                ETag: W/"5-PxTsyMx3e1Xx9RrYKZLkyApLTI8"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo("later");
    }

    @Test
    void anAsyncStreamIsWrittenFromAnotherThread() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            res.async();
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 3; i++) res.write("chunk" + i + ";");
                res.end();
            });
        });
        RawResponse r = once(app, "GET", "/");
        assertThat(r.chunked()).isTrue();
        assertThat(r.text()).isEqualTo("chunk0;chunk1;chunk2;");
    }
}

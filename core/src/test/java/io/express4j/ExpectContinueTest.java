package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code Expect: 100-continue} (issue 18): the interim response goes out only when a handler first reads the body.
 * A request answered without reading it gets its final status alone, says {@code Connection: close} and the
 * connection closes, since the client was told neither to send its body nor not to. Node sends 100 at once.
 */
class ExpectContinueTest {
    private static App app() {
        App app = Express.app();
        app.use("/private", (req, res, next) -> res.sendStatus(401));
        app.post("/json", Express.json(), (req, res) -> res.json(req.body()));
        app.post("/echo", (req, res) -> res.send(new String(req.inputStream().readAllBytes(), StandardCharsets.UTF_8)));
        app.post("/ignore", (req, res) -> res.send("ignored"));
        return app;
    }

    private static String head(String path, long contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\nExpect: 100-continue\r\n\r\n";
    }

    /** The first response on the wire is the final one, it says close, and the server then closes. */
    private static RawResponse finalAloneThenClosed(RawClient client, String raw) {
        RawResponse r = client.send(raw).readInterim("POST");
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(client.isClosedByServer(5_000)).isTrue();
        return r;
    }

    @Test
    void aDeclaredLengthOverTheLimitGets413WithoutContinue() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse r = finalAloneThenClosed(client, head("/json", 1 << 20));
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Test
    void aLengthWithinTheDrainBudgetIsNotAskedForEither() {
        // without Expect, 150 KiB would be read off before the 413; here the client has not sent it
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            assertThat(finalAloneThenClosed(client, head("/json", 150 * 1024)).status())
                    .isEqualTo(413);
        }
    }

    @Test
    void aMiddlewareRefusalGetsItsStatusWithoutContinue() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse r = finalAloneThenClosed(client, head("/private", 10));
            assertThat(r.head()).startsWith("HTTP/1.1 401 Unauthorized\n");
            assertThat(r.text()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void anUnknownRouteGets404WithoutContinue() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse r = finalAloneThenClosed(client, head("/nope", 10));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.text()).contains("Cannot POST /nope");
        }
    }

    @Test
    void aHandlerThatReadsGetsTheBodyAfterExactlyOneContinue() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse interim = client.send(head("/echo", 5)).readInterim("POST");
            assertThat(interim.head()).isEqualTo("HTTP/1.1 100 Continue\n");
            RawResponse r = client.send("hello").readInterim("POST");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
            assertThat(client.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aBodyParserReadingTheBodyAsksForIt() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            assertThat(client.send(head("/json", 7)).readInterim("POST").status())
                    .isEqualTo(100);
            RawResponse r = client.send("{\"a\":1}").readInterim("POST");
            assertThat(r.text()).isEqualTo("{\"a\":1}");
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
        }
    }

    @Test
    void anEmptyBodyNeedsNoContinueAndKeepsTheConnection() {
        try (TestServer server = TestServer.serve(app());
                RawClient client = server.connect()) {
            RawResponse r = client.send(head("/ignore", 0)).readInterim("POST");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ignored");
            assertThat(r.header("Connection")).isEqualTo("keep-alive");
            assertThat(client.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
                            .read("GET")
                            .status())
                    .isEqualTo(404);
        }
    }
}

package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.http.TrustPredicate;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Express's test/req.ip.js, plus the other forms of {@code trust proxy} (EXPRESS.md §4). The test server listens on
 * 127.0.0.1, so the socket address is {@code 127.0.0.1} (Node on a dual-stack {@code ::} socket would show
 * {@code ::ffff:127.0.0.1}; Java reports IPv4 peers as IPv4 there too).
 */
class ReqIpTest {

    private static App app(Object trustProxy) {
        App app = Express.app();
        if (trustProxy != null) app.set("trust proxy", trustProxy);
        app.use((req, res, next) -> res.send(req.ip()));
        return app;
    }

    @Test
    void trustProxyReturnsTheClientAddress() {
        assertThat(get(app(true), "/", "X-Forwarded-For", "client, p1, p2").text())
                .isEqualTo("client");
    }

    @Test
    void returnsTheAddressAfterTrustedProxiesByCount() {
        assertThat(get(app(2), "/", "X-Forwarded-For", "client, p1, p2").text()).isEqualTo("p1");
    }

    @Test
    void returnsTheAddressAfterTrustedProxiesByList() {
        App app = Express.app();
        app.set("trust proxy", "10.0.0.1, 10.0.0.2, 127.0.0.1, ::1");
        app.get("/", (req, res) -> res.send(req.ip()));
        // (supertest's .set(name, a, b) ignores b: one header is sent)
        assertThat(get(app, "/", "X-Forwarded-For", "10.0.0.2, 10.0.0.3, 10.0.0.1")
                        .text())
                .isEqualTo("10.0.0.3");
        try (TestServer server = TestServer.serve(app)) {
            // a repeated X-Forwarded-For reads as one list, as Node joins the lines with ", "
            String raw = "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 10.0.0.2, 10.0.0.3\r\n"
                    + "X-Forwarded-For: 10.0.0.1\r\n\r\n";
            assertThat(server.raw("GET", raw).text()).isEqualTo("10.0.0.3");
        }
    }

    @Test
    void aSubAppInheritsTheParentsTrust() {
        App app = Express.app();
        App sub = Express.app();
        app.set("trust proxy", 2);
        app.use(sub);
        sub.use((req, res, next) -> res.send(req.ip()));
        RawResponse r = get(app, "/", "X-Forwarded-For", "client, p1, p2");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("p1");
    }

    @Test
    void aSubAppWithItsOwnTrustKeepsIt() {
        App app = Express.app();
        App sub = Express.app();
        app.set("trust proxy", 2);
        sub.set("trust proxy", false);
        app.use("/sub", sub);
        sub.use((req, res, next) -> res.send(req.ip()));
        app.use((req, res, next) -> res.send(req.ip()));
        assertThat(get(app, "/sub", "X-Forwarded-For", "client, p1, p2").text()).isEqualTo("127.0.0.1");
        assertThat(get(app, "/", "X-Forwarded-For", "client, p1, p2").text()).isEqualTo("p1");
    }

    @Test
    void returnsTheRemoteAddressWhenTrustProxyIsDisabled() {
        assertThat(get(app(null), "/", "X-Forwarded-For", "client, p1, p2").text())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void returnsTheRemoteAddressWithoutXForwardedFor() {
        assertThat(get(app(true), "/").text()).isEqualTo("127.0.0.1");
    }

    @Test
    void observedTrustForms() {
        // EXPRESS.md §4: peer 127.0.0.1, X-Forwarded-For: 1.1.1.1, 2.2.2.2
        String xff = "1.1.1.1, 2.2.2.2";
        assertThat(get(app("loopback"), "/", "X-Forwarded-For", xff).text()).isEqualTo("2.2.2.2");
        assertThat(get(app(1), "/", "X-Forwarded-For", xff).text()).isEqualTo("2.2.2.2");
        assertThat(get(app(List.of("127.0.0.0/8", "2.2.2.2")), "/", "X-Forwarded-For", xff)
                        .text())
                .isEqualTo("1.1.1.1");
        assertThat(get(app("uniquelocal"), "/", "X-Forwarded-For", xff).text()).isEqualTo("127.0.0.1");
        TrustPredicate firstHopOnly = (addr, i) -> i == 0;
        assertThat(get(app(firstHopOnly), "/", "X-Forwarded-For", xff).text()).isEqualTo("2.2.2.2");
    }

    @Test
    void reportsTheTrustSettingBackAsGiven() {
        App app = Express.app();
        App sub = Express.app();
        app.set("trust proxy", "loopback");
        app.use(sub);
        assertThat(sub.get("trust proxy")).isEqualTo("loopback");
        assertThat(Express.app().get("trust proxy")).isEqualTo(false);
    }

    @Test
    void forwardedValuesAreTakenAsSent() {
        // checked against Express 5.3.0 with trust proxy "loopback"
        App app = Express.app();
        app.set("trust proxy", "loopback");
        app.get("/", (req, res) -> res.json(List.of(req.ip(), req.ips(), req.protocol(), req.hostname())));
        assertThat(get(
                                app,
                                "/",
                                "X-Forwarded-For",
                                "10.1.1.1, 127.0.0.2",
                                "X-Forwarded-Proto",
                                "HTTPS",
                                "X-Forwarded-Host",
                                "[::1]:99")
                        .text())
                .isEqualTo("[\"10.1.1.1\",[\"10.1.1.1\",\"127.0.0.2\"],\"HTTPS\",\"[::1]\"]");
    }

    @Test
    void aDualStackListenerReportsIpv4PeersAsIpv4() throws Exception {
        // Node listening on "::" reports ::ffff:127.0.0.1; express4j reports the IPv4 address (see README)
        App app = Express.app();
        app.get("/", (req, res) -> res.send(req.ip()));
        Server server = app.listen(0);
        try {
            assertThat(ask(new InetSocketAddress("127.0.0.1", server.port()))).endsWith("\r\n\r\n127.0.0.1");
            InetSocketAddress v6 = new InetSocketAddress("::1", server.port());
            boolean hasIpv6 = true;
            try (Socket probe = new Socket()) {
                probe.connect(v6, 2_000);
            } catch (IOException e) {
                hasIpv6 = false;
            }
            if (hasIpv6) assertThat(ask(v6)).endsWith("\r\n\r\n::1");
        } finally {
            server.close();
        }
    }

    private static String ask(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

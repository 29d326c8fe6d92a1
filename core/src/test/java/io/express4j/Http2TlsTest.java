package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.H2Client;
import io.express4j.support.H2Response;
import io.express4j.support.TestCertificates;
import io.express4j.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP/2 over TLS: with {@code http2(true)} ALPN offers {@code h2}, and the stream gets Express's answers. */
class Http2TlsTest {
    private static TlsOptions tls() {
        TestCertificates.Identity id = TestCertificates.get().first;
        return TlsOptions.pem(id.chainPem(), id.keyPem());
    }

    private static App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send(req.httpVersion() + " " + req.protocol() + " " + req.secure()));
        app.post("/echo", Express.json(), (req, res) -> res.json(req.body()));
        return app;
    }

    @Test
    void alpnPicksH2AndTheAnswersAreExpresss() {
        try (TestServer server = TestServer.serveTls(
                        app(), new ServerOptions().tls(tls()).http2(true));
                H2Client h2 = H2Client.overTls(server.port())) {
            H2Response r = h2.get("/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("2.0 https true");
            assertThat(r.header("content-length")).isEqualTo("14");
            assertThat(r.header("etag")).startsWith("W/\"e-");
            assertThat(r.header("connection")).isNull();
            H2Response echo =
                    h2.request("POST", "/echo", Map.of("content-type", "application/json"), "{\"a\":[1]}".getBytes());
            assertThat(echo.text()).isEqualTo("{\"a\":[1]}");
        }
    }
}

package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Express's test/req.protocol.js; its case that fakes {@code req.socket.encrypted} runs on a real TLS connection
 * here.
 */
class ReqProtocolTest {

    private static App app(Object trustProxy) {
        App app = Express.app();
        if (trustProxy != null) app.set("trust proxy", trustProxy);
        app.use((req, res, next) -> res.end(req.protocol()));
        return app;
    }

    @Test
    void returnsTheProtocolString() {
        assertThat(get(app(null), "/").text()).isEqualTo("http");
    }

    @Test
    void returnsHttpsOnATlsConnection() {
        try (TestServer server = TestServer.serveTls(app(null))) {
            assertThat(server.get("/").body()).asString().isEqualTo("https");
        }
    }

    @Test
    void trustedXForwardedProtoWinsOverTls() {
        try (TestServer server = TestServer.serveTls(app(true))) {
            assertThat(server.request("GET", "/", Map.of("X-Forwarded-Proto", "http"))
                            .body())
                    .asString()
                    .isEqualTo("http");
        }
    }

    @Test
    void untrustedXForwardedProtoIsIgnoredOverTls() {
        try (TestServer server = TestServer.serveTls(app(null))) {
            assertThat(server.request("GET", "/", Map.of("X-Forwarded-Proto", "http"))
                            .body())
                    .asString()
                    .isEqualTo("https");
        }
    }

    @Test
    void trustProxyRespectsXForwardedProto() {
        assertThat(get(app(true), "/", "X-Forwarded-Proto", "https").text()).isEqualTo("https");
    }

    @Test
    void ignoresXForwardedProtoIfTheSocketAddressIsNotTrusted() {
        assertThat(get(app("10.0.0.1"), "/", "X-Forwarded-Proto", "https").text())
                .isEqualTo("http");
    }

    @Test
    void trustProxyDefaultsToHttp() {
        assertThat(get(app(true), "/").text()).isEqualTo("http");
    }

    @Test
    void trustingAHopCountRespectsXForwardedProto() {
        assertThat(get(app(1), "/", "X-Forwarded-Proto", "https").text()).isEqualTo("https");
    }

    @Test
    void ignoresXForwardedProtoWhenTrustProxyIsDisabled() {
        assertThat(get(app(null), "/", "X-Forwarded-Proto", "https").text()).isEqualTo("http");
    }

    @Test
    void usesTheFirstTrimmedValue() {
        assertThat(get(app(true), "/", "X-Forwarded-Proto", " https , http").text())
                .isEqualTo("https");
    }
}

package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/req.secure.js. */
class ReqSecureTest {

    private static App app(Object trustProxy) {
        App app = Express.app();
        if (trustProxy != null) app.set("trust proxy", trustProxy);
        app.get("/", (req, res) -> res.send(req.secure() ? "yes" : "no"));
        return app;
    }

    @Test
    void falseWhenHttp() {
        assertThat(get(app(null), "/").text()).isEqualTo("no");
    }

    @Test
    void trueOverTls() {
        try (TestServer server = TestServer.serveTls(app(null))) {
            assertThat(server.get("/").body()).asString().isEqualTo("yes");
        }
    }

    @Test
    void falseOverTlsWhenATrustedProxySaysHttp() {
        try (TestServer server = TestServer.serveTls(app(true))) {
            assertThat(server.request("GET", "/", Map.of("X-Forwarded-Proto", "http"))
                            .body())
                    .asString()
                    .isEqualTo("no");
        }
    }

    @Test
    void falseWhenXForwardedProtoIsNotTrusted() {
        assertThat(get(app(null), "/", "X-Forwarded-Proto", "https").text()).isEqualTo("no");
    }

    @Test
    void trueWhenTrustProxyIsEnabled() {
        assertThat(get(app(true), "/", "X-Forwarded-Proto", "https").text()).isEqualTo("yes");
    }

    @Test
    void falseWhenTheInitialProxyIsHttp() {
        assertThat(get(app(true), "/", "X-Forwarded-Proto", "http, https").text())
                .isEqualTo("no");
    }

    @Test
    void trueWhenTheInitialProxyIsHttps() {
        assertThat(get(app(true), "/", "X-Forwarded-Proto", "https, http").text())
                .isEqualTo("yes");
    }

    @Test
    void trustingAHopCountRespectsXForwardedProto() {
        assertThat(get(app(1), "/", "X-Forwarded-Proto", "https").text()).isEqualTo("yes");
    }
}

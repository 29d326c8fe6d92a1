package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/** Express's test/req.subdomains.js. */
class ReqSubdomainsTest {

    private static App app(Integer offset, Object trustProxy) {
        App app = Express.app();
        if (offset != null) app.set("subdomain offset", offset);
        if (trustProxy != null) app.set("trust proxy", trustProxy);
        app.use((req, res, next) -> res.send(req.subdomains()));
        return app;
    }

    @Test
    void returnsAnArray() {
        assertThat(get(app(null, null), "/", "Host", "tobi.ferrets.example.com").text())
                .isEqualTo("[\"ferrets\",\"tobi\"]");
    }

    @Test
    void worksWithIpAddresses() {
        assertThat(get(app(null, null), "/", "Host", "127.0.0.1").text()).isEqualTo("[]");
        assertThat(get(app(null, null), "/", "Host", "[::1]").text()).isEqualTo("[]");
    }

    @Test
    void emptyOtherwise() {
        assertThat(get(app(null, null), "/", "Host", "example.com").text()).isEqualTo("[]");
    }

    @Test
    void emptyWithNoHost() {
        try (TestServer server = TestServer.serve(app(null, null))) {
            assertThat(server.raw("GET", "GET / HTTP/1.0\r\n\r\n").text()).isEqualTo("[]");
        }
    }

    @Test
    void usesATrustedXForwardedHost() {
        assertThat(get(app(null, true), "/", "X-Forwarded-Host", "tobi.ferrets.example.com")
                        .text())
                .isEqualTo("[\"ferrets\",\"tobi\"]");
    }

    @Test
    void offsetZeroKeepsTheWholeDomain() {
        assertThat(get(app(0, null), "/", "Host", "tobi.ferrets.sub.example.com")
                        .text())
                .isEqualTo("[\"com\",\"example\",\"sub\",\"ferrets\",\"tobi\"]");
        assertThat(get(app(0, null), "/", "Host", "127.0.0.1").text()).isEqualTo("[\"127.0.0.1\"]");
        assertThat(get(app(0, null), "/", "Host", "[::1]").text()).isEqualTo("[\"[::1]\"]");
    }

    @Test
    void offsetThree() {
        assertThat(get(app(3, null), "/", "Host", "tobi.ferrets.sub.example.com")
                        .text())
                .isEqualTo("[\"ferrets\",\"tobi\"]");
        assertThat(get(app(3, null), "/", "Host", "sub.example.com").text()).isEqualTo("[]");
    }
}

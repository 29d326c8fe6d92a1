package io.express4j;

import static io.express4j.support.Requests.get;
import static io.express4j.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.TestServer;
import org.junit.jupiter.api.Test;

/** Express's test/req.host.js: Express 5's {@code req.host} keeps the port. */
class ReqHostTest {

    private static App app(Object trustProxy) {
        App app = Express.app();
        if (trustProxy != null) app.set("trust proxy", trustProxy);
        app.use((req, res, next) -> res.end(String.valueOf(req.host())));
        return app;
    }

    @Test
    void returnsTheHostWhenPresent() {
        assertThat(request(app(null), "POST", "/", null, "Host", "example.com").text())
                .isEqualTo("example.com");
    }

    @Test
    void keepsThePort() {
        assertThat(request(app(null), "POST", "/", null, "Host", "example.com:3000")
                        .text())
                .isEqualTo("example.com:3000");
    }

    @Test
    void isNullWithoutAHost() {
        try (TestServer server = TestServer.serve(app(null))) {
            assertThat(server.raw("POST", "POST / HTTP/1.0\r\nContent-Length: 0\r\n\r\n")
                            .text())
                    .isEqualTo("null");
        }
    }

    @Test
    void worksWithIpv6Hosts() {
        assertThat(request(app(null), "POST", "/", null, "Host", "[::1]").text())
                .isEqualTo("[::1]");
        assertThat(request(app(null), "POST", "/", null, "Host", "[::1]:3000").text())
                .isEqualTo("[::1]:3000");
    }

    @Test
    void trustProxyRespectsXForwardedHost() {
        assertThat(get(app(true), "/", "Host", "localhost", "X-Forwarded-Host", "example.com")
                        .text())
                .isEqualTo("example.com");
    }

    @Test
    void ignoresXForwardedHostIfTheSocketAddressIsNotTrusted() {
        assertThat(get(app("10.0.0.1"), "/", "Host", "localhost", "X-Forwarded-Host", "example.com")
                        .text())
                .isEqualTo("localhost");
    }

    @Test
    void trustProxyDefaultsToHost() {
        assertThat(get(app(true), "/", "Host", "example.com").text()).isEqualTo("example.com");
    }

    @Test
    void trustingAHopCountRespectsXForwardedHost() {
        assertThat(get(app(1), "/", "Host", "localhost", "X-Forwarded-Host", "example.com")
                        .text())
                .isEqualTo("example.com");
    }

    @Test
    void ignoresXForwardedHostWhenTrustProxyIsDisabled() {
        assertThat(get(app(null), "/", "Host", "localhost", "X-Forwarded-Host", "evil")
                        .text())
                .isEqualTo("localhost");
    }
}

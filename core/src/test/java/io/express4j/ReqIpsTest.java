package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Express's test/req.ips.js. */
class ReqIpsTest {

    private static App app(Object trustProxy) {
        App app = Express.app();
        if (trustProxy != null) app.set("trust proxy", trustProxy);
        app.use((req, res, next) -> res.send(req.ips()));
        return app;
    }

    @Test
    void returnsTheForwardedAddressesWhenTrusted() {
        assertThat(get(app(true), "/", "X-Forwarded-For", "client, p1, p2").text())
                .isEqualTo("[\"client\",\"p1\",\"p2\"]");
    }

    @Test
    void stopsAtTheFirstUntrusted() {
        assertThat(get(app(2), "/", "X-Forwarded-For", "client, p1, p2").text()).isEqualTo("[\"p1\",\"p2\"]");
    }

    @Test
    void emptyWhenTrustProxyIsDisabled() {
        assertThat(get(app(null), "/", "X-Forwarded-For", "client, p1, p2").text())
                .isEqualTo("[]");
    }

    @Test
    void emptyWithoutXForwardedFor() {
        assertThat(get(app(null), "/").text()).isEqualTo("[]");
    }
}

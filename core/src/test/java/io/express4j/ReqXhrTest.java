package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Express's test/req.xhr.js. */
class ReqXhrTest {
    private static App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send(req.xhr()));
        return app;
    }

    @Test
    void trueWhenXRequestedWithIsXmlHttpRequest() {
        assertThat(get(app(), "/", "X-Requested-With", "xmlhttprequest").text()).isEqualTo("true");
    }

    @Test
    void caseInsensitive() {
        assertThat(get(app(), "/", "X-Requested-With", "XMLHttpRequest").text()).isEqualTo("true");
    }

    @Test
    void falseOtherwise() {
        assertThat(get(app(), "/", "X-Requested-With", "blahblah").text()).isEqualTo("false");
    }

    @Test
    void falseWhenNotPresent() {
        assertThat(get(app(), "/").text()).isEqualTo("false");
    }
}

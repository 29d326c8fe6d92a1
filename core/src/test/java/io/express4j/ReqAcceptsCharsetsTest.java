package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Express's test/req.acceptsCharsets.js. */
class ReqAcceptsCharsetsTest {

    private static App yesNo() {
        App app = Express.app();
        app.use((req, res, next) -> res.end(req.acceptsCharsets("utf-8") != null ? "yes" : "no"));
        return app;
    }

    @Test
    void acceptsWhenAcceptCharsetIsNotPresent() {
        assertThat(get(yesNo(), "/").text()).isEqualTo("yes");
    }

    @Test
    void acceptsWhenListed() {
        assertThat(get(yesNo(), "/", "Accept-Charset", "foo, bar, utf-8").text())
                .isEqualTo("yes");
    }

    @Test
    void refusesOtherwise() {
        assertThat(get(yesNo(), "/", "Accept-Charset", "foo, bar").text()).isEqualTo("no");
    }

    @Test
    void returnsTheBestMatchingCharsetFromMultipleInputs() {
        App app = Express.app();
        app.use((req, res, next) -> res.end(req.acceptsCharsets("utf-8", "iso-8859-1")));
        assertThat(get(app, "/", "Accept-Charset", "iso-8859-1, utf-8").text()).isEqualTo("iso-8859-1");
    }

    @Test
    void withoutArgumentsListsTheAcceptableCharsets() {
        App app = Express.app();
        app.use((req, res, next) -> res.json(req.acceptsCharsets()));
        assertThat(get(app, "/", "Accept-Charset", "utf-8;q=0.5, iso-8859-1").text())
                .isEqualTo("[\"iso-8859-1\",\"utf-8\"]");
        assertThat(get(app, "/").text()).isEqualTo("[\"*\"]");
    }
}

package io.express4j;

import static io.express4j.ReqAcceptsEncodingsTest.orFalse;
import static io.express4j.support.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import org.junit.jupiter.api.Test;

/**
 * Express's test/req.is.js. Express answers {@code false} for no match and {@code null} for a request without a
 * body; Java returns null for both, so the handlers here send {@code false} for a null when the request has a body.
 */
class ReqIsTest {

    private static App is(String... types) {
        App app = Express.app();
        app.use((req, res, next) -> res.json(orFalse(req.is(types))));
        return app;
    }

    private static String post(App app, String contentType) {
        RawResponse r = contentType == null
                ? request(app, "POST", "/", "{}")
                : request(app, "POST", "/", "{}", "Content-Type", contentType);
        assertThat(r.status()).isEqualTo(200);
        return r.text();
    }

    @Test
    void givenAMimeTypeReturnsTheTypeWhenMatching() {
        assertThat(post(is("application/json"), "application/json")).isEqualTo("\"application/json\"");
    }

    @Test
    void givenAMimeTypeReturnsFalseWhenNotMatching() {
        assertThat(post(is("image/jpeg"), "application/json")).isEqualTo("false");
    }

    @Test
    void givenAMimeTypeIgnoresTheCharset() {
        assertThat(post(is("application/json"), "application/json; charset=UTF-8"))
                .isEqualTo("\"application/json\"");
    }

    @Test
    void returnsFalseWhenContentTypeIsNotPresent() {
        assertThat(post(is("application/json"), null)).isEqualTo("false");
    }

    @Test
    void givenAnExtensionLooksUpTheMimeType() {
        assertThat(post(is("json"), "application/json")).isEqualTo("\"json\"");
    }

    @Test
    void givenStarSubtypeReturnsTheFullTypeWhenMatching() {
        assertThat(post(is("*/json"), "application/json")).isEqualTo("\"application/json\"");
        assertThat(post(is("*/html"), "application/json")).isEqualTo("false");
        assertThat(post(is("*/json"), "application/json; charset=UTF-8")).isEqualTo("\"application/json\"");
    }

    @Test
    void givenTypeStarReturnsTheFullTypeWhenMatching() {
        assertThat(post(is("application/*"), "application/json")).isEqualTo("\"application/json\"");
        assertThat(post(is("text/*"), "application/json")).isEqualTo("false");
        assertThat(post(is("application/*"), "application/json; charset=UTF-8")).isEqualTo("\"application/json\"");
    }

    @Test
    void isNullWhenTheRequestHasNoBody() {
        App app = Express.app();
        app.use((req, res, next) -> res.json(req.is("json")));
        assertThat(request(app, "GET", "/", null, "Content-Type", "application/json")
                        .text())
                .isEqualTo("null");
    }

    @Test
    void withoutOffersReturnsTheRequestType() {
        App app = Express.app();
        app.use((req, res, next) -> res.json(req.is()));
        assertThat(request(app, "POST", "/", "x", "Content-Type", "Text/HTML; charset=utf-8")
                        .text())
                .isEqualTo("\"text/html\"");
    }
}

package io.express4j;

import static io.express4j.ReqAcceptsEncodingsTest.orFalse;
import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/req.acceptsLanguages.js. */
class ReqAcceptsLanguagesTest {

    @Test
    void returnsTheLanguageIfAccepted() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("en-us", orFalse(req.acceptsLanguages("en-us")));
            body.put("en", orFalse(req.acceptsLanguages("en")));
            res.send(body);
        });
        assertThat(get(app, "/", "Accept-Language", "en;q=.5, en-us").text())
                .isEqualTo("{\"en-us\":\"en-us\",\"en\":\"en\"}");
    }

    @Test
    void isFalseIfTheLanguageIsNotAccepted() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send(Map.of("es", orFalse(req.acceptsLanguages("es")))));
        assertThat(get(app, "/", "Accept-Language", "en;q=.5, en-us").text()).isEqualTo("{\"es\":false}");
    }

    @Test
    void alwaysReturnsTheLanguageWhenAcceptLanguageIsNotPresent() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("en", req.acceptsLanguages("en"));
            body.put("es", req.acceptsLanguages("es"));
            body.put("jp", req.acceptsLanguages("jp"));
            res.send(body);
        });
        assertThat(get(app, "/").text()).isEqualTo("{\"en\":\"en\",\"es\":\"es\",\"jp\":\"jp\"}");
    }

    @Test
    void withoutArgumentsListsTheAcceptableLanguages() {
        App app = Express.app();
        app.get("/", (req, res) -> res.json(req.acceptsLanguages()));
        assertThat(get(app, "/", "Accept-Language", "en;q=.5, en-us").text()).isEqualTo("[\"en-us\",\"en\"]");
    }
}

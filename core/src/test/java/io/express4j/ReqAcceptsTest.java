package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Express's test/req.accepts.js, plus the list form of {@code req.accepts()}. */
class ReqAcceptsTest {

    private static App yesNo() {
        App app = Express.app();
        app.use((req, res, next) -> res.end(req.accepts("json") != null ? "yes" : "no"));
        return app;
    }

    @Test
    void acceptsWhenAcceptIsNotPresent() {
        assertThat(get(yesNo(), "/").text()).isEqualTo("yes");
    }

    @Test
    void acceptsWhenPresent() {
        assertThat(get(yesNo(), "/", "Accept", "application/json").text()).isEqualTo("yes");
    }

    @Test
    void refusesOtherwise() {
        assertThat(get(yesNo(), "/", "Accept", "text/html").text()).isEqualTo("no");
    }

    @Test
    void acceptsAnArgumentListOfTypeNames() {
        App app = Express.app();
        app.use((req, res, next) -> res.end(req.accepts("json", "html")));
        assertThat(get(app, "/", "Accept", "application/json").text()).isEqualTo("json");
    }

    private static App firstOf(String... types) {
        App app = Express.app();
        app.use((req, res, next) -> {
            String type = req.accepts(List.of(types));
            res.end(type == null ? "nope" : type);
        });
        return app;
    }

    @Test
    void returnsTheFirstWhenAcceptIsNotPresent() {
        assertThat(get(firstOf("json", "html"), "/").text()).isEqualTo("json");
    }

    @Test
    void returnsTheFirstAcceptableType() {
        assertThat(get(firstOf("json", "html"), "/", "Accept", "text/html").text())
                .isEqualTo("html");
    }

    @Test
    void returnsNullWhenNoMatchIsMade() {
        assertThat(get(firstOf("text/html", "application/json"), "/", "Accept", "foo/bar, bar/baz")
                        .text())
                .isEqualTo("nope");
    }

    @Test
    void takesQualityIntoAccount() {
        assertThat(get(firstOf("text/html", "application/json"), "/", "Accept", "*/html; q=.5, application/json")
                        .text())
                .isEqualTo("application/json");
    }

    @Test
    void returnsTheFirstAcceptableTypeWithCanonicalMimeTypes() {
        assertThat(get(firstOf("application/json", "text/html"), "/", "Accept", "*/html")
                        .text())
                .isEqualTo("text/html");
    }

    @Test
    void withoutArgumentsListsTheAcceptableTypesBestFirst() {
        App app = Express.app();
        app.use((req, res, next) -> res.json(req.accepts()));
        RawResponse r = get(app, "/", "Accept", "text/html;q=0.5, application/json, */*;q=0.1");
        assertThat(r.text()).isEqualTo("[\"application/json\",\"text/html\",\"*/*\"]");
        assertThat(get(app, "/").text()).isEqualTo("[\"*/*\"]");
    }
}

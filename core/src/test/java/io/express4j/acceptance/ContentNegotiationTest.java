package io.express4j.acceptance;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Handler;
import io.express4j.Middleware;
import io.express4j.support.RawResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Express's test/acceptance/content-negotiation.js against a port of examples/content-negotiation. */
class ContentNegotiationTest {
    private static final List<Map<String, String>> USERS =
            List.of(Map.of("name", "Tobi"), Map.of("name", "Loki"), Map.of("name", "Jane"));

    /** examples/content-negotiation/users.js: one handler per format. */
    private static Map<String, Middleware> formats() {
        Map<String, Middleware> formats = new LinkedHashMap<>();
        formats.put("html", (Handler) (req, res) -> res.send("<ul>"
                + USERS.stream().map(u -> "<li>" + u.get("name") + "</li>").collect(Collectors.joining()) + "</ul>"));
        formats.put("text", (Handler) (req, res) ->
                res.send(USERS.stream().map(u -> " - " + u.get("name") + "\n").collect(Collectors.joining())));
        formats.put("json", (Handler) (req, res) -> res.json(USERS));
        return formats;
    }

    static App example() {
        App app = Express.app();
        app.get("/", (req, res) -> res.format(formats()));
        Map<String, Middleware> users = formats();
        app.get("/users", (req, res) -> res.format(users));
        return app;
    }

    private static void check(String path) {
        RawResponse html = get(example(), path);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.text()).isEqualTo("<ul><li>Tobi</li><li>Loki</li><li>Jane</li></ul>");
        RawResponse text = get(example(), path, "Accept", "text/plain");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.text()).isEqualTo(" - Tobi\n - Loki\n - Jane\n");
        RawResponse json = get(example(), path, "Accept", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text()).isEqualTo("[{\"name\":\"Tobi\"},{\"name\":\"Loki\"},{\"name\":\"Jane\"}]");
    }

    @Test
    void rootDefaultsToHtmlAndAcceptsTextAndJson() {
        check("/");
    }

    @Test
    void usersDefaultsToHtmlAndAcceptsTextAndJson() {
        check("/users");
    }
}

package io.express4j.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mustache adapter behind app.engine / app.render / res.render. */
class MustacheEngineTest {

    private static String views() throws Exception {
        return Path.of(MustacheEngineTest.class.getResource("/views").toURI()).toString();
    }

    private static App app() throws Exception {
        App app = Express.app();
        app.engine("mustache", new MustacheEngine());
        app.set("view engine", "mustache");
        app.set("views", views());
        return app;
    }

    @Test
    void rendersPartialsSectionsAndEscapes() throws Exception {
        String html = app().render(
                        "index",
                        Map.of(
                                "title",
                                "Users",
                                "users",
                                List.of(Map.of("name", "Tobi"), Map.of("name", "Loki")),
                                "note",
                                "<b>&\"'</b>",
                                "html",
                                "<i>raw</i>"));
        assertThat(html)
                .isEqualTo("<h1>Users</h1>\n<ul><li>Tobi</li><li>Loki</li></ul>"
                        + "<p>&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;</p><div><i>raw</i></div>\n");
    }

    @Test
    void seesAppLocalsSettingsAndDottedNames() throws Exception {
        App app = app();
        app.set("title", "express4j");
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(app.render("hello", Map.of("admin", true))).isEqualTo("Hello tobi from express4j (admin)\n");
    }

    @Test
    void resRenderSendsTheHtml() throws Exception {
        App app = app();
        app.get("/", (req, res) -> {
            res.locals().put("user", Map.of("name", "loki"));
            res.render("hello");
        });
        Server server = app.listen(0, "127.0.0.1");
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(r.body()).isEqualTo("Hello loki from \n");
        } finally {
            server.close();
        }
    }

    @Test
    void cachesCompiledTemplatesOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.mustache");
        Files.writeString(page, "v1 {{x}}");
        MustacheEngine engine = new MustacheEngine();
        assertThat(engine.render(page, Map.of("x", 1, "cache", true))).isEqualTo("v1 1");
        Files.writeString(page, "v2 {{x}}");
        assertThat(engine.render(page, Map.of("x", 2, "cache", true))).isEqualTo("v1 2");
        assertThat(engine.render(page, Map.of("x", 3, "cache", false))).isEqualTo("v2 3");
    }

    @Test
    void aMissingViewNamesTheDirectory() throws Exception {
        App app = app();
        assertThatThrownBy(() -> app.render("nope"))
                .hasMessage("Failed to lookup view \"nope\" in views directory \"" + views() + "\"");
    }

    @Test
    void partialsResolveBesideTheTemplateThenFromTheViewsFolder() throws Exception {
        // users/profile: {{> ../partials/header}} relative to it, {{> copyright}} only in views/,
        // {{> footer}} both beside it and in views/ (beside wins)
        assertThat(app().render("users/profile", Map.of("title", "Tobi", "name", "tobi")))
                .isEqualTo("<h1>Tobi</h1>\n<p>tobi</p><small>(c) tobi</small><footer>beside</footer>");
    }

    @Test
    void partialsResolveFromEachOfSeveralViewsFolders(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("page.mustache"), "[{{> copyright}}]");
        Files.writeString(other.resolve("copyright.mustache"), "other");
        App app = app();
        app.set("views", List.of(views(), other.toString()));
        assertThat(app.render("page")).isEqualTo("[other]");
        assertThat(app.render("users/profile", Map.of("title", "T", "name", "n")))
                .isEqualTo("<h1>T</h1>\n<p>n</p><small>(c) n</small><footer>beside</footer>");
    }

    @Test
    void aPartialOutsideTheViewsFolderIsNotRead() throws Exception {
        assertThatThrownBy(() -> app().render("users/escape"))
                .hasMessageContaining("Template")
                .hasMessageContaining("not found");
    }
}

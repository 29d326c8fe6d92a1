package io.express4j;

import static io.express4j.support.Requests.get;
import static io.express4j.support.TmplEngine.fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.http.Html;
import io.express4j.support.RawResponse;
import io.express4j.support.TmplEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/res.render.js. */
class ResRenderTest {

    private static App app() {
        App app = Express.app();
        app.set("env", "test");
        app.engine(".tmpl", new TmplEngine());
        return app;
    }

    private static RawResponse render(App app, Handler handler) {
        app.use(handler);
        return get(app, "/");
    }

    @Test
    void supportsAbsolutePaths() {
        App app = app();
        app.locals().put("user", Map.of("name", "tobi"));
        RawResponse r = render(app, (req, res) -> res.render(fixtures("user.tmpl")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.text()).isEqualTo("<p>tobi</p>");
    }

    @Test
    void supportsAbsolutePathsWithViewEngine() {
        App app = app();
        app.locals().put("user", Map.of("name", "tobi"));
        app.set("view engine", "tmpl");
        assertThat(render(app, (req, res) -> res.render(fixtures("user"))).text())
                .isEqualTo("<p>tobi</p>");
    }

    @Test
    void errorsForAnExtensionWithoutEngine() {
        App app = app();
        RawResponse r = render(app, (req, res) -> res.render(fixtures("broken.send")));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("No view engine registered for &quot;.send&quot;");
    }

    @Test
    void errorsWithoutViewEngineAndExtension() {
        App app = app();
        RawResponse r = render(app, (req, res) -> res.render(fixtures("user")));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).contains("No default engine was specified");
    }

    @Test
    void aMissingViewIsA500NamingTheDirectory() {
        App app = app();
        app.set("views", fixtures().toString());
        RawResponse r = render(app, (req, res) -> res.render("nope.tmpl"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text())
                .contains(Html.escape("Failed to lookup view \"nope.tmpl\" in views directory \"" + fixtures() + "\""));
    }

    @Test
    void exposesAppLocals() {
        App app = app();
        app.set("views", fixtures().toString());
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(render(app, (req, res) -> res.render("user.tmpl")).text()).isEqualTo("<p>tobi</p>");
    }

    @Test
    void exposesAppLocalsWithANameProperty() {
        App app = app();
        app.set("views", fixtures().toString());
        app.locals().put("name", "tobi");
        assertThat(render(app, (req, res) -> res.render("name.tmpl")).text()).isEqualTo("<p>tobi</p>");
    }

    @Test
    void supportsIndexFiles() {
        App app = app();
        app.set("views", fixtures().toString());
        app.set("view engine", "tmpl");
        assertThat(render(app, (req, res) -> res.render("blog/post")).text()).isEqualTo("<h1>blog post</h1>");
    }

    @Test
    void anErrorGoesToNext() {
        App app = app();
        app.set("views", fixtures().toString());
        app.use((Handler) (req, res) -> res.render("user.tmpl"));
        app.use((err, req, res, next) ->
                res.status(500).send("got error: " + err.getClass().getSimpleName()));
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).isEqualTo("got error: RenderError");
    }

    @Test
    void rendersWithTheViewEngine() {
        App app = app();
        app.set("view engine", "tmpl");
        app.set("views", fixtures().toString());
        assertThat(render(app, (req, res) -> res.render("email")).text()).isEqualTo("<p>This is an email</p>");
    }

    @Test
    void looksUpTheViewsPaths() {
        App app = app();
        app.set("views", fixtures("default_layout"));
        assertThat(render(app, (req, res) -> res.render("user.tmpl", Map.of("user", Map.of("name", "tobi"))))
                        .text())
                .isEqualTo("<p>tobi</p>");
        App list = app();
        list.set("views", List.of(fixtures("local_layout"), fixtures("default_layout")));
        list.get("/user", (req, res) -> res.render("user.tmpl", Map.of("user", Map.of("name", "tobi"))));
        list.get("/name", (req, res) -> res.render("name.tmpl", Map.of("name", "tobi")));
        assertThat(get(list, "/user").text()).isEqualTo("<span>tobi</span>");
        assertThat(get(list, "/name").text()).isEqualTo("<p>tobi</p>");
    }

    @Test
    void rendersTheModel() {
        App app = app();
        app.set("views", fixtures().toString());
        assertThat(render(app, (req, res) -> res.render("user.tmpl", Map.of("user", Map.of("name", "tobi"))))
                        .text())
                .isEqualTo("<p>tobi</p>");
    }

    @Test
    void exposesResLocals() {
        App app = app();
        app.set("views", fixtures().toString());
        assertThat(render(app, (req, res) -> {
                            res.locals().put("user", Map.of("name", "tobi"));
                            res.render("user.tmpl");
                        })
                        .text())
                .isEqualTo("<p>tobi</p>");
    }

    @Test
    void resLocalsTakePrecedenceOverAppLocals() {
        App app = app();
        app.set("views", fixtures().toString());
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(render(app, (req, res) -> {
                            res.locals().put("user", Map.of("name", "jane"));
                            res.render("user.tmpl", Map.of());
                        })
                        .text())
                .isEqualTo("<p>jane</p>");
    }

    @Test
    void theModelTakesPrecedenceOverResLocals() {
        App app = app();
        app.set("views", fixtures().toString());
        assertThat(render(app, (req, res) -> {
                            res.locals().put("user", Map.of("name", "tobi"));
                            res.render("user.tmpl", Map.of("user", Map.of("name", "jane")));
                        })
                        .text())
                .isEqualTo("<p>jane</p>");
    }

    @Test
    void theModelTakesPrecedenceOverAppLocals() {
        App app = app();
        app.set("views", fixtures().toString());
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(render(app, (req, res) -> res.render("user.tmpl", Map.of("user", Map.of("name", "jane"))))
                        .text())
                .isEqualTo("<p>jane</p>");
    }

    @Test
    void aCallbackReceivesTheHtml() {
        App app = app();
        app.set("views", fixtures().toString());
        assertThat(render(
                                app,
                                (req, res) -> res.render(
                                        "user.tmpl",
                                        Map.of("user", Map.of("name", "tobi")),
                                        (err, html) -> res.end(html.replace("tobi", "loki"))))
                        .text())
                .isEqualTo("<p>loki</p>");
        App withLocals = app();
        withLocals.set("views", fixtures().toString());
        assertThat(render(withLocals, (req, res) -> {
                            res.locals().put("user", Map.of("name", "tobi"));
                            res.render("user.tmpl", (err, html) -> res.end(html.replace("tobi", "loki")));
                        })
                        .text())
                .isEqualTo("<p>loki</p>");
    }

    @Test
    void aCallbackReceivesTheError() {
        App app = app();
        app.set("views", fixtures().toString());
        RawResponse r = render(
                app,
                (req, res) -> res.render("user.tmpl", (err, html) -> {
                    if (err != null)
                        res.status(500).send("got error: " + err.getClass().getSimpleName());
                }));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).isEqualTo("got error: RenderError");
    }

    @Test
    void aMountedAppRendersWithItsOwnSettingsAndTheParentsEngine() {
        App parent = app();
        parent.set("views", fixtures().toString());
        App sub = Express.app();
        sub.set("views", fixtures("local_layout"));
        sub.get("/", (req, res) -> res.render("user.tmpl", Map.of("user", Map.of("name", "tobi"))));
        parent.use("/sub", sub);
        assertThat(get(parent, "/sub").text()).isEqualTo("<span>tobi</span>");
    }
}

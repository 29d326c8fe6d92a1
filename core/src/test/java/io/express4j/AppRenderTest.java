package io.express4j;

import static io.express4j.support.TmplEngine.fixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.TmplEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Express's test/app.render.js. Its cases that replace the {@code view} class are covered through what they
 * observe: the engine's error reaching the callback, and the {@code view cache} keeping a resolved file.
 */
class AppRenderTest {

    private static App app() {
        App app = Express.app();
        app.engine(".tmpl", new TmplEngine());
        return app;
    }

    @Test
    void supportsAbsolutePaths() throws Exception {
        App app = app();
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(app.render(fixtures("user.tmpl"))).isEqualTo("<p>tobi</p>");
    }

    @Test
    void supportsAbsolutePathsWithViewEngine() throws Exception {
        App app = app();
        app.set("view engine", "tmpl");
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(app.render(fixtures("user"))).isEqualTo("<p>tobi</p>");
    }

    @Test
    void exposesAppLocals() throws Exception {
        App app = app();
        app.set("views", fixtures().toString());
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(app.render("user.tmpl")).isEqualTo("<p>tobi</p>");
    }

    @Test
    void supportsIndexFiles() throws Exception {
        App app = app();
        app.set("views", fixtures().toString());
        app.set("view engine", "tmpl");
        assertThat(app.render("blog/post")).isEqualTo("<h1>blog post</h1>");
    }

    @Test
    void engineErrorsReachTheCallback() throws Exception {
        App app = Express.app();
        app.engine("tmpl", (file, model) -> {
            throw new IllegalStateException("err!");
        });
        app.set("views", fixtures().toString());
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.render("user.tmpl", Map.of(), (err, html) -> error.set(err));
        assertThat(error.get()).hasMessage("err!");
    }

    @Test
    void aMissingFileGivesAHelpfulError() throws Exception {
        App app = app();
        app.set("views", fixtures().toString());
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.render("rawr.tmpl", Map.of(), (err, html) -> error.set(err));
        assertThat(error.get())
                .hasMessage("Failed to lookup view \"rawr.tmpl\" in views directory \"" + fixtures() + "\"");
        assertThatThrownBy(() -> app.render("rawr.tmpl")).hasMessageStartingWith("Failed to lookup view");
    }

    @Test
    void renderErrorsReachTheCallback() throws Exception {
        App app = app();
        app.set("views", fixtures().toString());
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.render("user.tmpl", Map.of(), (err, html) -> error.set(err));
        assertThat(error.get()).isInstanceOf(TmplEngine.RenderError.class);
    }

    @Test
    void rendersAGivenExtension() throws Exception {
        App app = app();
        app.set("views", fixtures().toString());
        assertThat(app.render("email.tmpl")).isEqualTo("<p>This is an email</p>");
    }

    @Test
    void rendersWithTheViewEngine() throws Exception {
        App app = app();
        app.set("view engine", "tmpl");
        app.set("views", fixtures().toString());
        assertThat(app.render("email")).isEqualTo("<p>This is an email</p>");
    }

    @Test
    void looksUpTheFileInTheViewsPath() throws Exception {
        App app = app();
        app.set("views", fixtures("default_layout"));
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(app.render("user.tmpl")).isEqualTo("<p>tobi</p>");
    }

    @Test
    void looksUpAListOfPathsInOrder() throws Exception {
        App app = app();
        List<String> views = List.of(fixtures("local_layout"), fixtures("default_layout"));
        app.set("views", views);
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(app.render("user.tmpl")).isEqualTo("<span>tobi</span>");
        app.locals().put("name", "tobi");
        assertThat(app.render("name.tmpl")).isEqualTo("<p>tobi</p>");
        AtomicReference<Throwable> error = new AtomicReference<>();
        app.render("pet.tmpl", Map.of(), (err, html) -> error.set(err));
        assertThat(error.get())
                .hasMessage("Failed to lookup view \"pet.tmpl\" in views directories \"" + views.get(0) + "\" or \""
                        + views.get(1) + "\"");
    }

    @Test
    void listsEveryDirectoryTried() {
        App app = app();
        app.set("views", List.of("/a", "/b", "/c"));
        assertThatThrownBy(() -> app.render("x.tmpl"))
                .hasMessage("Failed to lookup view \"x.tmpl\" in views directories \"/a\", \"/b\" or \"/c\"");
    }

    @Test
    void noExtensionAndNoViewEngine() {
        assertThatThrownBy(() -> app().render("user"))
                .hasMessage("No default engine was specified and no extension was provided.");
    }

    @Test
    void noEngineForTheExtension() {
        App app = app();
        assertThatThrownBy(() -> app.render(fixtures("broken.send")))
                .hasMessage("No view engine registered for \".send\": use app.engine(\"send\", engine)");
    }

    @Test
    void viewCacheKeepsTheResolvedFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(second.resolve("page.tmpl"), "second");
        for (boolean cache : new boolean[] {false, true}) {
            Files.deleteIfExists(first.resolve("page.tmpl"));
            App app = app();
            app.set("views", List.of(first.toString(), second.toString()));
            app.set("view cache", cache);
            assertThat(app.render("page.tmpl")).isEqualTo("second");
            Files.writeString(first.resolve("page.tmpl"), "first");
            assertThat(app.render("page.tmpl")).isEqualTo(cache ? "second" : "first");
        }
    }

    @Test
    void theCacheOptionOverridesTheSetting(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(second.resolve("page.tmpl"), "second");
        App app = app();
        app.set("views", List.of(first.toString(), second.toString()));
        app.set("view cache", false);
        assertThat(app.render("page.tmpl", Map.of("cache", true))).isEqualTo("second");
        Files.writeString(first.resolve("page.tmpl"), "first");
        assertThat(app.render("page.tmpl", Map.of("cache", true))).isEqualTo("second");
        assertThat(app.render("page.tmpl")).isEqualTo("first");
    }

    @Test
    void rendersWithTheGivenModel() throws Exception {
        App app = app();
        app.set("views", fixtures().toString());
        assertThat(app.render("user.tmpl", Map.of("user", Map.of("name", "tobi"))))
                .isEqualTo("<p>tobi</p>");
    }

    @Test
    void theModelTakesPrecedenceOverAppLocals() throws Exception {
        App app = app();
        app.set("views", fixtures().toString());
        app.locals().put("user", Map.of("name", "tobi"));
        assertThat(app.render("user.tmpl", Map.of())).isEqualTo("<p>tobi</p>");
        assertThat(app.render("user.tmpl", Map.of("user", Map.of("name", "jane"))))
                .isEqualTo("<p>jane</p>");
        assertThat(app.render("user.tmpl", null)).isEqualTo("<p>tobi</p>");
    }

    @Test
    void theEngineSeesSettingsAndTheCacheFlag() throws Exception {
        App app = Express.app();
        Map<String, Object> seen = new HashMap<>();
        app.engine("tmpl", (file, model) -> {
            seen.putAll(model);
            return "ok";
        });
        app.set("views", fixtures().toString());
        app.set("title", "Express");
        app.render("email.tmpl", Map.of("x", 1));
        assertThat(seen).containsEntry("x", 1).containsEntry("cache", app.enabled("view cache"));
        assertThat(((Map<?, ?>) seen.get("settings")).get("title")).isEqualTo("Express");
    }
}

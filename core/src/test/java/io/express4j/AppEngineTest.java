package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.spi.TemplateEngine;
import io.express4j.support.TmplEngine;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/app.engine.js. */
class AppEngineTest {

    /** The test's engine: replaces {@code {{user.name}}} with the model's user name. */
    private static final TemplateEngine RENDER = (file, model) -> Files.readString(file)
            .replace("{{user.name}}", String.valueOf(((Map<?, ?>) model.get("user")).get("name")));

    private static App app() {
        App app = Express.app();
        app.set("views", TmplEngine.fixtures().toString());
        app.locals().put("user", Map.of("name", "tobi"));
        return app;
    }

    @Test
    void mapsATemplateEngine() throws Exception {
        App app = app();
        app.engine(".html", RENDER);
        assertThat(app.render("user.html")).isEqualTo("<p>tobi</p>");
    }

    @Test
    void throwsWhenTheEngineIsMissing() {
        assertThatThrownBy(() -> Express.app().engine(".html", null)).hasMessage("callback function required");
    }

    @Test
    void worksWithoutALeadingDot() throws Exception {
        App app = app();
        app.engine("html", RENDER);
        assertThat(app.render("user.html")).isEqualTo("<p>tobi</p>");
    }

    @Test
    void worksWithTheViewEngineSetting() throws Exception {
        App app = app();
        app.engine("html", RENDER);
        app.set("view engine", "html");
        assertThat(app.render("user")).isEqualTo("<p>tobi</p>");
    }

    @Test
    void worksWithAViewEngineWithALeadingDot() throws Exception {
        App app = app();
        app.engine(".html", RENDER);
        app.set("view engine", ".html");
        assertThat(app.render("user")).isEqualTo("<p>tobi</p>");
    }

    @Test
    void aMountedAppUsesItsParentsEngines() throws Exception {
        App parent = app();
        parent.engine("html", RENDER);
        App sub = Express.app();
        sub.set("views", TmplEngine.fixtures().toString()); // its own "views" default does not inherit
        sub.locals().put("user", Map.of("name", "loki"));
        parent.use("/sub", sub);
        assertThat(sub.render("user.html")).isEqualTo("<p>loki</p>");
    }
}

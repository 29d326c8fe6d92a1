package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express's test/app.locals.js. */
class AppLocalsTest {

    @Test
    void isAMap() {
        App app = Express.app();
        assertThat(app.locals()).isNotNull().containsOnlyKeys("settings");
    }

    @Test
    void settingsHoldsTheAppSettings() {
        App app = Express.app();
        app.set("title", "Express");
        Object settings = app.locals().get("settings");
        assertThat(settings).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) settings).get("title")).isEqualTo("Express");
    }
}

package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import org.junit.jupiter.api.Test;

/** Express's test/res.locals.js. */
class ResLocalsTest {

    @Test
    void isEmptyByDefault() {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.json(res.locals()));
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{}");
    }

    @Test
    void worksWhenMounted() {
        App app = Express.app();
        App blog = Express.app();
        app.use(blog);
        blog.use((req, res, next) -> {
            res.locals().put("foo", "bar");
            next.run();
        });
        app.use((Handler) (req, res) -> res.json(res.locals()));
        assertThat(get(app, "/").text()).isEqualTo("{\"foo\":\"bar\"}");
    }
}

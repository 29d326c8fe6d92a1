package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The "extended" cases of Express's test/req.query.js (qs 6.17.1 with Express's {@code allowPrototypes}; the
 * parser itself is tested against qs in QsParserTest).
 */
class ReqQueryExtendedTest {

    private static App app() {
        App app = Express.app();
        app.set("query parser", "extended");
        app.use((req, res, next) -> res.send(req.query()));
        return app;
    }

    @Test
    void parsesComplexKeys() {
        assertThat(get(app(), "/?foo[0][bar]=baz&foo[0][fizz]=buzz&foo[]=done!").text())
                .isEqualTo("{\"foo\":[{\"bar\":\"baz\",\"fizz\":\"buzz\"},\"done!\"]}");
    }

    @Test
    void parsesParametersWithDots() {
        assertThat(get(app(), "/?user.name=tj").text()).isEqualTo("{\"user.name\":\"tj\"}");
    }

    @Test
    void parsesEncodedBracketsAndRepeatedKeys() {
        assertThat(get(app(), "/?user%5Bname%5D=tj&x=1&x=2").text())
                .isEqualTo("{\"user\":{\"name\":\"tj\"},\"x\":[\"1\",\"2\"]}");
    }

    @Test
    void defaultsToAnEmptyObject() {
        assertThat(get(app(), "/").text()).isEqualTo("{}");
    }

    @Test
    void aMountedAppKeepsItsOwnDefaultParser() {
        App app = app();
        App sub = Express.app();
        sub.use((req, res, next) -> res.send(req.query()));
        App outer = Express.app();
        outer.set("query parser", "extended");
        outer.use("/sub", sub);
        assertThat(get(outer, "/sub?a[b]=1").text()).isEqualTo("{\"a[b]\":\"1\"}");
        assertThat(get(app, "/?a[b]=1").text()).isEqualTo("{\"a\":{\"b\":\"1\"}}");
    }
}

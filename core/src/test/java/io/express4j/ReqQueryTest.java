package io.express4j;

import io.express4j.support.RawResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Express 5's test/req.query.js for the parsers that have landed (simple, off, a function), plus what a function gets. */
class ReqQueryTest {

    private static App echo(Object parser) {
        App app = Express.app();
        if (parser != null) app.set("query parser", parser);
        app.use((Handler) (req, res) -> res.json(req.query()));
        return app;
    }

    @Test
    void defaultsToAnEmptyObject() {
        assertThat(once(echo(null), "GET", "/").text()).isEqualTo("{}");
    }

    @Test
    void defaultsToParsingSimpleKeys() {
        assertThat(once(echo(null), "GET", "/?user%5Bname%5D=tj").text()).isEqualTo("{\"user[name]\":\"tj\"}");
    }

    @Test
    void parsesWithAFunction() {
        Function<String, Map<String, Object>> length = str -> Map.of("length", str == null ? 0 : str.length());
        assertThat(once(echo(length), "GET", "/?user%5Bname%5D=tj").text()).isEqualTo("{\"length\":17}");
    }

    /** Oracle (Express 5.3.0): parseurl's query is null without a "?" (or with "#" first), "" for a bare "?". */
    @Test
    void aFunctionGetsNullWhenThereIsNoQuery() {
        Function<String, Map<String, Object>> raw = str -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("raw", str);
            return out;
        };
        App app = echo(raw);
        assertThat(once(app, "GET", "/q").text()).isEqualTo("{\"raw\":null}");
        assertThat(once(app, "GET", "/q#a?b=1").text()).isEqualTo("{\"raw\":null}");
        assertThat(once(app, "GET", "/q?").text()).isEqualTo("{\"raw\":\"\"}");
        assertThat(once(app, "GET", "/q?a#b").text()).isEqualTo("{\"raw\":\"a\"}");
    }

    @Test
    void doesNotParseWhenDisabled() {
        RawResponse r = once(echo(false), "GET", "/?user%5Bname%5D=tj");
        assertThat(r.text()).isEqualTo("{}");
    }

    @Test
    void anUnknownParserThrows() {
        assertThatThrownBy(() -> Express.app().set("query parser", "bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown value for query parser function: bogus");
    }
}

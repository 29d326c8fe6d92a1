package io.express4j;

import static io.express4j.support.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Express's test/req.query.js (the two "extended" cases wait for the extended parser). */
class ReqQueryTest {

    static App createApp(Object setting) {
        App app = Express.app().set("env", "test");
        if (setting != null) app.set("query parser", setting);
        app.use((req, res) -> res.send(req.query()));
        return app;
    }

    static void expectJson(RawResponse r, String json) {
        expect(r, 200, json);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void shouldDefaultToEmptyObject() {
        try (TestServer server = TestServer.serve(createApp(null))) {
            expectJson(server.get("/"), "{}");
        }
    }

    @Test
    void shouldDefaultToParseSimpleKeys() {
        try (TestServer server = TestServer.serve(createApp(null))) {
            expectJson(server.get("/?user[name]=tj"), "{\"user[name]\":\"tj\"}");
        }
    }

    @Test
    void simpleShouldNotParseComplexKeys() {
        try (TestServer server = TestServer.serve(createApp("simple"))) {
            expectJson(server.get("/?user%5Bname%5D=tj"), "{\"user[name]\":\"tj\"}");
        }
    }

    @Test
    void aFunctionShouldParseUsingFunction() {
        Function<String, Map<String, Object>> parser = str -> Map.of("length", str == null ? 0 : str.length());
        try (TestServer server = TestServer.serve(createApp(parser))) {
            expectJson(server.get("/?user%5Bname%5D=tj"), "{\"length\":17}");
        }
    }

    /** Oracle (Express 5.3.0): parseurl's query is null without a "?" (or with "#" first), "" for a bare "?". */
    @Test
    void aFunctionGetsNullWhenThereIsNoQuery() {
        Function<String, Map<String, Object>> raw = str -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("raw", str);
            return out;
        };
        try (TestServer server = TestServer.serve(createApp(raw))) {
            expectJson(server.get("/q"), "{\"raw\":null}");
            expectJson(server.get("/q#a?b=1"), "{\"raw\":null}");
            expectJson(server.get("/q?"), "{\"raw\":\"\"}");
            expectJson(server.get("/q?a#b"), "{\"raw\":\"a\"}");
        }
    }

    @Test
    void disabledShouldNotParseQuery() {
        try (TestServer server = TestServer.serve(createApp(false))) {
            expectJson(server.get("/?user%5Bname%5D=tj"), "{}");
        }
    }

    @Test
    void enabledShouldNotParseComplexKeys() {
        try (TestServer server = TestServer.serve(createApp(true))) {
            expectJson(server.get("/?user%5Bname%5D=tj"), "{\"user[name]\":\"tj\"}");
        }
    }

    @Test
    void anUnknownValueShouldThrow() {
        assertThatThrownBy(() -> createApp("bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("unknown value.*query parser.*");
    }

    @Test
    void aMountedAppParsesWithItsOwnSetting() {
        App app = Express.app().set("env", "test");
        App sub = Express.app().set("env", "test").set("query parser", false);
        app.use((req, res, next) -> {
            req.query();
            next.run();
        });
        sub.use((req, res) -> res.send(req.query()));
        app.use("/sub", sub);
        try (TestServer server = TestServer.serve(app)) {
            expectJson(server.get("/sub?a=1"), "{}");
        }
    }
}

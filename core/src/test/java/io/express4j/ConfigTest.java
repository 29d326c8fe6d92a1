package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Express's test/config.js: app.set/get/enable/disable/enabled/disabled. Its "prototype values" cases check that
 * names of Object.prototype members ("hasOwnProperty") are ordinary setting names; they are kept as such.
 */
class ConfigTest {

    @Nested
    class Set {
        @Test
        void shouldSetAValue() {
            App app = Express.app();
            app.set("foo", "bar");
            assertThat(app.get("foo")).isEqualTo("bar");
        }

        @Test
        void shouldSetPrototypeValues() {
            App app = Express.app();
            app.set("hasOwnProperty", 42);
            assertThat(app.get("hasOwnProperty")).isEqualTo(42);
        }

        @Test
        void shouldReturnTheApp() {
            App app = Express.app();
            assertThat(app.set("foo", "bar")).isSameAs(app);
        }

        @Test
        void shouldReturnTheAppWhenUndefined() {
            App app = Express.app();
            assertThat(app.set("foo", null)).isSameAs(app);
            assertThat(app.get("foo")).isNull();
        }

        @Test
        void etagShouldThrowOnBadValue() {
            App app = Express.app();
            assertThatThrownBy(() -> app.set("etag", 42))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown value for etag function: 42");
            assertThat(app.get("etag")).isEqualTo("weak");
        }

        @Test
        void etagShouldSetEtagFn() {
            App app = Express.app();
            Function<byte[], String> fn = body -> "\"custom\"";
            app.set("etag", fn);
            assertThat(app.get("etag fn")).isSameAs(fn);
        }
    }

    @Nested
    class Get {
        @Test
        void shouldReturnUndefinedWhenUnset() {
            assertThat(Express.app().get("foo")).isNull();
        }

        @Test
        void shouldReturnUndefinedForPrototypeValues() {
            assertThat(Express.app().get("hasOwnProperty")).isNull();
        }

        @Test
        void shouldOtherwiseReturnTheValue() {
            App app = Express.app();
            app.set("foo", "bar");
            assertThat(app.get("foo")).isEqualTo("bar");
        }

        @Test
        void whenMountedShouldDefaultToTheParentApp() {
            App app = Express.app();
            App blog = Express.app();
            app.set("title", "Express");
            app.use(blog);
            assertThat(blog.get("title")).isEqualTo("Express");
        }

        @Test
        void whenMountedShouldGivePrecedenceToTheChild() {
            App app = Express.app();
            App blog = Express.app();
            app.use(blog);
            app.set("title", "Express");
            blog.set("title", "Some Blog");
            assertThat(blog.get("title")).isEqualTo("Some Blog");
        }
    }

    @Nested
    class Enable {
        @Test
        void shouldSetTheValueToTrue() {
            App app = Express.app();
            assertThat(app.enable("tobi")).isSameAs(app);
            assertThat(app.get("tobi")).isEqualTo(true);
        }

        @Test
        void shouldSetPrototypeValues() {
            App app = Express.app();
            app.enable("hasOwnProperty");
            assertThat(app.get("hasOwnProperty")).isEqualTo(true);
        }
    }

    @Nested
    class Disable {
        @Test
        void shouldSetTheValueToFalse() {
            App app = Express.app();
            assertThat(app.disable("tobi")).isSameAs(app);
            assertThat(app.get("tobi")).isEqualTo(false);
        }

        @Test
        void shouldSetPrototypeValues() {
            App app = Express.app();
            app.disable("hasOwnProperty");
            assertThat(app.get("hasOwnProperty")).isEqualTo(false);
        }
    }

    @Nested
    class Enabled {
        @Test
        void shouldDefaultToFalse() {
            assertThat(Express.app().enabled("foo")).isFalse();
        }

        @Test
        void shouldReturnTrueWhenSet() {
            App app = Express.app();
            app.set("foo", "bar");
            assertThat(app.enabled("foo")).isTrue();
        }

        @Test
        void shouldDefaultToFalseForPrototypeValues() {
            assertThat(Express.app().enabled("hasOwnProperty")).isFalse();
        }
    }

    @Nested
    class Disabled {
        @Test
        void shouldDefaultToTrue() {
            assertThat(Express.app().disabled("foo")).isTrue();
        }

        @Test
        void shouldReturnFalseWhenSet() {
            App app = Express.app();
            app.set("foo", "bar");
            assertThat(app.disabled("foo")).isFalse();
        }

        @Test
        void shouldDefaultToTrueForPrototypeValues() {
            assertThat(Express.app().disabled("hasOwnProperty")).isTrue();
        }
    }

    /** What the compiled "etag fn" and "query parser fn" do on the wire (Express 5.3 values). */
    @Nested
    class CompiledSettings {
        static App echo(Object etag) {
            App app = Express.app().set("env", "test").set("etag", etag);
            app.get("/", (req, res) -> res.send("Hello World"));
            return app;
        }

        @Test
        void etagValues() {
            try (TestServer server = TestServer.serve(echo("weak"))) {
                assertThat(server.get("/").header("ETag")).isEqualTo("W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
            }
            try (TestServer server = TestServer.serve(echo(true))) {
                assertThat(server.get("/").header("ETag")).isEqualTo("W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
            }
            try (TestServer server = TestServer.serve(echo("strong"))) {
                assertThat(server.get("/").header("ETag")).isEqualTo("\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
            }
            try (TestServer server = TestServer.serve(echo(false))) {
                assertThat(server.get("/").hasHeader("ETag")).isFalse();
            }
            Function<byte[], String> fn = body -> "\"len-" + new String(body, StandardCharsets.UTF_8).length() + "\"";
            try (TestServer server = TestServer.serve(echo(fn))) {
                assertThat(server.get("/").header("ETag")).isEqualTo("\"len-11\"");
            }
        }

        @Test
        void queryParserValuesAndErrors() {
            App app = Express.app();
            assertThatThrownBy(() -> app.set("query parser", "bogus"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown value for query parser function: bogus");
            assertThat(app.get("query parser")).isEqualTo("simple");
            assertThat(app.get("query parser fn")).isNotNull();
            app.set("query parser", false);
            assertThat(app.get("query parser fn")).isNull();
            Function<String, Map<String, Object>> fn = qs -> Map.of("raw", qs);
            app.set("query parser", fn);
            assertThat(app.get("query parser fn")).isSameAs(fn);
            app.get("/", (req, res) -> res.json(req.query()));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/?a=1&a=2");
                assertThat(r.text()).isEqualTo("{\"raw\":\"a=1&a=2\"}");
            }
        }
    }

    /**
     * The typed setters for the settings whose value is a function: the same setting as the string form (what one
     * writes the other reads), compiled the same way, a lambda without a cast.
     */
    @Nested
    class TypedSetters {
        @Test
        void etagWritesTheEtagSetting() {
            App app = Express.app().set("env", "test");
            Function<byte[], String> fn = body -> "\"len-" + body.length + "\"";
            assertThat(app.etag(fn)).isSameAs(app);
            assertThat(app.get("etag")).isSameAs(fn);
            assertThat(app.get("etag fn")).isSameAs(fn);
            app.get("/", (req, res) -> res.send("Hello World"));
            try (TestServer server = TestServer.serve(app)) {
                assertThat(server.get("/").header("ETag")).isEqualTo("\"len-11\"");
            }
            app.set("etag", "strong"); // the string form overrides what the typed one set
            assertThat(app.get("etag")).isEqualTo("strong");
            try (TestServer server = TestServer.serve(app)) {
                assertThat(server.get("/").header("ETag")).isEqualTo("\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
            }
        }

        @Test
        void etagRefusesNullAndChangesNothing() {
            App app = Express.app();
            assertThatThrownBy(() -> app.etag(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown value for etag function: null");
            assertThat(app.get("etag")).isEqualTo("weak");
        }

        @Test
        void queryParserWritesTheQueryParserSetting() {
            App app = Express.app();
            Function<String, Map<String, Object>> fn = qs -> Map.of("raw", qs);
            assertThat(app.queryParser(fn)).isSameAs(app);
            assertThat(app.get("query parser")).isSameAs(fn);
            assertThat(app.get("query parser fn")).isSameAs(fn);
            app.get("/", (req, res) -> res.json(req.query()));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/?a=1&a=2");
                assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
                assertThat(r.text()).isEqualTo("{\"raw\":\"a=1&a=2\"}");
            }
            assertThatThrownBy(() -> app.queryParser(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown value for query parser function: null");
            assertThat(app.get("query parser")).isSameAs(fn);
        }

        @Test
        void jsonReplacerWritesTheJsonReplacerSetting() {
            App app = Express.app();
            assertThat(app.get("json replacer")).isNull();
            BiFunction<String, Object, Object> fn = (key, value) -> key.startsWith("_") ? Express.UNDEFINED : value;
            assertThat(app.jsonReplacer(fn)).isSameAs(app);
            assertThat(app.get("json replacer")).isSameAs(fn);
            app.get("/", (req, res) -> res.json(Map.of("_id", 1)));
            try (TestServer server = TestServer.serve(app)) {
                RawResponse r = server.get("/");
                assertThat(r.header("Content-Length")).isEqualTo("2");
                assertThat(r.text()).isEqualTo("{}");
            }
            app.jsonReplacer(null); // like app.set("json replacer", undefined): no replacer
            assertThat(app.get("json replacer")).isNull();
        }

        @Test
        void aMountedAppReadsTheParentsTypedSetting() {
            App parent = Express.app();
            App child = Express.app();
            parent.use("/child", child);
            BiFunction<String, Object, Object> fn = (key, value) -> value;
            parent.jsonReplacer(fn);
            assertThat(child.get("json replacer")).isSameAs(fn);
        }
    }
}

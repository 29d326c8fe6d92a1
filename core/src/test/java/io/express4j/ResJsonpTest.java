package io.express4j;

import static io.express4j.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Express's test/res.jsonp.js and the /jsonp captures of EXPRESS.md §9. */
class ResJsonpTest {

    private static App jsonp(Object value) {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.jsonp(value));
        return app;
    }

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";

    @Test
    void respondsWithJsonp() {
        RawResponse r = get(jsonp(Map.of("count", 1)), "/?callback=something");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo(JS);
        assertThat(r.text()).isEqualTo("/**/ typeof something === 'function' && something({\"count\":1});");
    }

    @Test
    void usesTheFirstCallbackParameter() {
        RawResponse r = get(jsonp(Map.of("count", 1)), "/?callback=something&callback=somethingelse");
        assertThat(r.header("Content-Type")).isEqualTo(JS);
        assertThat(r.text()).contains("something({\"count\":1});").doesNotContain("somethingelse");
    }

    @Test
    void ignoresAnObjectCallbackParameter() {
        RawResponse r = get(jsonp(Map.of("count", 1)), "/?callback[a]=something");
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.text()).isEqualTo("{\"count\":1}");
        App extended = jsonp(Map.of("count", 1));
        extended.set("query parser", "extended");
        RawResponse nested = get(extended, "/?callback[a]=something");
        assertThat(nested.header("Content-Type")).isEqualTo(JSON);
        assertThat(nested.text()).isEqualTo("{\"count\":1}");
    }

    @Test
    void allowsRenamingTheCallback() {
        App app = jsonp(Map.of("count", 1));
        app.set("jsonp callback name", "clb");
        RawResponse r = get(app, "/?clb=something");
        assertThat(r.header("Content-Type")).isEqualTo(JS);
        assertThat(r.text()).endsWith("something({\"count\":1});");
    }

    @Test
    void allowsBrackets() {
        assertThat(get(jsonp(Map.of("count", 1)), "/?callback=callbacks[123]").text())
                .endsWith("callbacks[123]({\"count\":1});");
    }

    @Test
    void disallowsArbitraryJs() {
        RawResponse r = get(jsonp(Map.of()), "/?callback=foo;bar()");
        assertThat(r.header("Content-Type")).isEqualTo(JS);
        assertThat(r.text()).isEqualTo("/**/ typeof foobar === 'function' && foobar({});");
    }

    @Test
    void escapesUtfWhitespace() {
        RawResponse r = get(jsonp(Map.of("str", "\u2028 \u2029 woot")), "/?callback=foo");
        assertThat(r.text()).endsWith("foo({\"str\":\"\\u2028 \\u2029 woot\"});");
    }

    @Test
    void doesNotEscapeUtfWhitespaceForTheJsonFallback() {
        RawResponse r = get(jsonp(Map.of("str", "\u2028 \u2029 woot")), "/");
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.text()).isEqualTo("{\"str\":\"\u2028 \u2029 woot\"}");
    }

    @Test
    void includesTheSecurityHeaderAndPrologue() {
        RawResponse r = get(jsonp(Map.of("count", 1)), "/?callback=something");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.text()).startsWith("/**/");
    }

    @Test
    void keepsAPreviousContentTypeWithoutCallback() {
        App app = Express.app();
        app.get("/", (req, res) -> res.type("application/vnd.example+json").jsonp(Map.of("hello", "world")));
        RawResponse r = get(app, "/");
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.example+json; charset=utf-8");
        assertThat(r.hasHeader("X-Content-Type-Options")).isFalse();
        assertThat(r.text()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void overridesAPreviousContentTypeWithCallback() {
        App app = Express.app();
        app.get("/", (req, res) -> res.type("application/vnd.example+json").jsonp(Map.of("hello", "world")));
        RawResponse r = get(app, "/?callback=cb");
        assertThat(r.header("Content-Type")).isEqualTo(JS);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.text()).endsWith("cb({\"hello\":\"world\"});");
    }

    @Test
    void undefinedCallsTheCallbackWithNoArgument() {
        App app = Express.app();
        app.use((Handler) (req, res) -> res.jsonp());
        RawResponse r = get(app, "/?callback=cb");
        assertThat(r.header("Content-Type")).isEqualTo(JS);
        assertThat(r.text()).isEqualTo("/**/ typeof cb === 'function' && cb();");
        RawResponse plain = get(app, "/");
        assertThat(plain.header("Content-Type")).isEqualTo(JSON);
        assertThat(plain.header("Content-Length")).isEqualTo("0");
        assertThat(plain.body()).isEmpty();
    }

    @Test
    void valuesOfEachKind() {
        assertThat(get(jsonp(null), "/?callback=cb").text()).endsWith("cb(null);");
        assertThat(get(jsonp("tobi"), "/?callback=cb").text()).endsWith("cb(\"tobi\");");
        assertThat(get(jsonp(42), "/?callback=cb").text()).endsWith("cb(42);");
        assertThat(get(jsonp(List.of("foo", "bar", "baz")), "/?callback=cb").text())
                .endsWith("cb([\"foo\",\"bar\",\"baz\"]);");
        assertThat(get(jsonp(Map.of("name", "tobi")), "/?callback=cb").text()).endsWith("cb({\"name\":\"tobi\"});");
    }

    @Test
    void jsonEscapeIsUnsetByDefaultAndEscapesHtmlSniffingCharacters() {
        assertThat(Express.app().get("json escape")).isNull();
        App app = jsonp(Map.of("&", "\u2028<script>\u2029"));
        app.enable("json escape");
        assertThat(get(app, "/?callback=foo").text())
                .endsWith("foo({\"\\u0026\":\"\\u2028\\u003cscript\\u003e\\u2029\"});");
        App undefined = Express.app();
        undefined.enable("json escape");
        undefined.use((Handler) (req, res) -> res.jsonp());
        assertThat(get(undefined, "/?callback=cb").text()).endsWith("cb();");
    }

    @Test
    void jsonReplacerIsPassedToStringify() {
        App app = Express.app();
        BiFunction<String, Object, Object> replacer = (key, val) -> key.startsWith("_") ? Express.UNDEFINED : val;
        app.set("json replacer", replacer);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "tobi");
        body.put("_id", 12345);
        app.use((Handler) (req, res) -> res.jsonp(body));
        RawResponse r = get(app, "/");
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.text()).isEqualTo("{\"name\":\"tobi\"}");
    }

    @Test
    void jsonSpacesIsPassedToStringify() {
        assertThat(Express.app().get("json spaces")).isNull();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "tobi");
        body.put("age", 2);
        App app = jsonp(body);
        app.set("json spaces", 2);
        assertThat(get(app, "/").text()).isEqualTo("{\n  \"name\": \"tobi\",\n  \"age\": 2\n}");
    }

    @Test
    void matchesTheOracleCaptures() {
        App app = jsonp(Map.of("user", "tobi"));
        RawResponse cb = get(app, "/jsonp?callback=cb");
        assertThat(cb.headerNames())
                .containsSubsequence("X-Content-Type-Options", "Content-Type", "Content-Length", "ETag");
        assertThat(cb.header("Content-Length")).isEqualTo("53");
        assertThat(cb.header("ETag")).isEqualTo("W/\"35-PjXqMr/qi6Q1Ztdfpid/tyxOLpY\"");
        assertThat(cb.text()).isEqualTo("/**/ typeof cb === 'function' && cb({\"user\":\"tobi\"});");
        RawResponse plain = get(app, "/jsonp");
        assertThat(plain.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(plain.header("Content-Type")).isEqualTo(JSON);
        assertThat(plain.header("ETag")).isEqualTo("W/\"f-Rk5bwH5ZECzZqSXUfyGfnl3nRwA\"");
        assertThat(plain.text()).isEqualTo("{\"user\":\"tobi\"}");
    }

    @Test
    void anEmptyCallbackSendsJson() {
        RawResponse r = get(jsonp(Map.of("a", 1)), "/?callback=");
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.text()).isEqualTo("{\"a\":1}");
    }
}

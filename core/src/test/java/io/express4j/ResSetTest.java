package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Express 5's test/res.set.js. Express's {@code res.get} returns an array for a multi-value header; the Java
 * {@code res.get} joins the values, so the array cases read {@code res.getHeader} (Node's own getter) instead.
 */
class ResSetTest {

    private static RawResponse get(Handler handler) {
        App app = Express.app();
        app.set("env", "test");
        app.use(handler);
        return once(app, "GET", "/");
    }

    @Test
    void setsTheResponseHeaderField() {
        RawResponse r = get((req, res) ->
                res.set("Content-Type", "text/x-foo; charset=utf-8").end());
        assertThat(r.header("Content-Type")).isEqualTo("text/x-foo; charset=utf-8");
    }

    @Test
    void coercesToAString() {
        RawResponse r = get((req, res) -> {
            res.set(Map.of("X-Number", 123));
            res.end(res.getHeader("X-Number").getClass().getSimpleName());
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Number")).isEqualTo("123");
        assertThat(r.text()).isEqualTo("String");
    }

    @Test
    void setsMultipleValues() {
        RawResponse r = get((req, res) -> {
            res.set("Set-Cookie", List.of("type=ninja", "language=javascript"));
            res.send(res.getHeader("Set-Cookie"));
        });
        assertThat(r.text()).isEqualTo("[\"type=ninja\",\"language=javascript\"]");
        assertThat(r.headers("Set-Cookie")).containsExactly("type=ninja", "language=javascript");
    }

    @Test
    void coercesToAListOfStrings() {
        RawResponse r = get((req, res) -> {
            res.set(Map.of("X-Numbers", List.of(123, 456)));
            res.end(res.app().jsonMapper().stringify(res.getHeader("X-Numbers"), ""));
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers("X-Numbers")).containsExactly("123", "456");
        assertThat(r.text()).isEqualTo("[\"123\",\"456\"]");
    }

    @Test
    void doesNotAddACharsetWhenOneIsSet() {
        RawResponse r = get((req, res) -> {
            res.set("Content-Type", "text/html; charset=lol");
            res.end();
        });
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=lol");
    }

    @Test
    void throwsWhenContentTypeIsAList() {
        RawResponse r = get((req, res) -> {
            res.set("Content-Type", List.of("text/html"));
            res.end();
        });
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text())
                .contains("<pre>java.lang.IllegalArgumentException: Content-Type cannot be set to an Array<br>");
    }

    @Test
    void setsSeveralFieldsFromAMap() {
        RawResponse r = get((req, res) -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("X-Foo", "bar");
            fields.put("X-Bar", "baz");
            res.set(fields).end();
        });
        assertThat(r.header("X-Foo")).isEqualTo("bar");
        assertThat(r.header("X-Bar")).isEqualTo("baz");
        assertThat(r.headerNames()).containsSubsequence("X-Powered-By", "X-Foo", "X-Bar", "Date");
    }

    @Test
    void mapFormCoercesToAString() {
        RawResponse r = get((req, res) -> {
            res.set(Map.of("X-Number", 123));
            res.end(res.get("X-Number"));
        });
        assertThat(r.header("X-Number")).isEqualTo("123");
        assertThat(r.text()).isEqualTo("123");
    }

    @Test
    void contentTypeExpandsAnExtensionAndAddsTheDefaultCharset() {
        RawResponse r = get((req, res) -> {
            res.set("Content-Type", "html");
            res.end();
        });
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    }

    /** Express quirk: an unknown extension stores the literal false, which a plain end() puts on the wire. */
    @Test
    void anUnknownExtensionIsTheLiteralFalse() {
        RawResponse r = get((req, res) -> {
            res.set("Content-Type", "nosuchext");
            res.end();
        });
        assertThat(r.header("Content-Type")).isEqualTo("false");
    }

    @Test
    void headerIsAnAliasAndChains() {
        RawResponse r = get((req, res) ->
                res.header("X-A", "1").header("X-B", List.of("2", "3")).end());
        assertThat(r.header("X-A")).isEqualTo("1");
        assertThat(r.headers("X-B")).containsExactly("2", "3");
    }
}

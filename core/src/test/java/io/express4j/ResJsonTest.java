package io.express4j;

import static io.express4j.support.TestServer.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Express 5's test/res.json.js (EXPRESS.md §6.2, rows in order), plus JSON.stringify's exact layout and numbers. */
class ResJsonTest {

    private static RawResponse get(App app, String path) {
        return once(app, "GET", path);
    }

    private static App app(Handler handler) {
        App app = Express.app();
        app.use(handler);
        return app;
    }

    /** A map that keeps the order its entries were given in, as a JavaScript object literal does. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    @Test
    void doesNotSupportJsonpCallbacks() { // row 1
        RawResponse r = get(app((req, res) -> res.json(object("foo", "bar"))), "/?callback=foo");
        assertThat(r.text()).isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void doesNotOverrideAPreviousContentType() { // row 2
        App app = Express.app();
        app.get("/", (req, res) -> {
            res.type("application/vnd.example+json");
            res.json(object("hello", "world"));
        });
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.example+json; charset=utf-8");
        assertThat(r.text()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void nullIsJsonNull() { // row 3
        RawResponse r = get(app((req, res) -> res.json(null)), "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("null");
    }

    @Test
    void numberIsJson() { // row 4
        RawResponse r = get(app((req, res) -> res.json(300)), "/");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("300");
    }

    @Test
    void stringIsAJsonString() { // row 5
        RawResponse r = get(app((req, res) -> res.json("str")), "/");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("\"str\"");
    }

    @Test
    void arrayIsJson() { // row 6
        RawResponse r = get(app((req, res) -> res.json(List.of("foo", "bar", "baz"))), "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("[\"foo\",\"bar\",\"baz\"]");
    }

    @Test
    void objectIsJson() { // row 7
        RawResponse r = get(app((req, res) -> res.json(object("name", "tobi"))), "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("{\"name\":\"tobi\"}");
    }

    @Test
    void jsonEscapeIsUnsetByDefault() { // row 8
        assertThat(Express.app().get("json escape")).isNull();
    }

    @Test
    void jsonEscapeUnicodeEscapesHtmlSniffingCharacters() { // row 9
        App app = app((req, res) -> res.json(object("&", "<script>")));
        app.enable("json escape");
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("{\"\\u0026\":\"\\u003cscript\\u003e\"}");
    }

    @Test
    void jsonEscapeDoesNotBreakUndefined() { // row 10
        App app = app((req, res) -> res.json(Express.UNDEFINED));
        app.enable("json escape");
        RawResponse r = get(app, "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Content-Type: application/json; charset=utf-8
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Content-Length: 0
                """);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void jsonWithoutValueIsUndefinedToo() {
        RawResponse r = get(app((req, res) -> res.json()), "/");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.hasHeader("ETag")).isFalse();
        assertThat(r.body()).isEmpty();
    }

    @Test
    void jsonReplacerIsAppliedAsByJsonStringify() { // row 11
        App app = Express.app();
        app.jsonReplacer((key, value) -> key.startsWith("_") ? Express.UNDEFINED : value);
        app.use((req, res) -> res.json(object("name", "tobi", "_id", 12345)));
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("{\"name\":\"tobi\"}");
    }

    /** Oracle: keys and array indexes as strings, nested values walked, replaced numbers written as JS writes them. */
    @Test
    void jsonReplacerSeesEveryKeyAndIndex() {
        List<String> keys = new ArrayList<>();
        App app = Express.app();
        app.jsonReplacer((key, value) -> {
            keys.add(key);
            if (key.isEmpty()) return value;
            if (key.startsWith("_")) return Express.UNDEFINED;
            return value instanceof Number n ? n.doubleValue() * 2 : value;
        });
        app.use((req, res) ->
                res.json(object("a", 1, "_b", 2, "c", List.of(1, object("_d", 1, "e", 3)), "f", object("g", 4))));
        RawResponse r = get(app, "/");
        assertThat(r.text()).isEqualTo("{\"a\":2,\"c\":[2,{\"e\":6}],\"f\":{\"g\":8}}");
        assertThat(keys).containsExactly("", "a", "_b", "c", "0", "1", "_d", "e", "f", "g");
    }

    @Test
    void jsonReplacerDroppingTheRootSendsNothing() {
        App app = Express.app();
        app.jsonReplacer((key, value) -> Express.UNDEFINED);
        app.use((req, res) -> res.json(object("a", 1)));
        RawResponse r = get(app, "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Content-Type: application/json; charset=utf-8
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                Content-Length: 0
                """);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void jsonReplacerTurnsUndefinedArrayElementsIntoNull() {
        App app = Express.app();
        app.jsonReplacer((key, value) -> "x".equals(value) ? Express.UNDEFINED : value);
        app.use((req, res) -> res.json(List.of("a", "x", "b")));
        assertThat(get(app, "/").text()).isEqualTo("[\"a\",null,\"b\"]");
    }

    /** Oracle: JSON.stringify leaves out undefined-valued keys and writes undefined array elements as null. */
    @Test
    void undefinedInsideContainersIsLeftOutOrNull() {
        App app = app((req, res) ->
                res.json(object("a", 1, "u", Express.UNDEFINED, "l", Arrays.asList(1, Express.UNDEFINED), "n", null)));
        assertThat(get(app, "/").text()).isEqualTo("{\"a\":1,\"l\":[1,null],\"n\":null}");
    }

    public record Person(String name, Object nickname) {}

    @Test
    void undefinedRecordComponentsAreLeftOut() {
        App app = app((req, res) -> res.json(List.of(new Person("tobi", Express.UNDEFINED), new Person("loki", null))));
        assertThat(get(app, "/").text()).isEqualTo("[{\"name\":\"tobi\"},{\"name\":\"loki\",\"nickname\":null}]");
    }

    @Test
    void jsonSpacesIsUnsetByDefault() { // row 12
        assertThat(Express.app().get("json spaces")).isNull();
    }

    @Test
    void jsonSpacesIndentsAsJsonStringify() { // row 13
        App app = Express.app();
        app.set("json spaces", 2);
        app.use((req, res) -> res.json(object("name", "tobi", "age", 2)));
        RawResponse r = get(app, "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.text()).isEqualTo("{\n  \"name\": \"tobi\",\n  \"age\": 2\n}");
    }

    /** Oracle: nested and empty containers under {@code json spaces 2}, byte for byte (ETag included). */
    @Test
    void jsonSpacesLayoutOfNestedAndEmptyContainers() {
        App app = Express.app();
        app.set("json spaces", 2);
        app.use((req, res) -> res.json(object(
                "a", List.of(1, object("b", List.of()), object()),
                "c", object("d", null, "e", "x"),
                "f", List.of())));
        RawResponse r = get(app, "/");
        assertThat(r.text()).isEqualTo("""
                {
                  "a": [
                    1,
                    {
                      "b": []
                    },
                    {}
                  ],
                  "c": {
                    "d": null,
                    "e": "x"
                  },
                  "f": []
                }""");
        assertThat(r.header("Content-Length")).isEqualTo("110");
        assertThat(r.header("ETag")).isEqualTo("W/\"6e-oR+9PxqhY2dU+VcOOOg7LUse34A\"");
    }

    @Test
    void jsonSpacesAsAStringUsesItAsTheIndent() {
        App app = Express.app();
        app.set("json spaces", "\t");
        app.use((req, res) -> res.json(object("a", List.of(1))));
        assertThat(get(app, "/").text()).isEqualTo("{\n\t\"a\": [\n\t\t1\n\t]\n}");
    }

    /** Oracle: doubles are written as JavaScript's Number#toString writes them; NaN and the infinities as null. */
    @Test
    void doublesAreWrittenAsJsonStringifyWritesNumbers() {
        App app = app((req, res) -> res.json(Arrays.asList(
                1.0,
                0.1,
                1e21,
                1e-7,
                123456789012345680000.0,
                -0.0,
                1.5e300,
                Double.MIN_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                100,
                1e20,
                0.000001,
                2.5)));
        RawResponse r = get(app, "/");
        assertThat(r.text())
                .isEqualTo(
                        "[1,0.1,1e+21,1e-7,123456789012345680000,0,1.5e+300,5e-324,null,null,100,100000000000000000000,"
                                + "0.000001,2.5]");
        assertThat(r.header("ETag")).isEqualTo("W/\"6b-EHCC8wPrmUnBzb/vOvWAfq+AEYw\"");
    }

    @Test
    void floatsAreWrittenWithTheirShortestDecimalForm() {
        App app = app((req, res) -> res.json(object("f", 1.1f, "g", 2.0f, "h", Float.NaN)));
        assertThat(get(app, "/").text()).isEqualTo("{\"f\":1.1,\"g\":2,\"h\":null}");
    }

    /** Oracle: JSON.stringify escapes controls with short forms or lower-case {@code \\u00xx}, nothing else. */
    @Test
    void stringsAreEscapedAsJsonStringifyEscapesThem() {
        App app = app((req, res) -> res.json("a\u0001\u001f\b\f\n\r\t\"\\/\u007f\u2028é"));
        assertThat(get(app, "/").text()).isEqualTo("\"a\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u2028é\"");
    }

    @Test
    void theCaptureOfJson() {
        App app = app((req, res) -> res.json(object("a", 1, "b", Arrays.asList(true, null), "s", "<tag>")));
        RawResponse r = get(app, "/");
        assertThat(r.head()).isEqualTo("""
                HTTP/1.1 200 OK
                X-Powered-By: express4j
                Content-Type: application/json; charset=utf-8
                Content-Length: 35
                ETag: W/"23-8MRlXQKmuzfYJnU3ckzAhm3MF/k"
                Date: <date>
                Connection: keep-alive
                Keep-Alive: timeout=5
                """);
        assertThat(r.text()).isEqualTo("{\"a\":1,\"b\":[true,null],\"s\":\"<tag>\"}");
    }
}

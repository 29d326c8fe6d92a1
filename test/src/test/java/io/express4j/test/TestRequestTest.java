package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.Express;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What a request carries, as supertest 7.3.2 (superagent 10.4.2) sends it: header order and defaults, the
 * Content-Type a body gets, {@code type} shorthands, query encoding. Expected values captured from supertest
 * against an Express app echoing {@code req.rawHeaders}.
 */
class TestRequestTest {
    private final TestClient client = TestClient.of(echo());

    /** Answers with the request's headers (names lower-case, in order), its URL and its body. */
    private static App echo() {
        App app = Express.app();
        app.all("/*rest", (req, res) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("url", req.originalUrl());
            out.put("headers", req.headers());
            out.put("body", new String(req.inputStream().readAllBytes(), StandardCharsets.UTF_8));
            res.json(out);
        });
        app.all("/", (req, res) -> res.redirect("/x" + req.originalUrl()));
        return app;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(TestResponse r) {
        return (Map<String, String>) ((Map<String, Object>) r.json()).get("headers");
    }

    private static Object field(TestResponse r, String name) {
        return ((Map<?, ?>) r.json()).get(name);
    }

    @Test
    void aGetCarriesHostAcceptEncodingAndConnectionClose() {
        TestResponse r = client.get("/x").response();
        assertThat(headers(r))
                .containsExactly(
                        Map.entry("host", "127.0.0.1"),
                        Map.entry("accept-encoding", "gzip, deflate"),
                        Map.entry("connection", "close"));
        assertThat(r.header("connection")).isEqualTo("close");
    }

    @Test
    void aStringBodyIsAFormByDefault() {
        TestResponse r = client.post("/x").send("a=1").response();
        assertThat(headers(r))
                .containsExactly(
                        Map.entry("content-type", "application/x-www-form-urlencoded"),
                        Map.entry("host", "127.0.0.1"),
                        Map.entry("accept-encoding", "gzip, deflate"),
                        Map.entry("content-length", "3"),
                        Map.entry("connection", "close"));
        assertThat(field(r, "body")).isEqualTo("a=1");
    }

    @Test
    void twoFormStringsJoinWithAnAmpersand() {
        assertThat(field(client.post("/x").send("a=1").send("b=2").response(), "body"))
                .isEqualTo("a=1&b=2");
    }

    @Test
    void anObjectBodyIsJson() {
        TestResponse r = client.post("/x").send(Map.of("a", 1)).response();
        assertThat(headers(r)).containsEntry("content-type", "application/json").containsEntry("content-length", "7");
        assertThat(field(r, "body")).isEqualTo("{\"a\":1}");
    }

    @Test
    void aRecordBodyIsJson() {
        record User(String name, int age) {}
        assertThat(field(client.post("/x").send(new User("tobi", 3)).response(), "body"))
                .isEqualTo("{\"name\":\"tobi\",\"age\":3}");
    }

    @Test
    void aMapWithTypeFormIsFormEncoded() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "tobi ferret");
        form.put("age", 3);
        TestResponse r = client.post("/x").type("form").send(form).response();
        assertThat(field(r, "body")).isEqualTo("name=tobi%20ferret&age=3");
    }

    @Test
    void bytesGoWithoutAContentType() {
        TestResponse r = client.post("/x").send(new byte[] {'a', 'b'}).response();
        assertThat(headers(r)).doesNotContainKey("content-type").containsEntry("content-length", "2");
        assertThat(field(r, "body")).isEqualTo("ab");
    }

    @Test
    void typeShorthandsAreSuperagents() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("json", "application/json");
        expected.put("form", "application/x-www-form-urlencoded");
        expected.put("urlencoded", "application/x-www-form-urlencoded");
        expected.put("form-data", "application/x-www-form-urlencoded");
        expected.put("html", "text/html");
        expected.put("text", "text/plain");
        expected.put("xml", "application/xml");
        expected.put("png", "image/png");
        expected.put("txt", "text/plain");
        expected.put("application/foo", "application/foo");
        expected.forEach((type, contentType) -> assertThat(
                        headers(client.post("/x").type(type).send("x").response()))
                .as(type)
                .containsEntry("content-type", contentType));
    }

    @Test
    void setHeadersComeFirstAndReplaceTheDefaults() {
        TestResponse r = client.get("/x")
                .set("X-One", "1")
                .set("Host", "example.com")
                .set("x-one", "2")
                .set("Connection", "keep-alive")
                .response();
        assertThat(headers(r))
                .containsExactly(
                        Map.entry("host", "example.com"),
                        Map.entry("x-one", "2"),
                        Map.entry("connection", "keep-alive"),
                        Map.entry("accept-encoding", "gzip, deflate"));
    }

    @Test
    void queryParametersArePercentEncodedAsQsDoes() {
        TestResponse r = client.get("/x?z=0")
                .query("a", "b c")
                .query("q", "~*!'()")
                .query("d=e")
                .response();
        assertThat(field(r, "url")).isEqualTo("/x?z=0&a=b%20c&q=~%2A%21%27%28%29&d=e");
    }

    @Test
    void methodsAreUpperCased() {
        App app = Express.app();
        app.all("/", (req, res) -> res.send(req.method()));
        TestClient methods = TestClient.of(app);
        assertThat(methods.request("patch", "/").response().text()).isEqualTo("PATCH");
        assertThat(methods.put("/").response().text()).isEqualTo("PUT");
        assertThat(methods.delete("/").response().text()).isEqualTo("DELETE");
        assertThat(methods.options("/").response().text()).isEqualTo("OPTIONS");
        methods.head("/").expect(200).expect("");
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("hello, compressed".getBytes(StandardCharsets.UTF_8));
        }
        byte[] gzipped = gz.toByteArray();
        App app = Express.app();
        app.get("/", (req, res) -> {
            res.set("Content-Encoding", "gzip").type("text");
            res.end(gzipped);
        });
        TestClient.of(app)
                .get("/")
                .expect(200, "hello, compressed")
                .expect("Content-Length", Integer.toString(gzipped.length));
    }

    @Test
    void responseHeadersAreLowerCaseListsInOrder() {
        App app = Express.app();
        app.get("/", (req, res) -> {
            res.cookie("a", "1");
            res.cookie("b", "2", new io.express4j.CookieOptions().path("/p"));
            res.send("ok");
        });
        TestResponse r = TestClient.of(app).get("/").response();
        assertThat(r.headers()).containsKeys("x-powered-by", "content-type", "etag", "set-cookie");
        assertThat(r.headers().get("set-cookie")).containsExactly("a=1; Path=/", "b=2; Path=/p");
        assertThat(r.header("Set-Cookie")).isEqualTo("a=1; Path=/, b=2; Path=/p");
        assertThat(r.header("X-Absent")).isNull();
        assertThat(r.cookies()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(r.bytes()).isEqualTo("ok".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.statusMessage()).isEqualTo("OK");
        assertThat(r.status()).isEqualTo(200);
    }
}

package io.express4j;

import static io.express4j.support.FileFixtures.fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.H2Client;
import io.express4j.support.H2Response;
import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Express's semantics over HTTP/2 (h2c by prior knowledge): every answer is the HTTP/1.1 answer of the same server
 * to the same request — status, header fields in order (lower-cased, without Connection, Keep-Alive and
 * Transfer-Encoding) and body bytes — and the key values are stated exactly as well.
 */
class Http2ServerTest {
    private static final String HELLO_ETAG = "W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"";
    private static final CountDownLatch secondPiece = new CountDownLatch(1);

    @TempDir
    static Path temp;

    private static TestServer server;
    private static H2Client h2;
    private static byte[] bigFile;

    @BeforeAll
    static void start() throws Exception {
        bigFile = new byte[1024 * 1024 + 7];
        for (int i = 0; i < bigFile.length; i++) bigFile[i] = (byte) (i * 31 + (i >>> 9));
        Files.write(temp.resolve("big.bin"), bigFile);
        App app = Express.app();
        app.set("env", "production");
        app.get("/", (req, res) -> res.send("Hello World"));
        app.get("/json", (req, res) -> res.json(Map.of("a", 1)));
        app.get("/version", (req, res) -> res.send(req.httpVersion() + " " + req.hostname() + " " + req.protocol()));
        app.get("/end", (req, res) -> res.end("ended"));
        app.get("/status/204", (req, res) -> res.sendStatus(204));
        app.get("/redirect", (req, res) -> res.redirect("/json"));
        app.get("/fail", (req, res) -> {
            throw new IllegalStateException("boom");
        });
        app.get("/teapot", (req, res) -> {
            throw new HttpError(418, "short and stout");
        });
        app.get("/set-cookies", (req, res) -> {
            res.cookie("a", "1");
            res.cookie("b", "2", new CookieOptions().httpOnly(true).path("/x"));
            res.send("ok");
        });
        app.get("/cookies", Express.cookieParser(), (req, res) -> res.json(req.cookies()));
        app.post("/echo", Express.json(), (req, res) -> res.json(req.body()));
        app.post("/small", Express.text(new BodyParserOptions().limit(10)), (req, res) -> res.send(req.body()));
        app.get(
                "/file",
                (req, res) -> res.sendFile(
                        "todo.txt", new SendFileOptions().root(fixtures().toString())));
        app.get("/big", (req, res) -> res.sendFile("big.bin", new SendFileOptions().root(temp.toString())));
        app.get("/write", (req, res) -> {
            res.set("Content-Type", "text/plain");
            for (int i = 0; i < 5; i++) res.write("chunk " + i + "\n");
            res.end();
        });
        app.get("/pieces", (req, res) -> {
            res.write("first;");
            try {
                secondPiece.await(20, TimeUnit.SECONDS); // the client has received the first piece alone
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            res.end("second");
        });
        app.get("/events", (req, res) -> {
            SseStream sse = res.sse(java.time.Duration.ZERO);
            sse.send("one");
            sse.send("tick", "two\nlines", "7");
            sse.comment("note");
            sse.close();
        });
        app.use("/static", Express.staticFiles(fixtures().toString()));
        app.get("/gz", Express.compression(), (req, res) -> res.type("text").send("z".repeat(4000)));
        server = TestServer.serve(app, new ServerOptions().http2(true));
        h2 = new H2Client(server.port());
    }

    @AfterAll
    static void stop() {
        if (h2 != null) h2.close();
        if (server != null) server.close();
    }

    /** The same request over HTTP/1.1 (fresh connection) and HTTP/2; asserts they agree and returns the latter. */
    private static H2Response same(String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> h1Headers = new LinkedHashMap<>(headers);
        RawResponse http1 = server.requestBytes(method, path, h1Headers, bytes);
        H2Response http2 = h2.request(method, path, headers, bytes);
        assertThat(http2.resetCode()).as("reset").isNull();
        assertThat(http2.head()).isEqualTo(H2Response.http2Head(http1));
        assertThat(http2.body()).isEqualTo(http1.body());
        return http2;
    }

    private static H2Response same(String method, String path) {
        return same(method, path, Map.of(), null);
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET", "/", Map.of()),
                Arguments.of("HEAD", "/", Map.of()),
                Arguments.of("GET", "/", Map.of("If-None-Match", HELLO_ETAG)),
                Arguments.of("GET", "/json", Map.of()),
                Arguments.of("GET", "/end", Map.of()),
                Arguments.of("GET", "/status/204", Map.of()),
                Arguments.of("GET", "/redirect", Map.of("Accept", "text/html")),
                Arguments.of("GET", "/nope", Map.of()),
                Arguments.of("POST", "/nope", Map.of()),
                Arguments.of("GET", "/fail", Map.of()),
                Arguments.of("GET", "/teapot", Map.of()),
                Arguments.of("GET", "/set-cookies", Map.of()),
                Arguments.of("GET", "/file", Map.of()),
                Arguments.of("HEAD", "/file", Map.of()),
                Arguments.of("GET", "/file", Map.of("Range", "bytes=0-4")),
                Arguments.of("GET", "/file", Map.of("Range", "bytes=900-")),
                Arguments.of("GET", "/file", Map.of("If-Modified-Since", "Tue, 01 Jan 2999 00:00:00 GMT")),
                Arguments.of("GET", "/static/todo.txt", Map.of()),
                Arguments.of("GET", "/static/users", Map.of()),
                Arguments.of("GET", "/static/missing.txt", Map.of()),
                Arguments.of("GET", "/write", Map.of()),
                Arguments.of("GET", "/events", Map.of()),
                Arguments.of("GET", "/gz", Map.of("Accept-Encoding", "gzip")),
                Arguments.of("GET", "/big", Map.of()),
                Arguments.of("GET", "/big", Map.of("Range", "bytes=1000-200000")));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("requests")
    void answersAsOverHttp11(String method, String path, Map<String, String> headers) {
        same(method, path, headers, null);
    }

    @Test
    void sendHasExpressHeadersAndNoConnectionHeaders() {
        H2Response r = same("GET", "/");
        assertThat(r.status()).isEqualTo(200);
        // content-length last: the client's decoder moves it (see H2Response.http2Head)
        assertThat(r.headerNames()).containsExactly("x-powered-by", "content-type", "etag", "date", "content-length");
        assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("content-length")).isEqualTo("11");
        assertThat(r.header("etag")).isEqualTo(HELLO_ETAG);
        assertThat(r.text()).isEqualTo("Hello World");
    }

    @Test
    void freshRequestGets304WithoutBody() {
        H2Response r = same("GET", "/", Map.of("If-None-Match", HELLO_ETAG), null);
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("content-length")).isNull();
    }

    @Test
    void headHasTheGetHeadersAndNoBody() {
        H2Response r = same("HEAD", "/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-length")).isEqualTo("11");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void httpVersionIsTwoAndAuthorityIsTheHost() {
        H2Response r = h2.get("/version");
        assertThat(r.text()).isEqualTo("2.0 127.0.0.1 http");
        assertThat(server.get("/version").text()).isEqualTo("1.1 127.0.0.1 http");
    }

    @Test
    void rangeAndMultiRange() {
        H2Response one = same("GET", "/file", Map.of("Range", "bytes=0-4"), null);
        assertThat(one.status()).isEqualTo(206);
        assertThat(one.header("content-range")).isEqualTo("bytes 0-4/" + fileLength("todo.txt"));
        assertThat(one.text()).isEqualTo("- gro");

        H2Response multi = h2.request("GET", "/file", Map.of("Range", "bytes=0-1,4-5"), null);
        assertThat(multi.status()).isEqualTo(206);
        String type = multi.header("content-type");
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        String boundary = type.substring(type.indexOf('=') + 1);
        long length = fileLength("todo.txt");
        String expected = "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 0-1/"
                + length + "\r\n\r\n- \r\n--" + boundary
                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 4-5/" + length
                + "\r\n\r\noc\r\n--" + boundary + "--";
        assertThat(multi.text().strip()).isEqualTo(expected);
        // the HTTP/1.1 answer is the same but for its random boundary
        RawResponse http1 = server.request("GET", "/file", Map.of("Range", "bytes=0-1,4-5"));
        String http1Type = http1.header("Content-Type");
        assertThat(http1.text().replace(http1Type.substring(http1Type.indexOf('=') + 1), boundary))
                .isEqualTo(multi.text());
        assertThat(multi.header("content-length")).isEqualTo(Integer.toString(multi.body().length));
    }

    private static long fileLength(String name) {
        try {
            return Files.size(fixtures().resolve(name));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bigFilesGoOutInChunksWhole() {
        H2Response r = same("GET", "/big");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-length")).isEqualTo(Integer.toString(bigFile.length));
        assertThat(r.body()).isEqualTo(bigFile);
        H2Response range = same("GET", "/big", Map.of("Range", "bytes=1000-200000"), null);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bigFile, 1000, 200001));
    }

    @Test
    void bodyParserReadsTheStreamAndItsLimitIs413() {
        H2Response json = same("POST", "/echo", Map.of("Content-Type", "application/json"), "{\"a\":[1,2]}");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text()).isEqualTo("{\"a\":[1,2]}");
        H2Response tooBig = same("POST", "/small", Map.of("Content-Type", "text/plain"), "01234567890");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.text()).contains("Payload Too Large");
        // the connection serves on
        assertThat(h2.get("/").status()).isEqualTo(200);
    }

    @Test
    void cookiesBothWays() {
        H2Response set = same("GET", "/set-cookies");
        assertThat(set.headers("set-cookie")).containsExactly("a=1; Path=/", "b=2; Path=/x; HttpOnly");
        // HTTP/2 may split the cookie header into fields (RFC 9113 §8.2.3): they are joined again
        var request = h2.requestHeaders("GET", "/cookies", Map.of());
        request.add("cookie", "a=1");
        request.add("cookie", "b=2");
        H2Client.Exchange exchange = h2.open(true);
        exchange.stream().writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2HeadersFrame(request, true));
        assertThat(exchange.await().text()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void redirectAndDefaultPages() {
        H2Response redirect = same("GET", "/redirect", Map.of("Accept", "text/plain"), null);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("location")).isEqualTo("/json");
        assertThat(redirect.text()).isEqualTo("Found. Redirecting to /json");
        H2Response notFound = same("GET", "/nope");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("content-security-policy")).isEqualTo("default-src 'none'");
        assertThat(notFound.text()).contains("<pre>Cannot GET /nope</pre>");
        H2Response error = same("GET", "/fail");
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.text()).contains("<pre>Internal Server Error</pre>");
    }

    @Test
    void writesArriveAsTheyAreWritten() {
        H2Client.Exchange exchange = h2.send("GET", "/pieces", Map.of(), null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (exchange.bodyBytes() < "first;".length() && System.nanoTime() < deadline) sleep(10);
        assertThat(exchange.bodyBytes()).as("the first write arrived alone").isEqualTo("first;".length());
        secondPiece.countDown();
        H2Response r = exchange.await();
        assertThat(r.text()).isEqualTo("first;second");
        assertThat(r.header("content-length")).isNull();
        assertThat(r.header("transfer-encoding")).isNull();
        assertThat(r.dataFrames().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void serverSentEventsOverHttp2() {
        H2Response r = same("GET", "/events");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("text/event-stream");
        assertThat(r.text()).isEqualTo("data: one\n\nevent: tick\nid: 7\ndata: two\ndata: lines\n\n: note\n\n");
    }

    @Test
    void manyStreamsAtOnceOnOneConnection() {
        List<H2Client.Exchange> exchanges = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) exchanges.add(h2.send("GET", i % 2 == 0 ? "/" : "/json", Map.of(), null));
        for (int i = 0; i < exchanges.size(); i++) {
            H2Response r = exchanges.get(i).await();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(i % 2 == 0 ? "Hello World" : "{\"a\":1}");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}

package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.App;
import io.express4j.BodyParserOptions;
import io.express4j.Express;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-process client carries the very bytes a socket does: each request here goes raw to the same app in
 * process and over a loopback socket, and the two answers must be identical but for the Date header. The set covers
 * what the wire decides: HEAD, 304, chunked streaming, 100-continue, keep-alive, pipelining, HTTP/1.0, the head
 * and body limits (413, 414, 431), and bad input (malformed, a body on GET, an unknown method, no Host).
 */
class WireFidelityTest {
    private static TestClient inProcess;
    private static TestClient overSocket;

    @BeforeAll
    static void serve(@TempDir Path files) throws IOException {
        Path file = Files.writeString(files.resolve("hello.txt"), "file body");
        App app = Express.app();
        // files leave as zero-copy regions on a socket, as bytes in process: the wire must not tell
        app.get("/file", (req, res) -> res.sendFile(file.toString()));
        app.use(Express.json(new BodyParserOptions().limit("10b")));
        app.get("/", (req, res) -> res.send("Hello World"));
        app.get("/ip", (req, res) -> res.send(req.ip()));
        app.get("/stream", (req, res) -> {
            res.set("Content-Type", "text/plain");
            for (int i = 0; i < 3; i++) res.write("chunk " + i + "\n");
            res.end();
        });
        app.post("/echo", (req, res) -> res.json(req.body()));
        app.get(
                "/body",
                (req, res) -> res.send("got " + new String(req.inputStream().readAllBytes())));
        inProcess = TestClient.of(app);
        overSocket = TestClient.overSocket(app);
    }

    @AfterAll
    static void stop() {
        inProcess.close();
        overSocket.close();
    }

    static Stream<Arguments> requests() {
        String bigLine = "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
        String bigHeaders = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(17_000) + "\r\n\r\n";
        return Stream.of(
                Arguments.of("keep-alive GET", "HTTP/1.1 200 OK", "Hello World", "GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("HEAD", "HTTP/1.1 200 OK", "\r\n\r\n", "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of(
                        "304",
                        "HTTP/1.1 304 Not Modified",
                        "\r\n\r\n",
                        "GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"\r\n\r\n"),
                Arguments.of(
                        "chunked stream",
                        "HTTP/1.1 200 OK",
                        "chunk 2\n\r\n0\r\n\r\n",
                        "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of(
                        "100-continue",
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK",
                        "{\"a\":1}",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\n"
                                + "Expect: 100-continue\r\n\r\n{\"a\":1}"),
                Arguments.of(
                        "pipelined",
                        "HTTP/1.1 200 OK",
                        "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n8\r\nchunk 0\n\r\n8\r\nchunk 1\n\r\n"
                                + "8\r\nchunk 2\n\r\n0\r\n\r\n",
                        "GET / HTTP/1.1\r\nHost: x\r\n\r\nHEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n"
                                + "GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                Arguments.of(
                        "HTTP/1.0",
                        "HTTP/1.1 200 OK",
                        "Connection: close\r\n\r\nHello World",
                        "GET / HTTP/1.0\r\n\r\n"),
                Arguments.of(
                        "chunked request body",
                        "HTTP/1.1 200 OK",
                        "{\"a\":1}",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n"),
                Arguments.of(
                        "413 body over the limit",
                        "HTTP/1.1 413 Payload Too Large",
                        "",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n"
                                + "\r\n{\"a\":\"0123456789ab\"}"),
                Arguments.of("414 request line", "HTTP/1.1 414 Request-URI Too Long", "", bigLine),
                Arguments.of("431 header block", "HTTP/1.1 431 Request Header Fields Too Large", "", bigHeaders),
                Arguments.of("malformed", "HTTP/1.1 400 Bad Request", "", "GARBAGE\r\n\r\n"),
                Arguments.of(
                        "body on GET",
                        "HTTP/1.1 200 OK",
                        "got abc",
                        "GET /body HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"),
                Arguments.of(
                        "unknown method", "HTTP/1.1 501 Not Implemented", "", "FROB / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("no Host", "HTTP/1.1 400 Bad Request", "", "GET / HTTP/1.1\r\n\r\n"),
                Arguments.of(
                        "two Content-Lengths",
                        "HTTP/1.1 400 Bad Request",
                        "",
                        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n" + "Content-Length: 2\r\n\r\nab"),
                Arguments.of(
                        "sendFile", "HTTP/1.1 200 OK", "\r\n\r\nfile body", "GET /file HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of(
                        "sendFile range",
                        "HTTP/1.1 206 Partial Content",
                        "\r\n\r\nbody",
                        "GET /file HTTP/1.1\r\nHost: x\r\nRange: bytes=5-\r\n\r\n"),
                Arguments.of("req.ip", "HTTP/1.1 200 OK", "\r\n\r\n127.0.0.1", "GET /ip HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void inProcessAndSocketAnswerTheSameBytes(String name, String start, String end, String request) {
        String socket = withoutDates(overSocket.raw(request));
        String local = withoutDates(inProcess.raw(request));
        assertThat(local).isEqualTo(socket).startsWith(start + "\r\n").endsWith(end);
    }

    private static String withoutDates(String response) {
        return response.replaceAll("\r\nDate: [^\r]*\r\n", "\r\nDate: (now)\r\n");
    }
}

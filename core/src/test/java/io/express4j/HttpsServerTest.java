package io.express4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.support.ClientHellos;
import io.express4j.support.RawClient;
import io.express4j.support.RawResponse;
import io.express4j.support.Requests;
import io.express4j.support.TestCertificates;
import io.express4j.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTPS end to end, on real TLS sockets (the JDK's SSLSocket, trusting a test CA made by keytool): Express's
 * answers are the same bytes as over clear text, files go out in chunks through the encryption, and what is not a
 * TLS client is closed without disturbing the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsServerTest {
    /** 5 MiB of ASCII lines: large enough to take many TLS records and chunks, printable for the range helpers. */
    private static final int FILE_SIZE = 5 * 1024 * 1024;

    Path files;

    String content;
    TestServer clear;
    TestServer tls;

    /** The TLS implementation under test; {@code HttpsServerOpenSslTest} runs the same cases on OpenSSL. */
    TlsOptions.Provider provider() {
        return TlsOptions.Provider.JDK;
    }

    /**
     * The record version of an alert sent before any version was agreed: the JDK writes TLS 1.2's (0x0303),
     * BoringSSL TLS 1.0's (0x0301); RFC 8446 §5.1 lets a server use either there.
     */
    int alertRecordVersion() {
        return 0x0303;
    }

    TlsOptions tlsOptions() {
        TestCertificates.Identity id = TestCertificates.get().first;
        return TlsOptions.pem(id.chainPem(), id.keyPem()).provider(provider());
    }

    @BeforeAll
    void serve() throws IOException {
        files = Files.createTempDirectory("express4j-https");
        StringBuilder text = new StringBuilder(FILE_SIZE);
        for (int i = 0; text.length() < FILE_SIZE; i++)
            text.append("line ").append(i).append('\n');
        text.setLength(FILE_SIZE);
        content = text.toString();
        Files.writeString(files.resolve("big.txt"), content, StandardCharsets.US_ASCII);
        clear = TestServer.serve(app());
        tls = TestServer.serveTls(app(), new ServerOptions().tls(tlsOptions()));
        assertThat(tls.server().tlsProvider()).isEqualTo(provider().name());
    }

    @AfterAll
    void stop() throws IOException {
        clear.close();
        tls.close();
        Files.deleteIfExists(files.resolve("big.txt"));
        Files.deleteIfExists(files);
    }

    App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("Hello World"));
        app.get("/file", (req, res) -> res.sendFile(files.resolve("big.txt").toString()));
        app.get("/proto", (req, res) -> res.send(req.protocol() + " " + req.secure()));
        app.get("/stream", (req, res) -> {
            res.set("Content-Type", "text/plain");
            for (int i = 0; i < 1000; i++) res.write("chunk " + i + "\n");
            res.end();
        });
        app.use("/static", Express.staticFiles(files.toString()));
        return app;
    }

    /** The same request over clear text and over TLS: the same head (Date aside) and the same body. */
    private RawResponse sameOverBoth(String method, String path, String... headerPairs) {
        RawResponse plain = clear.request(method, path, Requests.headers(headerPairs));
        RawResponse secure = tls.request(method, path, Requests.headers(headerPairs));
        assertThat(secure.head()).isEqualTo(plain.head());
        assertThat(secure.body()).isEqualTo(plain.body());
        return secure;
    }

    @Nested
    @DisplayName("Express's answers are unchanged")
    class SameAnswers {
        @Test
        @DisplayName("res.send: Content-Type, Content-Length, ETag, body")
        void send() {
            RawResponse r = sameOverBoth("GET", "/");
            assertThat(r.head())
                    .isEqualTo("HTTP/1.1 200 OK\n"
                            + "X-Powered-By: express4j\n"
                            + "Content-Type: text/html; charset=utf-8\n"
                            + "Content-Length: 11\n"
                            + "ETag: W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"\n"
                            + "Date: <date>\n"
                            + "Connection: keep-alive\n"
                            + "Keep-Alive: timeout=5\n");
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("Hello World");
        }

        @Test
        @DisplayName("a fresh If-None-Match is a 304 without a body")
        void notModified() {
            RawResponse r = sameOverBoth("GET", "/", "If-None-Match", "W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
            assertThat(r.status()).isEqualTo(304);
            assertThat(r.body()).isEmpty();
            assertThat(r.hasHeader("Content-Length")).isFalse();
            assertThat(r.header("ETag")).isEqualTo("W/\"b-Ck1VqNd45QIvq3AZd8XYQLvEhtA\"");
        }

        @Test
        @DisplayName("HEAD: GET's head, no body")
        void head() {
            RawResponse r = sameOverBoth("HEAD", "/");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo("11");
            assertThat(r.body()).isEmpty();
        }

        @Test
        @DisplayName("res.write streams chunked")
        void stream() {
            RawResponse r = sameOverBoth("GET", "/stream");
            assertThat(r.chunked()).isTrue();
            assertThat(new String(r.body(), StandardCharsets.US_ASCII))
                    .startsWith("chunk 0\n")
                    .endsWith("chunk 999\n");
        }

        @Test
        @DisplayName("sendFile of 5 MiB: every byte, in order")
        void sendFile() {
            RawResponse r = sameOverBoth("GET", "/file");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(FILE_SIZE));
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.body()).isEqualTo(content.getBytes(StandardCharsets.US_ASCII));
        }

        @Test
        @DisplayName("sendFile with a Range across megabytes: 206 and exactly those bytes")
        void range() {
            RawResponse r = sameOverBoth("GET", "/file", "Range", "bytes=1000000-3999999");
            assertThat(r.status()).isEqualTo(206);
            assertThat(r.header("Content-Range")).isEqualTo("bytes 1000000-3999999/" + FILE_SIZE);
            assertThat(r.header("Content-Length")).isEqualTo("3000000");
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(content.substring(1000000, 4000000));
        }

        @Test
        @DisplayName("several ranges: multipart/byteranges, byte for byte")
        void multiRange() {
            RawResponse r = tls.request("GET", "/file", Map.of("Range", "bytes=0-99,2000000-2999999,5242000-"));
            assertThat(r.status()).isEqualTo(206);
            String boundary = FileRangeTest.boundaryOf(r);
            String expected = FileRangeTest.multipart(
                    boundary,
                    "text/plain; charset=utf-8",
                    FILE_SIZE,
                    content,
                    new long[] {0, 99},
                    new long[] {2000000, 2999999},
                    new long[] {5242000, FILE_SIZE - 1});
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(expected.length()));
            assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(expected);
        }

        @Test
        @DisplayName("static files: the same head and body")
        void staticFile() {
            RawResponse r = sameOverBoth("GET", "/static/big.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(r.body()).hasSize(FILE_SIZE);
        }

        @Test
        @DisplayName("requests follow each other on one kept-alive TLS connection")
        void keepAlive() {
            try (RawClient client = tls.connect()) {
                for (int i = 0; i < 3; i++) {
                    client.send("GET /file HTTP/1.1\r\nHost: localhost\r\nRange: bytes=0-9\r\n\r\n");
                    RawResponse r = client.read("GET");
                    assertThat(r.status()).isEqualTo(206);
                    assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo(content.substring(0, 10));
                }
            }
        }
    }

    @Nested
    @DisplayName("file handles: one per response, closed after it")
    class FileHandles {
        @Test
        @DisplayName("after a complete transfer")
        void complete() throws Exception {
            Path file = files.resolve("big.txt");
            assertThat(tls.get("/file").body()).hasSize(FILE_SIZE);
            FileTransferTest.awaitHandles(file, 0);
        }

        @Test
        @DisplayName("after the client leaves mid-file; the server goes on")
        void abortMidFile() throws Exception {
            // 256 MiB (sparse): far more than the socket buffers hold, so the server is mid-file when the client goes
            Path file = FileTransferTest.sparse(files, "huge.bin", 256L << 20);
            try (SSLSocket socket = TestServer.tlsSocket(client(), tls.port())) {
                socket.getOutputStream()
                        .write("GET /static/huge.bin HTTP/1.1\r\nHost: localhost\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertThat(FileTransferTest.readHead(in)).containsEntry("content-length", Long.toString(256L << 20));
                assertThat(in.readNBytes(100_000)).hasSize(100_000);
                assertThat(FileTransferTest.openHandles(file)).isEqualTo(1);
            }
            FileTransferTest.awaitHandles(file, 0);
            Files.delete(file);
            assertServing();
        }
    }

    @Test
    @DisplayName("req.protocol() is https and req.secure() true")
    void protocol() {
        assertThat(new String(tls.get("/proto").body(), StandardCharsets.US_ASCII))
                .isEqualTo("https true");
        assertThat(new String(clear.get("/proto").body(), StandardCharsets.US_ASCII))
                .isEqualTo("http false");
    }

    @Nested
    @DisplayName("protocol versions and ALPN")
    class Negotiation {
        @Test
        @DisplayName("ALPN: a client offering h2 and http/1.1 gets http/1.1")
        void alpnHttp11() throws IOException {
            try (SSLSocket socket = TestServer.tlsSocket(client(), tls.port(), "h2", "http/1.1")) {
                assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
                assertThat(get(socket, "/").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("a client without ALPN is served HTTP/1.1")
        void noAlpn() throws IOException {
            try (SSLSocket socket = TestServer.tlsSocket(client(), tls.port())) {
                assertThat(socket.getApplicationProtocol()).isEmpty();
                assertThat(get(socket, "/").status()).isEqualTo(200);
            }
        }

        @Test
        @DisplayName("TLS 1.3 by default; TLS 1.2 with an ECDHE AEAD suite when the client asks")
        void versions() throws IOException {
            try (SSLSocket socket = TestServer.tlsSocket(client(), tls.port())) {
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            SSLSocket socket = (SSLSocket) client().getSocketFactory().createSocket("127.0.0.1", tls.port());
            try (socket) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.startHandshake();
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
                assertThat(socket.getSession().getCipherSuite())
                        .matches("TLS_ECDHE_ECDSA_WITH_(AES_\\d+_GCM|CHACHA20).*");
            }
        }

        @Test
        @DisplayName("a TLS 1.1 ClientHello is refused with a protocol_version alert")
        void tls11() throws IOException {
            assertThat(answerTo(ClientHellos.legacy(0x0302)))
                    .isEqualTo(ClientHellos.alert(alertRecordVersion(), ClientHellos.PROTOCOL_VERSION));
            assertServing();
        }

        @Test
        @DisplayName("a TLS 1.0 ClientHello is refused with a protocol_version alert")
        void tls10() throws IOException {
            assertThat(answerTo(ClientHellos.legacy(0x0301)))
                    .isEqualTo(ClientHellos.alert(alertRecordVersion(), ClientHellos.PROTOCOL_VERSION));
            assertServing();
        }

        @Test
        @DisplayName("a client that does not trust the certificate fails its handshake; the server carries on")
        void untrusted() throws Exception {
            SSLContext trustsNothing = SSLContext.getInstance("TLS");
            trustsNothing.init(null, null, null); // the JDK's default trust store: no test CA in it
            assertThatThrownBy(() -> TestServer.tlsSocket(trustsNothing, tls.port()))
                    .hasCauseInstanceOf(SSLHandshakeException.class);
            assertServing();
        }
    }

    @Nested
    @DisplayName("what is not a TLS client is closed, and the server keeps serving")
    class NotTls {
        @Test
        @DisplayName("a plain-HTTP request to the TLS port: closed without an answer")
        void plainHttp() throws IOException {
            byte[] answer = answerTo("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(answer).isEmpty();
            assertServing();
        }

        @Test
        @DisplayName("bytes that are no TLS record: closed without an answer")
        void garbage() throws IOException {
            byte[] garbage = new byte[512];
            new java.util.Random(7).nextBytes(garbage);
            garbage[0] = 0x42;
            assertThat(answerTo(garbage)).isEmpty();
            assertServing();
        }

        @Test
        @DisplayName("a malformed ClientHello: a decode_error alert, then closed")
        void malformedClientHello() throws IOException {
            assertThat(answerTo(ClientHellos.truncated()))
                    .isEqualTo(ClientHellos.alert(alertRecordVersion(), ClientHellos.DECODE_ERROR));
            assertServing();
        }

        @Test
        @DisplayName("a client that never finishes its handshake is closed after the handshake timeout")
        void handshakeTimeout() throws IOException {
            TlsOptions options = tlsOptions().handshakeTimeout(Duration.ofSeconds(2));
            try (TestServer server = TestServer.serveTls(app(), new ServerOptions().tls(options));
                    RawClient silent = new RawClient(server.port());
                    RawClient halfway = new RawClient(server.port())) {
                halfway.send(new byte[] {0x16, 0x03, 0x01});
                assertThat(silent.isClosedByServer(10_000)).isTrue();
                assertThat(halfway.isClosedByServer(10_000)).isTrue();
                assertThat(server.get("/").status()).isEqualTo(200);
            }
        }
    }

    /** Sends raw bytes to the TLS port and returns everything it answers before closing. */
    byte[] answerTo(byte[] bytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", tls.port()), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (java.net.SocketException reset) {
                // a reset after the alert is a close too
            }
            return answer.toByteArray();
        }
    }

    void assertServing() {
        RawResponse r = tls.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("Hello World");
    }

    static SSLContext client() {
        return TestCertificates.get().clientContext();
    }

    static RawResponse get(SSLSocket socket, String path) {
        RawClient client = new RawClient(socket);
        return client.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .read("GET");
    }

    /** The peer certificate a new TLS connection sees. */
    static Certificate certificateOf(int port) {
        try (SSLSocket socket = TestServer.tlsSocket(client(), port)) {
            return socket.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.express4j;

import static io.express4j.ResSendFileTest.app;
import static io.express4j.ResSendFileTest.get;
import static io.express4j.ResSendFileTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.support.RawResponse;
import io.express4j.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer itself: one file handle per response, closed after a complete transfer and after a client abort
 * mid-file (counted in /proc/self/fd, the server runs in this JVM), and files past 2 GiB served through a 1 GiB
 * heap (sparse files, so nothing is written to disk).
 */
class FileTransferTest {
    private static final long TWO_GIB = 2L << 30;

    /** How many descriptors of this process point at the file. */
    static long openHandles(Path file) throws IOException {
        Path target = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).equals(target);
                        } catch (IOException | UnsupportedOperationException e) {
                            return false; // closed while listing, or not a link
                        }
                    })
                    .count();
        }
    }

    static void awaitHandles(Path file, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (openHandles(file) != expected && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(openHandles(file)).isEqualTo(expected);
    }

    static Path sparse(Path dir, String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    static void write(Path file, long position, String text) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Reads a response head from a stream, leaving the body unread. */
    static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("closed in the head");
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        headers.put(":status", lines[0].split(" ")[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
        }
        return headers;
    }

    @Test
    @DisplayName("a client aborting mid-file: the callback hears ECONNABORTED and the one handle is closed")
    void abortMidFile(@TempDir Path dir) throws Exception {
        Path big = sparse(dir, "big.bin", 256L << 20);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        App app = app((req, res) -> res.sendFile(big.toString(), outcome::complete));
        try (TestServer server = TestServer.serve(app);
                Socket socket = new Socket()) {
            assertThat(openHandles(big)).isZero();
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            Map<String, String> head = readHead(in);
            assertThat(head).containsEntry(":status", "200").containsEntry("content-length", Long.toString(256L << 20));
            assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
            assertThat(openHandles(big))
                    .as("one handle while the transfer is under way")
                    .isEqualTo(1);
            assertThat(outcome).isNotDone();
            socket.setSoLinger(true, 0);
            socket.close();
            Throwable err = outcome.get(10, TimeUnit.SECONDS);
            assertThat(err).isInstanceOf(ClientAbortException.class);
            assertThat(((ClientAbortException) err).code()).isEqualTo("ECONNABORTED");
            assertThat(openHandles(big)).isZero();
        }
    }

    @Test
    @DisplayName("static files: an abort mid-file without a callback also closes the handle, the server goes on")
    void abortWithoutCallback(@TempDir Path dir) throws Exception {
        Path big = sparse(dir, "big.bin", 256L << 20);
        App app = Express.app();
        app.use(Express.staticFiles(dir.toString()));
        try (TestServer server = TestServer.serve(app)) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket()) {
                    socket.setReceiveBufferSize(16 * 1024);
                    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream()
                            .write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    readHead(socket.getInputStream());
                    socket.getInputStream().readNBytes(1024);
                    awaitHandles(big, 1);
                    socket.setSoLinger(true, 0);
                }
                awaitHandles(big, 0);
            }
            assertThat(server.request("GET", "/big.bin", Map.of("Range", "bytes=0-3")))
                    .satisfies(r -> {
                        assertThat(r.status()).isEqualTo(206);
                        assertThat(r.body()).isEqualTo(new byte[4]);
                    });
        }
    }

    @Test
    @DisplayName("complete transfers, single and multipart, leave no handle open")
    void completeTransfers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "0123456789".repeat(1000));
        App app = Express.app();
        app.use(Express.staticFiles(dir.toString()));
        try (TestServer server = TestServer.serve(app)) {
            assertThat(server.get("/data.txt").body()).hasSize(10_000);
            assertThat(server.request("GET", "/data.txt", Map.of("Range", "bytes=5-9"))
                            .text())
                    .isEqualTo("56789");
            assertThat(server.request("GET", "/data.txt", Map.of("Range", "bytes=0-0,9999-"))
                            .status())
                    .isEqualTo(206);
            assertThat(server.request("HEAD", "/data.txt").status()).isEqualTo(200);
            awaitHandles(file, 0);
        }
    }

    @Test
    @DisplayName("a 2 GiB sparse file: a Range near its end, a multipart reaching past 2^31, HEAD")
    void pastTwoGigabytes(@TempDir Path dir) throws Exception {
        long size = TWO_GIB + 1000;
        Path huge = sparse(dir, "huge.bin", size);
        write(huge, 2_147_483_000L, "MARK");
        write(huge, size - 6, "THEEND");
        App app = app((req, res) -> res.sendFile("huge.bin", new SendFileOptions().root(dir.toString())));

        RawResponse tail = get(app, "/", "Range", "bytes=2147483000-");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes 2147483000-2147484647/2147484648");
        assertThat(tail.header("Content-Length")).isEqualTo("1648");
        byte[] expected = new byte[1648];
        System.arraycopy("MARK".getBytes(StandardCharsets.US_ASCII), 0, expected, 0, 4);
        System.arraycopy("THEEND".getBytes(StandardCharsets.US_ASCII), 0, expected, 1642, 6);
        assertThat(tail.body()).isEqualTo(expected);

        RawResponse suffix = get(app, "/", "Range", "bytes=-6");
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes 2147484642-2147484647/2147484648");
        assertThat(suffix.text()).isEqualTo("THEEND");

        RawResponse parts = get(app, "/", "Range", "bytes=0-1,2147483000-2147483003");
        assertThat(parts.status()).isEqualTo(206);
        assertThat(parts.text()).contains("Content-Range: bytes 2147483000-2147483003/2147484648\r\n\r\nMARK\r\n--");

        RawResponse head = request(app, "HEAD", "/");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("2147484648");
        assertThat(head.header("ETag")).startsWith("W/\"800003e8-");
        awaitHandles(huge, 0);
    }

    @Test
    @DisplayName("the whole 2 GiB file streams through a 1 GiB heap, byte count and tail exact")
    void wholeTwoGigabytes(@TempDir Path dir) throws Exception {
        long size = TWO_GIB + 1000;
        Path huge = sparse(dir, "huge.bin", size);
        write(huge, size - 6, "THEEND");
        App app = Express.app();
        app.use(Express.staticFiles(dir.toString()));
        try (TestServer server = TestServer.serve(app);
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write("GET /huge.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            Map<String, String> head = readHead(in);
            assertThat(head).containsEntry(":status", "200").containsEntry("content-length", Long.toString(size));
            byte[] buffer = new byte[256 * 1024];
            long total = 0;
            int n;
            while (total < size - 6 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, size - 6 - total))) > 0) {
                total += n;
            }
            byte[] last = in.readNBytes(6);
            assertThat(total + last.length).isEqualTo(size);
            assertThat(new String(last, StandardCharsets.US_ASCII)).isEqualTo("THEEND");
            assertThat(Runtime.getRuntime().maxMemory()).isLessThan(size);
        }
        awaitHandles(huge, 0);
    }
}

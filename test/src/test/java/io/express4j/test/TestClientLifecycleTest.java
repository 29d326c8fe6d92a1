package io.express4j.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** How a client serves its app: in process without a socket, on virtual threads, stopped by close. */
class TestClientLifecycleTest {

    private static App app() {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("virtual=" + Thread.currentThread().isVirtual()));
        return app;
    }

    /** The sockets this process holds (Linux: the socket links among its file descriptors). */
    private static long openSockets() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                        } catch (IOException gone) {
                            return false; // closed while listing
                        }
                    })
                    .count();
        }
    }

    @Test
    void inProcessOpensNoSocket() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc");
        TestClient.of(app()).get("/").expect(200); // loads and starts what is shared once
        long before = openSockets();
        try (TestClient client = TestClient.of(app())) {
            for (int i = 0; i < 20; i++) client.get("/").expect(200, "virtual=true");
            assertThat(openSockets()).isEqualTo(before);
        }
    }

    @Test
    void handlersRunOnVirtualThreadsEitherWay() {
        TestClient.of(app()).get("/").expect(200, "virtual=true");
        try (TestClient socket = TestClient.overSocket(app())) {
            socket.get("/").expect(200, "virtual=true");
        }
    }

    @Test
    void aClosedClientServesNoMore() {
        TestClient inProcess = TestClient.of(app());
        inProcess.get("/").expect(200);
        inProcess.close();
        assertThatThrownBy(() -> inProcess.get("/").response()).isInstanceOf(UncheckedIOException.class);

        TestClient socket = TestClient.overSocket(app());
        socket.get("/").expect(200);
        socket.close();
        assertThatThrownBy(() -> socket.get("/").response()).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void rawReturnsOnceEveryRequestIsAnsweredOnAKeptAliveConnection() {
        long start = System.nanoTime();
        String answer = TestClient.of(app()).raw("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        // well before the 5 s keep-alive timeout would have closed the connection
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
        assertThat(answer.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(answer).contains("Connection: keep-alive").endsWith("virtual=true");
    }

    @Test
    void serverOptionsApplyInProcess() {
        TestClient client = TestClient.of(app(), new ServerOptions().maxRequestsPerSocket(1));
        String answer = client.raw("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: close\r\n");
        assertThat(answer.split("HTTP/1.1 200 OK", -1)).hasSize(2);
    }

    @Test
    void oneClientServesConcurrentRequests() throws Exception {
        TestClient client = TestClient.of(app());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++)
                answers.add(pool.submit(() -> client.get("/").response().text()));
            for (Future<String> answer : answers) assertThat(answer.get()).isEqualTo("virtual=true");
        }
    }
}

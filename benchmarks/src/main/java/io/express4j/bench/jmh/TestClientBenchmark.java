package io.express4j.bench.jmh;

import io.express4j.App;
import io.express4j.Express;
import io.express4j.Server;
import io.express4j.server.HttpServerEngine;
import io.express4j.server.InProcessConnection;
import io.express4j.server.TestAccess;
import io.express4j.test.TestClient;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request to the same app four ways: through {@code TestClient.of(app)} (in process, the real pipeline, a
 * fresh connection per request as supertest does), through {@code TestClient.overSocket(app)} (the same over
 * loopback), and as a bare keep-alive request on one open connection, in process and on a loopback socket (the
 * cheapest each can do: no connect, the same minimal client-side framing). Sampled, so the median is reported:
 * it stays readable on a busy machine, where the mean is dragged by scheduling stalls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TestClientBenchmark {
    private static final byte[] REQUEST =
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private TestClient inProcess;
    private TestClient overSocket;
    private Server server;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private HttpServerEngine engine;
    private InProcessConnection local;
    private InputStream localIn;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        App app = Express.app();
        app.get("/", (req, res) -> res.send("Hello World"));
        inProcess = TestClient.of(app);
        overSocket = TestClient.overSocket(app);
        server = app.listen(0, "127.0.0.1");
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        TestAccess.Served served = TestAccess.serve(app, null);
        engine = HttpServerEngine.startInProcess(served.listener(), served.config());
        local = engine.connect();
        localIn = new BufferedInputStream(local.input());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        socket.close();
        server.close();
        local.close();
        engine.close();
        inProcess.close();
        overSocket.close();
    }

    @Benchmark
    public int inProcess() {
        return inProcess.get("/").response().status();
    }

    @Benchmark
    public int overSocket() {
        return overSocket.get("/").response().status();
    }

    @Benchmark
    public int keepAliveSocket() throws IOException {
        return keepAlive(out, in);
    }

    @Benchmark
    public int keepAliveInProcess() throws IOException {
        return keepAlive(local.output(), localIn);
    }

    /** Writes the request and reads the response by its Content-Length, on a kept-alive connection. */
    private static int keepAlive(OutputStream out, InputStream in) throws IOException {
        out.write(REQUEST);
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) throw new IOException("closed");
            if (b == '\n') {
                if (line.length() <= 1) break; // the blank line after the head
                if (line.toString().regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        return in.readNBytes(length).length;
    }
}

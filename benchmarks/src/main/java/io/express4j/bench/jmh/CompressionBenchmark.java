package io.express4j.bench.jmh;

import io.express4j.App;
import io.express4j.BenchRequests;
import io.express4j.Express;
import io.express4j.Response;
import io.express4j.server.BenchExchanges;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 100 KiB text body through {@code Express.compression()} and {@code res.send}, without the socket: identity
 * (the client accepts no coding), gzip and br. Compare the three within one run: the machine's load moves the
 * absolute numbers, the ratios to identity say what compressing costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompressionBenchmark {
    private EmbeddedChannel channel;
    private FullResponseBenchmark.Sink sink;
    private App app;
    private HttpRequest identity;
    private HttpRequest gzip;
    private HttpRequest br;

    /** 100 KiB of words drawn from a small vocabulary: compresses about as well as HTML or JSON text does. */
    static String body() {
        String[] words = {
            "express",
            "netty",
            "request",
            "response",
            "header",
            "virtual",
            "thread",
            "router",
            "middleware",
            "compression",
            "the",
            "a",
            "of",
            "to",
            "and",
            "json",
            "value",
            "id",
            "name",
            "list"
        };
        Random random = new Random(42);
        StringBuilder out = new StringBuilder(100 * 1024);
        while (out.length() < 100 * 1024) {
            out.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? ".\n" : " ");
        }
        return out.substring(0, 100 * 1024);
    }

    @Setup
    public void setUp() {
        sink = new FullResponseBenchmark.Sink();
        channel = new EmbeddedChannel(sink, BenchExchanges.responseEncoder());
        String body = body();
        app = Express.app();
        app.use(Express.compression());
        app.get("/", (req, res) -> res.type("text/plain").send(body));
        identity = request("identity");
        gzip = request("gzip");
        br = request("br");
        for (HttpRequest head : new HttpRequest[] {identity, gzip, br}) {
            Response res = BenchRequests.dispatch(app, BenchExchanges.exchange(head, channel));
            if (res.statusCode() != 200 || !res.finished()) {
                throw new IllegalStateException(head.headers().get("Accept-Encoding") + ": " + res.statusCode());
            }
        }
    }

    private static HttpRequest request(String acceptEncoding) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        head.headers().set("Accept-Encoding", acceptEncoding);
        return head;
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public Response identity() {
        return BenchRequests.dispatch(app, BenchExchanges.exchange(identity, channel));
    }

    @Benchmark
    public Response gzip() {
        return BenchRequests.dispatch(app, BenchExchanges.exchange(gzip, channel));
    }

    @Benchmark
    public Response br() {
        return BenchRequests.dispatch(app, BenchExchanges.exchange(br, channel));
    }
}

package io.express4j.bench.jmh;

import io.express4j.App;
import io.express4j.BenchRequests;
import io.express4j.Express;
import io.express4j.Response;
import io.express4j.bench.servers.BenchPayloads;
import io.express4j.server.BenchExchanges;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * One whole request without the socket and without the thread hop: dispatch through the app, {@code res.send} /
 * {@code res.json}, the head built and encoded to bytes by the server's encoder (Netty's HttpResponseEncoder,
 * extended to write express4j's header store directly; raw Netty messages take its plain path). {@code rawNetty*}
 * builds and encodes the same response by hand. The gap is express4j's own per-request work, the part DESIGN.md §3
 * budgets at about 10 % of a request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FullResponseBenchmark {
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=utf-8");
    private static final AsciiString JSON = AsciiString.cached("application/json; charset=utf-8");
    private static final tools.jackson.databind.json.JsonMapper MAPPER =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private EmbeddedChannel channel;
    private Sink sink;
    private App app;
    private HttpRequest plaintext;
    private HttpRequest json;

    /** Takes the encoded bytes off the pipeline; leaves promises pending, as a socket still writing would. */
    static final class Sink extends ChannelOutboundHandlerAdapter {
        long bytes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf b) bytes += b.readableBytes();
            ReferenceCountUtil.release(msg);
        }
    }

    @Setup
    public void setUp() {
        sink = new Sink();
        channel = new EmbeddedChannel(sink, BenchExchanges.responseEncoder());
        app = Express.app();
        app.get("/plaintext", (req, res) -> res.send(BenchPayloads.HELLO));
        app.get("/json", (req, res) -> res.json(Map.of(BenchPayloads.MESSAGE_KEY, BenchPayloads.HELLO)));
        plaintext = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/plaintext");
        json = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/json");
        for (HttpRequest head : new HttpRequest[] {plaintext, json}) {
            long before = sink.bytes;
            Response res = BenchRequests.dispatch(app, BenchExchanges.exchange(head, channel));
            if (res.statusCode() != 200 || !res.finished() || sink.bytes - before < 150) {
                throw new IllegalStateException(
                        head.uri() + ": status " + res.statusCode() + ", " + (sink.bytes - before) + " bytes encoded");
            }
        }
    }

    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public Response express4jPlaintext() {
        return BenchRequests.dispatch(app, BenchExchanges.exchange(plaintext, channel));
    }

    @Benchmark
    public Response express4jJson() {
        return BenchRequests.dispatch(app, BenchExchanges.exchange(json, channel));
    }

    @Benchmark
    public long rawNettyPlaintext() {
        return rawFull(TEXT_PLAIN, BenchPayloads.HELLO.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public long rawNettyJson() {
        return rawFull(JSON, MAPPER.writeValueAsBytes(Map.of(BenchPayloads.MESSAGE_KEY, BenchPayloads.HELLO)));
    }

    private long rawFull(AsciiString type, byte[] body) {
        FullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body),
                DefaultHttpHeadersFactory.headersFactory(),
                DefaultHttpHeadersFactory.trailersFactory());
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, type);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        h.set(HttpHeaderNames.DATE, "Tue, 25 Nov 2026 10:00:00 GMT");
        channel.writeAndFlush(res);
        return sink.bytes;
    }
}

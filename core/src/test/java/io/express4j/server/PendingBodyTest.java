package io.express4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.express4j.http.HeaderMap;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write-coalescing buffer under {@code res.write}: framing, chunking into pooled pieces, release. */
class PendingBodyTest {

    /** An allocator that remembers every direct buffer it hands out, to check they are all released. */
    static final class TrackingAllocator extends AbstractByteBufAllocator {
        final List<ByteBuf> allocated = new ArrayList<>();

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return UnpooledByteBufAllocator.DEFAULT.heapBuffer(initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf buf = UnpooledByteBufAllocator.DEFAULT.directBuffer(initialCapacity, maxCapacity);
            allocated.add(buf);
            return buf;
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }

    private static String drain(ByteBuf[] chunks) {
        StringBuilder out = new StringBuilder();
        for (ByteBuf chunk : chunks) {
            out.append(chunk.toString(StandardCharsets.ISO_8859_1));
            chunk.release();
        }
        return out.toString();
    }

    @Test
    void chunkFramingIsByteForByteNettysEncoder() {
        EmbeddedChannel netty = new EmbeddedChannel(new HttpResponseEncoder());
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set("Transfer-Encoding", "chunked");
        netty.writeOutbound(head);
        ((ByteBuf) netty.readOutbound()).release();
        PendingBody pending = new PendingBody(new TrackingAllocator(), true);
        StringBuilder expected = new StringBuilder();
        for (int size : new int[] {1, 15, 16, 255, 256, 4095, 4096, 65_535, 65_536, 100_000}) {
            byte[] data = new byte[size];
            Arrays.fill(data, (byte) 'z');
            netty.writeOutbound(new DefaultHttpContent(Unpooled.wrappedBuffer(data)));
            for (Object out; (out = netty.readOutbound()) != null; ) {
                expected.append(((ByteBuf) out).toString(StandardCharsets.ISO_8859_1));
                ((ByteBuf) out).release();
            }
            pending.append(data, 0, size);
        }
        assertThat(drain(pending.take())).isEqualTo(expected.toString());
        netty.finishAndReleaseAll();
    }

    @Test
    void smallWritesShareAPooledChunkAndABigOneGetsItsOwn() {
        TrackingAllocator alloc = new TrackingAllocator();
        PendingBody pending = new PendingBody(alloc, false);
        byte[] kib = new byte[1024];
        assertThat(pending.append(kib, 0, kib.length)).isTrue(); // the first write asks for a drain
        for (int i = 1; i < 20; i++)
            assertThat(pending.append(kib, 0, kib.length)).isFalse();
        byte[] big = new byte[40_000];
        pending.append(big, 0, big.length);
        assertThat(pending.bytes()).isEqualTo(20 * 1024 + 40_000);
        assertThat(alloc.allocated)
                .extracting(ByteBuf::capacity)
                .containsExactly(PendingBody.CHUNK_SIZE, PendingBody.CHUNK_SIZE, 40_000);
        ByteBuf[] taken = pending.take();
        assertThat(taken).extracting(ByteBuf::readableBytes).containsExactly(16 * 1024, 4 * 1024, 40_000);
        assertThat(pending.bytes()).isZero();
        assertThat(pending.append(kib, 0, 1)).isTrue(); // taken: the next write asks again
        drain(taken);
        drain(pending.take());
        assertThat(alloc.allocated).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
    }

    @Test
    void releaseFreesWhatIsHeldAndRefusesLaterWrites() {
        TrackingAllocator alloc = new TrackingAllocator();
        PendingBody pending = new PendingBody(alloc, true);
        byte[] data = new byte[30_000];
        pending.append(data, 0, data.length);
        pending.append(data, 0, data.length);
        pending.release();
        assertThat(alloc.allocated)
                .hasSize(2)
                .allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
        assertThat(pending.take()).isEmpty();
        assertThatThrownBy(() -> pending.append(data, 0, 1)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anExchangeWhoseConnectionIsLostReleasesItsUnsentWrites() {
        TrackingAllocator alloc = new TrackingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel(NodeHttpCodec.responseEncoder());
        channel.config().setAllocator(alloc);
        HttpExchange exchange = BenchLikeExchanges.exchange(channel);
        HeaderMap headers = new HeaderMap();
        headers.set("Transfer-Encoding", "chunked");
        exchange.writeHead(200, "OK", headers, true);
        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        exchange.writeBody(data, 0, data.length); // on the (embedded) event loop: queued, not sent yet
        exchange.writeBody(data, 0, data.length);
        assertThat(alloc.allocated).hasSize(1);
        exchange.closed(new java.io.IOException("gone")); // the connection went away before the drain ran
        assertThat(alloc.allocated.get(0).refCnt()).isZero();
        channel.runPendingTasks(); // the drain finds nothing
        ByteBuf head = channel.readOutbound();
        assertThat(head.toString(StandardCharsets.US_ASCII))
                .isEqualTo("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        head.release();
        assertThat((Object) channel.readOutbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void writesThenEndLeaveInOrderAsOneChunkPerWrite() {
        Wire wire = new Wire();
        EmbeddedChannel channel = new EmbeddedChannel(wire, NodeHttpCodec.responseEncoder());
        HttpExchange exchange = BenchLikeExchanges.exchange(channel);
        HeaderMap headers = new HeaderMap();
        headers.set("Content-Type", "text/plain");
        headers.set("transfer-encoding", "gzip, Chunked");
        exchange.writeHead(200, "Fine", headers, false);
        exchange.writeBody("ab".getBytes(StandardCharsets.US_ASCII), 0, 2);
        exchange.writeBody("cde".getBytes(StandardCharsets.US_ASCII), 1, 2);
        exchange.end("xyz".getBytes(StandardCharsets.US_ASCII), false); // before the queued drain ran
        channel.runPendingTasks();
        assertThat(wire.bytes.toString())
                .isEqualTo("HTTP/1.1 200 Fine\r\nContent-Type: text/plain\r\n"
                        + "transfer-encoding: gzip, Chunked\r\n\r\n2\r\nab\r\n2\r\nde\r\n3\r\nxyz\r\n0\r\n\r\n");
        channel.finishAndReleaseAll();
    }

    /** Takes the bytes off the pipeline and leaves the write promises pending: the response never completes. */
    static final class Wire extends ChannelOutboundHandlerAdapter {
        final StringBuilder bytes = new StringBuilder();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            bytes.append(((ByteBuf) msg).toString(StandardCharsets.ISO_8859_1));
            ((ByteBuf) msg).release();
        }
    }

    /** An exchange on a channel without a socket, as the benchmarks build one. */
    static final class BenchLikeExchanges {
        private static final ServerConfig CONFIG = ServerConfig.defaults();

        static HttpExchange exchange(EmbeddedChannel channel) {
            ConnectionHandler connection = new ConnectionHandler(
                    exchange -> {}, CONFIG, null, new StrictRequestDecoder(CONFIG, method -> true));
            return new HttpExchange(
                    new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"),
                    channel,
                    connection,
                    null,
                    false);
        }
    }
}

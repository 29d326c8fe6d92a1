package io.express4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.express4j.http.HeaderMap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The response encoder writing heads straight from {@link HeaderMap}: the bytes Netty's headers would give. */
class NodeHttpCodecTest {

    private static String encode(HttpResponseEncoder encoder, Object message) {
        EmbeddedChannel channel = new EmbeddedChannel(encoder);
        channel.writeOutbound(message);
        StringBuilder wire = new StringBuilder();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            wire.append(((ByteBuf) out).toString(StandardCharsets.ISO_8859_1));
            ((ByteBuf) out).release();
        }
        channel.finishAndReleaseAll();
        return wire.toString();
    }

    @Test
    void linesKeepCasingOrderRepeatsAndLatin1AsNettyWritesThem() {
        HeaderMap lines = new HeaderMap();
        lines.set("X-Custom", "caf\u00e9 \u20ac");
        lines.set("set-cookie", List.of("a=1", "b=2"));
        lines.set("Content-Length", "2");
        DefaultFullHttpResponse netty = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                new HttpResponseStatus(299, "Custom Reason"),
                Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII));
        lines.forEachLine(netty.headers()::add);

        String ours = encode(
                NodeHttpCodec.responseEncoder(),
                new NodeHttpCodec.Full(
                        new HttpResponseStatus(299, "Custom Reason"),
                        lines,
                        false,
                        Unpooled.copiedBuffer("ok", StandardCharsets.US_ASCII),
                        false));

        assertThat(ours)
                .isEqualTo(encode(new HttpResponseEncoder(), netty))
                .isEqualTo("HTTP/1.1 299 Custom Reason\r\nX-Custom: caf\u00e9 ?\r\nset-cookie: a=1\r\n"
                        + "set-cookie: b=2\r\nContent-Length: 2\r\n\r\nok");
    }

    @Test
    void aUserChunkedTransferEncodingFramesTheBody() {
        HeaderMap lines = new HeaderMap();
        lines.set("Transfer-Encoding", "chunked");
        assertThat(NodeHttpCodec.chunked(lines)).isTrue();
        String ours = encode(
                NodeHttpCodec.responseEncoder(),
                new NodeHttpCodec.Full(
                        HttpResponseStatus.OK,
                        lines,
                        true,
                        Unpooled.copiedBuffer("abc", StandardCharsets.US_ASCII),
                        false));
        assertThat(ours).isEqualTo("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
    }

    @Test
    void chunkedFollowsNettysRuleForTransferEncoding() {
        HeaderMap lines = new HeaderMap();
        assertThat(NodeHttpCodec.chunked(lines)).isFalse();
        lines.set("transfer-encoding", "gzip");
        assertThat(NodeHttpCodec.chunked(lines)).isFalse();
        lines.set("Transfer-Encoding", List.of("gzip", " CHUNKED "));
        assertThat(NodeHttpCodec.chunked(lines)).isTrue();
        lines.set("Transfer-Encoding", "chunked-ish");
        assertThat(NodeHttpCodec.chunked(lines)).isFalse();
    }
}

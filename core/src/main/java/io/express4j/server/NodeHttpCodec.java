package io.express4j.server;

import io.express4j.http.HeaderMap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * Netty's {@code HttpServerCodec} without its second opinion on response framing, and without its header store on
 * the way out. Netty rewrites the head of 1xx, 204 and 205 responses (drops Content-Length and Transfer-Encoding,
 * forces {@code content-length: 0} at the end of a 205 and discards its body); Node writes what the response
 * decided, and {@link HttpExchange} has already applied Node's rules. So the heads written by {@link HttpExchange}
 * say themselves whether a body may follow, and carry the response's {@link HeaderMap}, which the encoder writes
 * line by line as it is (names' casing and order kept), without copying it into Netty's headers first. Netty's
 * encoder still runs the framing state machine (chunked or not, bodyless, the end of the message). Requests are
 * decoded by {@link StrictRequestDecoder}, which refuses (instead of repairing) the ambiguous framing Netty's codec
 * tolerates, such as Content-Length with Transfer-Encoding.
 */
final class NodeHttpCodec extends CombinedChannelDuplexHandler<StrictRequestDecoder, HttpResponseEncoder>
        implements HttpServerUpgradeHandler.SourceCodec {
    /**
     * What a head's {@code headers()} shows Netty's encoder: the one header it inspects (to choose chunked framing),
     * nothing else; the real lines come from the {@link HeaderMap}.
     */
    private static final HttpHeaders CHUNKED =
            new ReadOnlyHttpHeaders(false, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);

    private static final HttpHeaders NOT_CHUNKED = EmptyHttpHeaders.INSTANCE;
    private static final short COLON_SPACE = (short) ((':' << 8) | ' ');
    private static final short CRLF = (short) (('\r' << 8) | '\n');

    NodeHttpCodec(StrictRequestDecoder decoder) {
        init(decoder, new ResponseEncoder());
    }

    /** {@code Upgrade: h2c} was accepted (the 101 is written): HTTP/1.1 ends here. */
    @Override
    public void upgradeFrom(ChannelHandlerContext ctx) {
        ctx.pipeline().remove(this);
    }

    /** The response encoder alone, for benchmarks that drive {@link HttpExchange} without a socket. */
    static HttpResponseEncoder responseEncoder() {
        return new ResponseEncoder();
    }

    /** A response head that carries its header lines and whether a body may follow it. */
    interface Framed {
        boolean bodyless();

        HeaderMap lines();
    }

    /** A head whose body (if any) follows as separate contents. */
    static final class Head extends DefaultHttpResponse implements Framed {
        private final HeaderMap lines;
        private final boolean bodyless;

        Head(HttpResponseStatus status, HeaderMap lines, boolean chunked, boolean bodyless) {
            super(HttpVersion.HTTP_1_1, status, chunked ? CHUNKED : NOT_CHUNKED);
            this.lines = lines;
            this.bodyless = bodyless;
        }

        @Override
        public boolean bodyless() {
            return bodyless;
        }

        @Override
        public HeaderMap lines() {
            return lines;
        }
    }

    /** Head, body and end in one message. */
    static final class Full extends DefaultFullHttpResponse implements Framed {
        private final HeaderMap lines;
        private final boolean bodyless;

        Full(HttpResponseStatus status, HeaderMap lines, boolean chunked, ByteBuf content, boolean bodyless) {
            super(HttpVersion.HTTP_1_1, status, content, chunked ? CHUNKED : NOT_CHUNKED, NOT_CHUNKED);
            this.lines = lines;
            this.bodyless = bodyless;
        }

        @Override
        public boolean bodyless() {
            return bodyless;
        }

        @Override
        public HeaderMap lines() {
            return lines;
        }
    }

    /** Body bytes that {@link PendingBody} has already framed (chunk-size lines included): they pass untouched. */
    static final class FramedBody extends DefaultByteBufHolder {
        FramedBody(ByteBuf framed) {
            super(framed);
        }
    }

    /**
     * Netty's own rule for chunked framing ({@code HttpUtil.isTransferEncodingChunked}): some Transfer-Encoding
     * line lists {@code chunked} among its comma-separated codings, in any case.
     */
    static boolean chunked(HeaderMap lines) {
        if (!lines.contains("Transfer-Encoding")) return false;
        for (String line : lines.getAll("Transfer-Encoding")) {
            for (String coding : line.split(",", -1)) {
                if (coding.trim().equalsIgnoreCase("chunked")) return true;
            }
        }
        return false;
    }

    private static final class ResponseEncoder extends HttpResponseEncoder {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FramedBody body) ctx.write(body.content(), promise);
            else super.write(ctx, msg, promise);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            return msg instanceof Framed framed ? framed.bodyless() : super.isContentAlwaysEmpty(msg);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse msg, boolean isAlwaysEmpty) {
            if (!(msg instanceof Framed)) super.sanitizeHeadersBeforeEncode(msg, isAlwaysEmpty);
        }

        /** A framed head's lines go out right after its status line; its {@code headers()} only inform framing. */
        @Override
        protected void encodeInitialLine(ByteBuf buf, HttpResponse response) throws Exception {
            super.encodeInitialLine(buf, response);
            if (response instanceof Framed framed) framed.lines().forEachLine(buf, ResponseEncoder::writeLine);
        }

        @Override
        protected void encodeHeaders(HttpHeaders headers, ByteBuf buf) {
            if (headers != CHUNKED && headers != NOT_CHUNKED) super.encodeHeaders(headers, buf);
        }

        /**
         * One {@code name: value} line; characters are written as Latin-1 bytes ('?' above U+00FF), as Netty does.
         * Not validated here: the response validated what handlers set (no CR or LF can reach the wire).
         */
        private static void writeLine(ByteBuf buf, String name, String value) {
            buf.ensureWritable(name.length() + value.length() + 4);
            buf.writeCharSequence(name, StandardCharsets.US_ASCII);
            buf.writeShort(COLON_SPACE);
            buf.writeCharSequence(value, StandardCharsets.US_ASCII);
            buf.writeShort(CRLF);
        }
    }
}

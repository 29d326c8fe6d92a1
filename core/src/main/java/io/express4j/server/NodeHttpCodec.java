package io.express4j.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Netty's {@code HttpServerCodec} without its second opinion on response framing. Netty rewrites the head of 1xx,
 * 204 and 205 responses (drops Content-Length and Transfer-Encoding, forces {@code content-length: 0} at the end of
 * a 205 and discards its body); Node writes what the response decided, and {@link HttpExchange} has already applied
 * Node's rules. So the heads written by {@link HttpExchange} say themselves whether a body may follow, and the encoder
 * leaves their headers alone. Like Netty's codec, a request that came with both {@code Transfer-Encoding: chunked}
 * and {@code Content-Length} closes the connection after its response (a request-smuggling guard).
 */
final class NodeHttpCodec extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {
    private boolean closeAfterResponse;

    NodeHttpCodec(HttpDecoderConfig config) {
        init(new RequestDecoder(config), new ResponseEncoder());
    }

    /** A response head that carries whether a body may follow it. */
    interface Framed {
        boolean bodyless();
    }

    /** A head whose body (if any) follows as separate contents. */
    static final class Head extends DefaultHttpResponse implements Framed {
        private final boolean bodyless;

        Head(HttpResponseStatus status, HttpHeadersFactory headers, boolean bodyless) {
            super(HttpVersion.HTTP_1_1, status, headers);
            this.bodyless = bodyless;
        }

        @Override
        public boolean bodyless() {
            return bodyless;
        }
    }

    /** Head, body and end in one message. */
    static final class Full extends DefaultFullHttpResponse implements Framed {
        private final boolean bodyless;

        Full(HttpResponseStatus status, ByteBuf content, HttpHeadersFactory headers, boolean bodyless) {
            super(HttpVersion.HTTP_1_1, status, content, headers, headers);
            this.bodyless = bodyless;
        }

        @Override
        public boolean bodyless() {
            return bodyless;
        }
    }

    private final class RequestDecoder extends HttpRequestDecoder {
        RequestDecoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            super.handleTransferEncodingChunkedWithContentLength(message);
            closeAfterResponse = true;
        }
    }

    private final class ResponseEncoder extends HttpResponseEncoder {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (closeAfterResponse && msg instanceof LastHttpContent) {
                closeAfterResponse = false;
                promise = promise.unvoid().addListener(ChannelFutureListener.CLOSE);
            }
            super.write(ctx, msg, promise);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            return msg instanceof Framed framed ? framed.bodyless() : super.isContentAlwaysEmpty(msg);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse msg, boolean isAlwaysEmpty) {
            if (!(msg instanceof Framed)) super.sanitizeHeadersBeforeEncode(msg, isAlwaysEmpty);
        }
    }
}

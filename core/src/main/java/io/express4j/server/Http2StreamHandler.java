package io.express4j.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One HTTP/2 stream: its HEADERS become the request head of an {@link HttpExchange}, its DATA frames the request
 * body, and the listener runs exactly as for an HTTP/1.1 request ({@link ConnectionHandler} is the HTTP/1.1 peer of
 * this class). {@link Http2ResponseEncoder}, in front of it in the stream's pipeline, turns the response into frames.
 * The request body is flow controlled per stream: while the handler has not read what came, the stream's channel
 * stops reading, so its frames are not consumed and no WINDOW_UPDATE lets the client send more. Event loop only,
 * except where a method says otherwise.
 */
final class Http2StreamHandler extends ChannelInboundHandlerAdapter implements ExchangeOwner, RequestBody.FlowControl {
    /** Node's {@code req.httpVersion} on an HTTP/2 stream. */
    static final HttpVersion HTTP_2 = new HttpVersion("HTTP", 2, 0, true);

    private static final AsciiString COOKIE = AsciiString.cached("cookie");
    private static final AsciiString HOST = AsciiString.cached("host");

    private final RequestListener listener;
    private final ServerConfig config;
    private ChannelHandlerContext ctx;
    private HttpExchange exchange;
    private boolean requestComplete;
    private boolean responseFinished;

    Http2StreamHandler(RequestListener listener, ServerConfig config) {
        this.listener = listener;
        this.config = config;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers) {
                if (exchange == null && !responseFinished) start(headers);
                else if (headers.isEndStream()) endBody(); // trailers: not exposed, as Express does not read them
            } else if (msg instanceof Http2DataFrame data) {
                if (exchange != null && !requestComplete) {
                    if (data.content().isReadable() && !responseFinished) {
                        if (exchange.requestBody().offer(ByteBufUtil.getBytes(data.content()))) {
                            ctx.channel().config().setAutoRead(false);
                        }
                    }
                    if (data.isEndStream()) endBody();
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void start(Http2HeadersFrame frame) {
        Http2Headers h2 = frame.headers();
        CharSequence method = h2.method();
        CharSequence path = h2.path();
        if (method == null || path == null) { // CONNECT (RFC 9113 §8.5) and nothing else lacks :path
            answerBare(method == null ? 400 : 501);
            return;
        }
        if (!listener.knowsMethod(method.toString())) {
            answerBare(501);
            return;
        }
        HttpHeaders headers = requestHeaders(h2);
        String expect = headers.get("expect");
        boolean expectsContinue = expect != null && expect.equalsIgnoreCase("100-continue");
        if (expect != null && !expectsContinue) {
            answerBare(417); // as over HTTP/1.1: Node answers an expectation it does not know with 417
            return;
        }
        var request = new DefaultHttpRequest(HTTP_2, HttpMethod.valueOf(method.toString()), path.toString(), headers);
        RequestBody body = new RequestBody(config.bodyHighWaterMark(), this, ctx.executor());
        exchange = new HttpExchange(request, ctx.channel(), this, body, expectsContinue);
        exchange.streamHasBody(!frame.isEndStream());
        if (frame.isEndStream()) endBody();
        ExchangeOwner.dispatch(listener, exchange);
    }

    /**
     * The request head as HTTP/1.1 would carry it: {@code :authority} as the first header, {@code host} (RFC 9113
     * §8.3.1: it takes the place of Host), the regular headers in order, and the cookie fields a client may split
     * joined again with {@code "; "} (§8.2.3), where the first of them was.
     */
    private static HttpHeaders requestHeaders(Http2Headers h2) {
        HttpHeaders headers =
                DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        CharSequence authority = h2.authority();
        if (authority != null) headers.add(HOST, authority);
        List<CharSequence> cookies = h2.getAll(COOKIE);
        boolean cookieAdded = false;
        for (Map.Entry<CharSequence, CharSequence> line : h2) {
            CharSequence name = line.getKey();
            if (name.length() > 0 && name.charAt(0) == ':') continue;
            if (authority != null && HOST.contentEqualsIgnoreCase(name)) continue;
            if (cookies.size() > 1 && COOKIE.contentEqualsIgnoreCase(name)) {
                if (!cookieAdded) headers.add(COOKIE, String.join("; ", cookies));
                cookieAdded = true;
                continue;
            }
            headers.add(name, line.getValue());
        }
        return headers;
    }

    private void endBody() {
        if (requestComplete) return;
        requestComplete = true;
        exchange.requestBody().end();
    }

    /**
     * A request the server refuses before any listener sees it: the status alone, as HTTP/1.1's bare answers, then
     * the stream ends (a body the client is still sending is refused with RST_STREAM NO_ERROR).
     */
    private void answerBare(int status) {
        responseFinished = true;
        ctx.writeAndFlush(
                        new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status(Integer.toString(status)), true))
                .addListener(f -> stopReceiving());
    }

    /** After a complete response, a request body still arriving is not wanted (RFC 9113 §8.1). */
    private void stopReceiving() {
        if (!ctx.channel().isActive()) return;
        if (exchange == null || !requestComplete) {
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR)).addListener(f -> ctx.close());
        }
    }

    // ---- ExchangeOwner ----

    @Override
    public boolean isClosing() {
        return false; // graceful shutdown is the connection's GOAWAY: streams in flight finish as they are
    }

    @Override
    public boolean http1() {
        return false;
    }

    @Override
    public long keepAliveTimeoutMillis() {
        return 0;
    }

    @Override
    public String keepAliveHeader() {
        return null;
    }

    @Override
    public void continueOnVirtualThread(HttpExchange exchange, Runnable rest) {
        Thread.ofVirtual().start(() -> ExchangeOwner.run(exchange, rest));
    }

    @Override
    public void bodyWanted(HttpExchange exchange) {
        // no data rate is measured per stream: the connection's flow control bounds what a stream can hold
    }

    @Override
    public void responseFinished(HttpExchange exchange, boolean close) {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> responseFinished(exchange, close));
            return;
        }
        responseFinished = true;
        if (close) {
            ctx.close(); // the response failed half way: the stream is reset
            return;
        }
        if (!requestComplete) {
            exchange.requestBody().discard();
            stopReceiving();
        }
    }

    /** Any thread: the handler drained the body queue below its low-water mark. */
    @Override
    public void resumeReading() {
        ctx.executor().execute(() -> ctx.channel().config().setAutoRead(true));
    }

    // ---- stream events ----

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) exchange.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.requestBody().fail(new IOException("stream reset"));
            exchange.writabilityChanged();
            // A finished response's stream closes as its last frame is written, possibly before the write's own
            // listener reports success: that listener, not this event, says how the exchange ended.
            if (!exchange.isFinished()) exchange.closed(new IOException("the client closed the stream"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ExchangeOwner.LOG.debug("HTTP/2 stream error", cause);
        ctx.close();
    }
}

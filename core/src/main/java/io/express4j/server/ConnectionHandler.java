package io.express4j.server;

import io.express4j.log.Logs;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * One HTTP/1.x connection. Requests are answered strictly in order: the next pipelined request is dispatched only
 * once the previous response has been written completely (Netty's codec does not order responses by itself), and
 * while requests wait the socket is not read, so pipelining cannot queue unbounded work. All state here is confined
 * to the channel's event loop, except the flags a handler's thread reads through {@link #isClosing}.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements RequestBody.FlowControl {
    private static final Logger log = Logs.get(ConnectionHandler.class);

    private final RequestListener listener;
    private final ServerConfig config;
    private final HttpServerEngine server;
    private final StrictRequestDecoder decoder;
    private final ConnectionDeadline deadline;
    private final MinDataRate bodyRate;
    /** Request body bytes received on this connection, for {@link #bodyRate}. */
    private long bodyBytes;

    private final String keepAliveHeader;
    private final ArrayDeque<HttpObject> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private HttpExchange current;
    private boolean currentRequestComplete;
    private boolean currentResponseFinished;
    private boolean bodyPaused;
    private boolean clocksStarted;
    private boolean ignoreInput;
    /** A listener is running on the event loop right now (a response it finishes must not start the next request). */
    private boolean dispatchingOnLoop;

    private int requestsStarted;
    private volatile int waitingRequests;
    /** This connection ends after the current response. */
    private volatile boolean closing;
    /** Graceful shutdown: this connection ends once it holds no request (queued or half received). */
    private volatile boolean draining;

    ConnectionHandler(
            RequestListener listener, ServerConfig config, HttpServerEngine server, StrictRequestDecoder decoder) {
        this.listener = listener;
        this.config = config;
        this.server = server;
        this.decoder = decoder;
        this.deadline = new ConnectionDeadline(this, config);
        this.bodyRate = new MinDataRate(
                config.minRequestBodyBytesPerSecond(),
                config.minRequestBodyRateGraceMillis(),
                () -> bodyBytes,
                () -> timedOut("request body too slow"));
        this.keepAliveHeader = config.keepAliveHeader();
    }

    /** Any thread: whether the response being prepared must close the connection (it says so in its head). */
    boolean isClosing() {
        return closing || draining && waitingRequests == 0 && !decoder.headStarted();
    }

    long keepAliveTimeoutMillis() {
        return config.keepAliveTimeoutMillis();
    }

    String keepAliveHeader() {
        return keepAliveHeader;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        server.connectionOpened(this);
        // added after a TLS handshake, the channel has long been active: the clocks start now
        if (ctx.channel().isActive()) startClocks();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startClocks();
        ctx.fireChannelActive();
    }

    private void startClocks() {
        if (clocksStarted) return;
        clocksStarted = true;
        deadline.ready(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject obj) || ignoreInput) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current == null && waiting.isEmpty() && obj instanceof HttpRequest request) {
            start(request);
        } else if (current != null && waiting.isEmpty() && !currentRequestComplete && obj instanceof HttpContent c) {
            feed(c);
        } else {
            if (obj instanceof HttpRequest) {
                if (waitingRequests >= config.maxPipelinedRequests() && config.maxPipelinedRequests() > 0) {
                    // Too far ahead: answer the current request, then close; the client retries the rest.
                    ReferenceCountUtil.release(obj);
                    closing = true;
                    ignoreInput = true;
                    return;
                }
                waitingRequests++;
            }
            waiting.add(obj);
            updateReading();
        }
        // an upgrade request is in: nothing more is read until the server knows what the next bytes are
        if (decoder.held() && ctx.channel().config().isAutoRead()) updateReading();
    }

    private void start(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            reject(statusFor(result.cause()));
            return;
        }
        boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
        if (!expectsContinue
                && request.headers().contains(HttpHeaderNames.EXPECT)
                && request.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0) {
            // Node answers an expectation it does not know with 417.
            reject(HttpResponseStatus.EXPECTATION_FAILED.code());
            return;
        }
        requestsStarted++;
        if (config.maxRequestsPerConnection() > 0 && requestsStarted >= config.maxRequestsPerConnection()) {
            closing = true;
        }
        RequestBody body = new RequestBody(config.bodyHighWaterMark(), this, ctx.executor());
        // 100 Continue waits for the first read of the body (HttpExchange#bodyWanted): a request answered without
        // it (413 from its declared length, 401, 404) is not sent for nothing.
        current = new HttpExchange(request, ctx.channel(), this, body, expectsContinue);
        currentRequestComplete = false;
        currentResponseFinished = false;
        deadline.requestStarted();
        if (request instanceof HttpContent c) feed(c);
        watchBodyRate();
        HttpExchange exchange = current;
        if (listener.dispatchOnEventLoop()) {
            dispatchingOnLoop = true;
            try {
                run(exchange, () -> listener.onRequest(exchange));
            } finally {
                dispatchingOnLoop = false;
            }
        } else {
            Thread.ofVirtual().start(() -> run(exchange, () -> listener.onRequest(exchange)));
        }
    }

    /** Any thread: the rest of an exchange's work, moved off the event loop (see {@link HttpExchange}). */
    void continueOnVirtualThread(HttpExchange exchange, Runnable rest) {
        Thread.ofVirtual().start(() -> run(exchange, rest));
    }

    /** Runs listener code; what it lets escape is logged and drops the connection unless the response is done. */
    private static void run(HttpExchange exchange, Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            // A write to a connection the client (or a timeout, or shutdown) already closed is not a server error.
            if (exchange.isOpen()) log.error("request listener failed", t);
            else log.debug("request listener failed after the connection closed", t);
            if (!exchange.isFinished()) exchange.abort();
        }
    }

    private void feed(HttpContent content) {
        try {
            if (content.decoderResult().isFailure()) {
                malformedBody(content.decoderResult().cause());
                return;
            }
            bodyBytes += content.content().readableBytes();
            if (content.content().isReadable() && !currentResponseFinished) {
                if (current.requestBody().offer(ByteBufUtil.getBytes(content.content()))) {
                    bodyPaused = true;
                    updateReading();
                }
            }
        } finally {
            content.release();
        }
        if (content instanceof LastHttpContent) {
            currentRequestComplete = true;
            bodyRate.stop();
            current.requestBody().end();
            if (currentResponseFinished) advance();
        }
    }

    /**
     * A broken chunked body: Node answers 400 and closes while the response has not started, and otherwise lets
     * the response end before closing. Nothing more is read from this connection either way.
     */
    private void malformedBody(Throwable cause) {
        // Revoke before failing the read: the handler must not answer the failure before the server does.
        boolean revoked = current.revoke();
        current.requestBody().fail(new IOException("malformed request body", cause));
        currentRequestComplete = true;
        ignoreInput = true;
        closing = true;
        if (revoked) reject(HttpResponseStatus.BAD_REQUEST.code());
        else if (currentResponseFinished) ctx.close();
    }

    /**
     * Event loop, after the 101 has been encoded: the connection stops being HTTP. The HTTP codec, its timeouts and
     * this handler leave the pipeline; Netty's WebSocket frame encoder and decoder, the UTF-8 validator, the message
     * aggregator and {@link WebSocketFrameHandler} take their place. Bytes the client sent right behind its request
     * were held by the HTTP decoder: removing it passes them on to the frame decoder.
     */
    void switchToWebSocket(WebSocketConnection webSocket) {
        ChannelPipeline p = ctx.pipeline();
        if (!ctx.channel().isActive() || p.context(NodeHttpCodec.class) == null) {
            webSocket.channelClosed(); // the client left before the 101: the handler hears 1006
            return;
        }
        deadline.cancel();
        bodyRate.stop();
        current = null;
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ignoreInput = true;
        WebSocketSettings settings = webSocket.settings();
        String codec = p.context(NodeHttpCodec.class).name();
        WebSocketDecoderConfig frames = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(settings.maxPayload())
                .expectMaskedFrames(true) // RFC 6455 §5.1: an unmasked client frame is refused with 1002
                .allowMaskMismatch(false)
                .allowExtensions(false)
                // a violation is answered by WebSocketFrameHandler, after the messages that came before it
                .closeOnProtocolViolation(false)
                .build();
        // the HTTP idle timeout leaves; the WebSocket one (if any) is the route's
        if (p.get(IdleStateHandler.class) != null) p.remove(IdleStateHandler.class);
        // added after the codec in reverse order, so they end up as listed in the javadoc
        p.addAfter(codec, null, new WebSocketFrameHandler(webSocket));
        p.addAfter(codec, null, new WebSocketFrameAggregator(settings.maxPayload()));
        p.addAfter(codec, null, new Utf8FrameValidator(false));
        p.addAfter(codec, null, new WebSocket13FrameDecoder(frames));
        // before the decoder and the validator: the close frames they send on a violation pass through it
        p.addAfter(codec, null, new WebSocket13FrameEncoder(false));
        if (settings.idleTimeoutMillis() > 0) {
            p.addAfter(codec, null, new IdleStateHandler(0, 0, settings.idleTimeoutMillis(), TimeUnit.MILLISECONDS));
        }
        if (p.get(ResponseDataRate.class) != null) p.remove(ResponseDataRate.class);
        p.remove(this);
        p.remove(codec);
        server.connectionClosed(this);
        server.webSocketOpened(webSocket, ctx.channel());
        ctx.channel().config().setAutoRead(true);
    }

    /** Any thread: the response's last write completed (or failed). */
    void responseFinished(HttpExchange exchange, boolean close) {
        // From a listener running on the event loop, the next pipelined request waits for a task of its own: starting
        // it here would nest one dispatch inside the other, without bound.
        if (!ctx.executor().inEventLoop() || dispatchingOnLoop) {
            ctx.executor().execute(() -> responseFinished(exchange, close));
            return;
        }
        if (exchange != current) return;
        currentResponseFinished = true;
        if (close || closing) {
            ctx.close();
            return;
        }
        if (currentRequestComplete) {
            advance();
        } else {
            // Node reads and drops a body nobody consumed, so the connection stays usable for the next request.
            current.requestBody().discard();
            bodyPaused = false;
            updateReading();
        }
    }

    private void advance() {
        current = null;
        // The finished request's body may have paused reading (its last bytes arrived while the queue was full and
        // nobody read them): the next request must not inherit that pause, or its bytes are never read.
        bodyPaused = false;
        while (!waiting.isEmpty()) {
            HttpObject next = waiting.poll();
            if (current == null) {
                if (next instanceof HttpRequest request) {
                    waitingRequests--;
                    deadline.ready(ctx); // a queued request's clock starts with its turn
                    start(request);
                    if (!ctx.channel().isActive()) break;
                } else {
                    ReferenceCountUtil.release(next); // leftovers of a rejected request
                }
            } else if (next instanceof HttpContent c && !currentRequestComplete) {
                feed(c);
            } else {
                waiting.addFirst(next);
                break;
            }
        }
        if (decoder.resume()) {
            // an upgrade request answered as HTTP: decode what came behind it (one empty read wakes the decoder)
            ctx.executor().execute(() -> ctx.pipeline().fireChannelRead(Unpooled.EMPTY_BUFFER));
        }
        if (current == null) {
            if (draining && !decoder.headStarted()) {
                ctx.close();
                return;
            }
            deadline.ready(ctx);
        }
        updateReading();
    }

    /** Reads from the socket only while the current request's body has room and nothing waits for its turn. */
    private void updateReading() {
        boolean read = !bodyPaused && waiting.isEmpty() && !decoder.held();
        if (ctx.channel().config().isAutoRead() != read) ctx.channel().config().setAutoRead(read);
        watchBodyRate();
    }

    /**
     * The body's minimum data rate runs while the server reads a body the client owes it: not while reading is
     * paused for a handler that has not read what came, nor while the client waits for a 100 Continue.
     */
    private void watchBodyRate() {
        if (current != null
                && !currentRequestComplete
                && !bodyPaused
                && waiting.isEmpty()
                && !current.continueAwaited()
                && ctx.channel().isActive()) {
            bodyRate.start(ctx.executor());
        } else {
            bodyRate.stop();
        }
    }

    /** Any thread: the exchange sent its 100 Continue, so the body is now owed. */
    void bodyWanted(HttpExchange exchange) {
        ctx.executor().execute(() -> {
            if (exchange == current) watchBodyRate();
        });
    }

    @Override
    public void resumeReading() {
        ctx.executor().execute(() -> {
            bodyPaused = false;
            updateReading();
        });
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) current.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            // Node's server.timeout: no byte either way for that long, the socket is destroyed.
            if (current != null) current.requestBody().fail(new IOException("connection idle timeout"));
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        deadline.cancel();
        bodyRate.stop();
        if (current != null) {
            // the causes are made only where they are reported: after a complete exchange (every Connection: close
            // response ends here) building two stack traces per connection is wasted work
            if (!currentRequestComplete) current.requestBody().fail(new IOException("request aborted"));
            current.writabilityChanged();
            if (!current.closeReported()) current.closed(new IOException("the client closed the connection"));
        }
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        server.connectionClosed(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) log.debug("connection error", cause);
        ctx.close();
    }

    /**
     * Any thread, graceful shutdown: an idle kept-alive connection closes now; one that holds requests answers them
     * (a request being received included), the last response saying {@code Connection: close}, then closes. A
     * connection that has not delivered its first request yet gets the keep-alive timeout to do so: its client has
     * most likely sent it already (as Go's server, which gives such connections 5 s).
     */
    void closeGracefully() {
        draining = true;
        ctx.executor().execute(() -> {
            if (!idle()) return;
            if (requestsStarted > 0) {
                ctx.close();
            } else {
                ctx.executor()
                        .schedule(
                                () -> {
                                    if (idle()) ctx.close();
                                },
                                config.keepAliveTimeoutMillis(),
                                TimeUnit.MILLISECONDS);
            }
        });
    }

    private boolean idle() {
        return current == null && waiting.isEmpty() && !decoder.headStarted();
    }

    // ---- deadlines (called by ConnectionDeadline on the event loop) ----

    /** Whether the connection waits for the head of its next request (none is being handled or queued). */
    boolean awaitingHead() {
        return current == null && waiting.isEmpty();
    }

    /** Whether bytes of the next head have arrived; false for an idle kept-alive connection. */
    boolean headStarted() {
        return decoder.headStarted();
    }

    boolean servedBefore() {
        return requestsStarted > 0;
    }

    /** Whether the current request's head or body is still arriving. */
    boolean receivingRequest() {
        return current != null && !currentRequestComplete;
    }

    /** A head or a whole request did not arrive in time: 408 when no response has started, then close. */
    void timedOut() {
        timedOut("request timeout");
    }

    private void timedOut(String why) {
        if (current == null) {
            reject(HttpResponseStatus.REQUEST_TIMEOUT.code());
            return;
        }
        bodyRate.stop();
        boolean revoked = current.revoke();
        current.requestBody().fail(new IOException(why));
        if (revoked) reject(HttpResponseStatus.REQUEST_TIMEOUT.code());
        else ctx.close();
    }

    void closeIdle() {
        ctx.close();
    }

    /** Status of the bare answer to a request the decoder refused. */
    static int statusFor(Throwable cause) {
        if (cause instanceof RequestRejection rejection) return rejection.status();
        if (cause instanceof TooLongHttpLineException) return 414; // Node folds this into 431
        if (cause instanceof TooLongHttpHeaderException) return 431;
        return 400;
    }

    /**
     * Node's answer to a request it will not serve: a bare status line and {@code Connection: close}, no body,
     * then the connection closes so that nothing after the bad bytes can be taken for a request.
     */
    private void reject(int status) {
        closing = true;
        ignoreInput = true;
        deadline.cancel();
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.EMPTY_BUFFER);
        response.headers().set("Connection", "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

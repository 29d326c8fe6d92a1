package io.express4j.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.x connection. Requests are answered strictly in order: the next pipelined request is dispatched only
 * once the previous response has been written completely (Netty's codec does not order responses by itself), and
 * while requests wait the socket is not read, so pipelining cannot queue unbounded work. All state here is confined
 * to the channel's event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements RequestBody.FlowControl {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final RequestListener listener;
    private final ServerConfig config;
    private final HttpServerEngine server;
    private final ArrayDeque<HttpObject> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private HttpExchange current;
    private boolean currentRequestComplete;
    private boolean currentResponseFinished;
    private boolean bodyPaused;
    private volatile boolean closing;
    private long idleSince;
    private ScheduledFuture<?> idleCheck;

    ConnectionHandler(RequestListener listener, ServerConfig config, HttpServerEngine server) {
        this.listener = listener;
        this.config = config;
        this.server = server;
    }

    boolean isClosing() {
        return closing;
    }

    long keepAliveTimeoutMillis() {
        return config.keepAliveTimeoutMillis();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        server.connectionOpened(this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        markIdle();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject obj)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current == null && waiting.isEmpty() && obj instanceof HttpRequest request) {
            start(request);
        } else if (current != null && waiting.isEmpty() && !currentRequestComplete && obj instanceof HttpContent c) {
            feed(c);
        } else {
            waiting.add(obj);
            updateReading();
        }
    }

    private void start(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            rejectMalformed(result.cause());
            return;
        }
        RequestBody body = new RequestBody(config.bodyHighWaterMark(), this);
        current = new HttpExchange(request, ctx.channel(), this, body);
        currentRequestComplete = false;
        currentResponseFinished = false;
        if (request instanceof HttpContent c) feed(c);
        HttpExchange exchange = current;
        Thread.ofVirtual().start(() -> dispatch(exchange));
    }

    private void dispatch(HttpExchange exchange) {
        try {
            listener.onRequest(exchange);
        } catch (Throwable t) {
            log.error("request listener failed", t);
            if (!exchange.isFinished()) exchange.abort();
        }
    }

    private void feed(HttpContent content) {
        try {
            if (content.decoderResult().isFailure()) {
                current.requestBody().fail(new IOException("malformed request body", content.decoderResult().cause()));
                currentRequestComplete = true;
                closing = true;
                if (currentResponseFinished) ctx.close();
                return;
            }
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
            current.requestBody().end();
            if (currentResponseFinished) advance();
        }
    }

    /** Any thread: the response's last write completed (or failed). */
    void responseFinished(HttpExchange exchange, boolean close) {
        if (!ctx.executor().inEventLoop()) {
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
        while (!waiting.isEmpty()) {
            HttpObject next = waiting.poll();
            if (current == null) {
                if (next instanceof HttpRequest request) {
                    start(request);
                    if (!ctx.channel().isActive()) break;
                } else {
                    ReferenceCountUtil.release(next);   // leftovers of a rejected request
                }
            } else if (next instanceof HttpContent c && !currentRequestComplete) {
                feed(c);
            } else {
                waiting.addFirst(next);
                break;
            }
        }
        if (current == null) markIdle();
        updateReading();
    }

    /** Reads from the socket only while the current request's body has room and nothing waits for its turn. */
    private void updateReading() {
        boolean read = !bodyPaused && waiting.isEmpty();
        if (ctx.channel().config().isAutoRead() != read) ctx.channel().config().setAutoRead(read);
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
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.requestBody().fail(new IOException("request aborted"));
            current.writabilityChanged();
            current.closed();
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

    /** Graceful shutdown: an idle connection closes now, a busy one after its current response. */
    void closeGracefully() {
        closing = true;
        ctx.executor().execute(() -> {
            if (current == null) ctx.close();
        });
    }

    /**
     * Node answers a request it cannot parse with a bare status line and {@code Connection: close}, then closes.
     * Too long a request line is 414 here (Node folds it into 431).
     */
    private void rejectMalformed(Throwable cause) {
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException
                ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        closing = true;
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void markIdle() {
        idleSince = System.nanoTime();
        if (idleCheck == null) scheduleIdleCheck(config.keepAliveTimeoutMillis());
    }

    private void scheduleIdleCheck(long delayMillis) {
        idleCheck = ctx.executor().schedule(this::checkIdle, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** One timer per idle period rather than one per request: a busy connection just lets the check lapse. */
    private void checkIdle() {
        idleCheck = null;
        if (current != null || !waiting.isEmpty()) return;
        long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
        long left = config.keepAliveTimeoutMillis() - idleMillis;
        if (left <= 0) ctx.close();
        else scheduleIdleCheck(left);
    }

}

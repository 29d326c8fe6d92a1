package io.express4j.server;

import io.express4j.http.HeaderMap;
import io.express4j.log.Logs;
import io.express4j.send.FileSegment;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * One request and the wire side of its response. The request head is immutable; the body streams in through
 * {@link #body()}. The response methods take headers that the caller has already decided on (Node's framing rules
 * live above this layer) and put them on the wire in order; they may be called from any thread.
 *
 * <p>Body writes coalesce as Node's do: {@link #writeBody} frames the bytes into a {@link PendingBody} and asks the
 * event loop to send it; whatever is written before the event loop gets there leaves with it, with one flush. Nothing waits for a timer, so a lone write (an event of a server-sent stream) leaves at once.
 *
 * <p>{@link #writeBody} blocks while the pending bytes and the channel's outbound buffer together exceed the
 * channel's high-water mark, so a handler that streams to a slow client waits instead of queueing memory: that is
 * the backpressure Express users must arrange by hand with {@code drain}. On the event loop itself it never blocks.
 */
public final class HttpExchange {
    private static final Logger log = Logs.get(HttpExchange.class);
    /** A literal address: no lookup happens. */
    private static final InetSocketAddress IN_PROCESS_PEER = new InetSocketAddress("127.0.0.1", 0);

    private final HttpRequest request;
    private final Channel channel;
    private final ConnectionHandler connection;
    private final RequestBody body;
    private volatile Thread blockedWriter;
    /** With the head: whether body bytes are dropped, or framed as chunks. */
    private boolean bodyless;

    private boolean chunked;
    /** Body bytes written and not yet taken by the event loop; null until the first write. */
    private volatile PendingBody pending;

    private volatile boolean headSent;
    private volatile boolean finished;
    private boolean revoked;
    private final List<Consumer<Throwable>> closeHooks = new ArrayList<>(0);
    /** Hooks that never block, run where the exchange ends ({@link #onCloseInline}); guarded by closeHooks. */
    private List<Consumer<Throwable>> inlineCloseHooks;

    private boolean closed;
    /** Why the exchange ended before its response was written completely; null while open or once written. */
    private Throwable closeCause;

    /** {@code Expect: 100-continue} and the interim response not sent yet. */
    private volatile boolean continueAwaited;

    HttpExchange(
            HttpRequest request,
            Channel channel,
            ConnectionHandler connection,
            RequestBody body,
            boolean expectsContinue) {
        this.request = request;
        this.channel = channel;
        this.connection = connection;
        this.body = body;
        if (expectsContinue) {
            continueAwaited = true;
            body.onFirstRead(this::bodyWanted);
        }
    }

    // ---- request ----

    public String method() {
        return request.method().name();
    }

    /** The request target exactly as sent (origin-form {@code /path?query}, or absolute-form). */
    public String uri() {
        return request.uri();
    }

    /** {@code "1.1"} or {@code "1.0"}, as Node's {@code req.httpVersion}. */
    public String httpVersion() {
        HttpVersion v = request.protocolVersion();
        return v.majorVersion() + "." + v.minorVersion();
    }

    public boolean isHttp11() {
        return request.protocolVersion().minorVersion() >= 1
                || request.protocolVersion().majorVersion() > 1;
    }

    /** First value of a request header (case-insensitive), or null. */
    public String header(String name) {
        return request.headers().get(name);
    }

    /** All values of a request header in order; empty when absent. */
    public List<String> headers(String name) {
        return request.headers().getAll(name);
    }

    /** Every request header line in arrival order, names as sent. */
    public Iterable<Map.Entry<String, String>> headerLines() {
        return request.headers();
    }

    /**
     * Whether the client asked to keep the connection open (HTTP/1.1 unless {@code Connection: close}; HTTP/1.0
     * only with {@code Connection: keep-alive}) and the server is not shutting down.
     */
    public boolean keepAlive() {
        if (connection.isClosing()) return false;
        // The client was told neither to send its body nor not to: what follows on the connection may be that
        // body or the next request, so the connection cannot be reused.
        if (continueAwaited && bodyDeclared() && !body.isEnded()) return false;
        HttpHeaders h = request.headers();
        if (isHttp11()) return !h.containsValue(HttpHeaderNames.CONNECTION, "close", true);
        return h.containsValue(HttpHeaderNames.CONNECTION, "keep-alive", true);
    }

    /** The keep-alive timeout announced in {@code Keep-Alive: timeout=N}, in whole seconds. */
    public long keepAliveTimeoutSeconds() {
        return connection.keepAliveTimeoutMillis() / 1000;
    }

    /**
     * The {@code Keep-Alive} header value: {@code timeout=5}, plus {@code , max=N} when requests are capped; null
     * when the server has no keep-alive timeout.
     */
    public String keepAliveHeader() {
        return connection.keepAliveHeader();
    }

    /** The peer's address; an in-process connection's peer is this process, so it reads as 127.0.0.1. */
    public InetSocketAddress remoteAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress address ? address : IN_PROCESS_PEER;
    }

    public InetSocketAddress localAddress() {
        return channel.localAddress() instanceof InetSocketAddress address ? address : IN_PROCESS_PEER;
    }

    /**
     * Whether the connection is encrypted (Node's {@code req.socket.encrypted}): TLS on this channel or, for a
     * stream of a multiplexed connection, on the connection's.
     */
    public boolean encrypted() {
        for (Channel c = channel; c != null; c = c.parent()) {
            if (c.pipeline().get(SslHandler.class) != null) return true;
        }
        return false;
    }

    /** The request body; reads block until data arrives, -1 at its end. */
    public InputStream body() {
        return body;
    }

    /** Whether the body has been read to its end (Node's {@code req.readableEnded}). */
    public boolean bodyFinished() {
        return body.isFinished();
    }

    /** Whether the caller runs on this exchange's event loop (where nothing may block). */
    public boolean onEventLoop() {
        return channel.eventLoop().inEventLoop();
    }

    /**
     * Runs {@code rest} on a new virtual thread, for a listener that began on the event loop and reached code that
     * may block; what it lets escape is handled as from {@link RequestListener#onRequest}.
     */
    public void continueOnVirtualThread(Runnable rest) {
        connection.continueOnVirtualThread(this, rest);
    }

    /** Whether the head announces a body: chunked, or a Content-Length above zero. */
    private boolean bodyDeclared() {
        HttpHeaders h = request.headers();
        if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) return true;
        String length = h.get(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && !length.equals("0");
    }

    /**
     * A handler reads the body for the first time: a client waiting on {@code Expect: 100-continue} is told to send
     * it, unless the final response has begun. Under the head's lock, so the interim response is queued before any
     * final head.
     */
    private synchronized void bodyWanted() {
        if (!continueAwaited || headSent || revoked) return;
        continueAwaited = false;
        connection.bodyWanted(this);
        channel.writeAndFlush(
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER),
                channel.voidPromise());
    }

    /** Whether the client still waits for a 100 Continue that was never sent. */
    boolean continueAwaited() {
        return continueAwaited;
    }

    // ---- response ----

    /**
     * Node's rule for whether a response may have a body: not for a HEAD request, nor for a 1xx, 204 or 304 status.
     * Where it may not, no framing header is added and body bytes are dropped.
     */
    public boolean bodyAllowed(int status) {
        return !request.method().equals(HttpMethod.HEAD)
                && status != 204
                && status != 304
                && (status < 100 || status > 199);
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    public boolean isFinished() {
        return finished;
    }

    /**
     * Queues the response head; it leaves with the next body write or {@link #end}, or at once with {@code flush}.
     */
    public void writeHead(int status, String reason, HeaderMap headers, boolean flush) {
        bodyless = !bodyAllowed(status);
        chunked = NodeHttpCodec.chunked(headers);
        HttpResponse head = new NodeHttpCodec.Head(status(status, reason), headers, chunked, bodyless);
        claimHead();
        if (flush) channel.writeAndFlush(head, channel.voidPromise());
        else channel.write(head, channel.voidPromise());
    }

    /**
     * Writes a piece of the body (after {@link #writeHead}), blocking while the client is not keeping up. The bytes
     * are copied: the caller may reuse the array at once. For a bodyless response they are dropped.
     */
    public void writeBody(byte[] data, int offset, int length) {
        if (!headSent) throw new IllegalStateException("the head must be written first");
        ensureOpen();
        if (bodyless || length == 0) return;
        PendingBody body = pending;
        // made by the writer, once: a connection lost before then has nothing to release, and writes after it fail
        if (body == null) pending = body = new PendingBody(channel.alloc(), chunked);
        if (body.append(data, offset, length)) queueDrain();
        if (!channel.eventLoop().inEventLoop()) awaitRoom(body);
    }

    /** Ends the response after {@link #writeHead}, with an optional last piece of body. */
    public void end(byte[] last, boolean close) {
        if (!headSent) throw new IllegalStateException("the head must be written first");
        writePending();
        ByteBuf content = last == null || last.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(last);
        finish(content.isReadable() ? new DefaultLastHttpContent(content) : LastHttpContent.EMPTY_LAST_CONTENT, close);
    }

    /** Head, body and end in one write and one flush: the common case of {@code res.send}. */
    public void respond(int status, String reason, HeaderMap headers, byte[] body, boolean close) {
        ByteBuf content = body == null || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        HttpResponse response = new NodeHttpCodec.Full(
                status(status, reason), headers, NodeHttpCodec.chunked(headers), content, !bodyAllowed(status));
        claimHead();
        finish(response, close);
    }

    /**
     * Answers the request with {@code 101 Switching Protocols} and {@code headers} (the handshake's, decided above
     * this layer) and turns the connection into a WebSocket one: from the 101 on, its bytes are frames. Returns at
     * once; messages the peer sends wait in the connection until {@link WebSocketConnection#start}.
     */
    public WebSocketConnection switchToWebSocket(HeaderMap headers, WebSocketSettings settings) {
        claimHead();
        finished = true;
        WebSocketConnection webSocket = new WebSocketConnection(channel, settings);
        HttpResponse head = new NodeHttpCodec.Full(
                HttpResponseStatus.SWITCHING_PROTOCOLS, headers, false, Unpooled.EMPTY_BUFFER, true);
        channel.eventLoop().execute(() -> {
            ChannelPromise written = channel.newPromise();
            written.addListener((ChannelFutureListener) f -> closed(f.isSuccess() ? null : f.cause()));
            // encoded by the HTTP codec now, before the pipeline loses it; the frames' codec takes the next bytes
            channel.write(head, written);
            connection.switchToWebSocket(webSocket);
            channel.flush();
        });
        return webSocket;
    }

    /**
     * Ends the response after {@link #writeHead} with a body taken from an open file: each segment's prefix as bytes
     * and its range of the file as a {@link DefaultFileRegion} (sendfile on a plain connection: page cache to socket,
     * no copy through the heap), then {@code trailer} with the end. Every region shares the one channel, which is
     * closed when the last write has completed or failed; {@code done} then gets null or the failure, on the event
     * loop.
     */
    public void writeFile(
            FileChannel file, List<FileSegment> segments, byte[] trailer, boolean close, Consumer<Throwable> done) {
        // listen before writing: a listener added after completion is notified by a task, which a shutting-down
        // event loop may refuse, and then the file would stay open
        ChannelPromise end = channel.newPromise();
        end.addListener((ChannelFutureListener) f -> {
            closeQuietly(file);
            done.accept(f.isSuccess() ? null : f.cause());
        });
        try {
            if (!headSent) throw new IllegalStateException("the head must be written first");
            writePending();
            for (FileSegment segment : segments) {
                if (segment.prefix().length > 0) {
                    channel.write(Unpooled.wrappedBuffer(segment.prefix()), channel.voidPromise());
                }
                if (segment.count() > 0) channel.write(fileBody(file, segment), channel.voidPromise());
            }
        } catch (RuntimeException | Error e) {
            closeQuietly(file);
            throw e;
        }
        finish(
                trailer.length == 0
                        ? LastHttpContent.EMPTY_LAST_CONTENT
                        : new DefaultLastHttpContent(Unpooled.wrappedBuffer(trailer)),
                close,
                end);
    }

    private void finish(Object last, boolean close) {
        finish(last, close, channel.newPromise());
    }

    private void finish(Object last, boolean close, ChannelPromise promise) {
        finished = true;
        promise.addListener((ChannelFutureListener) f -> {
            connection.responseFinished(this, close || !f.isSuccess());
            closed(f.isSuccess() ? null : f.cause());
        });
        channel.writeAndFlush(last, promise);
    }

    /**
     * A segment's bytes: a zero-copy region on a socket; where there is no sendfile (a channel without a socket,
     * whose pipeline then holds a {@link ChunkedWriteHandler}), chunks read from the file as the channel takes them.
     */
    private Object fileBody(FileChannel file, FileSegment segment) {
        if (channel.pipeline().get(ChunkedWriteHandler.class) == null) {
            return new SharedFileRegion(file, segment.position(), segment.count());
        }
        try {
            return new SharedFileChunks(file, segment.position(), segment.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chunks of a file the response owns: like {@link SharedFileRegion}, finishing must not close the file. */
    private static final class SharedFileChunks extends ChunkedNioFile {
        SharedFileChunks(FileChannel file, long position, long count) throws IOException {
            super(file, position, count, 16 * 1024);
        }

        @Override
        public void close() {
            // the exchange closes the channel once the whole response is written
        }
    }

    /** A region of a channel the response owns: releasing the region must not close the file under its siblings. */
    private static final class SharedFileRegion extends DefaultFileRegion {
        SharedFileRegion(FileChannel file, long position, long count) {
            super(file, position, count);
        }

        @Override
        protected void deallocate() {
            // the exchange closes the channel once the whole response is written
        }
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing useful to do about a failed close of a read-only channel
        }
    }

    /** Drops the connection without finishing the response (Node's {@code socket.destroy()}). */
    public void abort() {
        finished = true;
        // what the handler wrote leaves before the close, as in Node, where each write reached the socket at once
        if (writePending()) channel.flush();
        channel.close();
        closed(new IOException("the response was aborted"));
    }

    /**
     * Runs {@code hook} once the response has been written completely or the connection is gone (Node's
     * {@code 'close'} event) — at once if that already happened. Hooks run on a virtual thread, so they may block.
     */
    public void onClose(Runnable hook) {
        onClose(cause -> hook.run());
    }

    /**
     * As {@link #onClose(Runnable)}, telling the hook how the exchange ended: null when the response's last byte
     * was handed to the socket, else why it was not (the write failed, the connection closed, the response was
     * aborted). Hooks run in the order they were added.
     */
    public void onClose(Consumer<Throwable> hook) {
        Throwable cause;
        synchronized (closeHooks) {
            if (!closed) {
                closeHooks.add(hook);
                return;
            }
            cause = closeCause;
        }
        Thread.ofVirtual().start(() -> runQuietly(hook, cause));
    }

    /**
     * As {@link #onClose(Consumer)} for a hook that never blocks: it runs on the thread that ends the exchange
     * (the event loop, usually), before the other hooks and without a virtual thread of its own — at once on the
     * caller's thread if the exchange is already over. Metrics and tracing save a thread hop per request.
     */
    public void onCloseInline(Consumer<Throwable> hook) {
        Throwable cause;
        synchronized (closeHooks) {
            if (!closed) {
                if (inlineCloseHooks == null) inlineCloseHooks = new ArrayList<>(2);
                inlineCloseHooks.add(hook);
                return;
            }
            cause = closeCause;
        }
        runQuietly(hook, cause);
    }

    /** Whether {@link #closed} has run: the close hooks have been or are being told. */
    boolean closeReported() {
        synchronized (closeHooks) {
            return closed;
        }
    }

    /** The exchange is over: written ({@code cause} null), aborted, or its connection lost. */
    void closed(Throwable cause) {
        releasePending();
        List<Consumer<Throwable>> inline;
        List<Consumer<Throwable>> hooks;
        synchronized (closeHooks) {
            if (closed) return;
            closed = true;
            closeCause = cause;
            inline = inlineCloseHooks;
            inlineCloseHooks = null;
            hooks = closeHooks.isEmpty() ? null : List.copyOf(closeHooks);
            closeHooks.clear();
        }
        if (inline != null) inline.forEach(hook -> runQuietly(hook, cause));
        if (hooks != null) Thread.ofVirtual().start(() -> hooks.forEach(hook -> runQuietly(hook, cause)));
    }

    private static void runQuietly(Consumer<Throwable> hook, Throwable cause) {
        try {
            hook.accept(cause);
        } catch (RuntimeException e) {
            log.warn("a response close hook failed", e);
        }
    }

    /** The head is the handler's to send unless the server answered this request itself (see {@link #revoke}). */
    private synchronized void claimHead() {
        if (revoked) throw new UncheckedIOException(new IOException("the server already answered this request"));
        headSent = true;
    }

    /**
     * Event loop: the server answers this request itself (a request timeout, a malformed body) if no head has gone
     * out yet; the handler's later writes then fail. Returns false when the handler's head went first.
     */
    synchronized boolean revoke() {
        if (headSent) return false;
        revoked = true;
        finished = true;
        return true;
    }

    // ---- connection events (event loop) ----

    RequestBody requestBody() {
        return body;
    }

    void writabilityChanged() {
        Thread t = blockedWriter;
        if (t != null) LockSupport.unpark(t);
    }

    // ---- body coalescing ----

    private void queueDrain() {
        try {
            channel.eventLoop().execute(this::drain);
        } catch (RejectedExecutionException e) {
            releasePending();
            throw new UncheckedIOException(new IOException("the server is shutting down", e));
        }
    }

    /** Event loop: sends whatever has been written since the last drain, with one flush. */
    private void drain() {
        if (writePending()) channel.flush();
        writabilityChanged();
    }

    /** Queues the pending bytes, before whatever the caller writes next; returns whether there were any. */
    private boolean writePending() {
        PendingBody body = pending;
        if (body == null) return false;
        ByteBuf[] chunks = body.take();
        for (ByteBuf chunk : chunks) channel.write(new NodeHttpCodec.FramedBody(chunk), channel.voidPromise());
        return chunks.length > 0;
    }

    private void releasePending() {
        PendingBody body = pending;
        if (body != null) body.release();
    }

    /**
     * Parks the writer while the bytes not yet taken by the event loop and those in the channel's outbound buffer
     * exceed the high-water mark; woken when the event loop takes the pending bytes or the channel drains.
     */
    private void awaitRoom(PendingBody body) {
        if (body.bytes() < channel.bytesBeforeUnwritable()) return;
        blockedWriter = Thread.currentThread();
        try {
            while (body.bytes() >= channel.bytesBeforeUnwritable() && channel.isActive()) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            }
        } finally {
            blockedWriter = null;
        }
        ensureOpen();
    }

    private void ensureOpen() {
        if (!channel.isActive()) {
            throw new UncheckedIOException(new IOException("the client closed the connection"));
        }
    }

    private static HttpResponseStatus status(int code, String reason) {
        HttpResponseStatus standard = HttpResponseStatus.valueOf(code);
        return standard.reasonPhrase().equals(reason) ? standard : new HttpResponseStatus(code, reason);
    }
}

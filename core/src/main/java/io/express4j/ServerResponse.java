package io.express4j;

import io.express4j.http.HeaderMap;
import io.express4j.http.HeaderValidation;
import io.express4j.http.HttpDates;
import io.express4j.http.StatusCodes;
import io.express4j.routing.NonBlocking;
import io.express4j.send.FileSegment;
import io.express4j.server.HttpExchange;
import io.express4j.server.WebSocketConnection;
import io.express4j.server.WebSocketSettings;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The layer under Express's response: Node's {@code http.ServerResponse}. It owns the status, the header store and
 * the framing rules Node applies when the head is serialised — {@code Date}, {@code Connection}/{@code Keep-Alive},
 * and {@code Content-Length} only when {@code end(data)} comes before any write, chunked otherwise — and it drops
 * body bytes for HEAD, 204 and 304 as Node does. {@link Response} adds Express's methods on top; they only decide
 * headers and then call {@link #end}.
 *
 * @param <R> the response type users hold ({@link Response}): what the chainable methods here return, so that
 *     {@code res.setHeader(…).status(201).send(…)} goes on with Express's methods
 */
public class ServerResponse<R extends ServerResponse<R>> {
    private static final byte[] EMPTY = new byte[0];

    final HttpExchange exchange;
    final String requestMethod;
    private final HeaderMap headers = new HeaderMap();
    private int statusCode = 200;
    private String statusMessage;
    private boolean headersSent;
    private boolean headFlushed;
    private boolean finished;
    private boolean hasBody;
    private boolean closeAfter;
    /** on-headers listeners in the order added; null until one is (most responses have none). */
    private List<Runnable> headerListeners;
    /** Hooks run as the response is ended, before its last bytes (and head, if not yet sent) go out. */
    private List<Runnable> endListeners;
    /** The compressor the body passes through, once compression chose one for this response; else null. */
    private BodyEncoder encoder;
    /**
     * While {@code end(data)} decides the head: the length of {@code data} when no Content-Length is set (what
     * compression estimates the body by), else -1.
     */
    private long endingLength = -1;

    ServerResponse(HttpExchange exchange, String requestMethod) {
        this.exchange = exchange;
        this.requestMethod = requestMethod;
    }

    /** This response as the type users hold (the only subclass is {@code Response}). */
    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    // ---- status and headers ----

    public int statusCode() {
        return statusCode;
    }

    /** Node's {@code res.statusCode = n}: no validation beyond what the wire needs. */
    public R statusCode(int code) {
        checkStatus(code);
        this.statusCode = code;
        return self();
    }

    /** The reason phrase; null until set or until the head is written with the standard one. */
    public String statusMessage() {
        return statusMessage;
    }

    /** Sets the reason phrase; CR, LF and other characters a header value may not hold are refused, as Node does. */
    public R statusMessage(String message) {
        if (message != null && HeaderValidation.hasInvalidValueChar(message)) {
            throw new IllegalArgumentException("Invalid character in statusMessage");
        }
        this.statusMessage = message;
        return self();
    }

    public boolean headersSent() {
        return headersSent;
    }

    /** Whether {@code end} has been called (Node's {@code writableEnded}). */
    public boolean finished() {
        return finished;
    }

    public R setHeader(String name, String value) {
        checkHeader(name, value);
        headers.set(name, value);
        return self();
    }

    /** A multi-value header: one line per element on the wire. */
    public R setHeader(String name, List<String> values) {
        for (String v : values) checkHeader(name, v);
        headers.set(name, values);
        return self();
    }

    /** The stored value: a {@code String}, a {@code List<String>}, or null. */
    public Object getHeader(String name) {
        return headers.get(name);
    }

    public boolean hasHeader(String name) {
        return headers.contains(name);
    }

    /** Node's {@code res.getHeaderNames()}: the names lower-cased (Node keys its header store by them), in order. */
    public List<String> getHeaderNames() {
        List<String> names = headers.names();
        names.replaceAll(name -> name.toLowerCase(Locale.ROOT));
        return names;
    }

    public R removeHeader(String name) {
        if (headersSent) throw new IllegalStateException("Cannot remove headers after they are sent to the client");
        headers.remove(name);
        return self();
    }

    /**
     * For headers whose names are constants and whose values the framework computed (lengths, ETags, types it
     * formatted itself): nothing a user passed in, so nothing to validate on the hot path.
     */
    void setComputedHeader(String name, String value) {
        if (headersSent) throw new IllegalStateException("Cannot set headers after they are sent to the client");
        headers.set(name, value);
    }

    HeaderMap headerMap() {
        return headers;
    }

    private void checkHeader(String name, String value) {
        if (headersSent) throw new IllegalStateException("Cannot set headers after they are sent to the client");
        HeaderValidation.validateName(name);
        HeaderValidation.validateValue(name, value);
    }

    private static void checkStatus(int code) {
        if (code < 100 || code > 999) throw new IllegalArgumentException("Invalid status code: " + code);
    }

    // ---- head ----

    /** Node's {@code writeHead(status)}: serialises the head now; it goes out with the first body bytes. */
    public R writeHead(int status) {
        return writeHead(status, null, Map.of());
    }

    public R writeHead(int status, Map<String, ?> extra) {
        return writeHead(status, null, extra);
    }

    /** Node's {@code writeHead(status, reason, headers)}: the given headers are merged over the stored ones. */
    @SuppressWarnings("unchecked")
    public R writeHead(int status, String reason, Map<String, ?> extra) {
        if (headersSent) throw new IllegalStateException("Cannot write headers after they are sent to the client");
        checkStatus(status);
        if (reason != null && HeaderValidation.hasInvalidValueChar(reason)) {
            throw new IllegalArgumentException("Invalid character in statusMessage");
        }
        statusCode = status;
        extra.forEach((name, value) -> {
            if (value instanceof List<?> list) setHeader(name, (List<String>) list);
            else setHeader(name, String.valueOf(value));
        });
        runHeaderListeners();
        // on-headers passes a status a listener changed on alone: the reason given with the old one is dropped
        if (reason != null && statusCode == status) statusMessage = reason;
        storeHead(-1);
        return self();
    }

    /** Sends the head at once; the body is then chunked because its length is not known. */
    public void flushHeaders() {
        implicitHead();
        flushHead(true);
    }

    /**
     * npm on-headers: runs {@code listener} once, just before the head is written (by {@code writeHead}, the first
     * {@code write}, {@code end}, {@code send}, a file, a 304 …), when the status and headers may still be changed.
     * Listeners run last-added first, as on-headers' nested {@code writeHead} wrappers do; one added after the head
     * was written never runs. What a listener throws comes out of the call that was writing the head.
     */
    public void onHeaders(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        if (headersSent) return;
        if (headerListeners == null) headerListeners = new ArrayList<>(2);
        headerListeners.add(listener);
    }

    /**
     * Runs {@code listener} once when the response is being ended ({@code end}, {@code send}, a file…), before
     * anything of that call is written: what express-session does by wrapping {@code res.end} to save the session
     * first. What it throws comes out of the ending call with the response untouched, so the error can still be
     * answered.
     */
    void beforeEnd(Runnable listener) {
        if (finished) return;
        if (endListeners == null) endListeners = new ArrayList<>(1);
        endListeners.add(listener);
    }

    private void runEndListeners() {
        List<Runnable> listeners = endListeners;
        if (listeners == null) return;
        endListeners = null;
        for (Runnable listener : listeners) listener.run();
    }

    /** Node's {@code _implicitHeader}: the head of a response whose writer never called {@code writeHead}. */
    private void implicitHead() {
        if (headersSent) return;
        runHeaderListeners();
        storeHead(-1);
    }

    /** compression's on-headers listener: from now on the body is compressed by {@code encoder}. */
    void encodeBody(BodyEncoder encoder) {
        this.encoder = encoder;
    }

    /** See {@link #endingLength}. */
    long endingLength() {
        return endingLength;
    }

    private void runHeaderListeners() {
        List<Runnable> listeners = headerListeners;
        if (listeners == null) return;
        headerListeners = null; // each runs once, even when one throws (on-headers marks itself fired first)
        for (int i = listeners.size() - 1; i >= 0; i--) listeners.get(i).run();
    }

    /**
     * Node's {@code _storeHeader}: adds Date, Connection/Keep-Alive and the framing header after the user's own,
     * in that order. {@code knownLength} is the body length when {@code end(data)} precedes every write, else -1.
     */
    private void storeHead(long knownLength) {
        headersSent = true;
        if (statusMessage == null) statusMessage = StatusCodes.reasonOrUnknown(statusCode);
        hasBody = exchange.bodyAllowed(statusCode);
        boolean keepAlive = exchange.keepAlive();
        // HTTP/1.0 clients cannot take chunked bodies unless they said so with a TE header.
        String te = exchange.isHttp11() ? "chunked" : exchange.header("TE");
        boolean chunkedByDefault = te != null && te.toLowerCase().contains("chunked");
        boolean userLength = headers.contains("Content-Length");
        String userEncoding = headers.getString("Transfer-Encoding");
        if (!headers.contains("Date")) headers.set("Date", HttpDates.format(System.currentTimeMillis()));
        String connection = headers.getString("Connection");
        if (connection == null) {
            if (keepAlive && (userLength || chunkedByDefault)) {
                headers.set("Connection", "keep-alive");
                String keepAliveHeader = exchange.keepAliveHeader();
                if (keepAliveHeader != null) headers.set("Keep-Alive", keepAliveHeader);
            } else {
                closeAfter = true;
                headers.set("Connection", "close");
            }
        } else if (connection.toLowerCase().contains("close") || !keepAlive) {
            closeAfter = true;
        }
        if (!userLength && userEncoding == null && hasBody) {
            if (!chunkedByDefault) closeAfter = true; // the body ends when the connection does
            else if (knownLength >= 0) headers.set("Content-Length", Long.toString(knownLength));
            else headers.set("Transfer-Encoding", "chunked");
        }
    }

    /** Node sends no body for HEAD, 204, 304 and 1xx; once the head is stored, its decision stands. */
    boolean bodyAllowed() {
        return headersSent ? hasBody : exchange.bodyAllowed(statusCode);
    }

    private void flushHead(boolean flush) {
        if (headFlushed) return;
        headFlushed = true;
        exchange.writeHead(statusCode, statusMessage, headers, flush);
    }

    // ---- body ----

    /** Node's {@code res.write}: sends the head first if needed, then the chunk; blocks while the client lags. */
    public boolean write(String chunk) {
        return write(chunk.getBytes(StandardCharsets.UTF_8));
    }

    public boolean write(byte[] chunk) {
        if (finished) throw new IllegalStateException("write after end");
        implicitHead();
        if (!hasBody || chunk.length == 0) {
            flushHead(true);
            return true;
        }
        if (encoder != null) {
            chunk = encodeOrRelease(chunk);
            if (chunk.length == 0) return true; // the compressor holds it until more comes, a flush or the end
        }
        flushHead(false);
        writeOrRelease(chunk);
        return true;
    }

    /**
     * compression's {@code res.flush()}: what the compressor holds goes out now, decodable on its own — so
     * server-sent events reach the client under compression. Without a compressor every write already left.
     */
    public void flush() {
        if (encoder == null || finished || !headersSent) return;
        byte[] held = encodeOrRelease(null);
        flushHead(held.length == 0);
        if (held.length > 0) writeOrRelease(held);
    }

    private byte[] encodeOrRelease(byte[] chunk) {
        try {
            return chunk == null ? encoder.flush() : encoder.encode(chunk);
        } catch (RuntimeException e) {
            encoder.release();
            throw e;
        }
    }

    private void writeOrRelease(byte[] bytes) {
        if (encoder == null) {
            exchange.writeBody(bytes, 0, bytes.length);
            return;
        }
        try {
            exchange.writeBody(bytes, 0, bytes.length);
        } catch (RuntimeException e) {
            encoder.release(); // the client is gone: free the codec's native memory now
            throw e;
        }
    }

    /** Node's {@code res.end()}: finishes the response; a second call is a no-op. */
    public void end() {
        if (finished) return;
        endWith(EMPTY);
    }

    public void end(String data) {
        end(data.getBytes(StandardCharsets.UTF_8));
    }

    public void end(byte[] data) {
        if (finished) throw new IllegalStateException("write after end");
        endWith(data);
    }

    private void endWith(byte[] data) {
        runEndListeners();
        if (!headersSent) {
            endingLength = headers.contains("Content-Length") ? -1 : data.length;
            try {
                runHeaderListeners();
            } finally {
                endingLength = -1;
            }
        }
        finished = true;
        if (encoder != null) {
            endEncoded(data);
            return;
        }
        if (!headersSent) {
            storeHead(data.length);
            headFlushed = true;
            exchange.respond(statusCode, statusMessage, headers, hasBody ? data : EMPTY, closeAfter);
            return;
        }
        flushHead(false);
        exchange.end(hasBody ? data : EMPTY, closeAfter);
    }

    /** The end of a compressed body: chunked, since its length is known only once it is compressed. */
    private void endEncoded(byte[] data) {
        if (!headersSent) storeHead(-1);
        byte[] last;
        try {
            last = encoder.finish(hasBody ? data : EMPTY);
        } catch (RuntimeException e) {
            encoder.release();
            throw e;
        }
        if (!headFlushed) {
            headFlushed = true;
            exchange.respond(statusCode, statusMessage, headers, hasBody ? last : EMPTY, closeAfter);
            return;
        }
        exchange.end(hasBody ? last : EMPTY, closeAfter);
    }

    /**
     * Ends the response with the bytes of a file, as {@code fs.createReadStream(file).pipe(res)} would, but with zero
     * copy: the head is stored by Node's rules as for a {@link #write} (the caller sets {@code Content-Length}), then
     * the segments go to the socket as file regions. The file is opened here, on the calling thread, before anything
     * is committed, so an {@link IOException} leaves the response untouched; once opened it is closed when the
     * writes complete or fail. {@code done} gets null or the failure (on the event loop). With no body to send
     * (HEAD, 204, 304) the file is not opened and the response simply ends.
     */
    void endWithFile(Path file, List<FileSegment> segments, byte[] trailer, Consumer<Throwable> done)
            throws IOException {
        if (finished) throw new IllegalStateException("write after end");
        if (!bodyAllowed()) {
            end();
            done.accept(null);
            return;
        }
        runEndListeners();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            implicitHead();
            if (encoder != null) {
                compressFile(channel, segments, trailer, done);
                return;
            }
            finished = true;
            flushHead(false);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
        exchange.writeFile(channel, segments, trailer, closeAfter, done);
    }

    /**
     * A file under compression: no zero-copy, the bytes are read here and pass through the compressor, a block at a
     * time so memory stays bounded; {@code done} is told as for a zero-copy file.
     */
    private void compressFile(FileChannel channel, List<FileSegment> segments, byte[] trailer, Consumer<Throwable> done)
            throws IOException {
        Throwable failure = null;
        try (channel) {
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            for (FileSegment segment : segments) {
                if (segment.prefix().length > 0) write(segment.prefix());
                long position = segment.position();
                long end = position + segment.count();
                while (position < end) {
                    block.clear().limit((int) Math.min(block.capacity(), end - position));
                    int n = channel.read(block, position);
                    if (n < 0) throw new EOFException("the file ended before its expected length");
                    position += n;
                    write(Arrays.copyOf(block.array(), n));
                }
            }
            end(trailer);
        } catch (IOException | RuntimeException e) {
            failure = e;
            if (encoder != null) encoder.release();
            destroy(); // the head is out: the client can only learn of the failure by the connection closing
        }
        done.accept(failure);
    }

    /**
     * The {@code 101 Switching Protocols} of a WebSocket handshake, with the stored headers (the handshake's and
     * whatever middleware set): end listeners (a session's save) and on-headers listeners run first, as for any
     * response; nothing is added (ws writes no Date either). The response is then finished and the connection
     * belongs to the returned WebSocket.
     */
    WebSocketConnection switchProtocols(WebSocketSettings settings) {
        if (headersSent) throw new IllegalStateException("Cannot switch protocols after the headers are sent");
        statusCode = 101;
        runEndListeners();
        runHeaderListeners();
        statusCode = 101;
        statusMessage = StatusCodes.reasonOrUnknown(101);
        headersSent = true;
        headFlushed = true;
        finished = true;
        hasBody = false;
        return exchange.switchToWebSocket(headers, settings);
    }

    /** Whether the client is still connected. */
    boolean connectionOpen() {
        return exchange.isOpen();
    }

    /**
     * Runs {@code hook} once this response has been written completely or its connection is gone (Node's
     * {@code res.on('close')}); at once when that already happened. Hooks run on a virtual thread.
     */
    public void onClose(Runnable hook) {
        exchange.onClose(hook);
    }

    /**
     * npm on-finished: runs {@code listener} once the response has been written completely (with null) or once its
     * connection closed first (with a {@link ClientAbortException} whose cause says why) — at once, with that
     * outcome, when it is already over. Listeners run in the order added, on a virtual thread, so they may block.
     * A listener marked with {@code Express.nonBlocking} runs instead on the thread that finishes the response
     * (usually the event loop), before the others, without that thread hop: it must never block.
     */
    public void onFinished(Consumer<Throwable> listener) {
        Objects.requireNonNull(listener, "listener");
        Consumer<Throwable> outcome = cause -> listener.accept(cause == null ? null : new ClientAbortException(cause));
        if (listener instanceof NonBlocking) exchange.onCloseInline(outcome);
        else exchange.onClose(outcome);
    }

    /** Drops the connection: what Node's final handler does when an error strikes after the head was sent. */
    void destroy() {
        finished = true;
        exchange.abort();
    }
}

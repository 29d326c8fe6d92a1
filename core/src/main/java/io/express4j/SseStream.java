package io.express4j;

import io.express4j.http.EventStreamFormat;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A server-sent event stream on a response, made by {@link Response#sse()}: the head is already on the wire, and
 * each call writes one message that leaves at once. Writes are {@code res.write} underneath, so {@code send} blocks
 * while the client is not reading instead of queueing memory. Any thread may send; messages never interleave.
 *
 * <p>The stream ends with {@link #close()} or when the client leaves; then {@link #closed()} is true and the
 * {@link #onClose} hooks run, so a producer loop can stop. A send after the client left throws
 * {@link ClientAbortException}; a send after {@code close()} throws {@link IllegalStateException}. For a HEAD
 * request the head is the whole answer: the stream is closed at once and sends are dropped, as Node drops body
 * writes for HEAD.
 *
 * <p>While nothing is sent for the heartbeat interval a comment goes out, so that proxies and load balancers
 * do not drop a quiet connection and a vanished client is noticed.
 */
public final class SseStream {
    /** Between 10 and 30 s, what proxies' idle timeouts (often 30–60 s) need; better-sse uses 10 s. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    private static final byte[] HEARTBEAT = EventStreamFormat.comment("heartbeat");

    private final Response res;
    private final boolean bodyless;
    private final long heartbeatNanos;
    /** Serialises writes: {@code ServerResponse} is not thread-safe, and a message must leave whole. */
    private final ReentrantLock writing = new ReentrantLock();

    private volatile boolean ended;
    private volatile boolean clientGone;
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile Thread heartbeat;

    private SseStream(Response res, boolean bodyless, Duration heartbeatInterval) {
        this.res = res;
        this.bodyless = bodyless;
        this.heartbeatNanos = heartbeatInterval.toNanos();
    }

    /** Sends the head of an event stream on {@code res} and starts the heartbeat (none for a zero interval). */
    static SseStream open(Response res, Duration heartbeatInterval) {
        if (heartbeatInterval.isNegative()) throw new IllegalArgumentException("heartbeat interval cannot be negative");
        if (res.headersSent()) throw new IllegalStateException("Cannot start an event stream after the head was sent");
        res.setHeader("Content-Type", EventStreamFormat.CONTENT_TYPE);
        if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "no-cache");
        res.removeHeader("Content-Length"); // a stream has no length; Node then frames it as chunks
        res.async(); // the stream outlives the handler when events come from elsewhere
        res.flushHeaders();
        SseStream stream = new SseStream(res, !res.exchange.bodyAllowed(res.statusCode()), heartbeatInterval);
        res.onClose(stream::connectionOver);
        if (stream.bodyless) {
            stream.ended = true;
            res.end();
        } else if (!heartbeatInterval.isZero()) {
            stream.heartbeat = Thread.ofVirtual().name("sse-heartbeat").start(stream::beat);
        }
        return stream;
    }

    /** A message of data only: the browser fires a {@code message} event. */
    public SseStream send(String data) {
        return write(EventStreamFormat.message(null, data, null));
    }

    /** A message with an event name: the browser fires an event of that type. */
    public SseStream send(String event, String data) {
        return write(EventStreamFormat.message(event, data, null));
    }

    /**
     * A message with an event name (null for {@code message}) and an id the browser sends back as
     * {@code Last-Event-ID} when it reconnects.
     *
     * @throws IllegalArgumentException an id holding CR, LF or NUL, or an event name holding CR or LF
     */
    public SseStream send(String event, String data, String id) {
        return write(EventStreamFormat.message(event, data, id));
    }

    /** A comment line (one per line of {@code text}): no event in the browser. */
    public SseStream comment(String text) {
        return write(EventStreamFormat.comment(text));
    }

    /** Tells the browser how long to wait before reconnecting after the connection drops. */
    public SseStream retry(Duration delay) {
        return write(EventStreamFormat.retry(delay));
    }

    /** The request's {@code Last-Event-ID}: the id of the last message the browser got before it reconnected. */
    public String lastEventId() {
        return res.req().get("Last-Event-ID");
    }

    /** Whether the stream is over: closed by the server, or the client left. */
    public boolean closed() {
        return ended || clientGone;
    }

    /** Runs {@code hook} (on a virtual thread) once the stream is over — at once when it already is. */
    public SseStream onClose(Runnable hook) {
        res.onClose(hook);
        return this;
    }

    /** Ends the response (the last chunk); a second call, or one after the client left, does nothing. */
    public void close() {
        writing.lock();
        try {
            if (ended) return;
            ended = true;
            if (!clientGone) res.end();
        } catch (UncheckedIOException e) {
            clientGone = true; // the client left while the end was on its way: nothing to tell anyone
        } finally {
            writing.unlock();
            wakeHeartbeat();
        }
    }

    private SseStream write(byte[] message) {
        writing.lock();
        try {
            if (bodyless) return this;
            if (ended) throw new IllegalStateException("The event stream is closed");
            if (clientGone || !res.connectionOpen()) throw clientAbort(null);
            try {
                res.write(message);
                res.flush(); // under compression() the compressor would hold the message; without it, nothing
            } catch (UncheckedIOException e) {
                throw clientAbort(e);
            }
            lastWriteNanos = System.nanoTime();
            return this;
        } finally {
            writing.unlock();
        }
    }

    private ClientAbortException clientAbort(Throwable cause) {
        clientGone = true;
        wakeHeartbeat();
        return new ClientAbortException(cause);
    }

    /** The response's close event: written to the end (by us or by a direct {@code res.end}), or the client left. */
    private void connectionOver() {
        if (res.finished()) ended = true;
        else clientGone = true;
        wakeHeartbeat();
    }

    private void wakeHeartbeat() {
        Thread t = heartbeat;
        if (t != null) LockSupport.unpark(t);
    }

    /** The heartbeat thread: a comment whenever the stream has been quiet for a whole interval. */
    private void beat() {
        while (!closed()) {
            long quietFor = System.nanoTime() - lastWriteNanos;
            if (quietFor < heartbeatNanos) {
                LockSupport.parkNanos(this, heartbeatNanos - quietFor);
                continue;
            }
            writing.lock();
            try {
                // a producer's send may have gone out while this thread waited for the lock: then no beat is due
                if (closed() || System.nanoTime() - lastWriteNanos < heartbeatNanos) continue;
                write(HEARTBEAT);
            } catch (ClientAbortException | IllegalStateException e) {
                return;
            } finally {
                writing.unlock();
            }
        }
    }
}

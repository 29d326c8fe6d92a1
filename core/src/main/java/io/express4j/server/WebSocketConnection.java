package io.express4j.server;

import io.express4j.log.Logs;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;

/**
 * One WebSocket connection after the handshake: what a handler sends (from any thread; {@link #sendText} and
 * {@link #sendBinary} block while the peer is not reading, as {@code res.write} does) and what the peer sent, handed
 * to {@link WebSocketEvents} in order on a virtual thread. Frames are decoded, validated (masking, UTF-8, control
 * frame rules, sizes) and reassembled by Netty's WebSocket codec; {@link WebSocketFrameHandler} answers pings and
 * runs the close handshake (RFC 6455 §5.5, §7). Received messages waiting for a slow handler stop the socket being
 * read once they exceed {@link WebSocketSettings#queuedBytesLimit}.
 */
public final class WebSocketConnection {
    private static final Logger log = Logs.get(WebSocketConnection.class);

    /** Something the peer did, queued for the handler. */
    private sealed interface Inbound {
        int size();
    }

    private record Text(String message, int size) implements Inbound {}

    private record Binary(byte[] message) implements Inbound {
        @Override
        public int size() {
            return message.length;
        }
    }

    private record Pong(byte[] payload) implements Inbound {
        @Override
        public int size() {
            return payload.length;
        }
    }

    /** The peer broke the protocol: close with {@code code} once what came before has been handled. */
    private record Violation(int code, String reason) implements Inbound {
        @Override
        public int size() {
            return 0;
        }
    }

    private record PeerClose(int code) implements Inbound {
        @Override
        public int size() {
            return 0;
        }
    }

    private record Closed(int code, String reason) implements Inbound {
        @Override
        public int size() {
            return 0;
        }
    }

    private final Channel channel;
    private final WebSocketSettings settings;
    private final ConcurrentLinkedQueue<Inbound> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final Set<Thread> blockedSenders = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closeSent = new AtomicBoolean();
    private volatile WebSocketEvents events;
    private volatile boolean closeReceived;
    /** The peer's close code and reason once its close frame came (1005: it had none). */
    private int peerCode = 1006;

    private String peerReason = "";
    /** Event loop: the close event has been queued (it is the last one). */
    private boolean closedQueued;
    /** Event loop: a protocol violation has been queued. */
    private boolean violated;

    private ScheduledFuture<?> closeTimer;

    WebSocketConnection(Channel channel, WebSocketSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    WebSocketSettings settings() {
        return settings;
    }

    /** Starts delivering what the peer sent (queued since the handshake) to {@code events}. */
    public void start(WebSocketEvents events) {
        this.events = events;
        deliver();
    }

    /** Whether messages may still be sent: the connection is up and no close frame has gone out. */
    public boolean isOpen() {
        return channel.isActive() && !closeSent.get();
    }

    /** Sends a text message; blocks while the peer is not reading. Fails when the connection is not open. */
    public void sendText(String message) {
        send(new TextWebSocketFrame(message));
    }

    /** Sends a binary message (the bytes are copied); blocks while the peer is not reading. */
    public void sendBinary(byte[] message) {
        send(new BinaryWebSocketFrame(Unpooled.copiedBuffer(message)));
    }

    /** Sends a ping (at most 125 bytes); the peer's pong comes to {@link WebSocketEvents#onPong}. */
    public void ping(byte[] payload) {
        if (payload.length > 125)
            throw new IllegalArgumentException("The data size must not be greater than 125 bytes");
        send(new PingWebSocketFrame(Unpooled.copiedBuffer(payload)));
    }

    private void send(WebSocketFrame frame) {
        if (!isOpen()) {
            frame.release();
            throw new UncheckedIOException(new IOException("the WebSocket is not open"));
        }
        channel.writeAndFlush(frame, channel.voidPromise());
        if (!channel.eventLoop().inEventLoop()) awaitWritable();
    }

    /** Parks the sender while the channel's outbound buffer is above its high-water mark. */
    private void awaitWritable() {
        if (channel.isWritable()) return;
        Thread me = Thread.currentThread();
        blockedSenders.add(me);
        try {
            while (!channel.isWritable() && channel.isActive()) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            }
        } finally {
            blockedSenders.remove(me);
        }
        if (!channel.isActive()) throw new UncheckedIOException(new IOException("the WebSocket connection closed"));
    }

    /**
     * Starts the closing handshake: a close frame with {@code code} (none when {@code code} is 1005) and
     * {@code reason}; the connection is dropped when the peer answers, or after the close timeout. Nothing once a
     * close frame has gone out.
     */
    public void close(int code, String reason) {
        CloseWebSocketFrame frame = code == 1005 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, reason);
        if (!closeSent.compareAndSet(false, true)) {
            frame.release();
            return;
        }
        channel.eventLoop().execute(() -> {
            if (closeReceived) {
                frame.release();
                channel.close();
                return;
            }
            channel.writeAndFlush(frame);
            armCloseTimer();
        });
    }

    /** Drops the connection at once, without a closing handshake (ws's {@code terminate()}). */
    public void terminate() {
        closeSent.set(true);
        channel.close();
    }

    private void armCloseTimer() {
        if (!channel.isActive() || closeTimer != null) return;
        long timeout = settings.closeTimeoutMillis();
        closeTimer = channel.eventLoop().schedule(() -> channel.close(), timeout, TimeUnit.MILLISECONDS);
    }

    // ---- from the frame handler (event loop) ----

    /** Whether a close frame has gone out (no pong may follow it). */
    boolean closeSent() {
        return closeSent.get();
    }

    void text(String message, int size) {
        queue(new Text(message, size));
    }

    void binary(byte[] message) {
        queue(new Binary(message));
    }

    void pong(byte[] payload) {
        queue(new Pong(payload));
    }

    /**
     * Event loop: the peer's close frame. It is answered once the messages that came before it have reached the
     * handler (which may still send: RFC 6455 §5.5.1 lets an endpoint send until its own close frame), with the same
     * code (ws's and the RFC's usual echo; empty when it had none) — or, when a close frame went out already, the
     * connection is dropped now.
     */
    void peerClosed(int code, String reason) {
        if (closeReceived) return;
        closeReceived = true;
        peerCode = code < 0 ? 1005 : code;
        peerReason = reason == null ? "" : reason;
        if (closeSent.get()) channel.close();
        else queue(new PeerClose(code));
    }

    /** The answer to the peer's close frame, after what came before it has been handled. */
    private void answerClose(int code) {
        if (!closeSent.compareAndSet(false, true)) {
            channel.close();
            return;
        }
        CloseWebSocketFrame answer = code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
        channel.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    /** Event loop: a protocol violation (the first one counts; the decoder drops every later byte). */
    void violation(int code, String reason) {
        if (violated) return;
        violated = true;
        queue(new Violation(code, reason));
    }

    /** A close frame with {@code code} unless one went out already, then the connection is dropped. */
    private void fail(int code, String reason) {
        if (!closeSent.compareAndSet(false, true)) {
            channel.close();
            return;
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        // a close frame's reason has room for 123 bytes
        String fitted = text.length <= 123 ? reason : new String(text, 0, 120, StandardCharsets.UTF_8);
        channel.writeAndFlush(new CloseWebSocketFrame(code, fitted)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Event loop: the connection is gone; the handler's last event says how it ended. */
    void channelClosed() {
        if (closeTimer != null) closeTimer.cancel(false);
        closeSent.set(true);
        writabilityChanged();
        if (closedQueued) return;
        closedQueued = true;
        queue(new Closed(peerCode, peerReason));
    }

    void writabilityChanged() {
        for (Thread t : blockedSenders) LockSupport.unpark(t);
    }

    private void queue(Inbound event) {
        inbox.add(event);
        if (queuedBytes.addAndGet(event.size()) > settings.queuedBytesLimit()
                && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
        deliver();
    }

    // ---- delivery (a virtual thread per burst, one at a time) ----

    private void deliver() {
        if (events != null && !inbox.isEmpty() && delivering.compareAndSet(false, true)) {
            Thread.ofVirtual().name("express4j-ws").start(this::drain);
        }
    }

    private void drain() {
        WebSocketEvents handler = events;
        do {
            Inbound event;
            while ((event = inbox.poll()) != null) {
                dispatch(handler, event);
                long left = queuedBytes.addAndGet(-event.size());
                if (left <= settings.queuedBytesLimit() / 2 && !channel.config().isAutoRead() && channel.isActive()) {
                    channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
                }
            }
            delivering.set(false);
        } while (!inbox.isEmpty() && delivering.compareAndSet(false, true));
    }

    private void dispatch(WebSocketEvents handler, Inbound event) {
        try {
            switch (event) {
                case Text t -> handler.onText(t.message());
                case Binary b -> handler.onBinary(b.message());
                case Pong p -> handler.onPong(p.payload());
                case Violation v -> fail(v.code(), v.reason());
                case PeerClose p -> answerClose(p.code());
                case Closed c -> handler.onClose(c.code(), c.reason());
            }
        } catch (RuntimeException | Error e) {
            if (!isOpen() && e instanceof UncheckedIOException) {
                // a send that raced the connection's end: not a server error
                log.debug("WebSocket send after the connection closed", e);
                return;
            }
            // RFC 6455's 1011: the server met a condition that prevented it from fulfilling the request
            log.error("WebSocket handler failed", e);
            if (isOpen()) close(1011, "");
        }
    }
}

package io.express4j.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The timeouts of one connection, as Node applies them, measured from the moment the connection became ready for
 * its next request (accepted, or the previous response done):
 *
 * <ul>
 *   <li>keep-alive: a connection that has served a request and receives no byte of the next one closes silently;</li>
 *   <li>headers: the head must be complete in time, else a bare 408 and close (a fresh connection too, even if
 *       it sent nothing, as Node does);</li>
 *   <li>request: head and body must be complete in time, else 408 (or a plain close when the response has
 *       started).</li>
 * </ul>
 *
 * One timer per connection rather than one per request: when it fires it works out the deadline that applies now
 * and either acts or sleeps until then, so a busy connection lets it lapse instead of rescheduling per request.
 * Event loop only.
 */
final class ConnectionDeadline {
    private static final long NONE = Long.MIN_VALUE;

    private final ConnectionHandler connection;
    private final long keepAliveNanos;
    private final long headersNanos;
    private final long requestNanos;
    private ChannelHandlerContext ctx;
    private long readyAt;
    private ScheduledFuture<?> timer;
    private long timerAt;

    ConnectionDeadline(ConnectionHandler connection, ServerConfig config) {
        this.connection = connection;
        this.keepAliveNanos = TimeUnit.MILLISECONDS.toNanos(config.keepAliveTimeoutMillis());
        this.headersNanos = TimeUnit.MILLISECONDS.toNanos(config.headersTimeoutMillis());
        this.requestNanos = TimeUnit.MILLISECONDS.toNanos(config.requestTimeoutMillis());
    }

    /** The connection is ready for a request: the clocks start now. */
    void ready(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        readyAt = System.nanoTime();
        arm();
    }

    /** A request's head has arrived; its body may still be on the way. */
    void requestStarted() {
        arm();
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private long deadline() {
        if (connection.awaitingHead()) {
            if (connection.servedBefore() && !connection.headStarted()) {
                return keepAliveNanos > 0 ? readyAt + keepAliveNanos : NONE;
            }
            return headersNanos > 0 ? readyAt + headersNanos : NONE;
        }
        if (connection.receivingRequest()) return requestNanos > 0 ? readyAt + requestNanos : NONE;
        return NONE;
    }

    /** Makes sure the timer fires no later than the deadline that applies now. */
    private void arm() {
        long due = deadline();
        if (due == NONE || timer != null && timerAt - due <= 0) return;
        cancel();
        schedule(due);
    }

    private void schedule(long due) {
        timerAt = due;
        timer = ctx.executor().schedule(this::fire, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        timer = null;
        if (!ctx.channel().isActive()) return;
        long due = deadline();
        if (due == NONE) return;
        if (System.nanoTime() - due < 0) {
            schedule(due);
            return;
        }
        if (connection.awaitingHead() && connection.servedBefore() && !connection.headStarted()) {
            connection.closeIdle();
        } else {
            connection.timedOut();
        }
    }
}

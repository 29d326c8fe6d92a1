package io.express4j.server;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A minimum data rate, as Kestrel's {@code MinRequestBodyDataRate} and {@code MinResponseDataRate}: while the
 * server waits on the client (for body bytes, or for it to take response bytes), each grace period must see at
 * least {@code bytesPerSecond × grace} bytes go through, else {@code tooSlow} runs. Measured per window rather than
 * averaged since the start, so a client that stalls after a fast start is still caught within two windows. The
 * owner says when the wait starts and stops; a stop discards the window, so time the server itself was not
 * reading never counts against the client. Event loop only.
 */
final class MinDataRate {
    private final long bytesPerWindow;
    private final long windowNanos;
    private final LongSupplier progress;
    private final Runnable tooSlow;
    private EventExecutor loop;
    private ScheduledFuture<?> check;
    private long windowStart;

    /** {@code bytesPerSecond} 0 disables the check. */
    MinDataRate(long bytesPerSecond, long graceMillis, LongSupplier progress, Runnable tooSlow) {
        this.bytesPerWindow = bytesPerSecond * graceMillis / 1000;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        this.progress = progress;
        this.tooSlow = tooSlow;
    }

    /** The server now waits on the client; a window already running goes on. */
    void start(EventExecutor loop) {
        if (check != null || bytesPerWindow <= 0) return;
        this.loop = loop;
        windowStart = progress.getAsLong();
        check = loop.schedule(this::endOfWindow, windowNanos, TimeUnit.NANOSECONDS);
    }

    /** The wait is over (or paused by the server): the current window is dropped. */
    void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    private void endOfWindow() {
        check = null;
        if (progress.getAsLong() - windowStart < bytesPerWindow) {
            tooSlow.run();
        } else {
            start(loop);
        }
    }
}

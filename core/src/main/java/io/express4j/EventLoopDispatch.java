package io.express4j;

import io.express4j.server.HttpExchange;

/**
 * A request whose dispatch began on the event loop. The stack is walked there while the functions it reaches may
 * run there ({@link LoopSafe}); the first one that may block — an unmarked middleware, handler or error handler, a
 * param callback, a file to send — moves the request to a virtual thread for good: that step, everything its
 * {@code next} calls reach, then the safety net ({@code afterStack}) run there, and the event loop's side returns
 * at once. So a request hops once at most, and only if it needs to.
 */
final class EventLoopDispatch {
    private final HttpExchange exchange;
    private final Thread eventLoop;
    private final Runnable afterStack;
    private boolean hopped;

    EventLoopDispatch(HttpExchange exchange, Runnable afterStack) {
        this.exchange = exchange;
        this.eventLoop = Thread.currentThread();
        this.afterStack = afterStack;
    }

    /**
     * Whether the caller is the event loop this request began on. Identity, not "any event loop": a step that a
     * non-blocking handler handed to some other thread simply continues there.
     */
    boolean onEventLoop() {
        return Thread.currentThread() == eventLoop;
    }

    /** Whether {@code req} is being dispatched on the event loop it began on, and the caller is that loop. */
    static boolean onLoop(Request req) {
        EventLoopDispatch loop = req.eventLoopDispatch;
        return loop != null && loop.onEventLoop();
    }

    /** Whether the request moved to a virtual thread, which then owns the safety net. */
    boolean hopped() {
        return hopped;
    }

    /** Runs {@code step} (and all it leads to) on a new virtual thread, then the safety net there. */
    void hop(Runnable step) {
        hopped = true;
        exchange.continueOnVirtualThread(() -> {
            Trampoline.call(step);
            afterStack.run();
        });
    }
}

package io.express4j.routing;

import java.util.function.Consumer;

/**
 * A request whose dispatch began on the event loop. The stack is walked there while the functions it reaches may
 * run there ({@link LoopSafe}); the first one that may block — an unmarked middleware, handler or error handler, a
 * param callback, a file to send — moves the request to a virtual thread for good: that step, everything its
 * {@code next} calls reach, then the safety net ({@code afterStack}) run there, and the event loop's side returns
 * at once. So a request hops once at most, and only if it needs to.
 */
public final class EventLoopDispatch {
    private final Consumer<Runnable> toVirtualThread;
    private final Thread eventLoop;
    private final Runnable afterStack;
    private boolean hopped;

    /**
     * @param toVirtualThread runs a task on a new virtual thread (the exchange's, which keeps its context)
     * @param afterStack the safety net, for the thread that finishes the dispatch
     */
    public EventLoopDispatch(Consumer<Runnable> toVirtualThread, Runnable afterStack) {
        this.toVirtualThread = toVirtualThread;
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

    /** Whether a request is being dispatched on the event loop it began on, and the caller is that loop. */
    public static boolean onLoop(RoutingState state) {
        EventLoopDispatch loop = state.eventLoopDispatch;
        return loop != null && loop.onEventLoop();
    }

    /** Whether the request moved to a virtual thread, which then owns the safety net. */
    public boolean hopped() {
        return hopped;
    }

    /** Runs {@code step} (and all it leads to) on a new virtual thread, then the safety net there. */
    public void hop(Runnable step) {
        hopped = true;
        toVirtualThread.accept(() -> {
            Trampoline.call(step);
            afterStack.run();
        });
    }
}

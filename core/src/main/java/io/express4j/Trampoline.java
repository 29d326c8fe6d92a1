package io.express4j;

import java.util.ArrayDeque;

/**
 * Keeps a request's {@code next} chain from growing the thread's stack without bound. Dispatch is recursive, as in
 * Express: a handler's {@code next.run()} runs the rest of the stack before it returns. Express defers the
 * continuation with {@code setImmediate} once 100 {@code next} calls are nested synchronously; so do we: beyond
 * {@link #MAX_SYNC} nested steps the step is queued, the stack unwinds (the code after those {@code next} calls
 * runs first, as it would in Express), and the outermost step runs the queue.
 */
final class Trampoline {
    /** router 2.x's "max sync stack". */
    static final int MAX_SYNC = 100;

    private Thread driver;
    private int depth;
    private ArrayDeque<Runnable> deferred;

    /** Runs a dispatch step now, or later from the bottom of the stack when too many are nested already. */
    void call(Runnable step) {
        Thread current = Thread.currentThread();
        if (driver == null) {
            drive(current, step);
        } else if (driver != current) {
            // Another thread steps in while this request is still being driven (a race in the caller): plain call.
            step.run();
        } else if (depth >= MAX_SYNC) {
            if (deferred == null) deferred = new ArrayDeque<>();
            deferred.add(step);
        } else {
            depth++;
            try {
                step.run();
            } finally {
                depth--;
            }
        }
    }

    private void drive(Thread current, Runnable step) {
        driver = current;
        depth = 1;
        try {
            step.run();
            Runnable next;
            while (deferred != null && (next = deferred.poll()) != null) next.run();
        } finally {
            driver = null;
            depth = 0;
            deferred = null;
        }
    }
}

package io.express4j.routing;

import java.util.ArrayDeque;

/**
 * Keeps a {@code next} chain from growing the thread's stack without bound. Dispatch is recursive, as in Express:
 * a handler's {@code next.run()} runs the rest of the stack before it returns. Express defers the continuation with
 * {@code setImmediate} once 100 {@code next} calls are nested synchronously; so do we: beyond {@link #MAX_SYNC}
 * nested steps the step is queued, the stack unwinds (the code after those {@code next} calls runs first, as it
 * would in Express), and the outermost step runs the queue. The state is the calling thread's, because the stack
 * is: a handler may hand its request to another thread and call {@code next} from there.
 */
final class Trampoline {
    /** router 2.x's "max sync stack". */
    static final int MAX_SYNC = 100;

    private static final ThreadLocal<Trampoline> CURRENT = ThreadLocal.withInitial(Trampoline::new);

    private int depth; // 0: no dispatch step on this thread's stack
    private ArrayDeque<Runnable> deferred;

    private Trampoline() {}

    /** Runs a dispatch step now, or later from the bottom of the stack when too many are nested already. */
    static void call(Runnable step) {
        CURRENT.get().run(step);
    }

    private void run(Runnable step) {
        if (depth == 0) {
            drive(step);
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

    private void drive(Runnable step) {
        depth = 1;
        try {
            step.run();
            Runnable next;
            while (deferred != null && (next = deferred.poll()) != null) next.run();
        } finally {
            depth = 0;
            deferred = null;
        }
    }
}

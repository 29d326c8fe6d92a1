package io.express4j.routing;

import io.express4j.Next;

/**
 * The {@code next} a dispatch hands to the functions it runs: {@code next()} and {@code next(err)} take the
 * dispatch's next step through the {@link Trampoline}, so that only calls from those functions count as nested
 * steps. What {@code next('route')} and {@code next('router')} mean depends on the dispatch.
 */
abstract class TrampolinedNext implements Next {
    /** The next step: on with no error, or in error mode with {@code err}. */
    abstract void step(Throwable err);

    @Override
    public final void run() {
        Trampoline.call(() -> step(null));
    }

    @Override
    public final void fail(Throwable err) {
        Throwable error = err == null ? new IllegalStateException("next.fail(null)") : err;
        Trampoline.call(() -> step(error));
    }
}

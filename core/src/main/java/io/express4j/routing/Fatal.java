package io.express4j.routing;

/** What the dispatch does with a throwable a handler (or a file-send callback) threw. */
public final class Fatal {
    private Fatal() {}

    /**
     * Returns {@code t}, to be passed on as the request's error; out of memory is no request's error, so it is
     * rethrown to end the thread rather than render an error page.
     */
    public static Throwable rethrowIfFatal(Throwable t) {
        if (t instanceof OutOfMemoryError oom) throw oom;
        return t;
    }
}

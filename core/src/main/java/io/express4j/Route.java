package io.express4j;

import io.express4j.routing.RouteStack;
import java.util.Locale;

/**
 * What {@code app.route(path)} returns: the handlers of one path, per HTTP method. A route without its own HEAD
 * handlers answers HEAD with its GET handlers.
 */
public final class Route implements RouteVerbs<Route> {
    private final String path;
    private final RouteStack stack = new RouteStack(this);

    Route(String path) {
        this.path = path;
    }

    RouteStack stack() {
        return stack;
    }

    /**
     * The path this route was registered with, as JavaScript prints it: a regular expression as {@code /source/},
     * several paths joined by commas.
     */
    public String path() {
        return path;
    }

    @Override
    public Route method(String method, Middleware... handlers) {
        requireHandlers(handlers);
        String m = method.toUpperCase(Locale.ROOT);
        for (Middleware fn : handlers) stack.add(m, fn);
        return this;
    }

    /** An error handler for one method: it runs only for an error raised earlier in this route. */
    @Override
    public Route method(String method, ErrorHandler handler) {
        requireHandler(handler);
        stack.add(method.toUpperCase(Locale.ROOT), handler);
        return this;
    }

    @Override
    public Route all(Middleware... handlers) {
        requireHandlers(handlers);
        for (Middleware fn : handlers) stack.add(null, fn);
        return this;
    }

    @Override
    public Route all(ErrorHandler handler) {
        requireHandler(handler);
        stack.add(null, handler);
        return this;
    }

    /** router 2.x's checks, with its messages (a TypeError there). */
    static void requireHandlers(Middleware[] handlers) {
        if (handlers == null || handlers.length == 0)
            throw new IllegalArgumentException("argument handler is required");
        for (Middleware fn : handlers) requireHandler(fn);
    }

    static void requireHandler(Object handler) {
        if (handler == null) throw new IllegalArgumentException("argument handler must be a function");
    }
}

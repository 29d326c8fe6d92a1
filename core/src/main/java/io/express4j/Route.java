package io.express4j;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code app.route(path)} returns: the handlers of one path, per HTTP method. A route without its own HEAD
 * handlers answers HEAD with its GET handlers.
 */
public final class Route implements RouteVerbs<Route> {
    private final String path;
    private final List<Layer> stack = new ArrayList<>();
    private final Set<String> methods = new LinkedHashSet<>();
    private boolean all;

    Route(String path) {
        this.path = path;
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
        for (Middleware fn : handlers) stack.add(Layer.method(m, fn));
        methods.add(m);
        KnownMethods.declare(m);
        return this;
    }

    /** An error handler for one method: it runs only for an error raised earlier in this route. */
    @Override
    public Route method(String method, ErrorHandler handler) {
        requireHandler(handler);
        String m = method.toUpperCase(Locale.ROOT);
        stack.add(Layer.method(m, handler));
        methods.add(m);
        KnownMethods.declare(m);
        return this;
    }

    @Override
    public Route all(Middleware... handlers) {
        requireHandlers(handlers);
        for (Middleware fn : handlers) stack.add(Layer.method(null, fn));
        all = true;
        return this;
    }

    @Override
    public Route all(ErrorHandler handler) {
        requireHandler(handler);
        stack.add(Layer.method(null, handler));
        all = true;
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

    boolean handlesMethod(String method) {
        if (all) return true;
        if (method.equals("HEAD") && !methods.contains("HEAD")) return methods.contains("GET");
        return methods.contains(method);
    }

    /** Whether one of this route's handlers is marked with {@link Express#nonBlocking}. */
    boolean holdsNonBlocking(Set<Object> seen) {
        for (Layer layer : stack) {
            if (layer.holdsNonBlocking(seen)) return true;
        }
        return false;
    }

    /** The methods for an automatic OPTIONS answer: HEAD is implied by GET. */
    List<String> allowedMethods() {
        List<String> out = new ArrayList<>(methods);
        if (methods.contains("GET") && !methods.contains("HEAD")) out.add("HEAD");
        return out;
    }

    void dispatch(Request req, Response res, Next done) {
        if (stack.isEmpty()) {
            done.run();
            return;
        }
        String method = req.method();
        if (method.equals("HEAD") && !methods.contains("HEAD")) method = "GET";
        req.route = this;
        new RouteDispatch(stack, method, req, res, done).start();
    }
}

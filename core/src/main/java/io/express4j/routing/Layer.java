package io.express4j.routing;

import io.express4j.App;
import io.express4j.ErrorHandler;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.Router;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One entry of a router's stack (a {@code use} middleware or a route) or of a route's stack (a handler for one
 * method). It matches a path and runs its function in the mode the dispatch is in: a {@link Middleware} only in
 * normal flow, an {@link ErrorHandler} only while an error is pending — Express tells them apart by arity. On a
 * request dispatched on the event loop, a function that may block is run on a virtual thread instead (see
 * {@link EventLoopDispatch}).
 */
final class Layer {
    /** use('/'): matches every path, takes nothing off {@code req.url}. */
    private static final PathPattern.Match SLASH = new PathPattern.Match("", Map.of());

    private static final Set<List<String>> ANY_PATH = Set.of(List.of());
    /** Layers made so far: a stack changed since an app last looked for {@link NonBlocking} functions in it. */
    private static final AtomicInteger created = new AtomicInteger();

    private final PathPattern pattern; // null: use('/'), which matches every path
    private final Middleware middleware;
    private final ErrorHandler errorHandler;
    final RouteStack route;
    final String method; // for a route's own layers: the HTTP method, null for all()
    private final boolean loopSafe; // its function may run on the event loop
    /** A {@code use} layer's path as registered, trailing slash removed: what it adds to the mount template. */
    final String mountTemplate;

    private Layer(
            PathPattern pattern, Middleware middleware, ErrorHandler errorHandler, RouteStack route, String method) {
        this.pattern = pattern;
        this.middleware = middleware;
        this.errorHandler = errorHandler;
        this.route = route;
        this.method = method;
        Object fn = middleware != null ? middleware : errorHandler;
        this.loopSafe = fn instanceof LoopSafe || fn instanceof Router || fn instanceof App;
        String template = pattern == null ? "" : JsPaths.toString(pattern.path());
        this.mountTemplate = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        created.incrementAndGet();
    }

    /** Changes whenever a layer is made (routes, middleware, mounts): a cached {@link #holdsNonBlocking} is stale. */
    static int stackVersion() {
        return created.get();
    }

    /**
     * Whether this layer, its route, or a router or app mounted by it holds a function marked with
     * {@code Express.nonBlocking}; {@code seen} guards against a router mounted inside itself.
     */
    boolean holdsNonBlocking(Set<Object> seen) {
        if (route != null) return route.holdsNonBlocking(seen);
        if (errorHandler instanceof NonBlocking || middleware instanceof NonBlocking) return true;
        RouterStack mounted = middleware == null ? null : RoutingAccess.stackOf(middleware);
        return mounted != null && mounted.holdsNonBlocking(seen);
    }

    static Layer middleware(PathPattern pattern, Middleware fn) {
        return new Layer(pattern, fn, null, null, null);
    }

    static Layer errorHandler(PathPattern pattern, ErrorHandler fn) {
        return new Layer(pattern, null, fn, null, null);
    }

    static Layer route(PathPattern pattern, RouteStack route) {
        return new Layer(pattern, null, null, route, null);
    }

    static Layer method(String method, Middleware fn) {
        return new Layer(null, fn, null, null, method);
    }

    static Layer method(String method, ErrorHandler fn) {
        return new Layer(null, null, fn, null, method);
    }

    /**
     * The match (its text is taken off {@code req.url} for middleware), or null; a malformed percent escape in a
     * param throws (a 400 for the error handlers).
     */
    PathPattern.Match match(String path) {
        return pattern == null ? SLASH : pattern.match(path);
    }

    /** The literal segments the paths this layer matches start with ({@link PathPattern#leadingSegments()}). */
    Set<List<String>> leadingSegments() {
        return pattern == null ? ANY_PATH : pattern.leadingSegments();
    }

    List<String> keys() {
        return pattern == null ? List.of() : pattern.keys();
    }

    void handleRequest(RoutingState state, Request req, Response res, Next next) {
        if (middleware == null) {
            next.run();
            return;
        }
        if (!loopSafe && EventLoopDispatch.onLoop(state)) {
            state.eventLoopDispatch.hop(() -> handleRequest(state, req, res, next));
            return;
        }
        try {
            middleware.handle(req, res, next);
        } catch (Throwable t) {
            next.fail(Fatal.rethrowIfFatal(t));
        }
    }

    void handleError(Throwable err, RoutingState state, Request req, Response res, Next next) {
        if (errorHandler == null) {
            next.fail(err);
            return;
        }
        if (!loopSafe && EventLoopDispatch.onLoop(state)) {
            state.eventLoopDispatch.hop(() -> handleError(err, state, req, res, next));
            return;
        }
        try {
            errorHandler.handle(err, req, res, next);
        } catch (Throwable t) {
            next.fail(Fatal.rethrowIfFatal(t));
        }
    }
}

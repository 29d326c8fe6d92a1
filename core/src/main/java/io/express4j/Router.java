package io.express4j;

import io.express4j.routing.PathPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Express's Router: an ordered stack of middleware and routes, itself usable as middleware
 * ({@code app.use("/api", router)}).
 */
public final class Router implements Middleware, RouterVerbs<Router> {
    private final Object lock = new Object();
    private final List<Layer> stack = new ArrayList<>(); // guarded by lock; only ever appended to
    private volatile LayerIndex index = LayerIndex.EMPTY; // null when the stack grew since it was built
    private final Map<String, List<ParamHandler>> params = new HashMap<>();
    private final boolean caseSensitive;
    private final boolean strict;
    private final boolean mergeParams;

    Router(RouterOptions options) {
        this.caseSensitive = options.caseSensitive();
        this.strict = options.strict();
        this.mergeParams = options.mergeParams();
    }

    /**
     * The stack as dispatch sees it, indexed by literal path segments; rebuilt on the first request after the stack
     * grew (routes may be added at any time, requests run on many threads).
     */
    LayerIndex index() {
        LayerIndex current = index;
        if (current != null) return current;
        synchronized (lock) {
            if (index == null) index = LayerIndex.of(stack);
            return index;
        }
    }

    private void push(Layer layer) {
        synchronized (lock) {
            stack.add(layer);
            index = null;
        }
    }

    boolean mergeParams() {
        return mergeParams;
    }

    boolean hasParamCallbacks() {
        return !params.isEmpty();
    }

    List<ParamHandler> paramCallbacks(String name) {
        return params.getOrDefault(name, List.of());
    }

    // ---- middleware ----

    /** Middleware for every path. */
    public Router use(Middleware... fns) {
        return use("/", fns);
    }

    public Router use(Handler fn) {
        return use("/", new Middleware[] {fn});
    }

    public Router use(ErrorHandler fn) {
        return use("/", fn);
    }

    /** Middleware for a path prefix (matched at a segment boundary; Express 5 path syntax). */
    public Router use(String path, Middleware... fns) {
        Route.requireHandlers(fns);
        return add(mountPattern(path), fns);
    }

    public Router use(String path, Handler fn) {
        return use(path, new Middleware[] {fn});
    }

    public Router use(String path, ErrorHandler fn) {
        Route.requireHandler(fn);
        push(Layer.errorHandler(mountPattern(path), fn));
        return this;
    }

    /** Middleware for the paths a regular expression matches at their start (groups become params). */
    public Router use(Pattern path, Middleware... fns) {
        Route.requireHandlers(fns);
        return add(PathPattern.compile(path, false, caseSensitive, false), fns);
    }

    public Router use(Pattern path, Handler fn) {
        return use(path, new Middleware[] {fn});
    }

    /** Middleware for several path prefixes (Strings and Patterns), Express's array path. */
    public Router use(List<?> paths, Middleware... fns) {
        Route.requireHandlers(fns);
        return add(PathPattern.compile(paths, false, caseSensitive, false), fns);
    }

    public Router use(List<?> paths, Handler fn) {
        return use(paths, new Middleware[] {fn});
    }

    private Router add(PathPattern pattern, Middleware[] fns) {
        for (Middleware fn : fns) push(Layer.middleware(pattern, fn));
        return this;
    }

    /** A mount path; {@code "/"} is a fast path that matches everything and strips nothing. */
    private PathPattern mountPattern(String path) {
        return path.equals("/") ? null : PathPattern.compile(path, false, caseSensitive, false);
    }

    // ---- routes ----

    /** A route for a path, to chain verb handlers on: {@code router.route("/x").get(…).post(…)}. */
    public Route route(String path) {
        return addRoute(path, PathPattern.compile(path, true, caseSensitive, strict));
    }

    public Route route(Pattern path) {
        return addRoute(path, PathPattern.compile(path, true, caseSensitive, strict));
    }

    /** A route for several paths (Strings and Patterns): {@code router.route(List.of("/a", "/b")).get(…)}. */
    public Route route(List<?> paths) {
        return addRoute(paths, PathPattern.compile(paths, true, caseSensitive, strict));
    }

    private Route addRoute(Object path, PathPattern pattern) {
        Route route = new Route(JsPaths.toString(path));
        push(Layer.route(pattern, route));
        return route;
    }

    @Override
    public Router method(String method, String path, Middleware... handlers) {
        Route.requireHandlers(handlers);
        route(path).method(method, handlers);
        return this;
    }

    @Override
    public Router method(String method, Pattern path, Middleware... handlers) {
        Route.requireHandlers(handlers);
        route(path).method(method, handlers);
        return this;
    }

    @Override
    public Router all(String path, Middleware... handlers) {
        Route.requireHandlers(handlers);
        route(path).all(handlers);
        return this;
    }

    @Override
    public Router all(Pattern path, Middleware... handlers) {
        Route.requireHandlers(handlers);
        route(path).all(handlers);
        return this;
    }

    /** {@code router.param(name, fn)}: runs before the handlers of any layer whose path declares that param. */
    public Router param(String name, ParamHandler fn) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("argument name is required");
        if (fn == null) throw new IllegalArgumentException("argument fn is required");
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(fn);
        return this;
    }

    /** Whether a function marked with {@link Express#nonBlocking} is in this stack or one mounted in it. */
    boolean holdsNonBlocking(Set<Object> seen) {
        if (!seen.add(this)) return false;
        LayerIndex layers = index();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.layer(i).holdsNonBlocking(seen)) return true;
        }
        return false;
    }

    // ---- dispatch ----

    /** As middleware: run the stack, then continue in the parent with whatever error is left. */
    @Override
    public void handle(Request req, Response res, Next next) {
        handle(req, res, err -> {
            if (err == null) next.run();
            else next.fail(err);
        });
    }

    void handle(Request req, Response res, RouterDispatch.Done out) {
        new RouterDispatch(this, req, res, out).run();
    }
}

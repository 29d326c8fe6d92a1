package io.express4j;

import io.express4j.routing.PathPattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Express's Router: an ordered stack of middleware and routes, itself usable as middleware
 * ({@code app.use("/api", router)}).
 */
public final class Router implements Middleware, RouterVerbs<Router> {
    private final List<Layer> stack = new ArrayList<>();
    private final Map<String, List<ParamHandler>> params = new HashMap<>();
    private final boolean caseSensitive;
    private final boolean strict;
    private final boolean mergeParams;

    Router(RouterOptions options) {
        this.caseSensitive = options.caseSensitive();
        this.strict = options.strict();
        this.mergeParams = options.mergeParams();
    }

    List<Layer> stack() {
        return stack;
    }

    boolean mergeParams() {
        return mergeParams;
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
        PathPattern pattern = mountPattern(path);
        for (Middleware fn : fns) stack.add(Layer.middleware(pattern, fn));
        return this;
    }

    public Router use(String path, Handler fn) {
        return use(path, new Middleware[] {fn});
    }

    public Router use(String path, ErrorHandler fn) {
        Route.requireHandlers(fn);
        stack.add(Layer.errorHandler(mountPattern(path), fn));
        return this;
    }

    public Router use(Pattern path, Middleware... fns) {
        Route.requireHandlers(fns);
        PathPattern pattern = PathPattern.compile(path, false, caseSensitive, false);
        for (Middleware fn : fns) stack.add(Layer.middleware(pattern, fn));
        return this;
    }

    /** A mount path; {@code "/"} is a fast path that matches everything and strips nothing. */
    private PathPattern mountPattern(String path) {
        return path.equals("/") ? null : PathPattern.compile(path, false, caseSensitive, false);
    }

    // ---- routes ----

    /** A route for a path, to chain verb handlers on: {@code router.route("/x").get(…).post(…)}. */
    public Route route(String path) {
        Route route = new Route(path);
        stack.add(Layer.route(PathPattern.compile(path, true, caseSensitive, strict), route));
        return route;
    }

    public Route route(Pattern path) {
        Route route = new Route(path.pattern());
        stack.add(Layer.route(PathPattern.compile(path, true, caseSensitive, strict), route));
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

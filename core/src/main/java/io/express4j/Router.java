package io.express4j;

import io.express4j.routing.Done;
import io.express4j.routing.JsPaths;
import io.express4j.routing.RouterStack;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Express's Router: an ordered stack of middleware and routes, itself usable as middleware
 * ({@code app.use("/api", router)}). The stack and its dispatch are the engine's ({@link RouterStack}).
 */
public final class Router implements Middleware, RouterVerbs<Router> {
    private final RouterStack stack;

    Router(RouterOptions options) {
        this.stack = new RouterStack(options.caseSensitive(), options.strict(), options.mergeParams());
    }

    RouterStack stack() {
        return stack;
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
        return add(path, fns);
    }

    public Router use(String path, Handler fn) {
        return use(path, new Middleware[] {fn});
    }

    public Router use(String path, ErrorHandler fn) {
        Route.requireHandler(fn);
        stack.use(stack.mountPattern(path), fn);
        return this;
    }

    /** Middleware for the paths a regular expression matches at their start (groups become params). */
    public Router use(Pattern path, Middleware... fns) {
        return add(path, fns);
    }

    public Router use(Pattern path, Handler fn) {
        return use(path, new Middleware[] {fn});
    }

    /** Middleware for several path prefixes (Strings and Patterns), Express's array path. */
    public Router use(List<?> paths, Middleware... fns) {
        return add(paths, fns);
    }

    public Router use(List<?> paths, Handler fn) {
        return use(paths, new Middleware[] {fn});
    }

    private Router add(Object path, Middleware[] fns) {
        Route.requireHandlers(fns);
        var pattern = stack.mountPattern(path);
        for (Middleware fn : fns) stack.use(pattern, fn);
        return this;
    }

    // ---- routes ----

    /** A route for a path, to chain verb handlers on: {@code router.route("/x").get(…).post(…)}. */
    public Route route(String path) {
        return addRoute(path);
    }

    public Route route(Pattern path) {
        return addRoute(path);
    }

    /** A route for several paths (Strings and Patterns): {@code router.route(List.of("/a", "/b")).get(…)}. */
    public Route route(List<?> paths) {
        return addRoute(paths);
    }

    private Route addRoute(Object path) {
        var pattern = stack.routePattern(path);
        Route route = new Route(JsPaths.toString(path));
        stack.route(pattern, route.stack());
        return route;
    }

    @Override
    public Router method(String method, Object path, Middleware... chain) {
        return addVerb(method, path, chain);
    }

    @Override
    public Router all(Object path, Middleware... chain) {
        return addVerb(null, path, chain);
    }

    /** A route for the path with the chain for one method, or for all of them when {@code method} is null. */
    private Router addVerb(String method, Object path, Middleware[] chain) {
        Route.requireHandlers(chain);
        Route route = addRoute(path);
        if (method == null) route.all(chain);
        else route.method(method, chain);
        return this;
    }

    /**
     * A WebSocket route, routed like {@code get(path, …)} (params, mounting): a WebSocket upgrade request for the
     * path runs {@code handler} after the handshake; any other request goes on to the next layers.
     */
    public Router ws(Object path, WsHandler handler) {
        return ws(path, new WsOptions(), handler);
    }

    /** A WebSocket route with limits other than the defaults (see {@link WsOptions}). */
    public Router ws(Object path, WsOptions options, WsHandler handler) {
        if (handler == null) throw new IllegalArgumentException("argument handler is required");
        if (options == null) throw new IllegalArgumentException("argument options is required");
        return method("GET", path, new WsUpgrade(handler, options));
    }

    /** {@code router.param(name, fn)}: runs before the handlers of any layer whose path declares that param. */
    public Router param(String name, ParamHandler fn) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("argument name is required");
        if (fn == null) throw new IllegalArgumentException("argument fn is required");
        stack.param(name, fn);
        return this;
    }

    // ---- dispatch ----

    /** As middleware: run the stack, then continue in the parent with whatever error is left. */
    @Override
    public void handle(Request req, Response res, Next next) {
        stack.handle(req, res, continueIn(next));
    }

    /** Where a nested stack hands back to its parent: on, or on with the error left. */
    static Done continueIn(Next next) {
        return err -> {
            if (err == null) next.run();
            else next.fail(err);
        };
    }
}

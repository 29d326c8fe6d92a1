package io.express4j.routing;

import io.express4j.ErrorHandler;
import io.express4j.Middleware;
import io.express4j.ParamHandler;
import io.express4j.Request;
import io.express4j.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine behind a {@code Router}: its ordered layers, the index dispatch walks, its param callbacks and its
 * path options. Layers may be added at any time while requests run on many threads.
 */
public final class RouterStack {
    private final Object lock = new Object();
    private final List<Layer> stack = new ArrayList<>(); // guarded by lock; only ever appended to
    private volatile LayerIndex index = LayerIndex.EMPTY; // null when the stack grew since it was built
    private final Map<String, List<ParamHandler>> params = new HashMap<>();
    private final boolean caseSensitive;
    private final boolean strict;
    private final boolean mergeParams;

    public RouterStack(boolean caseSensitive, boolean strict, boolean mergeParams) {
        this.caseSensitive = caseSensitive;
        this.strict = strict;
        this.mergeParams = mergeParams;
    }

    /** The pattern of a {@code use} layer: a prefix at a segment boundary; {@code "/"} is null, the fast path. */
    public PathPattern mountPattern(Object path) {
        if ("/".equals(path)) return null;
        return PathPattern.compile(path, false, caseSensitive, false);
    }

    /** The pattern of a route: the whole path. */
    public PathPattern routePattern(Object path) {
        return PathPattern.compile(path, true, caseSensitive, strict);
    }

    /** A {@code use} middleware (a router or app mounted included). */
    public void use(PathPattern pattern, Middleware fn) {
        push(Layer.middleware(pattern, fn));
    }

    public void use(PathPattern pattern, ErrorHandler fn) {
        push(Layer.errorHandler(pattern, fn));
    }

    public void route(PathPattern pattern, RouteStack route) {
        push(Layer.route(pattern, route));
    }

    /**
     * Changes whenever a layer is made anywhere (routes, middleware, mounts): what an app found when it last looked
     * for non-blocking functions in its stacks is stale.
     */
    public static int version() {
        return Layer.stackVersion();
    }

    private void push(Layer layer) {
        synchronized (lock) {
            stack.add(layer);
            index = null;
        }
    }

    public void param(String name, ParamHandler fn) {
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(fn);
    }

    /**
     * The stack as dispatch sees it, indexed by literal path segments; rebuilt on the first request after the stack
     * grew.
     */
    LayerIndex index() {
        LayerIndex current = index;
        if (current != null) return current;
        synchronized (lock) {
            if (index == null) index = LayerIndex.of(stack);
            return index;
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

    /** Whether a function marked with {@code Express.nonBlocking} is in this stack or one mounted in it. */
    public boolean holdsNonBlocking(Set<Object> seen) {
        if (!seen.add(this)) return false;
        LayerIndex layers = index();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.layer(i).holdsNonBlocking(seen)) return true;
        }
        return false;
    }

    /** Runs the stack for a request; {@code out} gets what is left when the request leaves it. */
    public void handle(Request req, Response res, Done out) {
        new RouterDispatch(this, req, res, out).run();
    }
}

package io.express4j.routing;

import io.express4j.ErrorHandler;
import io.express4j.Middleware;
import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import io.express4j.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The engine behind a {@code Route}: its handlers, each for one method or for all of them. A route without its own
 * HEAD handlers answers HEAD with its GET handlers.
 */
public final class RouteStack {
    private final Route route; // what req.route() reads while these handlers run
    private final List<Layer> stack = new ArrayList<>();
    private final Set<String> methods = new LinkedHashSet<>();
    private boolean all;

    public RouteStack(Route route) {
        this.route = route;
    }

    /** Adds a handler for an upper-case method, or for every method when it is null. */
    public void add(String method, Middleware fn) {
        stack.add(Layer.method(method, fn));
        declare(method);
    }

    public void add(String method, ErrorHandler fn) {
        stack.add(Layer.method(method, fn));
        declare(method);
    }

    private void declare(String method) {
        if (method == null) {
            all = true;
        } else {
            methods.add(method);
            KnownMethods.declare(method);
        }
    }

    Route route() {
        return route;
    }

    boolean handlesMethod(String method) {
        if (all) return true;
        if (method.equals("HEAD") && !methods.contains("HEAD")) return methods.contains("GET");
        return methods.contains(method);
    }

    /** Whether one of this route's handlers is marked with {@code Express.nonBlocking}. */
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

    void dispatch(RoutingState state, Request req, Response res, Next done) {
        if (stack.isEmpty()) {
            done.run();
            return;
        }
        String method = req.method();
        if (method.equals("HEAD") && !methods.contains("HEAD")) method = "GET";
        state.route = route;
        new RouteDispatch(stack, method, state, req, res, done).start();
    }
}

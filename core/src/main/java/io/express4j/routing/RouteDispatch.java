package io.express4j.routing;

import io.express4j.Next;
import io.express4j.Request;
import io.express4j.Response;
import java.util.List;

/** The {@code next} of one pass through a route's handlers: on to the next handler for the request's method. */
final class RouteDispatch extends TrampolinedNext {
    private final List<Layer> stack;
    private final String method;
    private final RoutingState state;
    private final Request req;
    private final Response res;
    private final Next done;
    private int idx;

    RouteDispatch(List<Layer> stack, String method, RoutingState state, Request req, Response res, Next done) {
        this.stack = stack;
        this.method = method;
        this.state = state;
        this.req = req;
        this.res = res;
        this.done = done;
    }

    /** Runs the first handler; only {@code next} calls from handlers count as nested steps. */
    void start() {
        step(null);
    }

    @Override
    public void skipRoute() {
        Trampoline.call(done::run);
    }

    @Override
    public void skipRouter() {
        Trampoline.call(done::skipRouter);
    }

    @Override
    void step(Throwable err) {
        if (err != null) state.error = err;
        while (idx < stack.size()) {
            Layer layer = stack.get(idx++);
            if (layer.method != null && !layer.method.equals(method)) continue;
            if (err != null) layer.handleError(err, state, req, res, this);
            else layer.handleRequest(state, req, res, this);
            return;
        }
        if (err != null) done.fail(err);
        else done.run();
    }
}

package io.express4j;

import java.util.List;

/** The {@code next} of one pass through a route's handlers: on to the next handler for the request's method. */
final class RouteDispatch implements Next {
    private final List<Layer> stack;
    private final String method;
    private final Request req;
    private final Response res;
    private final Next done;
    private int idx;

    RouteDispatch(List<Layer> stack, String method, Request req, Response res, Next done) {
        this.stack = stack;
        this.method = method;
        this.req = req;
        this.res = res;
        this.done = done;
    }

    /** Runs the first handler; only {@code next} calls from handlers count as nested steps. */
    void start() {
        next(null);
    }

    @Override
    public void run() {
        Trampoline.call(() -> next(null));
    }

    @Override
    public void fail(Throwable err) {
        Throwable error = err == null ? new IllegalStateException("next.fail(null)") : err;
        Trampoline.call(() -> next(error));
    }

    @Override
    public void skipRoute() {
        Trampoline.call(done::run);
    }

    @Override
    public void skipRouter() {
        Trampoline.call(done::skipRouter);
    }

    private void next(Throwable err) {
        while (idx < stack.size()) {
            Layer layer = stack.get(idx++);
            if (layer.method != null && !layer.method.equals(method)) continue;
            if (err != null) layer.handleError(err, req, res, this);
            else layer.handleRequest(req, res, this);
            return;
        }
        if (err != null) done.fail(err);
        else done.run();
    }
}

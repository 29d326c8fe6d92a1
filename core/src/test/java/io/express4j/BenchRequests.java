package io.express4j;

import io.express4j.server.HttpExchange;

/**
 * Benchmark support (in core's test-jar, which the benchmarks module depends on): runs one exchange through an app
 * exactly as the server does on a request's virtual thread (the app's stack, then the final handler), but on the
 * caller's thread and without the safety net, and returns the response for inspection.
 */
public final class BenchRequests {
    private BenchRequests() {}

    public static Response dispatch(App app, HttpExchange exchange) {
        Response res = new Response(exchange, exchange.method());
        Request req = new Request(exchange, res);
        res.req = req;
        app.handle(req, res, err -> FinalHandler.handle(err, req, res));
        return res;
    }
}

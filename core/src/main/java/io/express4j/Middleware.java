package io.express4j;

/** Express's {@code (req, res, next) => …}. Anything it throws goes to {@code next(err)}. */
@FunctionalInterface
public interface Middleware {
    void handle(Request req, Response res, Next next) throws Exception;
}

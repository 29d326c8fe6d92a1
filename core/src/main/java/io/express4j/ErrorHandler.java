package io.express4j;

/**
 * Express's error middleware {@code (err, req, res, next) => …}: skipped in normal flow, it alone runs while an
 * error is pending.
 */
@FunctionalInterface
public interface ErrorHandler {
    void handle(Throwable err, Request req, Response res, Next next) throws Exception;
}
